"""Bounds that let an n-gram look-up read little of a large index: which key lengths to read and
how many bigrams a key must share with the query, so that the cost stays flat as a lexicon grows.

A key similar enough to the query has a similar length and shares many of its bigrams. The index
keeps each bigram's keys ordered by length, so a look-up reads only the run of lengths that can
match (:func:`accepted_lengths`, narrowed by :func:`cutoff_bounds`) and counts only keys that share
enough bigrams to reach the cutoff.

>>> accepted_lengths(6, length_ratio=0.6)
(4, 10)
>>> cutoff_bounds(size=6, distinct=7, cutoff=0.8, length_ratio=0.6)
Bounds(need=3, shortest=4, longest=9)
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np

# A margin on the cutoff in the bounds' favour: float rounding must never make them too strict.
SLACK = 1e-6


class Bounds(NamedTuple):
    """A key may reach the cutoff only if it shares ``need`` bigrams and has ``shortest`` to ``longest`` characters."""

    need: int
    shortest: int
    longest: int


def _accepted(size: int, other: int, length_ratio: float) -> bool:
    # the length filter of NgramIndex.shortlist, with the same float comparisons
    return other >= size * length_ratio and other * length_ratio <= size


# Both bounds depend on a few small integers only: each look-up would otherwise recompute them.
@lru_cache(maxsize=4096)
def accepted_lengths(size: int, length_ratio: float) -> tuple[int, int]:
    """Shortest and longest key length the shortlist accepts for a query of ``size`` characters
    (an empty range, shortest > longest, when none)."""
    accepted = [other for other in range(math.ceil(size / length_ratio) + 2) if _accepted(size, other, length_ratio)]
    return (accepted[0], accepted[-1]) if accepted else (1, 0)


@lru_cache(maxsize=4096)
def cutoff_bounds(size: int, distinct: int, cutoff: float, length_ratio: float) -> Bounds:
    """What a key must have to reach Indel similarity ``cutoff`` with a query of ``size`` characters
    whose padded form ``^query$`` has ``distinct`` distinct bigrams.

    Why: Indel similarity is ``2 * lcs / (size + other)``, so a key of ``other`` characters needs a
    longest common subsequence of ``lcs >= cutoff * (size + other) / 2`` (impossible past
    ``min(size, other)``: that bounds the lengths). Align the padded strings along it: a bigram of
    the query survives in the key unless one of its two characters is unmatched (each of the
    ``size - lcs`` unmatched query characters breaks at most two) or the key has unmatched
    characters between the two (at most ``other - lcs`` such gaps). So at least
    ``1 - size - other + 3 * lcs`` bigram occurrences are shared, less the query's repeated bigrams
    for distinct ones; ``need`` is the least of that over the possible lengths, and at least 2.
    """
    repeated = size + 1 - distinct
    needs, lengths = [], []
    for other in range(1, math.ceil(size / length_ratio) + 2):
        if not _accepted(size, other, length_ratio):
            continue
        total = size + other
        lcs = max(0, math.ceil((cutoff - SLACK) * total / 2))
        if lcs > min(size, other):
            continue  # this length cannot reach the cutoff at all
        needs.append(1 - total + 3 * lcs - repeated)
        lengths.append(other)
    if not lengths:
        return Bounds(2, 1, 0)
    return Bounds(max(2, min(needs)), lengths[0], lengths[-1])


@lru_cache(maxsize=4096)
def reachable_lengths(size: int, cutoff: float, length_ratio: float = 0.6) -> tuple[int, int]:
    """Shortest and longest key that can reach Indel similarity ``cutoff`` with a query of ``size``
    characters, among those the shortlist accepts: ``2 * lcs / (size + other)`` with ``lcs`` at
    most the shorter length.

    >>> reachable_lengths(10, 0.85)
    (8, 13)
    """
    shortest, longest = accepted_lengths(size, length_ratio)
    return (max(shortest, math.ceil(size * (cutoff - SLACK) / (2 - cutoff + SLACK))),
            min(longest, math.floor(size * (2 - cutoff + SLACK) / (cutoff - SLACK))))


@lru_cache(maxsize=4096)
def most_edits(size: int, cutoff: float) -> int:
    """The most insertions and deletions that leave a key within Indel similarity ``cutoff`` of a
    query of ``size`` characters (0: only the query itself; 1: a character more or less).

    >>> most_edits(10, 0.85), most_edits(10, 0.95), most_edits(12, 1.0)
    (3, 1, 0)
    """
    shortest, longest = reachable_lengths(size, cutoff)
    edits = 0
    for other in range(shortest, longest + 1):
        common = math.ceil((cutoff - SLACK) * (size + other) / 2)  # the least common subsequence
        if common <= min(size, other):
            edits = max(edits, size + other - 2 * common)
    return edits


def top_counts(counts: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the ``limit`` largest ``counts``, ties to the earlier position, in position order:
    a histogram of the (small) counts finds the last count taken, no sort.

    >>> top_counts(np.array([3, 5, 3, 2, 5, 3]), 4).tolist()
    [0, 1, 2, 4]
    """
    if len(counts) <= limit:
        return np.arange(len(counts))
    histogram = np.bincount(counts)
    at_least = np.cumsum(histogram[::-1])[::-1]  # at_least[c]: how many counts are >= c
    level = int(np.flatnonzero(at_least >= limit)[-1])  # the count where the top `limit` end
    above = np.flatnonzero(counts > level)
    tied = np.flatnonzero(counts == level)[: limit - len(above)]
    return np.sort(np.concatenate([above, tied]))
