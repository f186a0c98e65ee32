"""The lexicon index, built once per lexicon: every look-up goes through it, none scans the lexicon.

* ``exact``: folded spelling -> surfaces (dict look-up, for the ``exact`` pass);
* ``spelling``: character-bigram index over folded spellings (``fuzzy`` pass);
* ``sound``: bigram index over coarse phonetic keys, French and English readings (``phonetic``).

An n-gram index returns a short list of keys that share many bigrams with the query and have a
similar length; only that shortlist is scored with rapidfuzz. The cost of a query depends on how
many keys share its bigrams, not on the size of the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from rapidfuzz.distance import Indel

from . import phonetics
from .lexicon import Entry, Lexicon
from .text import fold
from .wordfreqs import is_common

PERSON_KINDS = {"person"}
MIN_APPROXIMATE_KEY = 4
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")


@dataclass(frozen=True)
class Surface:
    """A spelling to look for in transcripts, and what a match is rewritten to.

    ``role`` is ``term`` (the canonical form), ``alias``, ``sounds_like`` or ``part`` (a first
    name or surname said alone: "Ilya" for "Ilya Sutskever").
    """

    id: int
    text: str
    replacement: str
    entry: Entry
    role: str
    key: str  # fold(text)

    def describe(self) -> str:
        """How edit reasons name this surface: "'OpenAI'", "alias 'Open AI' of 'OpenAI'"..."""
        if self.role == "term":
            return repr(self.text)
        if self.role == "part":
            return f"{self.text!r} (in {self.entry.term!r})"
        return f"{self.role.replace('_', '-')} {self.text!r} of {self.entry.term!r}"


def name_parts(entry: Entry) -> list[str]:
    """First name and surname of a person, which transcripts often say alone.

    A lexicon without kinds (a plain list) gets parts for terms that look like personal names:
    two or three capitalised words, no digits, and a last word that is not an ordinary word
    ("Sam Altman", "Mira Murati"; not "Google Meet", "Apple Podcasts", "Silicon Valley").
    """
    words = entry.term.split()
    if not 2 <= len(words) <= 3:
        return []
    looks_like_name = all(_NAME_WORD.match(word) and not any(c.isdigit() for c in word) for word in words) and (
        not is_common(words[-1].lower()))
    if entry.kind not in PERSON_KINDS and not (entry.kind == "term" and looks_like_name):
        return []
    return [word for word in (words[0], words[-1]) if len(fold(word)) >= 3]


def surfaces_of(entry: Entry, first_id: int) -> list[Surface]:
    found: list[tuple[str, str, str]] = [(entry.term, entry.term, "term")]
    found += [(alias, entry.term, "alias") for alias in entry.aliases]
    found += [(spoken, entry.term, "sounds_like") for spoken in entry.sounds_like]
    found += [(part, part, "part") for part in name_parts(entry)]
    seen: set[tuple[str, str]] = set()
    surfaces = []
    for text, replacement, role in found:
        key = fold(text)
        if (key, replacement) in seen or not key:
            continue
        seen.add((key, replacement))
        surfaces.append(Surface(first_id + len(surfaces), text, replacement, entry, role, key))
    return surfaces


def bigrams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class NgramIndex:
    """Bigram postings over a list of keys; ``shortlist`` then ``search`` with a similarity cutoff.

    >>> index = NgramIndex(["openai", "anthropic", "nvidia"])
    >>> index.search("openeye", cutoff=0.6)
    [(0, 0.615...)]
    """

    def __init__(self, keys: Sequence[str]):
        self.keys = list(keys)
        self.lengths = np.fromiter((len(key) for key in self.keys), dtype=np.int32, count=len(self.keys))
        postings: dict[str, list[int]] = {}
        for number, key in enumerate(self.keys):
            for gram in bigrams(key):
                postings.setdefault(gram, []).append(number)
        self.postings = {gram: np.asarray(ids, dtype=np.int32) for gram, ids in postings.items()}

    def shortlist(self, query: str, limit: int = 24, length_ratio: float = 0.6) -> np.ndarray:
        """Ids of up to ``limit`` keys sharing the most bigrams with ``query``, of a similar length."""
        lists = [self.postings[gram] for gram in bigrams(query) if gram in self.postings]
        if not lists:
            return np.empty(0, dtype=np.int32)
        ids, shared = np.unique(np.concatenate(lists), return_counts=True)
        lengths = self.lengths[ids]
        size = len(query)
        keep = (lengths >= size * length_ratio) & (lengths * length_ratio <= size) & (shared >= 2)
        ids, shared = ids[keep], shared[keep]
        if len(ids) > limit:
            best = np.argpartition(-shared, limit - 1)[:limit]
            ids = ids[best]
        return ids

    def search(self, query: str, cutoff: float, limit: int = 24) -> list[tuple[int, float]]:
        """``(key id, similarity)`` for shortlisted keys whose Indel similarity reaches ``cutoff``."""
        hits = []
        for number in self.shortlist(query, limit).tolist():
            similarity = Indel.normalized_similarity(query, self.keys[number])
            # compared here, not through score_cutoff, which loses an exact 0.8 to rounding
            if similarity >= cutoff - 1e-9:
                hits.append((number, similarity))
        return sorted(hits, key=lambda hit: -hit[1])


class LexiconIndex:
    """Every surface of a lexicon, indexed by spelling and by sound."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.surfaces: list[Surface] = []
        for entry in lexicon:
            self.surfaces.extend(surfaces_of(entry, len(self.surfaces)))
        self.negatives: dict[str, frozenset[str]] = {
            entry.term: frozenset(fold(text) for text in entry.negatives) for entry in lexicon if entry.negatives
        }
        self.exact: dict[str, list[Surface]] = {}
        for surface in self.surfaces:
            self.exact.setdefault(surface.key, []).append(surface)
        self._spelling: NgramIndex | None = None
        self._sound: NgramIndex | None = None
        self._sound_owner: list[tuple[int, str]] = []
        self._spelling_owner: list[int] = []

    # Approximate indexes are built on first use: a run with `--passes exact` never pays for them.
    # Forms shorter than MIN_APPROXIMATE_KEY letters ("API", "IA", "Sam") are matched exactly only:
    # too many ordinary words are one letter away from them.
    @property
    def approximate_surfaces(self) -> list[Surface]:
        return [surface for surface in self.surfaces if len(surface.key) >= MIN_APPROXIMATE_KEY]

    @property
    def spelling(self) -> NgramIndex:
        if self._spelling is None:
            surfaces = self.approximate_surfaces
            self._spelling_owner = [surface.id for surface in surfaces]
            self._spelling = NgramIndex([surface.key for surface in surfaces])
        return self._spelling

    def spelling_owner(self, key_id: int) -> Surface:
        return self.surfaces[self._spelling_owner[key_id]]

    @property
    def sound(self) -> NgramIndex:
        if self._sound is None:
            surfaces = self.approximate_surfaces
            texts = [spoken for surface in surfaces for spoken in spoken_forms(surface.text)]
            keys_by_text = phonetics.readings(texts)
            keys: list[str] = []
            for surface in surfaces:
                for spoken in spoken_forms(surface.text):
                    for lang, key in keys_by_text[spoken].items():
                        if key:
                            keys.append(key)
                            self._sound_owner.append((surface.id, lang))
            self._sound = NgramIndex(keys)
        return self._sound

    def sound_owner(self, key_id: int) -> tuple[Surface, str]:
        surface_id, lang = self._sound_owner[key_id]
        return self.surfaces[surface_id], lang


_ACRONYM = re.compile(r"(?<![A-Z])([A-Z]{2,4})(?![a-z])")


def spoken_forms(text: str) -> list[str]:
    """How a term may be said: as written, and with acronyms spelled out ("OpenAI" -> "Open A I")."""
    spelled = _ACRONYM.sub(lambda match: " " + " ".join(match.group(1)) + " ", text).strip()
    spelled = re.sub(r"\s+", " ", spelled)
    return [text] if spelled == text else [text, spelled]
