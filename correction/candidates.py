"""Candidate rewrites proposed by passes, before the resolver picks the ones to apply."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .analysis import Span
from .index import Surface


@dataclass(frozen=True)
class Candidate:
    """Rewrite ``span`` as ``surface.replacement``; ``score`` in [0, 1], the higher the surer.

    ``changes`` are the rewrites of the source text it stands for (see :mod:`correction.rewrite`).
    ``ambiguous`` marks a span of ordinary words ("il y a" for Ilya): only the ``context`` pass
    can keep such a candidate, and it records why in ``decision``. With the fitted decision
    (:mod:`correction.decision`), every candidate but a sure exact one is decided that way, and
    ``probability`` is the model's probability that it is a right fix.
    """

    span: Span
    surface: Surface
    score: float
    pass_name: str
    reason: str
    ambiguous: bool = False
    decision: str = ""
    changes: tuple[tuple[int, int, str], ...] = ()
    probability: float | None = None  # the decision model's, when it decided this candidate

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"Candidate.score: {self.score} is outside [0, 1]")

    @property
    def entity(self) -> str:
        return self.surface.entry.term

    def decided(self, decision: str) -> "Candidate":
        return replace(self, decision=decision)
