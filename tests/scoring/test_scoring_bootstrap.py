"""The bootstrap over heard forms: clusters that add up to the score, and intervals that widen when
the edits are few forms repeated."""

from __future__ import annotations

import math

import pytest

from correction.edits import Edit
from correction.scoring.bootstrap import (bound_draws, by_form, edit_intervals, form_precision, interval, merge,
                                         paired_difference)
from correction.scoring.edits import Breakdown, GoldSpan, score_edits


def edit(line: int, column: int, original: str, replacement: str) -> Edit:
    start = 1000 * line + column
    return Edit(start, start + len(original), original, replacement, line, column, replacement, "phonetic", 0.9, "")


def form(name: str, gold: int, fixed: int, predicted: int = -1, right: int = -1) -> Breakdown:
    predicted = fixed if predicted < 0 else predicted
    return Breakdown(name, gold=gold, fixed=fixed, predicted=predicted, right=fixed if right < 0 else right)


# "OpenEye" heard three times (twice fixed), "Open Eye" is the same letters, "samalpan" missed
GOLD = (
    GoldSpan(1, 0, 7, "OpenAI", "OpenAI", "OpenEye"),
    GoldSpan(2, 0, 8, "OpenAI", "OpenAI", "Open Eye"),
    GoldSpan(3, 0, 7, "OpenAI", "OpenAI", "OpenEye"),
    GoldSpan(4, 4, 12, "Sam Altman", "Sam Altman", "samalpan"),
)
EDITS = [edit(1, 0, "OpenEye", "OpenAI"), edit(2, 0, "Open Eye", "OpenAI"), edit(5, 0, "merci", "Mercier")]


def test_clusters_add_up_to_the_score_and_group_a_form_whatever_its_spacing():
    score = score_edits(list(GOLD), EDITS)
    clusters = by_form(GOLD, EDITS, score, prefix="set: ")
    assert set(clusters) == {"set: openeye -> OpenAI", "set: samalpan -> Sam Altman", "set: merci -> Mercier"}
    openeye = clusters["set: openeye -> OpenAI"]
    assert (openeye.gold, openeye.fixed, openeye.predicted, openeye.right) == (3, 2, 2, 2)
    merci = clusters["set: merci -> Mercier"]
    assert (merci.gold, merci.fixed, merci.predicted, merci.right) == (0, 0, 1, 0)
    for field in ("gold", "fixed", "predicted", "right"):
        assert sum(getattr(c, field) for c in clusters.values()) == getattr(score, field)
    assert sum(c.partial for c in clusters.values()) == 0   # "merci" is on a line with no gold


def test_a_partial_fix_is_counted_in_its_form():
    # "samalpan" is Sam Altman's misheard name: "sam" -> Sam Altman rewrites part of it
    edits = [edit(4, 4, "sam", "Sam Altman")]  # the helper's entity is the replacement
    score = score_edits(list(GOLD), edits)
    clusters = by_form(GOLD, edits, score)
    assert clusters["sam -> Sam Altman"].partial == 1 and clusters["samalpan -> Sam Altman"].partial == 0
    merged = dict(clusters)
    merge(merged, clusters)
    assert merged["sam -> Sam Altman"].partial == 2


def test_one_rate_everywhere_gives_a_point_interval():
    result = interval([form(str(n), 4, 2) for n in range(30)], "recall")
    assert (result.estimate, result.low, result.high) == (0.5, 0.5, 0.5)


def test_few_forms_repeated_are_less_sure_than_as_many_edits_each_its_own_form():
    repeated = [form("fixed", 10, 10), form("missed", 10, 0)]
    distinct = [form(f"fixed {n}", 1, 1) for n in range(10)] + [form(f"missed {n}", 1, 0) for n in range(10)]
    wide, narrow = interval(repeated, "recall"), interval(distinct, "recall")
    assert wide.estimate == narrow.estimate == 0.5
    assert wide.low <= narrow.low < 0.5 < narrow.high <= wide.high
    assert (wide.high - wide.low) > 1.5 * (narrow.high - narrow.low)


def test_the_interval_holds_the_estimate_and_is_reproducible():
    clusters = [form(str(n), 1 + n % 4, n % 3 and 1, predicted=2, right=n % 2 + 1) for n in range(25)]
    for rate in ("recall", "precision"):
        first, again = interval(clusters, rate, seed=3), interval(clusters, rate, seed=3)
        assert first == again
        assert first.low <= first.estimate <= first.high


def test_precision_skips_resamples_without_an_applied_edit_and_is_undefined_with_none():
    some = interval([form("a", 5, 1, predicted=1, right=1)] + [form(str(n), 5, 0) for n in range(5)], "precision")
    assert (some.estimate, some.low, some.high) == (1.0, 1.0, 1.0)
    none = interval([form(str(n), 5, 0) for n in range(5)], "precision")
    assert math.isnan(none.low) and math.isnan(none.high)


def test_paired_difference_is_zero_for_one_system_and_positive_when_one_fixes_more_forms():
    rules = {str(n): form(str(n), 3, 3 if n < 5 else 0) for n in range(20)}
    same = paired_difference(rules, rules, "recall")
    assert (same.estimate, same.low, same.high) == (0.0, 0.0, 0.0)
    model = {str(n): form(str(n), 3, 3 if n < 10 else 0) for n in range(20)}
    better = paired_difference(model, rules, "recall")
    assert better.estimate == pytest.approx(0.25)
    assert 0.0 < better.low < better.estimate < better.high
    assert better.signed() == f"+0.25 [{better.low:+.2f}, {better.high:+.2f}]"


def test_a_cluster_one_system_lacks_counts_zero_there():
    wrong_only = {"merci -> Mercier": form("merci -> Mercier", 0, 0, predicted=4, right=0)}
    right_only = {"openeye -> OpenAI": form("openeye -> OpenAI", 4, 4)}
    difference = paired_difference(right_only, {**right_only, **wrong_only}, "precision")
    assert difference.estimate == pytest.approx(1.0 - 0.5)


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="rate must be one of"):
        interval([form("a", 1, 1)], "f1")
    with pytest.raises(ValueError, match="no clusters"):
        interval([], "recall")


def test_merged_clusters_add_their_counts_and_forms_weigh_once_in_form_precision():
    clusters = {"a": form("a", 2, 2)}
    merge(clusters, {"a": form("a", 3, 1, predicted=2, right=1), "b": form("b", 0, 0, predicted=40, right=0)})
    a = clusters["a"]
    assert (a.gold, a.fixed, a.predicted, a.right) == (5, 3, 4, 3)
    # a: 3 of 4 right; b: 0 of 40: each form once, whatever its number of edits
    assert form_precision(list(clusters.values())) == pytest.approx((0.75 + 0.0) / 2)
    assert form_precision([form("c", 3, 0)]) is None  # nothing applied


def test_edit_intervals_say_what_they_resampled_and_write_no_nan():
    score = score_edits(list(GOLD), [])
    found = edit_intervals(GOLD, [], score, resamples=200)
    assert (found.forms, found.resamples) == (2, 200)  # "openeye" -> OpenAI, "samalpan" -> Sam Altman
    assert found.to_dict() == {"level": 0.95, "resamples": 200, "forms": 2, "precision": [None, None],
                               "recall": [0.0, 0.0]}
    assert found.render() == "95% intervals, 200 resamples of 2 heard form(s): precision n/a..n/a, recall 0.00%..0.00%"
    assert edit_intervals((), [], score_edits([], [])) is None


def _precision_at_least(target):
    """A rule for ``bound_draws``: the lowest bound whose applied edits are right ``target`` of the time."""
    return lambda applied: next((bound for bound, (right, predicted, _) in sorted(applied.items())
                                 if predicted and right / predicted >= target), None)


def test_the_bound_a_rule_picks_moves_with_the_draw_of_forms():
    # at 0.5 one wrong form is applied beside two right ones; from 0.9 only right ones
    by_bound = {0.5: {"a": form("a", 10, 10), "b": form("b", 10, 10), "bad": form("bad", 0, 0, predicted=5, right=0)},
                0.9: {"a": form("a", 10, 10), "b": form("b", 10, 8)}}
    draws = bound_draws(by_bound, _precision_at_least(0.97), resamples=500)
    assert len(draws) == 500 and set(draws) == {0.5, 0.9, None}
    # 0.5 when "bad" is not drawn, (2/3)^3 = 0.30 of the time; None when only "bad" is, 1/27
    assert 0.2 < draws.count(0.5) / len(draws) < 0.4 and draws.count(None) / len(draws) < 0.1


def test_each_draw_hands_the_rule_the_resampled_right_and_applied_counts_at_every_bound():
    seen = []
    by_bound = {0.5: {"x": form("x", 3, 3), "y": form("y", 1, 1)}, 0.9: {"x": form("x", 3, 3)}}
    bound_draws(by_bound, lambda applied: seen.append(applied) or 0.9, resamples=50)
    assert len(seen) == 50 and all(set(applied) == {0.5, 0.9} for applied in seen)
    # a draw of "x" twice applies 6 at 0.5 and 6 at 0.9; of "y" twice, 2 and 0
    assert {(applied[0.5], applied[0.9]) for applied in seen} <= {((6.0, 6.0, 0.0), (6.0, 6.0, 0.0)),
                                                                    ((4.0, 4.0, 0.0), (3.0, 3.0, 0.0)),
                                                                    ((2.0, 2.0, 0.0), (0.0, 0.0, 0.0))}


def test_a_draw_counts_the_partial_fixes_of_the_forms_it_draws():
    seen = []
    by_bound = {0.5: {"x": Breakdown("x", gold=0, fixed=0, predicted=2, right=0, partial=2)}}
    bound_draws(by_bound, lambda applied: seen.append(applied[0.5]) or 0.5, resamples=5)
    assert seen == [(0.0, 2.0, 2.0)] * 5
