"""Tokens of a transcript and the folded keys used to compare spellings.

>>> [token.text for token in tokenize("d'OpenEye's board")]
['d', 'OpenEye', 's', 'board']
>>> fold("Ópen-AI")
'openai'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# A word: letters/digits/underscore, with inner hyphens or dots ("peut-être", "GPT-4", "Node.js").
# Apostrophes split words, so French elision ("d'", "l'", "qu'") and English possessives ("'s")
# stay outside every rewrite.
# A dotted acronym keeps its last dot unless that dot may end the sentence (before a capital or
# the end of the line): "Open A.I. and" is "Open" + "A.I.", "... about A.I.\nNext" keeps its period.
TOKEN_PATTERN = re.compile(r"(?:[^\W\d_]\.){2,}(?=[ \t]*[^\s.A-ZÀ-Þ])|\w+(?:[-.]\w+)*")
SENTENCE_END = re.compile(r"[.!?…]\s*$")
# French words that elide before a vowel ("l'", "d'", "qu'"): each belongs to the word after its
# apostrophe. Only at the start of a word, so "aujourd'hui" and "quelqu'un" stay whole.
FRENCH_ELIDING_WORDS = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
# Lower-case particles inside personal names: "Charles de Gaulle", "Ursula von der Leyen".
NAME_PARTICLES = frozenset("de du des la le van von der den di da del della dos das do bin ben al el ter ten zu".split())


APOSTROPHES = ("'", "’")  # the straight and the typographic one


class Token(NamedTuple):
    """A word of the text: ``text == source[start:end]``.

    ``gap_before`` is the text between the previous token and this one; ``sentence_start`` says
    whether a capital letter here is explained by grammar rather than by a name. (A NamedTuple,
    immutable like a frozen dataclass but several times cheaper to build: a long transcript has
    a million tokens.)
    """

    text: str
    start: int
    end: int
    index: int
    gap_before: str
    sentence_start: bool

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_titled(self) -> bool:
        """Written like "Word": a capital first, not all in capitals ("IA", "CEO" are acronyms)."""
        return self.text[:1].isupper() and not self.text.isupper()

    @property
    def has_inner_capital(self) -> bool:
        """"OpenEye", "ILIA": capitals after the first letter mark a name even at a sentence start."""
        return any(char.isupper() for char in self.text[1:])

    @property
    def after_apostrophe(self) -> bool:
        return self.gap_before.endswith(APOSTROPHES)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    # Words and gaps repeat (Zipf): one string object per distinct value keeps a long transcript small.
    shared: dict[str, str] = {}
    previous_end = 0
    for index, match in enumerate(TOKEN_PATTERN.finditer(text)):
        start, end = match.span()
        gap = text[previous_end:start]
        gap = shared.setdefault(gap, gap)
        sentence_start = bool(SENTENCE_END.search(gap)) if tokens else True
        word = match.group()
        tokens.append(Token(shared.setdefault(word, word), start, end, index, gap, sentence_start))
        previous_end = end
    return tokens


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower-case, strip accents and everything but letters and digits: the key for exact matching."""
    # NFKD splits accents off as combining marks, which are not word characters, so one regex
    # pass drops them with the punctuation, spaces and underscores.
    return _NOT_KEY.sub("", unicodedata.normalize("NFKD", text.casefold()))


_NOT_KEY = re.compile(r"[\W_]+")


def joinable(gap: str) -> bool:
    """Whether two tokens separated by ``gap`` may belong to one name: only spaces between them."""
    return bool(gap) and gap.isspace()
