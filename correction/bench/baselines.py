"""Naive correctors to compare the engine with, each emitting :class:`~correction.edits.Edit` records.

Both are built once per lexicon (like the engine) and then called on a text; their edits are
scored by the same ``score_edits`` / ``score_texts`` as the engine's.

* ``flashtext``: exact, case-insensitive find-and-replace of every term and alias spelling by
  its canonical term (a flashtext ``KeywordProcessor``, one trie for the whole lexicon).
* ``rapidfuzz``: every token replaced by the canonical term closest to it, when
  ``fuzz.ratio(token, term) >= 80`` (``process.extractOne``: a loop over the lexicon per token).

>>> from correction.lexicon import Lexicon
>>> lexicon = Lexicon.from_terms(["OpenAI", "Microsoft"])
>>> [(e.original, e.replacement) for e in FlashTextBaseline(lexicon)("le PDG d'openai.\\nMicrosoft")]
[('openai', 'OpenAI')]
>>> [(e.original, e.replacement, e.line) for e in RapidFuzzBaseline(lexicon)("chez OpenAl\\net Micrsoft")]
[('OpenAl', 'OpenAI', 1), ('Micrsoft', 'Microsoft', 2)]
"""

from __future__ import annotations

import string
from bisect import bisect_right
from typing import Callable

from ..edits import Edit
from ..lexicon import Lexicon
from ..text import tokenize

FUZZ_CUTOFF = 80


class Locator:
    """Line (1-based) and column (0-based) of a character offset, by bisection over line starts."""

    def __init__(self, text: str):
        self.starts = [0] + [position + 1 for position, char in enumerate(text) if char == "\n"]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]


def make_edit(text: str, locate: Locator, start: int, end: int, replacement: str, entity: str, pass_name: str,
              score: float, reason: str) -> Edit:
    line, column = locate(start)
    return Edit(start=start, end=end, original=text[start:end], replacement=replacement, line=line, column=column,
                entity=entity, pass_name=pass_name, score=score, reason=reason)


class FlashTextBaseline:
    """Exact replacement of term and alias spellings (case-insensitive) by the canonical term."""

    name = "flashtext"
    # flashtext's default word characters are ASCII only, so "é" would end a word ("OpenAIé"
    # would match); add the accented Latin letters of French and its neighbours.
    WORD_CHARACTERS = set(string.ascii_letters + string.digits + "_") | {
        chr(code) for code in range(0x00C0, 0x0250) if chr(code).isalpha()
    }

    def __init__(self, lexicon: Lexicon):
        from flashtext import KeywordProcessor  # imported here: the `bench` extra

        self.processor = KeywordProcessor(case_sensitive=False)
        self.processor.set_non_word_boundaries(self.WORD_CHARACTERS)
        self.spellings: set[str] = set()
        for entry in lexicon:
            for spelling in (entry.term, *entry.aliases):
                # First claim wins, as in Lexicon.from_entries.
                if spelling.lower() not in self.spellings:
                    self.processor.add_keyword(spelling, entry.term)
                    self.spellings.add(spelling.lower())

    def __call__(self, text: str) -> tuple[Edit, ...]:
        locate = Locator(text)
        edits = []
        for term, start, end in self.processor.extract_keywords(text, span_info=True):
            original = text[start:end]
            # Offsets are those of text.lower(); a character whose lower case is longer ("İ")
            # would shift them, so keep only spans that still hold a known spelling.
            if original == term or original.lower() not in self.spellings:
                continue
            edits.append(make_edit(text, locate, start, end, term, term, self.name, 1.0,
                                   f"exact match of a spelling of {term!r}"))
        return tuple(edits)


class RapidFuzzBaseline:
    """Every token replaced by the closest canonical term with ``fuzz.ratio >= 80`` (case-sensitive)."""

    name = "rapidfuzz"

    def __init__(self, lexicon: Lexicon, score_cutoff: float = FUZZ_CUTOFF):
        self.terms = [entry.term for entry in lexicon]
        self.score_cutoff = score_cutoff

    def __call__(self, text: str) -> tuple[Edit, ...]:
        from rapidfuzz import fuzz, process

        locate = Locator(text)
        edits = []
        for token in tokenize(text):
            match = process.extractOne(token.text, self.terms, scorer=fuzz.ratio, score_cutoff=self.score_cutoff)
            if match is None or match[0] == token.text:
                continue
            term, score, _ = match
            edits.append(make_edit(text, locate, token.start, token.end, term, term, self.name, score / 100,
                                   f"fuzz.ratio {score:.0f} with {term!r}"))
        return tuple(edits)


BASELINES: dict[str, Callable[[Lexicon], Callable[[str], tuple[Edit, ...]]]] = {
    FlashTextBaseline.name: FlashTextBaseline,
    RapidFuzzBaseline.name: RapidFuzzBaseline,
}
"""Baselines by name: ``BASELINES[name](lexicon)(text) -> edits`` (non-overlapping, in text order)."""
