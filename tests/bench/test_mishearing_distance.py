"""benchmarks/mishearing_distance.py: heard forms are counted once whatever their case, and each
gold edit falls in the closeness bin of its own sound similarity."""

import pytest

from benchmarks.mishearing_distance import BINS, bin_of, heard_forms, quartiles
from correction.scoring.edits import GoldSpan


def _gold(original: str, text: str, line: int = 1) -> GoldSpan:
    return GoldSpan(line=line, start=0, end=len(original), original=original, text=text, entity=text)


def test_a_heard_form_counts_once_whatever_its_case():
    forms = heard_forms([_gold("OpenEye", "OpenAI"), _gold("openeye", "OpenAI", line=2), _gold("Open AI", "OpenAI")])
    assert set(forms) == {("openeye", "OpenAI"), ("open ai", "OpenAI")}
    sound, spelling = forms[("open ai", "OpenAI")]
    assert spelling == 1.0 and sound > 0.9  # the name's own letters, respaced


def test_far_forms_are_far_in_sound_and_spelling():
    (sound, spelling), = heard_forms([_gold("mode", "Horizons")]).values()
    assert sound < 0.6 and spelling < 0.5


BOUNDARIES = [(1.0, "sound ≥ 0.9"), (0.9, "sound ≥ 0.9"), (0.85, "0.8–0.9"), (0.8, "0.8–0.9"),
              (0.6, "0.6–0.8"), (0.59, "under 0.6"), (0.0, "under 0.6")]


@pytest.mark.parametrize("sound, label", BOUNDARIES)
def test_each_similarity_falls_in_one_bin(sound, label):
    assert bin_of(sound) == label
    assert label in {name for _, name in BINS}


def test_quartiles_read_low_middle_high():
    assert quartiles([0.0, 0.25, 0.5, 0.75, 1.0]) == "0.25 / 0.50 / 0.75"
