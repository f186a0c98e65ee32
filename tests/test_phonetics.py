import pytest
from rapidfuzz.distance import Indel

from correction.phonetics import coarse_key, readings, similarity_matrix, sound_similarity


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


def test_the_similarity_matrix_holds_every_pair_as_compared_one_by_one():
    rows, columns = ["Korah", "pair plexi tee", "mean"], ["Quora", "Perplexity", "Shaun", "Open A I"]
    matrix = similarity_matrix(rows, columns)
    assert matrix.shape == (3, 4)
    for i, row in enumerate(rows):
        for j, column in enumerate(columns):
            assert matrix[i, j] == pytest.approx(sound_similarity(row, column)) == pytest.approx(best_similarity(row, column))
    assert matrix[1].argmax() == 1  # "pair plexi tee" sounds most like Perplexity
