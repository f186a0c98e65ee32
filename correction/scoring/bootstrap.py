"""How sure a recall or precision figure is: a bootstrap over heard forms, not over edits.

The gold edits of a transcript are not independent draws. A recogniser mishears a name the same
way again, and the decision gives one verdict to every occurrence of a form, so the asr-loop
French measuring sets' 425 gold edits, 24 distinct heard forms, move by forms: fixing one form
said 26 times moves recall by 0.06.
Resampling edits would call that figure far surer than it is. Here the unit resampled is a
*cluster*, one distinct heard form with its gold text (or, for a wrong edit, its replacement),
with all its edits: sacrebleu's bootstrap resampling, one level up.

>>> from correction.scoring.edits import Breakdown
>>> forms = [Breakdown("a", gold=10, predicted=10, right=10, fixed=10), Breakdown("b", gold=10, predicted=0, right=0, fixed=0)]
>>> print(interval(forms, "recall"))
0.50 [0.00, 1.00]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..edits import Edit
from ..text import fold
from .edits import Breakdown, EditScore, GoldSpan

RATES = ("recall", "precision")
RESAMPLES = 2000
LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    """A rate and the central ``level`` share of its bootstrap distribution."""

    estimate: float
    low: float
    high: float
    level: float = LEVEL

    def __str__(self) -> str:
        return f"{self.estimate:.2f} [{self.low:.2f}, {self.high:.2f}]"

    def signed(self) -> str:
        """The interval of a difference, signs shown: "+0.04 [-0.01, +0.09]"."""
        return f"{self.estimate:+.2f} [{self.low:+.2f}, {self.high:+.2f}]"


def form_key(original: str, replacement: str) -> str:
    """The cluster of a gold edit or an applied one: the heard form (its letters, as the decision
    groups occurrences) and what it becomes. A right edit falls in its gold span's cluster."""
    return f"{fold(original)} -> {replacement}"


def by_form(gold: Sequence[GoldSpan], edits: Sequence[Edit], score: EditScore, prefix: str = "") -> dict[str, Breakdown]:
    """The counts of ``score`` (``gold`` against ``edits``) split by cluster; the clusters' counts
    add up to the score's. ``prefix`` keeps the clusters of different data sets apart."""
    counts: dict[str, list[int]] = {}  # key -> [gold, fixed, predicted, right, partial]

    def add(key: str, *values: int) -> None:
        cell = counts.setdefault(prefix + key, [0, 0, 0, 0, 0])
        for position, value in enumerate(values):
            cell[position] += value

    missed = set(score.missed)
    for span in gold:
        add(form_key(span.original, span.text), 1, span not in missed, 0, 0)
    wrong, partial = set(score.wrong), set(score.partial)
    for edit in edits:
        add(form_key(edit.original, edit.replacement), 0, 0, 1, edit not in wrong, edit in partial)
    return {key: Breakdown(key, gold=cell[0], fixed=cell[1], predicted=cell[2], right=cell[3], partial=cell[4])
            for key, cell in counts.items()}


def merge(into: dict[str, Breakdown], clusters: Mapping[str, Breakdown]) -> None:
    """Adds the counts of ``clusters`` to those of ``into``, cluster by cluster."""
    for key, counts in clusters.items():
        have = into.get(key)
        into[key] = counts if have is None else Breakdown(
            key, gold=have.gold + counts.gold, fixed=have.fixed + counts.fixed,
            predicted=have.predicted + counts.predicted, right=have.right + counts.right,
            partial=have.partial + counts.partial)


def form_precision(clusters: Sequence[Breakdown]) -> float | None:
    """The mean precision of the clusters with an applied edit: how often a form the engine
    rewrites is rewritten right, each form counting once however often it recurs (None if none)."""
    applied = [cluster.right / cluster.predicted for cluster in clusters if cluster.predicted]
    return sum(applied) / len(applied) if applied else None


# the columns of a counts matrix, one row per cluster
GOLD, FIXED, PREDICTED, RIGHT, PARTIAL = range(5)


def _matrix(clusters: Sequence[Breakdown]) -> np.ndarray:
    rows = [[c.gold, c.fixed, c.predicted, c.right, c.partial] for c in clusters]
    return np.array(rows, dtype=float).reshape(-1, 5)


_EMPTY = Breakdown("", gold=0, predicted=0, right=0, fixed=0)


def _aligned(clusters: Mapping[str, Breakdown], keys: Sequence[str]) -> np.ndarray:
    """The counts of ``clusters`` in the order of ``keys``, a key it lacks counting zero: several
    systems (or bounds) scored on the same forms, resampled together."""
    return _matrix([clusters.get(key, _EMPTY) for key in keys])


def _rate(totals: np.ndarray, rate: str) -> np.ndarray:
    """The rate of each row of totals (columns GOLD, FIXED, PREDICTED, RIGHT); NaN where undefined."""
    if rate not in RATES:
        raise ValueError(f"rate must be one of {', '.join(RATES)}, not {rate!r}")
    part, whole = ((totals[..., FIXED], totals[..., GOLD]) if rate == "recall"
                   else (totals[..., RIGHT], totals[..., PREDICTED]))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, part / np.where(whole > 0, whole, 1), np.nan)


def _weights(count: int, resamples: int, seed: int) -> np.ndarray:
    """How many times each cluster is drawn in each resample (clusters drawn with replacement)."""
    if count == 0:
        raise ValueError("no clusters to resample")
    return np.random.default_rng(seed).multinomial(count, np.full(count, 1.0 / count), size=resamples).astype(float)


def _interval(estimate: float, draws: np.ndarray, level: float) -> Interval:
    draws = draws[~np.isnan(draws)]  # a resample without a predicted edit has no precision
    if not draws.size:
        return Interval(estimate, float("nan"), float("nan"), level)
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(draws, [tail, 100 - tail])
    return Interval(estimate, float(low), float(high), level)


def interval(clusters: Sequence[Breakdown], rate: str, resamples: int = RESAMPLES, level: float = LEVEL,
             seed: int = 0) -> Interval:
    """``rate`` ("recall" or "precision") over ``clusters`` with its percentile bootstrap interval."""
    matrix = _matrix(clusters)
    estimate = float(_rate(matrix.sum(axis=0), rate))
    return _interval(estimate, _rate(_weights(len(matrix), resamples, seed) @ matrix, rate), level)


def paired_difference(first: Mapping[str, Breakdown], second: Mapping[str, Breakdown], rate: str,
                      resamples: int = RESAMPLES, level: float = LEVEL, seed: int = 0) -> Interval:
    """``rate`` of ``first`` minus that of ``second``, two systems scored on the same data, with an
    interval from resampling the same clusters for both (a cluster one system lacks counts zero
    there): a difference whose interval holds 0 is within what another draw of forms could give."""
    keys = sorted(set(first) | set(second))
    a, b = _aligned(first, keys), _aligned(second, keys)
    estimate = float(_rate(a.sum(axis=0), rate) - _rate(b.sum(axis=0), rate))
    weights = _weights(len(keys), resamples, seed)
    return _interval(estimate, _rate(weights @ a, rate) - _rate(weights @ b, rate), level)


def bound_draws(by_bound: Mapping[float, Mapping[str, Breakdown]],
                choose: Callable[[Mapping[float, tuple[float, float, float]]], float | None],
                resamples: int = RESAMPLES, seed: int = 0) -> list[float | None]:
    """In each resample of the clusters, the bound ``choose`` picks from the resampled (right,
    applied, partial fixes) edit counts at each bound. ``by_bound`` holds, for each bound tried,
    the clusters of what was applied at that bound; one resample draws the same clusters at every
    bound.

    A bound chosen from a few forms moves with the draw of forms: these draws say how far.
    """
    bounds = sorted(by_bound)
    keys = sorted({key for clusters in by_bound.values() for key in clusters})
    weights = _weights(len(keys), resamples, seed)
    totals = np.stack([weights @ _aligned(by_bound[bound], keys) for bound in bounds], axis=1)  # resamples x bounds x 5
    return [choose({bound: (float(row[RIGHT]), float(row[PREDICTED]), float(row[PARTIAL]))
                    for bound, row in zip(bounds, draw)})
            for draw in totals]


@dataclass(frozen=True)
class EditIntervals:
    """An edit score's precision and recall with their intervals, and what they were drawn from."""

    precision: Interval
    recall: Interval
    forms: int
    resamples: int

    def to_dict(self) -> dict:
        bounds = lambda value: None if math.isnan(value) else round(value, 6)  # noqa: E731 (JSON has no NaN)
        return {"level": self.precision.level, "resamples": self.resamples, "forms": self.forms,
                **{rate: [bounds(found.low), bounds(found.high)]
                   for rate, found in (("precision", self.precision), ("recall", self.recall))}}

    def render(self) -> str:
        shown = lambda value: "n/a" if math.isnan(value) else f"{value * 100:.2f}%"  # noqa: E731
        return (f"{self.precision.level:.0%} intervals, {self.resamples:,} resamples of {self.forms} heard form(s): "
                f"precision {shown(self.precision.low)}..{shown(self.precision.high)}, "
                f"recall {shown(self.recall.low)}..{shown(self.recall.high)}")


def edit_intervals(gold: Sequence[GoldSpan], edits: Sequence[Edit], score: EditScore,
                   resamples: int = RESAMPLES, level: float = LEVEL) -> EditIntervals | None:
    """Precision and recall of ``score`` with their intervals over its heard forms (``correction
    score --confidence``); None when there is neither a gold span nor an edit. Without the raw text
    of the gold spans (the gold file's ``raw``), gold clusters by what each span becomes."""
    clusters = list(by_form(gold, edits, score).values())
    if not clusters:
        return None
    return EditIntervals(interval(clusters, "precision", resamples, level), interval(clusters, "recall", resamples, level),
                         len(clusters), resamples)
