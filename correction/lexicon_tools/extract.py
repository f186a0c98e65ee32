"""Propose an episode lexicon from show notes: the names and terms that titles and descriptions
spell correctly.

A candidate is a run of up to ``MAX_WORDS`` words joined by spaces, each written like a name:

* CamelCase or capitals ("OpenAI", "GPT-4", "PDG"), a digit next to letters ("o1", "H100"; not a
  measure like "32m0s" or "5G"), an underscore ("Underscore_");
* or a capital letter where grammar does not explain it: not at the start of a sentence or of a
  line (notes put one field per line: "Durée: ...", "Écriture : ..."), nor in a Title Case line
  (one that capitalises its function words, "How OpenAI Fired Sam Altman And Why It Matters").
  Function words ("And", "With", "Et") never belong to a name.

A capitalised word that starts a sentence opens a run only if it is not an ordinary word, and
alone it is kept only if no dictionary knows it ("Acast" yes; "Pensez", "Hébergé" no).

Each span is first looked up in the lexicon (term, alias or sound-alike; a first name or surname
alone when it is not an ordinary word, "Altman"): a hit copies the known entry, kind and context
included. One ordinary word counts only when capitalised mid-sentence ("Apple"; not "IA" or
"PDG", ordinary French in capitals), a phrase of them with a capital anywhere ("Thinking Machines
Lab"), since a whole phrase of the lexicon rarely comes by chance. Other runs become
new entries unless every word is an ordinary word ("Date", "Pensez"). Their kind is a guess for
the user to check: ``person`` for two or three capitalised words ending in a rare word ("Tiffany
Souterre"), ``term`` when unsure.

>>> from correction.lexicon import Lexicon
>>> notes = "Matthieu revient sur le départ du PDG d'OpenAI, Sam Altman.\\nHébergé par Acast."
>>> [(found.entry.term, found.entry.kind, found.known) for found in extract(notes, Lexicon.from_entries(
...     [Entry("OpenAI", kind="org"), Entry("Sam Altman", kind="person")]))]
[('OpenAI', 'org', True), ('Sam Altman', 'person', True), ('Acast', 'term', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..index import LexiconIndex, Surface
from ..lexicon import Entry, Lexicon
from ..text import Token, fold, tokenize
from ..wordfreqs import is_common, is_known, max_zipf

MAX_WORDS = 4
# "32m0s", "5G", "1er", "3D": a number with a unit, not a name.
MEASURE = re.compile(r"^\d+(?:[^\W\d_]{1,3}\d*)+$")
# Function words ("and", "the", "with", "et", "de", "avec"; "why" is 5.9) are never part of a name,
# and when a line capitalises them it is a Title Case title: there, capitals say nothing.
FUNCTION_ZIPF = 5.9
ROLE_ORDER = {"term": 0, "alias": 1, "sounds_like": 2, "part": 3}


@dataclass(frozen=True)
class Found:
    """A name or term the notes spell, as a lexicon row. ``known``: copied from the lexicon;
    ``line``: where it first appears; ``mentions``: how many times it appears."""

    entry: Entry
    known: bool
    line: int
    mentions: int


@dataclass(frozen=True)
class _Word:
    """A token and what its shape says: ``strong``, written like a name whatever its place;
    ``capital``, capitalised where grammar may explain it (sentence or line start, Title Case line)."""

    token: Token
    line: int
    strong: bool
    capital: bool
    common: bool

    @property
    def name_like(self) -> bool:
        return self.strong or self.capital


def _has_signal(text: str) -> bool:
    """CamelCase/capitals, digits with letters (not a measure), or an underscore."""
    letters = any(char.isalpha() for char in text)
    if MEASURE.match(text):
        return False
    if any(char.isupper() for char in text[1:]):
        return True
    if letters and any(char.isdigit() for char in text):
        return True
    return letters and "_" in text


def _is_function_word(text: str) -> bool:
    return max_zipf(text.lower()) >= FUNCTION_ZIPF


def _title_lines(text: str, tokens: list[Token]) -> set[int]:
    """Lines that capitalise most of their function words after the first word ("How OpenAI Fired
    Sam Altman And Why It Matters"), at least two of them."""
    function_words: dict[int, list[Token]] = {}
    for token in tokens:
        if not (token.sentence_start or "\n" in token.gap_before) and _is_function_word(token.text):
            function_words.setdefault(text.count("\n", 0, token.start), []).append(token)
    return {line for line, words in function_words.items()
            if len(words) >= 2 and 2 * sum(word.is_capitalised for word in words) > len(words)}


def _words(text: str) -> list[_Word]:
    tokens = tokenize(text)
    titles = _title_lines(text, tokens)
    words = []
    for token in tokens:
        line = text.count("\n", 0, token.start)
        explained = token.sentence_start or "\n" in token.gap_before or line in titles
        capitalised = token.is_capitalised and not _is_function_word(token.text)
        strong = _has_signal(token.text) or (capitalised and not explained)
        words.append(_Word(token, line + 1, strong, capitalised and not strong, is_common(token.text.lower())))
    return words


def _joined(words: list[_Word], first: int, last: int) -> bool:
    """Words ``first`` to ``last`` (exclusive) are separated by spaces only, on one line."""
    return all(word.token.gap_before.strip(" \t") == "" and "\n" not in word.token.gap_before
               for word in words[first + 1 : last])


def _lookup(index: LexiconIndex, text: str, words: list[_Word]) -> Surface | None:
    """The best lexicon surface spelled like ``text``, if the words are written like a name."""
    surfaces = sorted(index.exact.get(fold(text), ()), key=lambda surface: ROLE_ORDER[surface.role])
    all_common = all(word.common for word in words)
    for surface in surfaces:
        if surface.role == "part" and all_common:
            continue  # "Sam", "Mark": a first name that is also an ordinary word names nobody
        # one ordinary word ("IA", "PDG", "apple") counts only when capitalised mid-sentence ("Apple");
        # several make a phrase unlikely by chance ("Thinking Machines Lab"), with a capital somewhere
        if all_common and len(words) == 1 and not (words[0].strong and words[0].token.text[1:].islower()):
            continue
        if all_common and not any(word.name_like for word in words):
            continue
        return surface
    return None


# A word of a personal name: a capital, then letters with inner hyphens or apostrophes ("Jean-Baptiste",
# "D'Angelo", "LeCun"), some of them lower case (not an acronym).
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")


def guess_kind(text: str) -> str:
    """``person`` for two or three capitalised words ending in a rare word; ``term`` when unsure.

    >>> guess_kind("Jean-Baptiste Kempf"), guess_kind("Thinking Machines"), guess_kind("Stability AI")
    ('person', 'term', 'term')
    """
    names = text.split()
    shaped = all(NAME_WORD.match(word) and word[0].isupper() and any(char.islower() for char in word)
                 for word in names)
    surname = re.split(r"['’-]", names[-1])[-1] if names else ""  # "D'Angelo": is "angelo" ordinary?
    return "person" if 2 <= len(names) <= 3 and shaped and not is_common(surname.lower()) else "term"


def extract(text: str, lexicon: Lexicon) -> list[Found]:
    """The names and terms ``text`` spells, in order of first appearance, known entries copied."""
    index = LexiconIndex(lexicon)
    words = _words(text)
    spans: list[tuple[int, Entry, bool, int]] = []  # (offset, entry, known, line), one per occurrence
    used = [False] * len(words)
    position = 0
    while position < len(words):  # longest lexicon match first, left to right
        for last in range(min(position + MAX_WORDS, len(words)), position, -1):
            span = words[position:last]
            if not _joined(words, position, last) or not any(word.name_like or not word.common for word in span):
                continue
            surface = _lookup(index, text[span[0].token.start : span[-1].token.end], span)
            if surface is not None:
                spans.append((span[0].token.start, surface.entry, True, span[0].line))
                used[position:last] = [True] * (last - position)
                position = last
                break
        else:
            position += 1
    for first, last in _runs(words, used):
        run = words[first:last]
        name = text[run[0].token.start : run[-1].token.end]
        if all(word.common for word in run) or len(fold(name)) < 2:
            continue
        if len(run) == 1 and not run[0].strong and is_known(name.lower()):
            continue  # a known word starting a sentence: "Hébergé", "Visitez"
        spans.append((run[0].token.start, Entry(name, kind=guess_kind(name)), False, run[0].line))
    return _gathered(spans)


def _runs(words: list[_Word], used: list[bool]) -> list[tuple[int, int]]:
    """Runs of name-like words not taken by a lexicon match; a capital explained by grammar opens a
    run only on a word that is not ordinary. Runs longer than MAX_WORDS are titles, not names."""
    runs = []
    position = 0
    while position < len(words):
        word = words[position]
        if used[position] or not (word.strong or (word.capital and not word.common)):
            position += 1
            continue
        last = position + 1
        while last < len(words) and not used[last] and words[last].strong and _joined(words, last - 1, last + 1):
            last += 1
        if last - position <= MAX_WORDS:
            runs.append((position, last))
        position = last
    return sorted(runs)


def _gathered(spans: list[tuple[int, Entry, bool, int]]) -> list[Found]:
    """One Found per folded term, at its first appearance, counting every mention."""
    order: dict[str, tuple[Entry, bool, int]] = {}
    mentions: dict[str, int] = {}
    for _, entry, known, line in sorted(spans, key=lambda span: span[0]):
        key = fold(entry.term)
        order.setdefault(key, (entry, known, line))
        mentions[key] = mentions.get(key, 0) + 1
    return [Found(entry, known, line, mentions[key]) for key, (entry, known, line) in order.items()]
