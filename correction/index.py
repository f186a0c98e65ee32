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
from functools import cached_property, lru_cache
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from . import phonetics
from .given_names import is_given_name
from .lexicon import Entry, Lexicon
from .shortlist import SLACK, accepted_lengths, cutoff_bounds, most_edits, reachable_lengths, top_counts
from .text import NAME_PARTICLES, fold
from .wordfreqs import is_common

PERSON_KINDS = {"person"}
MIN_APPROXIMATE_KEY = 4
# Posting lists up to this long are read whole; past it (only in lexicons of thousands of terms) a
# look-up reads the shortest lists and probes the longest (correction.shortlist). The shipped
# lexicon has about a thousand keys: its look-ups read every list, as they always did.
POSTINGS_CAP = 2_000
# Key lengths from this one up share the last length bucket of the postings.
LONGEST_BUCKET = 64
# A batch of look-ups compares its queries with every key of a fitting length while there are at
# most this many (NgramIndex.search_many): some 80 microseconds of a look-up buy about 10,000 pairs.
SCAN_KEYS = 10_000
# Cells of one comparison matrix of such a batch, at most (4 bytes each).
SCAN_CELLS = 4_000_000
# Two or three capitalised words without digits: "Sam Altman", "Adam D'Angelo".
# A capitalised word without digits: "Sam", "D'Angelo", "Jean-Luc".
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][^\W\d]*(?:['’.-][^\W\d]*)*$")


class Surface(NamedTuple):
    """A spelling to look for in transcripts, and what a match is rewritten to.

    ``role`` is ``term`` (the canonical form), ``alias``, ``sounds_like`` or ``part`` (a first
    name or surname said alone: "Ilya" for "Ilya Sutskever"). A NamedTuple, immutable and cheap
    to build: a lexicon of 100,000 names has a quarter of a million surfaces.
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

    A name has two or three words besides lower-case particles ("Charles de Gaulle", "Ursula von
    der Leyen"). A lexicon without kinds (a plain list) gets parts for terms that look like
    personal names: capitalised words, no digits, and either a given name first ("Sam Altman",
    "Reid Hoffman") or no ordinary word at either end ("Demis Hassabis"; not "Google Meet", "Apple
    Podcasts", "Silicon Valley").
    """
    words = entry.term.split()
    if not 2 <= sum(word not in NAME_PARTICLES for word in words) <= 3 or words[-1] in NAME_PARTICLES:
        return []
    if entry.kind not in PERSON_KINDS:
        # an acronym is no word of a personal name ("AI Act", "Constitutional AI")
        looks_like_name = entry.kind == "term" and _name_shaped(words) and not any(
            len(word) > 1 and word.isupper() for word in words) and (
            not (is_common(words[0].lower()) or is_common(words[-1].lower())) or is_given_name(words[0]))
        if not looks_like_name:
            return []
    return [word for word in (words[0], words[-1]) if len(fold(word)) >= 3]


def _name_shaped(words: list[str]) -> bool:
    """Capitalised words, with lower-case particles only between them."""
    return all(_NAME_WORD.match(word) or (0 < position < len(words) - 1 and word in NAME_PARTICLES)
               for position, word in enumerate(words))


def surfaces_of(entry: Entry, first_id: int) -> list[Surface]:
    found: list[tuple[str, str, str]] = [(entry.term, entry.term, "term")]
    found += [(alias, entry.term, "alias") for alias in entry.aliases]
    found += [(spoken, entry.term, "sounds_like") for spoken in entry.sounds_like]
    found += [(part, part, "part") for part in name_parts(entry)]
    found += [(said, entry.term, "sounds_like") for said in numbers_in_words(entry.term)]
    seen: set[tuple[str, str]] = set()
    surfaces = []
    for text, replacement, role in found:
        key = fold(text)
        if (key, replacement) in seen or not key:
            continue
        seen.add((key, replacement))
        surfaces.append(Surface(first_id + len(surfaces), text, replacement, entry, role, key))
    return surfaces


def bigram_codes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every bigram of every key padded as ``^key$``, as an integer code, and the key it is in.

    Vectorised: the padded keys are joined into one array of code points, each position paired
    with the next, and the pairs that straddle two keys dropped.
    """
    padded = [f"^{key}$" for key in keys]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    points = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    codes = (points[:-1] << np.uint64(21)) | points[1:]  # code points fit in 21 bits
    owners = np.repeat(np.arange(len(padded), dtype=np.int32), lengths)[:-1]
    keep = np.ones(len(codes), dtype=bool)
    keep[np.cumsum(lengths)[:-1] - 1] = False  # a key's last character paired with the next key's first
    return codes[keep], owners[keep]


def query_bigrams(query: str) -> np.ndarray:
    """The distinct bigram codes of one ``query``, sorted: ``np.unique(bigram_codes([query])[0])``
    without numpy's fixed costs, which are most of a look-up's time for a word of a few letters
    (and ``np.unique`` imports ``numpy.ma`` in every process that calls it first).

    >>> query_bigrams("aa").tolist() == sorted({(ord("^") << 21) | ord("a"), (ord("a") << 21) | ord("a"),
    ...                                         (ord("a") << 21) | ord("$")})
    True
    """
    padded = f"^{query}$"
    return np.array(sorted({(ord(first) << 21) | ord(second) for first, second in zip(padded, padded[1:])}),
                    dtype=np.uint64)


def length_starts(offsets: np.ndarray, posting_lengths: np.ndarray) -> np.ndarray:
    """Where the keys of each length start in each bigram's postings (ordered by length): row = bigram,
    column = length (from LONGEST_BUCKET up, one column), and a last column where the run ends. A
    look-up slices the run of lengths it needs without searching."""
    slots, width = len(offsets) - 1, LONGEST_BUCKET + 1
    slot_of = np.repeat(np.arange(slots), np.diff(offsets))
    counts = np.bincount(slot_of * width + np.minimum(posting_lengths, LONGEST_BUCKET), minlength=slots * width)
    starts = np.zeros((slots, width + 1), dtype=np.int64)
    np.cumsum(counts.reshape(slots, width), axis=1, out=starts[:, 1:])
    return starts + offsets[:-1, None]


class NgramIndex:
    """Bigram postings over a list of keys; ``shortlist`` then ``search`` with a similarity cutoff.

    The postings are one array sorted by bigram (each key once per bigram), with the offsets of
    each bigram's run: built with a few numpy sorts, not a Python loop over every bigram. Within a
    run, keys are ordered by length (postings hold ranks by length), and ``length_starts`` says
    where each length begins, so a query reads only the keys of the lengths it can match.

    >>> index = NgramIndex(["openai", "anthropic", "nvidia"])
    >>> index.search("openeye", cutoff=0.6)
    [(0, 0.615...)]
    """

    def __init__(self, keys: Sequence[str]):
        self.keys = list(keys)
        self.lengths = np.fromiter((len(key) for key in self.keys), dtype=np.int32, count=len(self.keys))
        # Postings hold a key's rank by length, not its id: a bigram's keys of the lengths a query
        # can match are then one run of its list, and the only ones a look-up reads.
        self.by_length = np.argsort(self.lengths, kind="stable").astype(np.int32)  # rank -> key id
        self.sorted_lengths = self.lengths[self.by_length]
        rank = np.empty(len(self.keys), dtype=np.int32)
        rank[self.by_length] = np.arange(len(self.keys), dtype=np.int32)
        codes, owners = bigram_codes(self.keys) if self.keys else (np.empty(0, np.uint64), np.empty(0, np.int32))
        owners = rank[owners]
        order = np.lexsort((owners, codes))
        codes, owners = codes[order], owners[order]
        first = np.ones(len(codes), dtype=bool)
        first[1:] = (codes[1:] != codes[:-1]) | (owners[1:] != owners[:-1])
        codes, self.postings = codes[first], owners[first]
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.empty(0, np.int64)
        self.codes = codes[starts]
        self.offsets = np.append(starts, len(codes))
        self.length_starts = length_starts(self.offsets, self.sorted_lengths[self.postings])

    ARRAYS = ("lengths", "by_length", "sorted_lengths", "codes", "offsets", "postings", "length_starts")

    def arrays(self) -> dict[str, np.ndarray]:
        """What is stored of this index besides its keys (see :meth:`from_arrays`)."""
        return {name: getattr(self, name) for name in self.ARRAYS}

    @classmethod
    def from_arrays(cls, keys: Sequence[str], arrays: Mapping[str, np.ndarray]) -> "NgramIndex":
        """The index whose :meth:`arrays` these are, without building anything."""
        index = cls.__new__(cls)
        index.keys = keys  # type: ignore[assignment]
        for name in cls.ARRAYS:
            setattr(index, name, arrays[name])
        return index

    def shortlist(self, query: str, limit: int = 24, length_ratio: float = 0.6,
                  cutoff: float | None = None) -> np.ndarray:
        """Ids of up to ``limit`` keys sharing the most bigrams with ``query``, of a similar length.

        Only the run of each bigram's keys with accepted lengths is read. With ``cutoff``, when a
        posting list is longer than POSTINGS_CAP (lexicons of thousands of terms), keys that cannot
        reach that similarity are left out (lengths and shared bigrams: :mod:`correction.shortlist`),
        and ties at the limit go to the shorter key; below the cap the shortlist is what a count over
        the whole lexicon gives."""
        if not len(self.codes):
            return np.empty(0, dtype=np.int32)
        wanted = query_bigrams(query)
        slots = np.searchsorted(self.codes, wanted)
        slots = slots[(slots < len(self.codes)) & (self.codes[np.minimum(slots, len(self.codes) - 1)] == wanted)]
        if not len(slots):
            return np.empty(0, dtype=np.int32)
        size = len(query)
        need, (shortest, longest) = 2, accepted_lengths(size, length_ratio)
        capped = cutoff is not None and int((self.offsets[slots + 1] - self.offsets[slots]).max()) > POSTINGS_CAP
        if capped:
            need, shortest, longest = cutoff_bounds(size, len(wanted), cutoff, length_ratio)
        # ranks of those lengths; the bounds in the array's own dtype, or numpy converts the whole array
        bounds = np.array([shortest, longest + 1], dtype=self.sorted_lengths.dtype)
        first, last = np.searchsorted(self.sorted_lengths, bounds).tolist()
        if first >= last:
            return np.empty(0, dtype=np.int32)
        starts = self.length_starts[slots, min(shortest, LONGEST_BUCKET)].tolist()
        ends = self.length_starts[slots, min(longest, LONGEST_BUCKET) + 1].tolist()
        runs = [self.postings[start:end] for start, end in zip(starts, ends)]
        # counted by bincount over the run of ranks: linear in what is read, no sort; ranks past
        # `last` come from the open-ended last length bucket
        counts = np.bincount(np.concatenate(runs) - first, minlength=last - first)[: last - first]
        ranks = np.flatnonzero(counts >= need)
        shared = counts[ranks]
        if capped:
            # a large lexicon: the best `limit` by count, ties to the shorter key (lower rank)
            return self.by_length[ranks[top_counts(shared, limit)] + first]
        ids = self.by_length[ranks + first]
        order = np.argsort(ids)  # by key id, as a count over the whole lexicon lists them
        ids, shared = ids[order], shared[order]
        if len(ids) > limit:
            best = np.argpartition(-shared, limit - 1)[:limit]
            ids = ids[best]
        return ids

    def search(self, query: str, cutoff: float, limit: int = 24) -> list[tuple[int, float]]:
        """``(key id, similarity)`` for shortlisted keys whose Indel similarity reaches ``cutoff``."""
        hits = []
        for number in self.shortlist(query, limit, cutoff=cutoff).tolist():
            similarity = Indel.normalized_similarity(query, self.keys[number])
            # compared here, not through score_cutoff, which loses an exact 0.8 to rounding
            if similarity >= cutoff - 1e-9:
                hits.append((number, similarity))
        return sorted(hits, key=lambda hit: -hit[1])

    @cached_property
    def key_ids(self) -> dict[str, int]:
        """Each key's id, by key (built on first use: a batch of look-ups by deletions)."""
        return {key: key_id for key_id, key in enumerate(self.keys)}

    def search_many(self, queries: Iterable[str], cutoff: float) -> dict[str, list[tuple[int, float]]]:
        """:meth:`search` for many queries at once, for a high ``cutoff``: for each query that has
        any, ``(key id, similarity)`` of every key whose Indel similarity reaches ``cutoff``, best
        first (then by key id, as :meth:`search` lists them).

        Queries of one length are looked up together, by what the cutoff admits at that length
        (:func:`~correction.shortlist.most_edits`): where it admits no edit (a 100,000-name
        lexicon's bound is 1.0), the key spelled as the query; one edit, the keys a character
        shorter or longer (each query less one character, each key less one); more, every key of a
        length that can reach the cutoff in one rapidfuzz ``cdist`` call (a few nanoseconds a pair,
        where a look-up costs some 80 microseconds in numpy calls) while those keys are fewer than
        ``SCAN_KEYS``, else the shortlist query by query. The others return every key over the
        cutoff, the shortlist its best 24 by shared bigrams: the same keys unless more than 24 keys
        share more bigrams with the query than one over the cutoff does."""
        found: dict[str, list[tuple[int, float]]] = {}
        by_size: dict[int, list[str]] = {}
        for query in dict.fromkeys(queries):
            by_size.setdefault(len(query), []).append(query)
        for size, same_size in by_size.items():
            shortest, longest = reachable_lengths(size, cutoff)
            first, last = self._ranks(shortest, longest)
            if first >= last:
                continue
            if most_edits(size, cutoff) <= 1:
                pairs = self._within_an_edit(same_size, size, shortest, longest)
            elif last - first <= SCAN_KEYS:
                pairs = self._scanned(same_size, first, last, cutoff)
            else:
                for query in same_size:
                    if hits := self.search(query, cutoff):
                        found[query] = hits
                continue
            for query, key_id in pairs:
                similarity = Indel.normalized_similarity(query, self.keys[key_id])
                if similarity >= cutoff - 1e-9:  # as search compares it
                    found.setdefault(query, []).append((key_id, similarity))
        return {query: sorted(hits, key=lambda hit: (-hit[1], hit[0])) for query, hits in found.items()}

    def _ranks(self, shortest: int, longest: int) -> tuple[int, int]:
        """Ranks (positions in ``by_length``) of the keys of ``shortest`` to ``longest`` characters."""
        bounds = np.array([shortest, longest + 1], dtype=self.sorted_lengths.dtype)  # or numpy converts the array
        first, last = np.searchsorted(self.sorted_lengths, bounds).tolist()
        return first, last

    def _within_an_edit(self, queries: list[str], size: int, shortest: int, longest: int
                        ) -> Iterator[tuple[str, int]]:
        """``(query, key id)`` for the keys spelled as one of ``queries`` (all ``size`` long) and,
        where ``shortest`` and ``longest`` allow, those a character shorter (the query less one)
        or longer (the key less one)."""
        ids = self.key_ids
        for query in queries:
            if query in ids:
                yield query, ids[query]
        for query in queries if shortest <= size - 1 else ():
            for shorter in {query[:at] + query[at + 1 :] for at in range(size)}:
                if shorter in ids:
                    yield query, ids[shorter]
        wanted = set(queries)
        first, last = self._ranks(size + 1, size + 1) if longest >= size + 1 else (0, 0)
        for key_id in self.by_length[first:last].tolist():
            key = self.keys[key_id]
            for shorter in {key[:at] + key[at + 1 :] for at in range(size + 1)}:
                if shorter in wanted:
                    yield shorter, key_id

    def _scanned(self, queries: list[str], first: int, last: int, cutoff: float) -> Iterator[tuple[str, int]]:
        """``(query, key id)`` for the keys of ranks ``first`` to ``last`` near enough ``cutoff``,
        compared all at once (rapidfuzz cdist), a few million pairs at a time."""
        ids = self.by_length[first:last]
        keys = [self.keys[key_id] for key_id in ids.tolist()]
        step = max(1, SCAN_CELLS // len(keys))
        for start in range(0, len(queries), step):
            chunk = queries[start : start + step]
            # float32 holds the matrix, which only says where a key may reach the cutoff: the
            # similarity of those few pairs is computed again in full
            scores = cdist(chunk, keys, scorer=Indel.normalized_similarity, score_cutoff=cutoff - SLACK,
                           dtype=np.float32)
            near = np.flatnonzero(scores.max(axis=1))  # most batches: no pair near the cutoff
            for at, column in zip(*np.nonzero(scores[near])):
                yield chunk[near[at]], int(ids[column])


class LexiconIndex:
    """Every surface of a lexicon, indexed by spelling and by sound."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.surfaces: list[Surface] = []
        for entry in lexicon:
            self.surfaces.extend(surfaces_of(entry, len(self.surfaces)))
        self.negatives = negatives_of(lexicon)
        self.exact: Mapping[str, list[Surface]] = {}
        for surface in self.surfaces:
            self.exact.setdefault(surface.key, []).append(surface)  # type: ignore[attr-defined]
        self._spelling: NgramIndex | None = None
        self._sound: NgramIndex | None = None
        self._spelling_owner = np.empty(0, dtype=np.int32)
        self._sound_owners = SoundOwners.of([])

    @classmethod
    def assembled(cls, lexicon: Lexicon, surfaces: Sequence[Surface], exact: Mapping[str, list[Surface]],
                  spelling: "NgramIndex", spelling_owner: np.ndarray, sound: "NgramIndex",
                  sound_owners: "SoundOwners") -> "LexiconIndex":
        """An index from parts already built (read from the cache by :mod:`correction.index_store`)."""
        index = cls.__new__(cls)
        index.lexicon, index.surfaces, index.exact = lexicon, surfaces, exact  # type: ignore[assignment]
        index.negatives = negatives_of(lexicon)
        index._spelling, index._spelling_owner = spelling, spelling_owner
        index._sound, index._sound_owners = sound, sound_owners
        return index

    # Approximate indexes are built on first use: a run with `--passes exact` never pays for them.
    # Forms shorter than MIN_APPROXIMATE_KEY letters ("API", "IA", "Sam") are matched exactly only:
    # too many ordinary words are one letter away from them.
    @property
    def approximate_surfaces(self) -> list[Surface]:
        return [surface for surface in self.surfaces if len(surface.key) >= MIN_APPROXIMATE_KEY]

    @cached_property
    def approximate_forms(self) -> int:
        """How many forms the approximate passes look up (the spelling index's keys), counted
        without building that index: a run with the sound look-up alone never needs it."""
        if self._spelling is not None:
            return len(self._spelling.keys)
        return sum(len(surface.key) >= MIN_APPROXIMATE_KEY for surface in self.surfaces)

    @property
    def spelling(self) -> NgramIndex:
        if self._spelling is None:
            surfaces = self.approximate_surfaces
            self._spelling_owner = np.array([surface.id for surface in surfaces], dtype=np.int32)
            self._spelling = NgramIndex([surface.key for surface in surfaces])
        return self._spelling

    def spelling_owner(self, key_id: int) -> Surface:
        return self.surfaces[int(self._spelling_owner[key_id])]

    @property
    def sound(self) -> NgramIndex:
        if self._sound is None:
            surfaces = self.approximate_surfaces
            forms = [spoken_forms(surface.text) for surface in surfaces]
            keys_by_text = phonetics.readings(spoken for said in forms for spoken in said)
            # Distinct keys only: first names and surnames recur, and so do their sounds.
            owners: dict[str, list[tuple[int, str]]] = {}
            for surface, said in zip(surfaces, forms):
                for spoken in said:
                    for lang, key in keys_by_text[spoken].items():
                        if key:
                            owners.setdefault(key, []).append((surface.id, lang))
            self._sound_owners = SoundOwners.of(list(owners.values()))
            self._sound = NgramIndex(list(owners))
        return self._sound

    def sound_owners(self, key_id: int) -> list[tuple[Surface, str]]:
        """The surfaces that sound like key ``key_id``, each with the reading ("fr"/"en") that does."""
        return [(self.surfaces[surface_id], lang) for surface_id, lang in self._sound_owners[key_id]]


def build_index(lexicon: Lexicon, lang: str) -> LexiconIndex:
    """The index of the entries of ``lexicon`` that fit a transcript in ``lang``, built now."""
    return LexiconIndex(lexicon.restricted_to(lang))


def negatives_of(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Folded spellings a reviewer rejected, by term."""
    return {entry.term: frozenset(fold(text) for text in entry.negatives) for entry in lexicon if entry.negatives}


READING_LANGS = tuple(phonetics.VOICES)


class SoundOwners:
    """For each sound key, the surfaces that read so and in which language: three flat arrays
    (offsets, surface ids, language codes) rather than a list of lists, so they store and load as is."""

    def __init__(self, offsets: np.ndarray, surface_ids: np.ndarray, langs: np.ndarray):
        self.offsets, self.surface_ids, self.langs = offsets, surface_ids, langs

    @classmethod
    def of(cls, owners: list[list[tuple[int, str]]]) -> "SoundOwners":
        flat = [owner for key_owners in owners for owner in key_owners]
        offsets = np.zeros(len(owners) + 1, dtype=np.int64)
        np.cumsum([len(key_owners) for key_owners in owners], out=offsets[1:])
        surface_ids = np.array([surface_id for surface_id, _ in flat], dtype=np.int32)
        langs = np.array([READING_LANGS.index(lang) for _, lang in flat], dtype=np.uint8)
        return cls(offsets, surface_ids, langs)

    def __getitem__(self, key_id: int) -> list[tuple[int, str]]:
        start, end = int(self.offsets[key_id]), int(self.offsets[key_id + 1])
        return [(surface_id, READING_LANGS[lang])
                for surface_id, lang in zip(self.surface_ids[start:end].tolist(), self.langs[start:end].tolist())]


_ACRONYM = re.compile(r"(?<![A-Z])([A-Z]{2,4})(?![a-z])")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
NUMBER_LANGUAGES = ("en", "fr")


@lru_cache(maxsize=8192)  # asked again for every candidate that writes the term (num2words is slow)
def numbers_in_words(term: str) -> tuple[str, ...]:
    """A term with numbers, its numbers said in words, as some recognisers write them (num2words):
    "GPT-4o" -> "GPT four o", "GPT quatre o"; "Llama 3" -> "Llama three", "Llama trois";
    "Gemini 2.5" -> "Gemini two point five", "Gemini deux virgule cinq", "Gemini deux point cinq"."""
    if not _NUMBER.search(term):
        return ()
    from num2words import num2words  # imported on first use: few lexicons have numbers

    said = []
    for lang in NUMBER_LANGUAGES:
        words = _NUMBER.sub(lambda match: f" {num2words(match.group().replace(',', '.'), lang=lang)} ", term)
        said.append(" ".join(words.replace("-", " ").split()))
    if "." in term and "virgule" in said[-1]:
        # a version is read with "point" in French too ("Gemini deux point cinq"), a decimal with "virgule"
        said.append(said[-1].replace("virgule", "point"))
    return tuple(said)


def spoken_forms(text: str) -> list[str]:
    """How a term may be said: as written, and with acronyms spelled out ("OpenAI" -> "Open A I")."""
    if not _ACRONYM.search(text):
        return [text]
    spelled = _ACRONYM.sub(lambda match: " " + " ".join(match.group(1)) + " ", text)
    return [text, " ".join(spelled.split())]
