"""benchmarks/fit_decision.py: the rule's bound and how far it moves with the draw of forms."""

from benchmarks.fit_decision import BOUNDS, EditCounts, bound_spread, lowest_bound
from correction.scoring.edits import Breakdown


def _counts(wrong_below: float) -> dict[float, EditCounts]:
    """One right form applied at every bound, and one wrong form below ``wrong_below``."""
    totals = {}
    for bound in BOUNDS:
        count = EditCounts(right=5, predicted=5 + 2 * (bound < wrong_below), fixed=5, gold=5)
        count.clusters = {"right": Breakdown("right", gold=5, fixed=5, predicted=5, right=5)}
        if bound < wrong_below:
            count.clusters["wrong"] = Breakdown("wrong", gold=0, fixed=0, predicted=2, right=0)
        totals[bound] = count
    return totals


def test_the_rule_takes_the_first_bound_past_the_wrong_form():
    assert lowest_bound(_counts(0.9)) == 0.9


def test_the_spread_says_how_often_another_draw_of_forms_moves_the_bound():
    spread = bound_spread(_counts(0.9), 0.9)
    # drawing "right" twice (1 time in 4) lowers the bound to the first one tried; drawing "wrong"
    # twice leaves nothing applied from 0.9 on, so no bound reaches the target
    assert "lower than 0.9 in 2" in spread and "none in 2" in spread and "higher in 0%" in spread
    assert spread.strip().startswith("lowest bound over 2000 draws")


def test_counts_added_up_over_groups_keep_their_forms():
    group = _counts(0.9)[0.5]
    total = EditCounts()
    total.add_counts(group)
    total.add_counts(group)
    assert (total.right, total.predicted) == (10, 14)
    assert total.clusters["wrong"].predicted == 4 and total.clusters["right"].right == 10
