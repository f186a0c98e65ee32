"""Which kind of model decides best on ground it was not fitted on: the shipped logistic regression
or gradient-boosted trees (scikit-learn's ``HistGradientBoostingClassifier``, its defaults).

    python benchmarks/compare_models.py      # about 30 minutes on 2 cores; writes results/model-choice.md

Both kinds are fitted on the same rows as ``fit_decision.py`` (the fitting domains, the dev set, the
self-written ordinary speech), each gets its bound chosen as ``fit_decision.py`` chooses it (out of
group, on the fitting data only), and both are measured on the asr-loop measuring domains' spliced
sets, as heard and named right one time in three, scored as ``decision_quality.py`` scores edits.

Needs scikit-learn, which the package does not (``pip install scikit-learn``): the shipped model is
plain numpy, and this script is run by hand to say why.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import loop_sets  # noqa: E402
from benchmarks.fit_decision import (PARTIAL_FIX_COST, WRONG_EDIT_COST, edit_counts, fitting_rows,  # noqa: E402
                                     fitting_sources, logistic, median_bound, out_of_group_counts, rule_draws)
from correction import __version__  # noqa: E402
from correction.decision.features import FEATURES  # noqa: E402
from correction.decision.training import Rows, collect, partly_heard_right  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted trees standing in for the shipped model in ``decide`` (no explanation:
    trees have no per-feature share of the log-odds to name)."""

    booster: object
    features: tuple[str, ...] = tuple(FEATURES)

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        if not rows:
            return []
        return [float(p) for p in self.booster.predict_proba(np.asarray(rows, dtype=float))[:, 1]]

    def contributions(self, values: list[float]) -> list[float]:
        return [0.0] * len(values)


def booster_class():
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError:
        raise SystemExit("compare_models.py: scikit-learn is not installed (pip install scikit-learn)") from None
    return HistGradientBoostingClassifier


def trees(values: np.ndarray, labels: np.ndarray) -> Trees:
    return Trees(booster_class()(random_state=0).fit(values, labels))


KINDS = {"logistic regression (shipped)": logistic, "gradient-boosted trees": trees}


def measuring_rows(lang: str) -> Rows:
    parts = []
    for loop_set in loop_sets(kind="spliced", split="measure", lang=lang):
        for dataset in (loop_set.dataset(), partly_heard_right(loop_set.dataset())):
            parts.append(collect(dataset, loop_set.lexicon(), loop_set.domain))
    return Rows.joined(parts)


def main() -> int:
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    booster_class()  # fail now, not after half an hour of collecting
    fitting, _ = fitting_rows(fitting_sources(), log)
    measuring = {lang: measuring_rows(lang) for lang in ("fr", "en")}
    lines = [f"Measured {datetime.date.today()} by `python benchmarks/compare_models.py` (correction {__version__}).",
             "",
             f"Both fitted on the same {len(fitting.labels):,} fitting candidates; each bound is the one at which "
             f"the fitting data's edits, each domain decided by a model fitted without it, gain most (right "
             f"ones less {WRONG_EDIT_COST} times wrong ones, {PARTIAL_FIX_COST} times partial fixes; the median "
             "over draws of the heard forms, as `fit_decision.py` takes it). Measured on "
             "the asr-loop measuring domains' spliced sets "
             "(as heard, and named right one time in three), never fitted:",
             "",
             "| model | bound | fitting, out of group: precision at the bound | measuring fr: precision | recall "
             "| measuring en: precision | recall |",
             "|---|---|---|---|---|---|---|"]
    ratio = lambda a, b: f"{a}/{b} = {a / b:.2f}" if b else "–"  # noqa: E731
    for name, fit in KINDS.items():
        log(f"{name}: applied edits out of group on the fitting data")
        totals = out_of_group_counts(fitting, fit, log=lambda message: None)
        bound = median_bound(rule_draws(totals))  # the bound fit_decision would ship for this kind of model
        cells = [name, f"{bound:.2f}"]
        cells.append(ratio(totals[bound].right, totals[bound].predicted))
        model = fit(fitting.values, fitting.labels)
        for lang in ("fr", "en"):
            count = edit_counts(measuring[lang].proposals, model, bounds=(bound,))[bound]
            cells += [ratio(count.right, count.predicted), ratio(count.fixed, count.gold)]
        lines.append("| " + " | ".join(cells) + " |")
        log(lines[-1])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "model-choice.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
