"""The resolver: choose non-overlapping candidates. A pure function, swappable in ``Corrector``.

Higher score first; on a tie the longer span (it explains more of the text), then the earlier
pass (``exact`` before ``fuzzy`` before ``phonetic``).
"""

from __future__ import annotations

from typing import Sequence

from .candidates import Candidate


def resolve(candidates: Sequence[Candidate], pass_order: Sequence[str] = ()) -> list[Candidate]:
    rank = {name: position for position, name in enumerate(pass_order)}
    ordered = sorted(
        candidates,
        key=lambda c: (-c.score, -c.span.size, rank.get(c.pass_name, len(rank)), c.span.first),
    )
    taken: set[int] = set()
    chosen = []
    for candidate in ordered:
        positions = range(candidate.span.first, candidate.span.last)
        if taken.isdisjoint(positions):
            taken.update(positions)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.span.first)
