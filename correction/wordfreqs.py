"""How ordinary a word is, from the `wordfreq` package (French and English data bundled).

A misheard name is usually either a non-word ("OpenEye", "samalpan") or a run of ordinary
words ("il y a" for Ilya). The first kind can be corrected boldly; the second needs evidence.
The Zipf scale: 7 is "the"/"et", 3 is a rare word or a name, 0 means never seen.

Every look-up goes through :func:`zipf`. After :func:`use_table` (the command line calls it with
its cache folder) it answers from a table stored there (:mod:`correction.wordfreq_table`), mapped
in milliseconds, and imports wordfreq only for the inputs the table leaves to it (apostrophes, ß,
other scripts...): a run on ordinary text then never imports it. The values are the same.

>>> is_common("samedi"), is_common("satia")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .wordfreq_table import WordTable

LANGUAGES = ("fr", "en")
OTHER_LANGUAGE = {"fr": "en", "en": "fr"}  # the language a transcript in the first may quote
# At or above this Zipf frequency a word counts as ordinary language: "open" 5.5, "cher" 5.1,
# "Marc" 4.7, "samedi" 5.0; below it, names and non-words: "Salman" 3.3, "Altman" 3.0, "Ilya" 2.9.
COMMON_ZIPF = 3.5
# Below this a token is not a word of either language: "OpenEye", "satia", "dégociation" (0.0).
# Rare words and names sit between the two bounds: "tornade" 3.3, "Ilya" 2.9, "Hetzel" 2.5.
KNOWN_ZIPF = 1.0
# At or above this, a function word: "il" 7.0, "et", "the", "so"; "open" (5.5) is not one.
FUNCTION_WORD_ZIPF = 6.0


# The folder of the stored table; None: wordfreq answers everything (a library caller that set no
# cache, --no-cache).
_TABLE_FOLDER: list[Path | None] = [None]


def use_table(folder: Path | None) -> None:
    """Answer :func:`zipf` from the table stored under ``folder`` (built there on first use), or,
    with None, from wordfreq alone."""
    if folder != _TABLE_FOLDER[0]:
        _TABLE_FOLDER[0] = folder
        _table.cache_clear()


@lru_cache(maxsize=1)
def _table() -> "WordTable | None":
    if _TABLE_FOLDER[0] is None:
        return None
    from .wordfreq_table import load_or_build

    return load_or_build(_TABLE_FOLDER[0])


@lru_cache(maxsize=1 << 17)
def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, from the stored table when it can answer exactly."""
    table = _table()
    if table is not None:
        value = table.zipf(word, lang)
        if value is not None:
            return value
    from wordfreq import zipf_frequency  # imported on first use: it loads its data lazily anyway

    return zipf_frequency(word, lang)


@lru_cache(maxsize=1 << 17)
def max_zipf(word: str) -> float:
    """The word's frequency in its most frequent language (a transcript mixes French and English)."""
    return max(zipf(word, lang) for lang in LANGUAGES)


def is_common(word: str) -> bool:
    return max_zipf(word) >= COMMON_ZIPF


def is_function_word(word: str, lang: str | None = None) -> bool:
    """A function word of ``lang``, or (without one) of either language: "if" is English grammar,
    not French ("if" is a yew there), so ``is_function_word("if", "fr")`` is False."""
    return (max_zipf(word) if lang is None else zipf(word, lang)) >= FUNCTION_WORD_ZIPF


def is_known(word: str) -> bool:
    return max_zipf(word) >= KNOWN_ZIPF


def detect_language(words: list[str], sample: int = 2000) -> str:
    """'fr' or 'en', by which language knows the transcript's words better (first ``sample`` words)."""
    score = {lang: 0.0 for lang in LANGUAGES}
    for word in words[:sample]:
        for lang in LANGUAGES:
            score[lang] += zipf(word.lower(), lang)
    return max(score, key=score.get)
