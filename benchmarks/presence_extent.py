"""An experiment, not the shipped decision: decide whether an entity is there, then which extent to fix.

    python benchmarks/presence_extent.py        # about 25 minutes on 2 cores; prints Markdown

The shipped model labels a candidate right when its edits alone leave the gold's text, so "Ensen"
for the gold "Ensen Quad" -> Jensen Huang is as wrong as "dune" where no name was said. Here a
regression with the same features is fitted on the same fitting rows (``fit_decision.py``) with
another label, "overlaps a gold span of the same entity" (presence); the overlapping candidates of
one entity in a transcript are one mention, given the largest of their presence probabilities, and
one of them is applied, chosen by:

* the shipped model (the likeliest extent by its label);
* a regression fitted only on the fitting rows whose entity is there, labelled by extent;
* a rule: the whole name before a part, then the closer match, then the longer span.

Each is scored like ``decision_quality.py`` on the spliced measuring sets (as heard, and names
heard right one time in three) at several bounds, beside the shipped model alone. The bounds are
read off the measuring sets here, which is not how a shipped bound is chosen (out of group on the
fitting data): this says whether the idea is worth building, not what it would score. Findings:
``benchmarks/results/decision-history.md`` (2026-12-07).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import loop_sets  # noqa: E402
from benchmarks.fit_decision import EditCounts, fitting_rows, fitting_sources, logistic  # noqa: E402
from correction.decision.decide import decide, needs_decision  # noqa: E402
from correction.decision.model import DecisionModel  # noqa: E402
from correction.decision.training import Rows, collect, partly_heard_right  # noqa: E402
from correction.scoring.edits import score_edits  # noqa: E402

BOUNDS = (0.8, 0.9, 0.95, 0.97)


def presence_labels(rows: Rows) -> np.ndarray:
    """1 for each candidate needing a decision that overlaps a gold span of its entity."""
    labels = []
    for proposal in rows.proposals:
        data = proposal.dataset
        starts = [0]
        for line in data.raw_lines:
            starts.append(starts[-1] + len(line) + 1)
        gold = [(starts[span.line - 1] + span.start, starts[span.line - 1] + span.end, span.entity) for span in data.gold]
        labels += [float(any(entity == candidate.entity and candidate.span.start < end and candidate.span.end > start
                             for start, end, entity in gold))
                   for candidate in proposal.candidates if needs_decision(candidate)]
    return np.array(labels)


def regression(values: np.ndarray, labels: np.ndarray, name: str) -> DecisionModel:
    """The shipped kind of model (``fit_decision.logistic``) fitted on another label, named ``name``."""
    return replace(logistic(values, labels), signature=name)


def mentions(candidates: list) -> list[list[int]]:
    """Positions of ``candidates`` grouped by entity and overlap (a chain of overlaps is one mention)."""
    by_entity: dict[str, list[int]] = {}
    for position, candidate in enumerate(candidates):
        by_entity.setdefault(candidate.entity, []).append(position)
    found = []
    for members in by_entity.values():
        members.sort(key=lambda position: candidates[position].span.start)
        current, end = [], -1
        for position in members:
            if current and candidates[position].span.start >= end:
                found.append(current)
                current, end = [], -1
            current.append(position)
            end = max(end, candidates[position].span.end)
        found.append(current)
    return found


def main() -> int:
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    rows, _ = fitting_rows(fitting_sources(), log)
    present = presence_labels(rows)
    log(f"{len(rows.labels)} fitting rows, {int(rows.labels.sum())} right extents, {int(present.sum())} present")
    presence = regression(rows.values, present, "presence")
    inside = present == 1
    extent = regression(rows.values[inside], rows.labels[inside], "extent")
    del rows
    shipped = DecisionModel.load()
    choosers = {
        "shipped model": lambda group, sub, vectors: max(group, key=lambda j: sub[j].probability),
        "extent model": lambda group, sub, vectors: max(group, key=lambda j: extent.probability(vectors[j])),
        "rule": lambda group, sub, vectors: max(group, key=lambda j: (sub[j].surface.role != "part", sub[j].score,
                                                                      sub[j].span.size)),
    }
    print("| set | bound | shipped model | " + " | ".join(f"presence, extent by {name}" for name in choosers) + " |")
    print("|---|---|---|" + "---|" * len(choosers))
    for variant, made in (("", lambda data: data), (", named right 1 time in 3", partly_heard_right)):
        for lang in ("fr", "en"):
            counts = {name: {bound: EditCounts() for bound in BOUNDS} for name in ("shipped", *choosers)}
            for loop_set in loop_sets(kind="spliced", split="measure", lang=lang):
                for proposal in collect(made(loop_set.dataset()), loop_set.lexicon(), loop_set.domain).proposals:
                    job = proposal.corrector.job_for(proposal.text)
                    vectors = [list(row) for row in proposal.values]
                    alone = decide(job, proposal.candidates, shipped, 0.5, table=proposal.table, vectors=vectors)
                    there = decide(job, proposal.candidates, presence, 0.5, table=proposal.table, vectors=vectors)
                    deciding = [position for position, candidate in enumerate(proposal.candidates)
                                if needs_decision(candidate)]
                    sub = [alone[position] for position in deciding]
                    variants = {"shipped": alone}
                    for name, choose in choosers.items():
                        chosen = list(alone)
                        for group in mentions(sub):
                            best = choose(group, sub, vectors)
                            probability = max(there[deciding[j]].probability for j in group)
                            for j in group:
                                chosen[deciding[j]] = replace(alone[deciding[j]],
                                                              probability=probability if j == best else 0.0)
                        variants[name] = chosen
                    for name, candidates in variants.items():
                        for bound in BOUNDS:
                            verdicts = [replace(c, decision="kept" if (c.probability or 0) >= bound else "dropped")
                                        if c.probability is not None else c for c in candidates]
                            edits = proposal.corrector.apply(proposal.text, verdicts).edits
                            counts[name][bound].add_score(score_edits(list(proposal.dataset.gold), edits))
            for bound in BOUNDS:
                cells = [f"{c.fixed} fixed, {c.right}/{c.predicted} right" for c in
                         (counts[name][bound] for name in ("shipped", *choosers))]
                print(f"| {lang}{variant} | {bound:.2f} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
