"""score_edits: predicted edits against gold spans, traps and correct names; loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from correction.edits import Edit, apply_edits, read_edits_jsonl
from correction.errors import InputError
from correction.scoring.edits import (
    GoldSpan,
    edits_from_gold,
    is_partial_fix,
    load_gold,
    load_spans,
    overlaps,
    score_edits,
)

DATA = Path(__file__).parent.parent / "data" / "scoring"
SEED = Path(__file__).parents[2] / "benchmarks" / "data" / "seed"


def edit(line: int, column: int, original: str, replacement: str, entity: str = "OpenAI",
         pass_name: str = "phonetic") -> Edit:
    # absolute offsets do not matter for scoring: only line, column and len(original) do
    start = 1000 * line + column
    return Edit(start, start + len(original), original, replacement, line, column, entity, pass_name, 0.9, "")


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((0, 5), (5, 9), False),  # touching ends do not overlap
        ((0, 6), (5, 9), True),
        ((5, 9), (0, 6), True),
        ((2, 3), (0, 9), True),  # inside
        ((4, 4), (0, 9), True),  # an insertion point inside a span
        ((9, 9), (0, 9), False),  # an insertion point at its end
        ((3, 3), (3, 3), True),
        ((0, 9), (4, 4), True),
    ],
)
def test_overlaps(a, b, expected):
    assert overlaps(*a, *b) is expected


GOLD = (
    GoldSpan(1, 9, 16, "OpenAI", "OpenAI"),
    GoldSpan(1, 18, 24, "Sam", "Sam Altman"),
    GoldSpan(3, 23, 30, "OpenAI", "OpenAI"),
)


@pytest.mark.parametrize(
    "predicted, right, fixed",
    [
        ([], 0, 0),
        ([edit(1, 9, "OpenEye", "OpenAI")], 1, 1),
        ([edit(1, 7, "d'OpenEye", "OpenAI")], 1, 1),  # overlapping span, same text: right
        ([edit(1, 9, "OpenEye", "Open AI")], 0, 0),  # right place, wrong text
        ([edit(2, 9, "OpenEye", "OpenAI")], 0, 0),  # right text, wrong line
        ([edit(1, 0, "Le PDG ", "OpenAI")], 0, 0),  # right text, no overlap
        ([edit(1, 9, "OpenEye", "OpenAI"), edit(1, 10, "penEy", "OpenAI")], 2, 1),  # two right, one fix
        ([edit(1, 18, "Salman", "Sam", "Sam Altman"), edit(3, 23, "Open AI", "OpenAI")], 2, 2),
    ],
)
def test_right_and_fixed(predicted, right, fixed):
    score = score_edits(GOLD, predicted)
    assert (score.gold, score.predicted, score.right, score.fixed) == (3, len(predicted), right, fixed)
    assert score.precision == (right / len(predicted) if predicted else 0.0)
    assert score.recall == fixed / 3
    assert len(score.wrong) == len(predicted) - right
    assert len(score.missed) == 3 - fixed


# "Le PDG Tadunj Pogachar a dit": the gold fixes the whole name in one edit
WHOLE_NAME = (GoldSpan(1, 7, 22, "Tadej Pogačar", "Tadej Pogačar", original="Tadunj Pogachar"),)


@pytest.mark.parametrize(
    "predicted, right, fixed",
    [
        # word by word, the two edits leave the gold's text: one fix, both right
        ([edit(1, 7, "Tadunj", "Tadej"), edit(1, 14, "Pogachar", "Pogačar")], 2, 1),
        # half of it alone is not the fix
        ([edit(1, 14, "Pogachar", "Pogačar")], 0, 0),
        # a wider edit leaving the same text as a narrower gold
        ([edit(1, 7, "Tadunj Pogachar a", "Tadej Pogačar a")], 1, 1),
        # the gold's text, but a word after it lost
        ([edit(1, 7, "Tadunj Pogachar a", "Tadej Pogačar")], 0, 0),
        # the two words, one of them wrong
        ([edit(1, 7, "Tadunj", "Tadej"), edit(1, 14, "Pogachar", "Pogatchar")], 0, 0),
    ],
)
def test_edits_are_judged_by_the_text_they_leave(predicted, right, fixed):
    score = score_edits(WHOLE_NAME, predicted)
    assert (score.right, score.fixed) == (right, fixed)
    assert len(score.wrong) == len(predicted) - right


def test_without_the_raw_text_an_edit_must_write_a_gold_text():
    # without the gold's original the stretch's text is unknown: each edit must write a gold text
    gold = (GoldSpan(1, 7, 22, "Tadej Pogačar", "Tadej Pogačar"),)
    score = score_edits(gold, [edit(1, 7, "Tadunj", "Tadej"), edit(1, 14, "Pogachar", "Pogačar")])
    assert (score.right, score.fixed) == (0, 0)


@pytest.mark.parametrize("predicted, partial", [
    (edit(1, 7, "Tadunj", "Tadej", "Tadej Pogačar"), True),                 # inside its entity's misheard words
    (edit(1, 14, "Pogachar", "Pogačar", "Tadej Pogačar"), True),
    (edit(1, 7, "Tadunj", "Thomas", "Thomas Pesquet"), False),              # another entity
    (edit(1, 0, "Hier, Tadunj", "Tadej", "Tadej Pogačar"), False),          # takes in a word heard right
    (edit(1, 7, "Tadunj", "Tadej Pogačar", "Tadej Pogačar"), True),         # the whole name over part of its words
    (edit(1, 7, "Tadunj", "", "Tadej Pogačar"), False),                     # writes nothing
    (edit(2, 7, "Tadunj", "Tadej", "Tadej Pogačar"), False),                # another line
])
def test_a_partial_fix_writes_its_entity_over_part_of_its_misheard_words(predicted, partial):
    assert is_partial_fix(predicted, WHOLE_NAME) is partial
    score = score_edits(WHOLE_NAME, [predicted])
    assert score.right == 0 and score.partial == ((predicted,) if partial else ())


def test_an_edit_writing_more_than_its_gold_span_wants_is_no_partial_fix():
    # the gold fixes the first name alone, the surname heard right after it: "Sam Altman" doubles it
    gold = (GoldSpan(1, 18, 24, "Sam", "Sam Altman", original="Salman"),)
    assert not is_partial_fix(edit(1, 18, "Salman", "Sam Altman", "Sam Altman"), gold)
    assert is_partial_fix(edit(1, 18, "Sal", "Sam", "Sam Altman"), gold)


def test_a_rewritten_span_keeps_its_text_and_raw_text_together():
    lower = WHOLE_NAME[0].rewritten(str.lower)
    assert (lower.text, lower.original) == ("tadej pogačar", "tadunj pogachar")
    score = score_edits([lower], [edit(1, 7, "tadunj", "tadej"), edit(1, 14, "pogachar", "pogačar")])
    assert (score.right, score.fixed) == (2, 1)


def test_gold_files_give_the_original_text():
    assert [span.original for span in load_gold(str(SEED / "edits.jsonl"))][:2] == ["Salman", "Marc"]


def test_fixture_files_breakdowns():
    gold = load_gold(str(DATA / "gold.jsonl"))
    predicted = read_edits_jsonl((DATA / "predicted.jsonl").read_text(encoding="utf-8"), "predicted.jsonl")
    score = score_edits(gold, predicted, traps=load_spans(str(DATA / "traps.jsonl")),
                        correct=load_spans(str(DATA / "correct.jsonl")))
    assert (score.gold, score.predicted, score.right, score.fixed) == (3, 4, 2, 2)
    assert score.precision == 0.5
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(4 / 7)
    assert [span.text for span in score.traps_touched] == ["Il y a"]
    assert (score.traps, score.correct, score.correct_touched) == (1, 1, ())
    by_entity = {row.name: (row.gold, row.predicted, row.right, row.fixed) for row in score.by_entity}
    assert by_entity == {"Ilya Sutskever": (0, 1, 0, 0), "OpenAI": (2, 2, 2, 2), "Sam Altman": (1, 1, 0, 0)}
    by_pass = {row.name: (row.gold, row.predicted, row.right, row.fixed) for row in score.by_pass}
    assert by_pass == {"phonetic": (3, 3, 1, 1), "spacing": (3, 1, 1, 1)}
    assert [span.text for span in score.missed] == ["Sam"]
    assert [edit.replacement for edit in score.wrong] == ["Sam Altman", "Ilya"]


def test_correct_names_touched():
    correct = (GoldSpan(2, 0, 13, "Satya Nadella", "Satya Nadella"),)
    score = score_edits(GOLD, [edit(2, 6, "Nadella", "Nadela", "Satya Nadella")], correct=correct)
    assert score.correct_touched == correct


def test_seed_gold_against_itself_is_perfect():
    raw = (SEED / "raw.txt").read_text(encoding="utf-8")
    gold = load_gold(str(SEED / "edits.jsonl"))
    oracle = edits_from_gold(gold, raw)
    assert [edit.original for edit in oracle][:2] == ["Salman", "Marc"]
    # the oracle's edits turn raw.txt into reference.txt
    assert apply_edits(raw, oracle) == (SEED / "reference.txt").read_text(encoding="utf-8")
    score = score_edits(gold, oracle, traps=load_spans(str(SEED / "traps.jsonl")),
                        correct=load_spans(str(SEED / "correct.jsonl")))
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.gold, score.right, score.fixed) == (39, 39, 39)
    assert score.traps_touched == () and score.correct_touched == ()
    assert (score.traps, score.correct) == (40, 98)
    assert all(row.f1 == 1.0 for row in score.by_entity)


def test_gold_span_validation():
    with pytest.raises(ValueError, match="GoldSpan.line: must be an integer >= 1, got 0"):
        GoldSpan(0, 1, 2, "x")
    with pytest.raises(ValueError, match=r"GoldSpan.start/end: bad span 5..2"):
        GoldSpan(1, 5, 2, "x")


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"line": 1, "start": 0, "end": 2, "gold": "x"}\nnot json\n', "gold.jsonl:2: not a JSON object: Expecting value"),
        ('[1, 2]\n', "gold.jsonl:1: not a JSON object"),
        ('{"line": 1, "start": 0}\n', "gold.jsonl:1: missing field(s): end, gold"),
        ('\n{"line": 1, "start": 3, "end": 2, "gold": "x"}\n', "gold.jsonl:2: GoldSpan.start/end: bad span 3..2"),
        ('{"line": "1", "start": 0, "end": 2, "gold": "x"}\n', "gold.jsonl:1: GoldSpan.line: must be an integer"),
    ],
)
def test_bad_gold_lines_name_the_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(str(path))
    assert str(caught.value).startswith(f"{tmp_path}/{message}")


def test_missing_gold_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_gold(str(tmp_path / "nope.jsonl"))
