"""A first name or surname fixed alone takes in the rest of its name misheard beside it."""

from dataclasses import replace

import pytest

from correction import Corrector, Lexicon, revert_edits
from correction.whole_names import completed


@pytest.fixture(scope="module")
def corrector():
    return Corrector(Lexicon.from_terms(["Jensen Huang", "Antoine Dupont", "Emmett Shear", "Nvidia", "OpenAI"]))


def test_the_misheard_rest_of_the_name_is_fixed_with_the_part(corrector):
    raw = "when antwan bupont scored, the crowd stood."
    result = corrector.correct(raw)
    assert result.text == "when Antoine Dupont scored, the crowd stood."
    (edit,) = result.edits
    assert edit.original == "antwan bupont"
    assert "the rest of the name heard beside it: 'antwan bupont'" in edit.reason
    assert revert_edits(result.text, result.edits) == raw


@pytest.mark.parametrize("raw, fixed", [
    ("The match between Duppont and the others.", "The match between Dupont and the others."),
    ("Nvidia boss Jensan said yes.", "Nvidia boss Jensen said yes."),
])
def test_an_everyday_word_beside_the_part_stays(corrector, raw, fixed):
    """ "between" and "said" are words of the sentence, not the rest of the name misheard."""
    result = corrector.correct(raw)
    assert result.text == fixed
    assert all("the rest of the name" not in edit.reason for edit in result.edits)


def test_an_everyday_word_that_sounds_like_the_missing_part_is_taken_in(corrector):
    result = corrector.correct("OpenAI named Emmitt share as CEO.")
    assert result.text == "OpenAI named Emmett Shear as CEO."


def test_a_capital_that_starts_a_sentence_does_not_make_a_name(corrector):
    """ "When" is written like a name only because it starts the sentence."""
    assert corrector.correct("When Duppont scored, the crowd stood.").text == "When Dupont scored, the crowd stood."


def test_the_whole_name_keeps_the_verdict_of_the_part(corrector):
    """Whether the entity is there was decided on the part (by clues or by the model's probability);
    the whole name only widens the fix, so it carries the part's verdict."""
    text, candidates = corrector.propose("when antwan bupont scored, the crowd stood.")
    part = next(c for c in candidates if c.surface.role == "part" and c.span.text == "bupont")
    decided = replace(part, decision="kept (p=0.93)", probability=0.93)
    (whole,) = completed(corrector.job_for(text), [decided])
    assert (whole.span.text, whole.surface.text) == ("antwan bupont", "Antoine Dupont")
    assert (whole.decision, whole.probability) == ("kept (p=0.93)", 0.93)
