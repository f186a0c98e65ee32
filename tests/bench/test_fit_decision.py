"""benchmarks/fit_decision.py: the rule's bound and how far it moves with the draw of forms."""

import numpy as np

from benchmarks.fit_decision import (BOUNDS, PARTIAL_FIX_COST, WRONG_EDIT_COST, EditCounts, best_bound, bound_spread,
                                     counted, logistic, median_bound, rule_draws)
from correction.decision.features import CONTEXT_EVIDENCE, FEATURES
from correction.edits import Edit
from correction.scoring.edits import Breakdown, GoldSpan, score_edits


def _counts(wrong_below: float) -> dict[float, EditCounts]:
    """One right form applied at every bound, one more up to 0.90, and one wrong form below
    ``wrong_below``."""
    totals = {}
    for bound in BOUNDS:
        late, wrong = bound <= 0.9, bound < wrong_below
        count = EditCounts(right=5 + late, predicted=5 + late + 2 * wrong, fixed=5 + late, gold=6)
        count.clusters = {"right": Breakdown("right", gold=5, fixed=5, predicted=5, right=5)}
        if late:
            count.clusters["late"] = Breakdown("late", gold=1, fixed=1, predicted=1, right=1)
        if wrong:
            count.clusters["wrong"] = Breakdown("wrong", gold=0, fixed=0, predicted=2, right=0)
        totals[bound] = count
    return totals


def test_the_rule_takes_the_last_right_edits_before_the_wrong_form():
    assert best_bound(counted(_counts(0.9))) == 0.9
    assert best_bound(counted(_counts(0.85))) == 0.9
    # the wrong form comes before the late one: above it, every bound gains the same; the highest
    assert best_bound(counted(_counts(0.95))) == BOUNDS[-1]


def test_the_rule_applies_edits_while_they_gain_more_than_the_wrong_ones_cost():
    # 0.5 adds 10 right edits and one wrong one to 0.9's: worth it while a wrong one costs under 10
    applied = {0.5: (20, 21, 0), 0.9: (10, 10, 0), 0.95: (4, 4, 0)}
    assert best_bound(applied) == (0.5 if WRONG_EDIT_COST < 10 else 0.9)
    assert best_bound({0.5: (30, 30 + 30, 0), 0.9: (10, 10, 0)}) == 0.9
    assert best_bound({0.5: (10, 10, 0), 0.9: (10, 10, 0)}) == 0.9   # the same gain: fewer edits tried
    assert best_bound({0.5: (0, 3, 0), 0.9: (0, 0, 0)}) is None     # nothing gains


def test_a_partial_fix_costs_less_than_a_wrong_rewrite():
    # 0.5 adds 10 right edits and 4 wrong ones to 0.9's: worth it when the 4 only fix names in part
    assert PARTIAL_FIX_COST < 10 / 4 < WRONG_EDIT_COST
    assert best_bound({0.5: (20, 24, 0), 0.9: (10, 10, 0)}) == 0.9
    assert best_bound({0.5: (20, 24, 4), 0.9: (10, 10, 0)}) == 0.5
    assert best_bound({0.5: (20, 24, 2), 0.9: (10, 10, 0)}) == 0.9   # two of the four damage text


def test_the_spread_says_how_often_another_draw_of_forms_moves_the_bound():
    spread = bound_spread(rule_draws(_counts(0.9)), 0.9)
    # without "late" in a draw every bound up to the wrong form's gains the same, and the highest is
    # taken; with "wrong" alone nothing gains (1 draw in 27); no draw makes the wrong form worth it
    assert "lower than 0.9 in 0%" in spread and "none in 0%" not in spread and "higher in 2" in spread
    assert spread.strip().startswith("best bound over 2000 draws")


def _one_form_decides(right: int, wrong_forms: int) -> dict[float, EditCounts]:
    """Ten right forms at every bound; under 0.90, one form of ``right`` right edits and
    ``wrong_forms`` forms of one wrong edit each."""
    totals = {}
    for bound in BOUNDS:
        low = bound < 0.9
        count = EditCounts(right=10 + right * low, predicted=10 + (right + wrong_forms) * low, fixed=0, gold=0)
        count.clusters = {f"steady {i}": Breakdown(f"steady {i}", gold=1, fixed=1, predicted=1, right=1)
                          for i in range(10)}
        if low:
            count.clusters["one"] = Breakdown("one", gold=right, fixed=right, predicted=right, right=right)
            count.clusters.update({f"wrong {i}": Breakdown(f"wrong {i}", gold=0, fixed=0, predicted=1, right=0)
                                   for i in range(wrong_forms)})
        totals[bound] = count
    return totals


def test_the_shipped_bound_is_the_one_most_draws_of_the_forms_take():
    # on all the forms, the lower bounds gain one edit more, all of it from one form outweighing ten
    # wrong ones; in most draws of the forms they do not, and the draws' median is what ships
    totals = _one_form_decides(right=10 * WRONG_EDIT_COST + 1, wrong_forms=10)
    assert best_bound(counted(totals)) == 0.89
    assert median_bound(rule_draws(totals)) == BOUNDS[-1]
    # where every draw agrees, the median is the bound on all the forms
    assert median_bound(rule_draws(_counts(0.9))) == best_bound(counted(_counts(0.9))) == 0.9


def test_counts_added_up_over_groups_keep_their_forms():
    group = _counts(0.9)[0.5]
    total = EditCounts()
    total.add_counts(group)
    total.add_counts(group)
    assert (total.right, total.predicted) == (12, 16)
    assert total.clusters["wrong"].predicted == 4 and total.clusters["right"].right == 10


def test_counts_tell_a_partial_fix_from_a_wrong_rewrite():
    gold = [GoldSpan(1, 5, 16, "OpenAI", "OpenAI", "hopen pas y")]
    edits = [Edit(5, 10, "hopen", "OpenAI", 1, 5, "OpenAI", "phonetic", 0.9, ""),      # "OpenAI pas y": part
             Edit(30, 35, "merci", "Mercier", 2, 0, "Mercier", "phonetic", 0.9, "")]   # a name-free line
    counts = EditCounts()
    counts.add_scored(gold, edits, score_edits(gold, edits), prefix="set: ")
    counts.add_counts(counts)
    assert (counts.right, counts.predicted, counts.partial) == (0, 4, 2)
    assert counted({0.5: counts}) == {0.5: (0, 4, 2)}
    assert counts.clusters["set: hopen -> OpenAI"].partial == 2
    assert counts.clusters["set: merci -> Mercier"].partial == 0


def test_the_fit_holds_every_context_feature_at_zero_or_above():
    rng = np.random.default_rng(2)
    values = rng.random((3000, len(FEATURES)))
    # every context feature against the label, the first feature for it
    context = [list(FEATURES).index(name) for name in CONTEXT_EVIDENCE]
    logit = 3 * values[:, 0] - 2 * values[:, context].sum(axis=1)
    labels = (rng.random(3000) < 1 / (1 + np.exp(-logit))).astype(float)
    fitted = logistic(values, labels)
    assert all(fitted.weights[index] >= 0 for index in context)
    assert fitted.weights[0] > 0 and "context>=0" in fitted.signature
