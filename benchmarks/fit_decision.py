"""Fit the decision model on the asr-loop FITTING domains and the dev set; write its weights.

    python benchmarks/fit_decision.py            # writes correction/decision/weights.json

Data: every asr-loop set of the fitting domains (both kinds, both languages, their own
canonical-only lexicons with distractors), the dev set with its canonical-only lexicon and with
the default lexicon, and each of them again in lower case (recognisers without casing). The
measuring domains are never read here.

The default ``min_confidence`` is chosen on the fitting data only, from out-of-group predictions
(each data set predicted by a model fitted on the others): the lowest bound at which the kept
candidates are right at least ``TARGET_PRECISION`` of the time.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import loop_sets  # noqa: E402
from correction import Lexicon, __version__  # noqa: E402
from correction.bench.dataset import load_dataset  # noqa: E402
from correction.decision.features import FEATURES  # noqa: E402
from correction.decision.model import WEIGHTS, DecisionModel  # noqa: E402
from correction.decision.training import Rows, collect, fit_logistic, lower_cased, predict  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
L2 = 1.0
TARGET_PRECISION = 0.95


def fitting_rows(log=print) -> tuple[Rows, list[str]]:
    """Rows of every fitting data set, and the names (with content hashes) of what was read."""
    rows, read = Rows.empty(), []
    sources = [(s.name, s.dataset(), s.lexicon()) for s in loop_sets(split="fit")]
    seed = load_dataset(DATA / "seed")
    sources += [("dev/canonical", seed, seed.canonical_lexicon()), ("dev/default", seed, Lexicon.load())]
    for name, dataset, lexicon in sources:
        digest = hashlib.sha256(dataset.raw.encode()).hexdigest()[:10]
        read.append(f"{name}@{digest}")
        group = name.split("/")[-1].split("-")[-1] if not name.startswith("dev") else "dev"
        for casing, data in (("", dataset), (" lower", lower_cased(dataset))):
            found = collect(data, lexicon, group)
            log(f"{name}{casing}: {len(found.labels)} candidates, {int(found.labels.sum())} right")
            rows = rows + found
    return rows, read


def out_of_group(rows: Rows) -> np.ndarray:
    """Each row's probability from a model fitted without its group (domain, or the dev set)."""
    predicted = np.zeros(len(rows.labels))
    groups = np.array(rows.groups)
    for group in sorted(set(rows.groups)):
        held = groups == group
        means, scales, weights, bias = fit_logistic(rows.values[~held], rows.labels[~held], L2)
        predicted[held] = predict(rows.values[held], means, scales, weights, bias)
    return predicted


def choose_bound(predicted: np.ndarray, labels: np.ndarray) -> float:
    """The lowest bound whose kept candidates reach the target precision (out-of-group)."""
    for bound in np.arange(0.30, 0.96, 0.01):
        kept = predicted >= bound
        if kept.sum() and labels[kept].mean() >= TARGET_PRECISION:
            return round(float(bound), 2)
    return 0.95


def main() -> int:
    rows, read = fitting_rows(log=lambda message: print(message, file=sys.stderr))
    print(f"{len(rows.labels)} candidates, {int(rows.labels.sum())} right, groups {sorted(set(rows.groups))}",
          file=sys.stderr)
    bound = choose_bound(out_of_group(rows), rows.labels)
    means, scales, weights, bias = fit_logistic(rows.values, rows.labels, L2)
    data_hash = hashlib.sha256("|".join(read).encode()).hexdigest()[:12]
    model = DecisionModel(features=tuple(FEATURES), means=tuple(means), scales=tuple(scales),
                          weights=tuple(weights), bias=bias, min_confidence=bound,
                          signature=f"logreg-l2={L2}|data={data_hash}")
    extra = {"fitted": str(datetime.date.today()), "correction": __version__, "fitted_on": read,
             "rows": int(len(rows.labels)), "right": int(rows.labels.sum()),
             "min_confidence_rule": f"lowest bound with out-of-group precision >= {TARGET_PRECISION}"}
    WEIGHTS.write_text(model.to_json(extra), encoding="utf-8")
    print(f"wrote {WEIGHTS} (min_confidence {bound})", file=sys.stderr)
    for name, weight in sorted(zip(FEATURES, weights), key=lambda item: -abs(item[1])):
        print(f"  {weight:+.2f}  {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
