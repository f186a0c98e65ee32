import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from correction.edits import Edit, apply_edits, read_edits_jsonl, revert_edits, write_edits_jsonl
from correction.errors import InputError


def make_edit(text: str, start: int, end: int, replacement: str) -> Edit:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1)
    return Edit(start, end, text[start:end], replacement, line, column, "X", "test", 1.0, "test")


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab c\n'é"), max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, previous = [], 0
    for start, end in zip(cuts[::2], cuts[1::2]):
        if start < previous or "\n" in text[start:end]:
            continue
        replacement = draw(st.text(alphabet=st.sampled_from("XYZ é"), max_size=6))
        edits.append(make_edit(text, start, end, replacement))
        previous = end
    return text, edits


@settings(max_examples=200, deadline=None)
@given(text_and_edits())
def test_revert_undoes_apply(case):
    text, edits = case
    assert revert_edits(apply_edits(text, edits), edits) == text


@settings(max_examples=100, deadline=None)
@given(text_and_edits())
def test_edit_log_round_trips_through_jsonl(case):
    text, edits = case
    assert read_edits_jsonl(write_edits_jsonl(edits), "log.jsonl") == sorted(edits, key=lambda e: e.start)


def test_apply_refuses_an_edit_that_does_not_match():
    edit = make_edit("OpenEye", 0, 7, "OpenAI")
    with pytest.raises(ValueError, match="expects 'OpenEye'"):
        apply_edits("Quora", [edit])


def test_overlapping_edits_are_refused():
    text = "OpenEye board"
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits(text, [make_edit(text, 0, 7, "OpenAI"), make_edit(text, 4, 9, "x")])


def test_edit_validates_its_fields():
    with pytest.raises(ValueError, match="Edit.original"):
        Edit(0, 3, "ab", "x", 1, 0, "X", "test", 1.0, "")


def test_bad_log_line_names_the_line():
    with pytest.raises(InputError) as error:
        read_edits_jsonl('{"start": 0}\n', "log.jsonl")
    assert str(error.value).startswith("log.jsonl:1: bad edit record: missing field(s)")


def test_edit_log_records_the_input_checksum():
    import json

    from correction.edits import text_sha256

    text = "le PDG d'OpenEye"
    log = write_edits_jsonl([make_edit(text, 9, 16, "OpenAI")], input_sha256=text_sha256(text))
    assert json.loads(log)["input_sha256"] == text_sha256(text) != text_sha256(text + " ")
    assert read_edits_jsonl(log, "log.jsonl")[0].replacement == "OpenAI"
