"""Named text normalisations applied to reference and hypothesis before counting errors.

Each normaliser is a jiwer ``Compose`` of string-to-string steps, each with a one-line comment,
registered under the name users type (``--normalize``). All of them leave numbers as they are
("3,5", "GPT-4", "2023" are never spelled out or split) and keep accents ("à" is not "a").

>>> NORMALIZERS["basic"]("Le PDG d’OpenAI, Sam Altman…")
"le pdg d'openai sam altman"
>>> NORMALIZERS["fr"]("Le PDG d’OpenAI, Sam Altman…")
"le pdg d' openai sam altman"
>>> NORMALIZERS["en"]("OpenAI's CEO didn't say")
"openai 's ceo did n't say"
>>> NORMALIZERS["none"]("  Le PDG d'OpenAI,\\n Sam  ")
"Le PDG d'OpenAI, Sam"
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

import jiwer

from ..errors import UsageError
from ..text import FRENCH_ELIDING_WORDS


class UnicodeNFC(jiwer.AbstractTransform):
    """Compose characters, so that "é" typed as "e" + combining accent equals "é"."""

    def process_string(self, s: str) -> str:
        return unicodedata.normalize("NFC", s)


class PunctuationToSpace(jiwer.AbstractTransform):
    """Replace punctuation (Unicode category P*) by a space, except where it is part of a word.

    Kept: ``' - . &`` between two letters or digits ("aujourd'hui", "peut-être", "GPT-4",
    "Node.js", "AT&T"); in numbers, a comma between digits ("3,5"), a minus sign ("-10") and
    ``% ‰``; ``#`` after a letter ("C#"); and the apostrophes inside matches of ``keep`` (the
    elided "d'" of "d' OpenAI"). Symbols (category S: "€", "+", "$") stay anyway.
    "Underscore_" becomes "Underscore", "e/acc" becomes "e acc".
    """

    JOINERS = "'-.&"
    UNITS = "%‰"

    def __init__(self, keep: re.Pattern[str] | None = None):
        self.keep = keep

    def process_string(self, s: str) -> str:
        characters = list(s)
        protected = set()
        if self.keep is not None:
            protected = {match.end() - 1 for match in self.keep.finditer(s)}
        last = len(s) - 1
        for position, char in enumerate(s):
            if char in self.UNITS or position in protected or not unicodedata.category(char).startswith("P"):
                continue
            before = s[position - 1] if position > 0 else " "
            after = s[position + 1] if position < last else " "
            if char in self.JOINERS and before.isalnum() and after.isalnum():
                continue
            if (char == "," and before.isdigit() and after.isdigit()) or (char == "-" and after.isdigit()):
                continue
            if char == "#" and before.isalpha():
                continue
            characters[position] = " "
        return "".join(characters)


# Typographic apostrophes and primes that recognisers and subtitle editors use for "'".
APOSTROPHES = {r"[’‘ʼ´`′]": "'"}

# French elided words, only at the start of a word, so "aujourd'hui", "quelqu'un", "presqu'île"
# and the colloquial "y'a" stay whole.
FRENCH_ELIDED = re.compile(rf"\b(?:{'|'.join(FRENCH_ELIDING_WORDS)})'", re.IGNORECASE)
# "l'OpenAI" and "l' OpenAI" -> "l' OpenAI": the elided word and the name are two words.
FRENCH_ELISION = {rf"({FRENCH_ELIDED.pattern})\s*(?=\w)": r"\1 "}

# English clitics, Penn Treebank style: "OpenAI's" -> "OpenAI 's", "didn't" -> "did n't".
ENGLISH_CLITIC = re.compile(r"(?<!\w)'(?:s|re|ve|ll|d|m)\b", re.IGNORECASE)
ENGLISH_CLITICS = {r"(?<=\w)(n't|'s|'re|'ve|'ll|'d|'m)\b": r" \1"}

# Any run of white space (tabs, newlines, no-break spaces) is one word separator.
WHITESPACE = {r"\s+": " "}


def _cleaning(keep: re.Pattern[str] | None = None) -> list[jiwer.AbstractTransform]:
    """The steps shared by basic, fr and en; ``keep`` protects language-specific apostrophes."""
    return [
        UnicodeNFC(),  # one code point per accented letter, as most keyboards type it
        jiwer.ToLowerCase(),  # "OpenAI", "OPENAI" and "openai" are one word
        jiwer.SubstituteRegexes(APOSTROPHES),  # "d’OpenAI" and "d'OpenAI" are one word
        PunctuationToSpace(keep),  # ",", "...", "?", quotes and brackets separate words, never count
    ]


@dataclass(frozen=True)
class Normalizer:
    """A named normalisation: ``normalizer(text) -> text``; ``many(texts)`` for a list of lines."""

    name: str
    summary: str
    steps: jiwer.Compose

    def __call__(self, text: str) -> str:
        return self.steps(text)

    def many(self, texts: Sequence[str]) -> list[str]:
        return [self.steps(text) for text in texts]


NONE = Normalizer(
    name="none",
    summary="text as written: only runs of white space become one space",
    steps=jiwer.Compose(
        [
            jiwer.SubstituteRegexes(WHITESPACE),  # words are what lies between white space
            jiwer.Strip(),  # no empty word at either end
        ]
    ),
)
"""Compare the texts as written: case and punctuation count ("Twitter..." is not "twitter")."""

BASIC = Normalizer(
    name="basic",
    summary="lower case, typographic apostrophes to ', punctuation removed except inside "
    "words and numbers (aujourd'hui, peut-être, GPT-4, C#, 3,5, -10, 50%), white space collapsed",
    steps=jiwer.Compose(
        _cleaning()
        + [
            jiwer.SubstituteRegexes(WHITESPACE),  # one space between words
            jiwer.Strip(),  # no empty word at either end
        ]
    ),
)
"""Language-neutral cleaning; a word with an apostrophe stays one word ("l'openai")."""

FRENCH = Normalizer(
    name="fr",
    summary="basic, then French elided words split off: l'OpenAI -> l' + openai (also c' d' j' "
    "m' n' s' t' qu' jusqu' lorsqu' puisqu' quoiqu'; aujourd'hui stays whole)",
    steps=jiwer.Compose(
        _cleaning(keep=FRENCH_ELIDED)
        + [
            jiwer.SubstituteRegexes(FRENCH_ELISION),  # "d'openai" -> "d' openai": the name is a word
            jiwer.SubstituteRegexes(WHITESPACE),  # one space between words
            jiwer.Strip(),  # no empty word at either end
        ]
    ),
)
"""For French: a name after an elided article is its own word, so lexicon terms can match it."""

ENGLISH = Normalizer(
    name="en",
    summary="basic, then English clitics split off: OpenAI's -> openai + 's, didn't -> did + n't "
    "(also 're 've 'll 'd 'm)",
    steps=jiwer.Compose(
        _cleaning(keep=ENGLISH_CLITIC)
        + [
            jiwer.SubstituteRegexes(ENGLISH_CLITICS),  # "openai's" -> "openai 's": the name is a word
            jiwer.SubstituteRegexes(WHITESPACE),  # one space between words
            jiwer.Strip(),  # no empty word at either end
        ]
    ),
)
"""For English: a possessive or contraction is its own word, so lexicon terms can match."""

NORMALIZERS: dict[str, Normalizer] = {normalizer.name: normalizer for normalizer in (NONE, BASIC, FRENCH, ENGLISH)}
DEFAULT_NORMALIZER = "basic"


def get_normalizer(name: str | Normalizer) -> Normalizer:
    """The registered normaliser called ``name`` (a Normalizer passes through)."""
    if isinstance(name, Normalizer):
        return name
    if name not in NORMALIZERS:
        raise UsageError("--normalize", f"unknown normalisation {name!r}; choose one of {', '.join(NORMALIZERS)}")
    return NORMALIZERS[name]
