"""wordfreq's French and English word lists as a sorted table in the cache, read memory-mapped, so
that a run answers ``zipf_frequency`` without importing wordfreq (0.15 s) or decoding its lists
(0.15 s a language): half the start of a run, paid again before ``--jobs N`` workers can start.

A table holds, per language, every word of wordfreq's list, sorted by UTF-8 bytes, with its
frequency band (wordfreq's centibel index).
:meth:`WordTable.zipf` answers only inputs whose tokens wordfreq would find the same way: a phrase
of such words separated by single spaces or hyphens, in letters whose ``lower()`` is their
``casefold()`` and whose NFC form is themselves (no ß, no apostrophe, no ligature), and computes
the value with wordfreq's own arithmetic. Anything else is None: the caller asks wordfreq.

>>> import tempfile; from pathlib import Path
>>> table = load_or_build(Path(tempfile.mkdtemp()))
>>> table.zipf("Samedi", "fr"), table.zipf("peut-être", "fr"), table.zipf("l'homme", "fr")
(4.98, 5.97, None)

The file is keyed by wordfreq's version, :data:`TABLE_FORMAT` and this module's source; it is built
once (with wordfreq), checked against wordfreq on a sample of words and phrases before it is
stored, and rebuilt when its checksum or meta does not match (:mod:`correction.arrayfile`).
"""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path
from typing import Iterable

import numpy as np

from .arrayfile import StaleFile, read_arrays, write_arrays

LANGUAGES = ("fr", "en")
# Bump when what is stored changes shape (the source hash in the key catches code changes too).
TABLE_FORMAT = 1

# Letters whose lower() is their casefold() and that NFC leaves alone: ASCII, Latin-1 (not ß, which
# folds to "ss", nor × and ÷) and Œ/œ. Unicode word-boundary rules make one token of letters and
# digits together ("20h30"), of letters joined by dots ("b.a", "u.s." less its last dot) and of
# digits joined by dots or commas ("2.30", "1,000"); they split at spaces and hyphens. Runs of
# more than 20 digits are left to wordfreq (its Benford estimate overflows a float on long ones).
_LETTER = "A-Za-zÀ-ÖØ-Þà-öø-ÿŒœ"
_WORD = rf"(?:[{_LETTER}]+(?:\.[{_LETTER}]+)+\.?|[0-9]+(?:[.,][0-9]+)+|[{_LETTER}0-9]+)"
PHRASE = re.compile(rf"{_WORD}(?:[ -]{_WORD})*")
_SEPARATOR = re.compile("[ -]")
_LONG_DIGITS = re.compile("[0-9]{21}")
# wordfreq's numbers.py, with the digits of the shapes above (ASCII): a number of two digits or more
# is looked up as zeros ("1994" as "0000") and weighted by its own estimated frequency
_MULTI_DIGIT = re.compile("[0-9][0-9.,]+")
_DIGIT = re.compile("[0-9]")
_PURE_DIGITS = re.compile("[0-9]+")

# wordfreq's floor for a word it does not know: zipf_to_freq(minimum=0.0)
_MINIMUM = 10**0.0 / 1e9


class WordTable:
    """The stored words of each language and their bands; look-ups by binary search on the bytes."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self._lists = {}
        for lang in LANGUAGES:
            # the words' bytes copied once (3 MB, about a millisecond): slicing bytes is what the
            # search does ~19 times a look-up; offsets and bands stay mapped
            self._lists[lang] = (arrays[f"{lang}.words"].tobytes(), memoryview(arrays[f"{lang}.offsets"]),
                                 memoryview(arrays[f"{lang}.bands"]))

    def band(self, token: str, lang: str) -> int | None:
        """The centibel band (0 = frequency 1) of a stored token, or None if the list lacks it."""
        words, offsets, bands = self._lists[lang]
        key = token.encode("utf-8")
        low, high = 0, len(bands)
        while low < high:
            middle = (low + high) // 2
            word = words[offsets[middle] : offsets[middle + 1]]
            if word < key:
                low = middle + 1
            elif word > key:
                high = middle
            else:
                return bands[middle]
        return None

    def zipf(self, word: str, lang: str) -> float | None:
        """``wordfreq.zipf_frequency(word, lang)``, or None when the answer must come from wordfreq."""
        if lang not in self._lists or not PHRASE.fullmatch(word) or _LONG_DIGITS.search(word):
            return None
        looked_up = []
        for token in _SEPARATOR.split(word.lower()):
            token = token.rstrip(".")  # "u.s." is the token "u.s"
            smashed = _MULTI_DIGIT.sub(_zeros, token)  # smash_numbers
            band = self.band(smashed, lang)
            if band is None:
                return _zipf_of(_MINIMUM)  # one token unknown: wordfreq returns its minimum
            looked_up.append((token, smashed, band))
        return _combined_zipf(looked_up)


def _zeros(match: re.Match) -> str:
    return _DIGIT.sub("0", match.group(0))


# The arithmetic below is wordfreq 3.1's (_word_frequency, zipf_frequency, numbers.py), operation
# for operation, so that the floats come out bit for bit the same; the table is checked against
# wordfreq itself before it is stored (see _verified).
def _combined_zipf(looked_up: list[tuple[str, str, int]]) -> float | None:
    one_over_result = 0.0
    for token, smashed, band in looked_up:
        freq = 10 ** (-band / 100)  # cB_to_freq
        if smashed != token:
            freq *= _digit_freq(token)
        if freq == 0.0:
            return None  # underflow: let wordfreq fail or answer as it does
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return _zipf_of(round(unrounded, leading_zeroes + 3))


def _zipf_of(freq: float) -> float:
    return round(math.log(freq, 10) + 9, 2)


_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]


def _digit_freq(token: str) -> float:
    freq = 1.0
    for number in _MULTI_DIGIT.findall(token):
        for digits in _PURE_DIGITS.findall(number):
            freq *= _year_freq(digits) if len(digits) == 4 else _benford_freq(digits)
    return freq


def _benford_freq(digits: str) -> float:
    return _DIGIT_FREQS[int(digits[0])] / 10 ** (len(digits) - 1)


def _year_freq(digits: str) -> float:
    year = int(digits)
    if year <= 2019:
        year_log_freq = -1.9185 - 0.0083 * (2019 - year)
    elif 2019 < year <= 2019 + 20:
        year_log_freq = -1.9185
    else:
        year_log_freq = -1.9185 - 0.2 * (year - (2019 + 20))
    return 10.0**year_log_freq + 0.1 * _benford_freq(digits)


def table_meta() -> dict:
    """What a stored table must have been made with: wordfreq's version, this format and source."""
    from .versions import installed_version

    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return {"wordfreq": installed_version("wordfreq"), "format": TABLE_FORMAT, "source": source}


def table_path(directory: Path, meta: dict) -> Path:
    key = hashlib.sha256(repr(sorted(meta.items())).encode()).hexdigest()[:32]
    return directory / "wordfreq" / f"{key}.arrays"


def load_or_build(directory: Path) -> WordTable | None:
    """The table stored under ``directory``, built and stored first if missing, stale or corrupt.

    None when it cannot be stored (a folder that cannot be written) or fails its check against
    wordfreq: the caller then asks wordfreq for everything, as before there was a table."""
    meta = table_meta()
    path = table_path(directory, meta)
    try:
        return WordTable(read_arrays(path, meta).arrays)  # type: ignore[arg-type]
    except StaleFile:
        pass
    arrays = build_arrays()
    table = WordTable(arrays)
    if not _verified(table):
        # a wordfreq whose arithmetic differs from what this module copies: not stored, so every
        # run pays the build until this module follows it; wordfreq answers meanwhile
        return None
    try:
        write_arrays(path, meta, arrays)
    except OSError:
        return None
    return table


def build_arrays() -> dict[str, np.ndarray]:
    """Each language's words, sorted by their UTF-8 bytes, with their bands (all of them: a filter
    for the shapes that are looked up cost more time than the words it left out)."""
    from wordfreq import get_frequency_list

    arrays = {}
    for lang in LANGUAGES:
        band_of: dict[bytes, int] = {}
        # as get_frequency_dict reads the list: a word in two bands keeps the later (rarer) one
        for band, bucket in enumerate(get_frequency_list(lang)):
            band_of.update(dict.fromkeys([word.encode("utf-8") for word in bucket], band))
        words = sorted(band_of)
        offsets = np.zeros(len(words) + 1, dtype=np.uint32)
        np.cumsum(np.fromiter(map(len, words), dtype=np.uint32, count=len(words)), out=offsets[1:])
        arrays[f"{lang}.words"] = np.frombuffer(b"".join(words), dtype=np.uint8)
        arrays[f"{lang}.offsets"] = offsets
        arrays[f"{lang}.bands"] = np.fromiter(map(band_of.__getitem__, words), dtype=np.uint16, count=len(words))
    return arrays


def _verified(table: WordTable) -> bool:
    """The table against wordfreq itself on a sample: every 200th stored word, phrases of them,
    numbers and years, and words wordfreq does not know (about 0.2 s, once per table; the full
    comparison is benchmarks/wordfreq_identity.py)."""
    from wordfreq import zipf_frequency

    for lang in LANGUAGES:
        words, offsets, _ = table._lists[lang]
        sample = [words[offsets[number] : offsets[number + 1]].decode("utf-8")
                  for number in range(0, len(offsets) - 1, 200)]
        for text in _probes(sample):
            value = table.zipf(text, lang)
            if value is not None and repr(value) != repr(zipf_frequency(text, lang)):  # repr: -0.0 too
                return False
    return True


def _probes(sample: list[str]) -> Iterable[str]:
    yield from sample
    yield from (word.capitalize() for word in sample[::7])
    yield from (f"{first} {second}" for first, second in zip(sample[::11], sample[5::11]))
    yield from (f"{first}-{second}" for first, second in zip(sample[::13], sample[3::13]))
    yield from (str(number) for number in [*range(0, 120), *range(1900, 2100, 3), 12345, 987654321])
    yield from ("8h", "20h30", "13th", "covid-19", "b.a", "I.P", "u.s.", "2.30", "2,5", "1,000,000", "qzxwv",
                "samedi qzxwv", "Œuvre")
