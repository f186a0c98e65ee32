"""The baselines emit Edit records that apply to the text and score like the engine's."""

from __future__ import annotations

import pytest

from correction.bench.baselines import BASELINES, FlashTextBaseline, Locator, RapidFuzzBaseline
from correction.edits import Edit, apply_edits, revert_edits
from correction.lexicon import Entry, Lexicon

TEXT = "Chez openai ce matin.\nSatya Nadela et Microsft j'ai vu.\nOpen AI"


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_entries([Entry("OpenAI", aliases=("Open AI",)), Entry("Satya Nadella"), Entry("Microsoft")])


@pytest.mark.parametrize("name", list(BASELINES))
def test_baselines_produce_edits_that_apply_and_revert(name, lexicon):
    edits = BASELINES[name](lexicon)(TEXT)
    assert edits and all(isinstance(edit, Edit) for edit in edits)
    assert all(edit.pass_name == name for edit in edits)
    lines = TEXT.split("\n")
    for edit in edits:
        assert lines[edit.line - 1][edit.column : edit.column_end] == edit.original
    assert revert_edits(apply_edits(TEXT, edits), edits) == TEXT


def test_flashtext_replaces_terms_and_aliases_case_insensitively(lexicon):
    edits = FlashTextBaseline(lexicon)(TEXT)
    assert [(edit.original, edit.replacement, edit.line) for edit in edits] == [
        ("openai", "OpenAI", 1), ("Open AI", "OpenAI", 3)]


def test_rapidfuzz_replaces_tokens_close_to_a_term(lexicon):
    edits = RapidFuzzBaseline(lexicon)(TEXT)
    # "Open" of the alias "Open AI" scores 80 against "OpenAI": the naive baseline eats it.
    assert [(edit.original, edit.replacement) for edit in edits] == [("Microsft", "Microsoft"), ("Open", "OpenAI")]
    assert edits[0].score == pytest.approx(0.94, abs=0.01)


@pytest.mark.parametrize("offset, expected", [(0, (1, 0)), (5, (1, 5)), (21, (1, 21)), (22, (2, 0)), (56, (3, 0)), (57, (3, 1))])
def test_locator(offset, expected):
    assert Locator(TEXT)(offset) == expected
