"""The resolver: choose non-overlapping candidates. A pure function, swappable in ``Corrector``.

Higher score first; on a tie the longer span (it explains more of the text), then the earlier
pass (``exact`` before ``fuzzy`` before ``phonetic``). Candidates the decision model decided go
by its probability before their score: it weighed the score with everything else (a sure exact
spelling, not decided, counts as certain). A first name or surname matched alone
yields to the whole name matched around it: "Marc Zuckerbergue" is "Mark Zuckerberg", though
"Zuckerbergue" alone sounds a little more like "Zuckerberg" than the pair like the pair.
"""

from __future__ import annotations

from typing import Sequence

from .candidates import Candidate


def resolve(candidates: Sequence[Candidate], pass_order: Sequence[str] = ()) -> list[Candidate]:
    rank = {name: position for position, name in enumerate(pass_order)}
    wholes: dict[str, list[tuple[int, int]]] = {}
    for candidate in candidates:
        if candidate.surface.role != "part":
            wholes.setdefault(candidate.entity, []).append((candidate.span.first, candidate.span.last))
    candidates = [c for c in candidates if not (c.surface.role == "part" and _inside_whole(c, wholes))]
    ordered = sorted(
        candidates,
        key=lambda c: (-(1.0 if c.probability is None else c.probability), -c.score, -c.span.size,
                       rank.get(c.pass_name, len(rank)), c.span.first),
    )
    taken: set[int] = set()
    chosen = []
    for candidate in ordered:
        positions = range(candidate.span.first, candidate.span.last)
        if taken.isdisjoint(positions):
            taken.update(positions)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.span.first)


def _inside_whole(part: Candidate, wholes: dict[str, list[tuple[int, int]]]) -> bool:
    span = part.span
    return any(first <= span.first and span.last <= last and last - first > span.size
               for first, last in wholes.get(part.entity, ()))
