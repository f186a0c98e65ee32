"""Fitting the decision: candidates of annotated data sets as feature rows with labels, and a
logistic regression fitted by Newton's method (numpy; no extra dependency).

A candidate is labelled right when the edits the engine would apply for it, scored alone, are
right: they leave the gold's text over the stretch they and the gold cover (the scoring's rule; a
span that swallows the words after a name is wrong), wrong otherwise: on a trap, on a name already
right, or a wrong fix. A name part alone is applied widened to its whole name when the rest of the
name is heard beside it (:mod:`correction.whole_names`), so it is judged widened: "Justin" in
"Justin Trier" is right when the gold is "Justin Trier" -> Justine Triet, though "Justin" ->
Justine alone would leave "Trier".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ..bench.dataset import Dataset
from ..engine import Corrector, edits_of
from ..lexicon import Lexicon
from ..scoring.edits import GoldSpan, score_edits
from ..whole_names import completed
from .decide import needs_decision
from .features import FEATURES, FeatureTable

PROPOSING = ("exact", "fuzzy", "phonetic")


@dataclass(frozen=True)
class Proposal:
    """What the passes proposed for one data set, kept to decide it again with other models."""

    dataset: Dataset
    corrector: Corrector
    text: object
    candidates: list
    table: FeatureTable
    values: np.ndarray  # features of the candidates needing a decision, in order
    group: str


@dataclass(frozen=True)
class Rows:
    """Feature rows, labels, the group (data set) of each row, and the proposals they come from."""

    values: np.ndarray
    labels: np.ndarray
    groups: tuple[str, ...]
    proposals: tuple[Proposal, ...] = ()

    @classmethod
    def empty(cls) -> "Rows":
        return cls(np.zeros((0, len(FEATURES))), np.zeros(0), ())

    @classmethod
    def joined(cls, parts: list["Rows"]) -> "Rows":
        """The rows of ``parts`` in order, copied once (adding them one by one copied the rows so far
        at every step: gigabytes over a fitting run's 900,000 rows)."""
        if not parts:
            return cls.empty()
        return cls(np.vstack([part.values for part in parts]), np.concatenate([part.labels for part in parts]),
                   tuple(group for part in parts for group in part.groups),
                   tuple(proposal for part in parts for proposal in part.proposals))


def lower_cased(dataset: Dataset) -> Dataset:
    """The data set as a recogniser without casing would write it (gold fixes in lower case too)."""
    lower = lambda spans: tuple(span.rewritten(str.lower) for span in spans)  # noqa: E731
    return replace(dataset, raw=dataset.raw.lower(), reference=dataset.reference.lower(),
                   gold=lower(dataset.gold), traps=lower(dataset.traps), correct=lower(dataset.correct))


def partly_heard_right(dataset: Dataset, every: int = 3) -> Dataset:
    """The data set as if the recogniser had heard each entity right once in ``every`` times: its
    ``every``-th, ``2 * every``-th... gold span of each entity in each transcript written as the gold
    text, then counted among the names already right.

    Why: a recogniser hears a name right some of the time, as speakers and their phrasing vary (in
    the dev set 32 of the 39 gold edits have their entity spelled right elsewhere in the
    transcript), where a synthetic voice says a name the same way every time (in the asr-loop
    fitting sets, 6%): without this, the fit never sees a misheard name whose entity is named
    elsewhere, the commonest case in real transcripts.
    """
    chosen: set[GoldSpan] = set()
    for first, last in dataset.episodes or ((1, len(dataset.raw_lines)),):
        seen: dict[str, int] = {}
        inside = [span for span in dataset.gold if first <= span.line <= last]
        for span in sorted(inside, key=lambda span: (span.line, span.start)):
            seen[span.entity] = seen.get(span.entity, 0) + 1
            if seen[span.entity] % every == 0:
                chosen.add(span)
    lines = dataset.raw_lines
    shifts: dict[int, list[tuple[int, int]]] = {}  # line -> (end of a rewritten span, length change)
    rewritten = {}
    for span in sorted(chosen, key=lambda span: (span.line, -span.start)):
        others = [other for other in (*dataset.gold, *dataset.traps, *dataset.correct)
                  if other.line == span.line and other is not span and other.start < span.end and span.start < other.end]
        if others:
            continue  # a span overlapping another is left as heard
        line = lines[span.line - 1]
        lines[span.line - 1] = line[: span.start] + span.text + line[span.end :]
        shifts.setdefault(span.line, []).append((span.end, len(span.text) - (span.end - span.start)))
        rewritten[span] = replace(span, end=span.start + len(span.text), original=span.text)

    def moved(span: GoldSpan) -> GoldSpan:
        delta = sum(change for end, change in shifts.get(span.line, ()) if span.start >= end)
        return replace(span, start=span.start + delta, end=span.end + delta) if delta else span

    gold = tuple(moved(span) for span in dataset.gold if span not in rewritten)
    correct = tuple(moved(span) for span in (*dataset.correct, *rewritten.values()))
    return replace(dataset, name=f"{dataset.name} heard right at times", raw="\n".join(lines), gold=gold,
                   traps=tuple(moved(span) for span in dataset.traps), correct=correct)


def interleaved(own: list[str], pool: list[str]) -> tuple[list[str], set[int]]:
    """``own`` lines with a line taken from ``pool`` (consumed) after each while it lasts, and the
    (0-based) positions of the lines put in."""
    mixed, inserted = [], set()
    for line in own:
        mixed.append(line)
        if pool:
            inserted.add(len(mixed))
            mixed.append(pool.pop(0))
    return mixed, inserted


def with_lines_between(dataset: Dataset, lines: list[str], label: str) -> Dataset:
    """The data set with one of ``lines`` after each of its own lines while they last, each kept
    in the transcript of the line before it; spans move to their lines' new numbers.

    Why: a transcript quotes the other language (a French podcast quoting English), and every word
    of such a passage is foreign to the transcript's language. Without it in the fit, the other
    language's ordinary words are only ever seen where a recogniser wrote them for a name ("if on"
    for iPhone), and the fit learns that they are a name's sign ("en effet" → Warren Buffett).
    """
    raw, inserted = interleaved(dataset.raw_lines, list(lines))
    reference, _ = interleaved(dataset.reference_lines, list(lines))
    own = [at for at in range(len(raw)) if at not in inserted]  # each own line's new place, 0-based
    moved_to = {number: at + 1 for number, at in enumerate(own, start=1)}
    ends = {number: at + 1 + (at + 1 in inserted) for number, at in enumerate(own, start=1)}
    move = lambda spans: tuple(replace(span, line=moved_to[span.line]) for span in spans)  # noqa: E731
    return replace(dataset, name=f"{dataset.name} {label}", raw="\n".join(raw), reference="\n".join(reference),
                   gold=move(dataset.gold), traps=move(dataset.traps), correct=move(dataset.correct),
                   episodes=tuple((moved_to[first], ends[last]) for first, last in dataset.episodes))


def collect(dataset: Dataset, lexicon: Lexicon, group: str) -> Rows:
    """Every candidate needing a decision in ``dataset``, as a feature row with its label; each of
    its transcripts corrected on its own."""
    return Rows.joined([_collect_transcript(transcript, lexicon, group) for transcript in dataset.transcripts()])


def _collect_transcript(dataset: Dataset, lexicon: Lexicon, group: str) -> Rows:
    corrector = Corrector(lexicon, passes=PROPOSING, generous=True)
    text, candidates = corrector.propose(dataset.raw)
    job = corrector.job_for(text)
    table = FeatureTable(job, candidates)
    names = tuple(FEATURES)
    deciding = [candidate for candidate in candidates if needs_decision(candidate)]
    # what applying each would write: a name part alone widened as the engine widens it
    edits = [edits_of(text, completed(job, [candidate])[0]) for candidate in deciding]
    # each candidate's edits are judged alone against the gold of their line (candidates overlap
    # one another, so scoring them together would judge no stretch); off the gold lines, wrong
    gold_by_line: dict[int, list] = {}
    for span in dataset.gold:
        gold_by_line.setdefault(span.line, []).append(span)
    labels = [float(bool(own) and own[0].line in gold_by_line
                    and score_edits(gold_by_line[own[0].line], own).right == len(own)) for own in edits]
    values = [table.vector(candidate, names) for candidate in deciding]
    array = np.array(values, dtype=float).reshape(-1, len(names))
    proposal = Proposal(dataset, corrector, text, candidates, table, array, group)
    return Rows(array, np.array(labels), (group,) * len(labels), (proposal,))


def fit_logistic(values: np.ndarray, labels: np.ndarray, l2: float = 1.0, iterations: int = 50,
                 at_least_zero: Sequence[int] = ()) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Means, scales, weights and bias of an L2-regularised logistic regression (Newton steps).

    The weights of the features at ``at_least_zero`` (column indices) are held at zero or above, by
    active set: while one is negative, the most negative is held at 0 and the rest refitted; a held
    one is let go again when the loss falls as it rises from 0.
    """
    means = values.mean(axis=0)
    scales = values.std(axis=0)
    scales[scales < 1e-9] = 1.0
    x = np.hstack([np.ones((len(values), 1)), (values - means) / scales])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    held: set[int] = set()
    for _ in range(4 * len(at_least_zero) + 1):  # room for each to be held and let go twice
        free = [column for column in range(x.shape[1]) if column - 1 not in held]
        theta = np.zeros(x.shape[1])
        theta[free] = _newton(x[:, free], labels, penalty[free], iterations)
        weights = theta[1:]
        negative = [i for i in at_least_zero if i not in held and weights[i] < 0]
        if negative:
            held.add(min(negative, key=lambda i: weights[i]))
            continue
        p = _sigmoid(x @ theta)
        gradient = x.T @ (p - labels)
        rising = [i for i in held if gradient[i + 1] < 0]
        if not rising:
            break
        held.remove(min(rising, key=lambda i: gradient[i + 1]))
    else:
        raise RuntimeError(f"the fit with weights {sorted(at_least_zero)} held at zero or above did not settle")
    return means, scales, theta[1:], float(theta[0])


def _newton(x: np.ndarray, labels: np.ndarray, penalty: np.ndarray, iterations: int) -> np.ndarray:
    theta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = _sigmoid(x @ theta)
        gradient = x.T @ (p - labels) + penalty * theta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return theta


def predict(values: np.ndarray, means: np.ndarray, scales: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return _sigmoid(bias + ((values - means) / scales) @ weights)


def _sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))  # clipped: exp overflows past ~700
