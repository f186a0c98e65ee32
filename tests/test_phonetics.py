import pytest
from rapidfuzz.distance import Indel

from correction.phonetics import coarse_key, readings


def best_similarity(first: str, second: str) -> float:
    keys = readings([first, second])
    return max(Indel.normalized_similarity(keys[first][a], keys[second][b]) for a in "fr en".split()
               for b in "fr en".split())


@pytest.mark.parametrize(
    "heard, term",
    [("Korah", "Quora"), ("OpenEye", "Open A I"), ("ImageShare", "Emmett Shear"), ("Emet Scheer", "Emmett Shear"),
     ("ILIA", "Ilya"), ("Brokman", "Brockman")],
)
def test_sound_alikes_are_close(heard, term):
    assert best_similarity(heard, term) >= 0.8


@pytest.mark.parametrize("heard, term", [("mean", "Shaun"), ("work", "York"), ("Neustresque", "Nvidia")])
def test_different_sounds_are_far(heard, term):
    assert best_similarity(heard, term) < 0.7


def test_coarse_key_folds_vowels_and_r_sounds():
    assert coarse_key("ɛmɪt ʃɪɹ") == coarse_key("emit ʃiʁ") == "emetSer"
