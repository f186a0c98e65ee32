"""Sound-alike keys: IPA from espeak-ng, folded into a coarse phoneme alphabet.

espeak-ng comes bundled in the `espeakng-loader` wheel and is driven through `phonemizer-fork`,
so no system package is needed. Each spelling gets two readings, French and English, because a
French podcast pronounces English names either way and its recogniser spells them the French way.

The coarse alphabet keeps consonants apart but merges what recognisers confuse: vowel quality
(i/e, o/u), nasal vowels (vowel + n), r sounds, sh/zh/ch/j, doubled sounds. Keys are compared
with an edit-distance ratio, so "ImageShare" (EN imiSer) ~ "Emmett Shear" (EN emiSir).

>>> readings(["Quora", "Korah"])["Korah"]["fr"] == readings(["Quora"])["Quora"]["fr"]
True
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import numpy
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

VOICES = {"fr": "fr-fr", "en": "en-us"}

# Multi-character IPA sequences first (diphthongs, affricates, nasal vowels), then single symbols.
_SEQUENCES = [
    ("ɑ̃", "an"), ("ɔ̃", "on"), ("ɛ̃", "en"), ("œ̃", "en"),
    ("tʃ", "S"), ("dʒ", "S"),
    ("aɪ", "ai"), ("eɪ", "ei"), ("oʊ", "o"), ("əʊ", "o"), ("aʊ", "ao"), ("ɔɪ", "oi"),
    ("ɪə", "ia"), ("iə", "ia"), ("ʊə", "oa"), ("eə", "e"),
]
_SYMBOLS = str.maketrans({
    # vowels: five classes, then i/e and o/u merged below (recognisers blur vowel quality)
    "ɑ": "a", "ɐ": "a", "æ": "a", "ʌ": "a",
    "ɛ": "e", "ə": "e", "ɜ": "e", "œ": "e", "ø": "e", "ɚ": "er", "ɝ": "er",
    "ɪ": "i", "y": "i", "ᵻ": "i",
    "ɔ": "o", "ɒ": "o", "ʊ": "u",
    # consonants recognisers confuse
    "ʁ": "r", "ɹ": "r", "ɾ": "t", "ʃ": "S", "ʒ": "S", "θ": "t", "ð": "d", "ŋ": "n", "ɡ": "g",
    "j": "i", "w": "u", "ɥ": "u", "ç": "h", "x": "k", "ɲ": "ni", "ɫ": "l", "ɬ": "l", "ʎ": "l", "ɣ": "g",
    # marks without a sound of their own
    "ʔ": None, "h": None, "ː": None, "ˈ": None, "ˌ": None, "-": None, " ": None, "͡": None,
})
_MERGED_VOWELS = str.maketrans({"i": "e", "u": "o"})
_REPEATS = re.compile(r"(.)\1+")


def coarse_key(ipa: str) -> str:
    """Fold an IPA string into the coarse alphabet: ``coarse_key("ɛmɪt ʃɪɹ") == "emetSer"``."""
    for sequence, replacement in _SEQUENCES:
        ipa = ipa.replace(sequence, replacement)
    ipa = ipa.translate(_SYMBOLS)
    ipa = "".join(char for char in unicodedata.normalize("NFD", ipa) if not unicodedata.combining(char))
    return _REPEATS.sub(r"\1", ipa.translate(_MERGED_VOWELS))


class _Phonemizer:
    """One espeak-ng backend per language, created on first use (loading takes ~20 ms)."""

    def __init__(self) -> None:
        self._backends: dict = {}
        self._lock = threading.Lock()

    def backend(self, lang: str):
        with self._lock:
            if lang not in self._backends:
                import espeakng_loader
                from phonemizer.backend import EspeakBackend
                from phonemizer.backend.espeak.wrapper import EspeakWrapper

                EspeakWrapper.set_library(espeakng_loader.get_library_path())
                EspeakWrapper.set_data_path(espeakng_loader.get_data_path())
                self._backends[lang] = EspeakBackend(VOICES[lang], language_switch="remove-flags")
            return self._backends[lang]


_PHONEMIZER = _Phonemizer()
_SPEAKING = threading.Lock()
_CACHE: dict[tuple[str, str], str] = {}


_SILENT = re.compile(r"[_/|]+")


def _speakable(text: str) -> str:
    # espeak reads "_" and "/" aloud; "e/acc" is said "e acc", "Underscore_" is "underscore"
    if not _SILENT.search(text):
        return text
    return _SILENT.sub(" ", text).strip() or text


def ipa(texts: Iterable[str], lang: str) -> dict[str, str]:
    """IPA of each text in ``lang``, phonemized in one batch and cached per text."""
    texts = list(texts)
    wanted = [text for text in dict.fromkeys(texts) if (text, lang) not in _CACHE]
    if wanted:
        backend = _PHONEMIZER.backend(lang)
        with _SPEAKING:  # espeak-ng is one C library state: threads (Dask workers as threads) take turns
            spoken = backend.phonemize([_speakable(text) for text in wanted], strip=True, njobs=1)
        for text, phonemes in zip(wanted, spoken):
            _CACHE[(text, lang)] = phonemes
    return {text: _CACHE[(text, lang)] for text in texts}


def known_ipa() -> dict[tuple[str, str], str]:
    """Every IPA reading made so far in this process, by ``(text, lang)`` (what the cache saves)."""
    return dict(_CACHE)


def learn_ipa(known: Iterable[tuple[tuple[str, str], str]]) -> None:
    """Add readings made earlier (by another run: :mod:`correction.cache`), so espeak-ng is not asked again."""
    for key, phonemes in known:
        _CACHE.setdefault(key, phonemes)


def readings(texts: Iterable[str]) -> dict[str, dict[str, str]]:
    """Coarse keys of each text in every language: ``{text: {"fr": key, "en": key}}``.

    Texts are read word by word and the words' keys joined: names share their words ("Sam",
    "Altman", "Open"), so a lexicon of 100,000 names has far fewer distinct words to phonemize.
    Keys have no spaces anyway, and what is lost (liaison, phrase stress) is below the coarse
    alphabet's resolution.
    """
    texts = list(dict.fromkeys(texts))
    words_of = {text: _speakable(text).split() or [text] for text in texts}
    distinct = list(dict.fromkeys(word for words in words_of.values() for word in words))
    result: dict[str, dict[str, str]] = {text: {} for text in texts}
    for lang in VOICES:
        keys = {word: _coarse_cached(phonemes) for word, phonemes in ipa(distinct, lang).items()}
        for text, words in words_of.items():
            result[text][lang] = "".join(keys[word] for word in words)
    return result


def run_readings(words: Sequence[str], runs: Sequence[tuple[int, int]]) -> dict[str, list[str]]:
    """By language, the coarse key of each run of ``words`` (``words[first:last]``, said in a row):
    what :func:`readings` gives for those words joined by spaces, made from each word's key once,
    for the many overlapping runs of a transcript share their words."""
    covered = numpy.zeros(len(words) + 1, dtype=numpy.int64)
    if runs:
        bounds = numpy.array(runs, dtype=numpy.int64)
        numpy.add.at(covered, bounds[:, 0], 1)
        numpy.add.at(covered, bounds[:, 1], -1)
    positions = numpy.flatnonzero(numpy.cumsum(covered[:-1])).tolist()
    parts = {word: _speakable(word).split() for word in dict.fromkeys(words[position] for position in positions)}
    distinct = list(dict.fromkeys(part for split in parts.values() for part in split))
    # how many words before each position have something to say (not only marks: "_", "/")
    said = [0]
    for word in words:
        said.append(said[-1] + bool(parts.get(word, True)))
    result: dict[str, list[str]] = {}
    for lang in VOICES:
        part_keys = {part: _coarse_cached(phonemes) for part, phonemes in ipa(distinct, lang).items()}
        word_keys = {word: "".join([part_keys[part] for part in split]) for word, split in parts.items()}
        keys = [""] * len(words)
        for position in positions:
            keys[position] = word_keys[words[position]]
        result[lang] = ["".join(keys[first:last]) for first, last in runs]
    for row, (first, last) in enumerate(runs):
        if said[last] == said[first]:
            # nothing to say but marks: readings reads the text itself
            text = " ".join(words[first:last])
            for lang, key in readings([text])[text].items():
                result[lang][row] = key
    return result


@lru_cache(maxsize=1 << 16)
def _coarse_cached(phonemes: str) -> str:
    return coarse_key(phonemes)


def similarity_matrix(rows: Sequence[str], columns: Sequence[str]) -> "numpy.ndarray":
    """``sound_similarity`` of every row text with every column text, as a matrix (rapidfuzz's
    cdist: a few hundred thousand pairs in milliseconds)."""
    keys = readings([*rows, *columns])
    return key_similarity_matrix({lang: [keys[text][lang] for text in rows] for lang in VOICES},
                                 {lang: [keys[text][lang] for text in columns] for lang in VOICES})


def key_similarity_matrix(rows: Mapping[str, Sequence[str]], columns: Mapping[str, Sequence[str]],
                          score_cutoff: float = 0.0) -> "numpy.ndarray":
    """:func:`similarity_matrix` from the texts' keys by language (as :func:`run_readings` gives
    them); with ``score_cutoff``, similarities below it are 0 (and cost less)."""
    best = numpy.zeros((len(rows[next(iter(VOICES))]), len(columns[next(iter(VOICES))])))
    for row_lang in VOICES:
        for column_lang in VOICES:
            pairs = cdist(rows[row_lang], columns[column_lang], scorer=Indel.normalized_similarity,
                          score_cutoff=score_cutoff, dtype=numpy.float64)
            numpy.maximum(best, pairs, out=best)
    return best


def sound_similarity(first: str, second: str) -> float:
    """How alike two texts sound: the best Indel similarity over every pairing of their readings
    (French and English), as the ``phonetic`` pass compares them: "Wang" / "Huang" 0.86."""
    keys = readings([first, second])
    return max(Indel.normalized_similarity(one, other)
               for one in keys[first].values() for other in keys[second].values())
