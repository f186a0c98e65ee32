"""What a recogniser heard in place of a name: word alignment of a written and a heard sentence.

A name's heard form is sure only when the words on both sides of it were heard exactly: then the
heard text between those two words is what the recogniser made of the name. Elsewhere the
boundary is a guess, and a guess makes bad gold, so the name is reported as unsure (``None``).

>>> written = tokenize("Et là, Emmett Shear a répondu tout de suite.")
>>> heard_span(written, (2, 4), "et là, à mettre chez a répondu tout de suite.")
HeardSpan(text='à mettre chez', start=7, end=20)
>>> heard_span(written, (2, 4), "et là, à mettre chez à mes pubs de suite.") is None  # 'a répondu' lost
True

Words compare without case, punctuation or accents ("Là" = "la"): a recogniser's casing, punctuation
and accents on a short word say little about whether it heard the word. A lone short neighbour can
still match by chance ("a" inside "t'a"), so a side counts as heard only when its two words nearest
the name were heard exactly and next to each other (one word when the sentence starts or ends there).
The word after the name must also be heard as a word of its own: "est" inside "c'est" where "Williams
est" was said is not ("William, c'est"), since the elision "c'" holds the name's last sound and the
boundary falls inside it; cut there, the heard form would carry a dangling "c'" into every
sentence it is spliced into ("William, c' a remercié"), text no recogniser writes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..text import FRENCH_ELIDING_WORDS

# A word: letters, digits and the apostrophes, hyphens and dots inside them. A French elided
# word ("d'", "qu'") is a word of its own, so "d'OpenAI" aligns as "d'" + "OpenAI".
_ELISION = rf"(?:{'|'.join(FRENCH_ELIDING_WORDS)})['’]"
_WORD = re.compile(rf"(?i)\b{_ELISION}|[\w]+(?:[-'’.][\w]+)*")


@dataclass(frozen=True)
class Token:
    """A word of a sentence with its offsets and its comparison key."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text)


@dataclass(frozen=True)
class HeardSpan:
    """The heard text of a name and its offsets in the heard sentence."""

    text: str
    start: int
    end: int


def fold(word: str) -> str:
    """The comparison key of a word: lower case, typographic apostrophe folded, no accents.

    >>> fold("Là"), fold("D’"), fold("Répondu")
    ('la', "d'", 'repondu')
    """
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their offsets; punctuation is left out.

    >>> [token.text for token in tokenize("Bon, le patron d'OpenAI, c'est Sam Altman.")]
    ['Bon', 'le', 'patron', "d'", 'OpenAI', "c'", 'est', 'Sam', 'Altman']
    """
    return [Token(match.group(), match.start(), match.end()) for match in _WORD.finditer(text)]


def align(written: list[Token], heard: list[Token]) -> dict[int, int]:
    """Map each written word that was heard exactly to the index of its heard word.

    Levenshtein opcodes on the two word lists (each word an integer), so the alignment is the
    cheapest edit script of whole words.
    """
    ids: dict[str, int] = {}
    written_ids = [ids.setdefault(token.key, len(ids)) for token in written]
    heard_ids = [ids.setdefault(token.key, len(ids)) for token in heard]
    matched: dict[int, int] = {}
    for tag, w_start, w_end, h_start, _h_end in Levenshtein.opcodes(written_ids, heard_ids):
        if tag == "equal":
            for offset in range(w_end - w_start):
                matched[w_start + offset] = h_start + offset
    return matched


def heard_span(written: list[Token], name: tuple[int, int], heard_text: str) -> HeardSpan | None:
    """The heard form of the written words ``name`` (a ``[first, last)`` range), or None if unsure.

    Sure means: on each side, the two written words nearest the name were heard exactly and next
    to each other (the start or the end of the sentence stands in for a missing word), and
    something was heard between the two sides. The heard text keeps the recogniser's spelling,
    from the first heard word to the last.
    """
    heard = tokenize(heard_text)
    return _between(written, name, heard_text, heard, align(written, heard), frozenset())


def _between(written: list[Token], name: tuple[int, int], heard_text: str, heard: list[Token],
             matched: dict[int, int], names: frozenset[int]) -> HeardSpan | None:
    """:func:`heard_span` on a sentence already tokenised and aligned; ``names`` holds the indexes
    of written words that belong to other names, which stand in for a missing word as the
    sentence's ends do."""
    first, last = name
    if not 0 <= first < last <= len(written):
        raise ValueError(f"heard_span: name range {name} outside the {len(written)} written words")
    if not (_heard_side(matched, first - 1, -1, len(written), names)
            and _heard_side(matched, last, +1, len(written), names)):
        return None
    left = matched[first - 1] + 1 if first > 0 else 0
    right = matched[last] if last < len(written) else len(heard)
    if right <= left:
        return None  # nothing heard for the name: no span to correct
    if last < len(written) and _elided_onto(heard, right):
        return None  # the word after the name heard glued to an elision (the name's own words never end in one)
    start, end = heard[left].start, heard[right - 1].end
    return HeardSpan(text=heard_text[start:end], start=start, end=end)


def _elided_onto(words: list[Token], index: int) -> bool:
    """The word ``index`` follows an elided word with nothing between them ("est" in "c'est")."""
    if index == 0:
        return False
    before = words[index - 1]
    return before.text[-1:] in ("'", "’") and before.end == words[index].start


def _heard_side(matched: dict[int, int], nearest: int, step: int, count: int, names: frozenset[int]) -> bool:
    """The written word ``nearest`` the name and the next one outwards were heard, side by side."""
    if not 0 <= nearest < count:
        return True  # the name starts or ends the sentence
    outer = nearest + step
    if nearest not in matched:
        return False
    if not 0 <= outer < count or outer in names:
        return True
    return outer in matched and matched[outer] == matched[nearest] + step


def name_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The ``[first, last)`` word range covering the characters ``start:end`` of a sentence.

    >>> tokens = tokenize("Hier, Mira Murati a parlé.")
    >>> name_range(tokens, 6, 17)
    (1, 3)
    """
    inside = [index for index, token in enumerate(tokens) if token.start < end and token.end > start]
    if not inside:
        raise ValueError(f"name_range: no word between characters {start} and {end}")
    return inside[0], inside[-1] + 1


def heard_names(written_text: str, names: list[tuple[int, int]], heard_text: str) -> list[HeardSpan] | None:
    """The heard span of every name (character ranges in ``written_text``), or None if one is unsure.

    This is the gold of a sentence spoken whole: one unsure boundary and the sentence is left out,
    since a guessed boundary would make a wrong gold edit. Spans that overlap are unsure too.

    >>> heard_names("So Sam Altman said OpenAI was fine.", [(3, 13), (19, 25)],
    ...             "So Sam Ultraman said Open Eye was fine.")
    [HeardSpan(text='Sam Ultraman', start=3, end=15), HeardSpan(text='Open Eye', start=21, end=29)]
    """
    words, heard = tokenize(written_text), tokenize(heard_text)
    alignment = align(words, heard)
    ranges = [name_range(words, start, end) for start, end in names]
    inside = frozenset(index for first, last in ranges for index in range(first, last))
    spans = []
    for first, last in ranges:
        span = _between(words, (first, last), heard_text, heard, alignment, inside)
        if span is None:
            return None
        spans.append(span)
    ordered = sorted(spans, key=lambda span: span.start)
    if any(first.end > second.start for first, second in zip(ordered, ordered[1:])):
        return None
    return spans


def minimal_edit(raw: str, start: int, end: int, term: str) -> tuple[int, int, str]:
    """The heard span ``raw[start:end]`` of ``term`` without the words at its ends heard right.

    >>> minimal_edit("Honestly, Satya Namella gives", 10, 23, "Satya Nadella")
    (16, 23, 'Nadella')
    >>> minimal_edit("so Warren said", 3, 9, "Warren Buffett")  # nothing would be left: the whole span
    (3, 9, 'Warren Buffett')
    """
    heard_words, term_words = raw[start:end].split(" "), term.split(" ")
    head = 0
    while head < min(len(heard_words), len(term_words)) - 1 and heard_words[head] == term_words[head]:
        head += 1
    tail = 0
    while (tail < min(len(heard_words), len(term_words)) - head - 1
           and heard_words[-1 - tail] == term_words[-1 - tail]):
        tail += 1
    kept = heard_words[head: len(heard_words) - tail]
    if not kept:
        return start, end, term
    new_start = start + sum(len(word) + 1 for word in heard_words[:head])
    new_end = end - sum(len(word) + 1 for word in heard_words[len(heard_words) - tail:])
    return new_start, new_end, " ".join(term_words[head: len(term_words) - tail])
