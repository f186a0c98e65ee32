"""Letters said out loud: how French and English speakers name each letter, and which words of a
transcript spell an acronym that way.

A recogniser that hears "LLM" spelled by a French speaker may write "elle-elle-aime"; an English
one writes "our LHF" for RLHF (R said "are", written as the word it sounds like) or "see an RS"
for CNRS. Read letter by letter, those words give the acronym's letters back. The exact pass looks
the letters up like any spelling (:meth:`correction.passes.base.Job.spelled_hits`).

>>> said_letters("elle-elle-aime")
Reading(letters='llm', named=True, written=False)
>>> said_letters("LHF").written, said_letters("our").named
(True, True)
>>> said_letters("Altman") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .text import fold

# Each letter's names, as recognisers write them, folded (no accents, no case): French first, then
# English. Words that only sound like a letter name are included when recognisers write them for
# it ("our" and "are" for R, "an" for N, "sea" for C); they never spell anything alone, only in a
# run that gives exactly the letters of an acronym in the lexicon.
_NAMES = {
    "a": "a ah ay",
    "b": "be bee",
    "c": "ce se see sea cee",
    "d": "de dee",
    "e": "eu ee",
    "f": "ef effe eff",
    "g": "ge gee",
    "h": "hache ache aitch haitch",
    "i": "eye",
    "j": "ji jay",
    "k": "ka kay",
    "l": "elle el ell",
    "m": "emme em aime",
    "n": "enne ene en an haine",
    "o": "oh eau",
    "p": "pe pee pea",
    "q": "ku cu cue queue",
    "r": "erre er air ere aire ar are our",
    "s": "esse es ess",
    "t": "te tee tea",
    "u": "you",
    "v": "ve vee",
    "x": "ix ixe iks ex",
    "y": "igrec why wye",
    "z": "zede zed zee",
}
LETTER_NAMES: dict[str, str] = {fold(name): letter for letter, names in _NAMES.items() for name in names.split()}
# An acronym written in capitals inside a spelled run ("our LHF"): at most this many letters.
MAX_CAPITALS_PIECE = 5


# Letters that are words on their own ("a", "I", "y", "o"): read as letters, but no sign of spelling.
VOWEL_WORDS = frozenset("aàeéiouy")


class Reading(NamedTuple):
    """A word read letter by letter: its ``letters``; whether some letter was ``named`` ("elle",
    "our"); whether some was ``written`` as a letter a sentence would not have (a capital run,
    a lone consonant: "LHF", "g")."""

    letters: str
    named: bool
    written: bool


@lru_cache(maxsize=1 << 14)
def said_letters(word: str) -> Reading | None:
    """``word`` read letter by letter, piece by piece between hyphens; None when some piece is
    neither a letter, a letter's name, nor a short run of capitals."""
    letters, named, written = [], False, False
    for piece in word.split("-"):
        key = fold(piece)
        if len(key) == 1 and key.isalpha():
            letters.append(key)
            written = written or key not in VOWEL_WORDS
        elif key in LETTER_NAMES:
            letters.append(LETTER_NAMES[key])
            named = True
        elif piece.isalpha() and piece.isupper() and len(piece) <= MAX_CAPITALS_PIECE:
            letters.append(key)
            written = True
        else:
            return None
    return Reading("".join(letters), named, written)


def is_acronym(form: str) -> bool:
    """Written in capitals only, three letters or more: "LLM", "RLHF", "CNRS" (not "AI": two letters
    said out loud are too often two ordinary words, "you are", "elle a")."""
    return len(form) >= 3 and form.isalpha() and form.isupper()
