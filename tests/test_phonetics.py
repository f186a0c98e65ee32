import pytest
from rapidfuzz.distance import Indel

from correction.phonetics import (coarse_key, key_similarity_matrix, readings, run_readings, similarity_matrix,
                                  sound_similarity)


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


def test_readings_of_runs_are_those_of_their_words_said_in_a_row():
    words = ["Sonder", "pitch", "eye", "_", "Open", "AI", "e/acc"]
    runs = [(0, 3), (1, 2), (2, 5), (3, 4), (0, 7), (5, 7)]
    keys = run_readings(words, runs)
    for row, (first, last) in enumerate(runs):
        said = " ".join(words[first:last])
        assert {lang: keys[lang][row] for lang in keys} == readings([said])[said], said


def test_a_cutoff_leaves_the_similarities_above_it_and_zero_below():
    rows, columns = ["Korah", "pair plexi tee", "mean"], ["Quora", "Perplexity", "Shaun"]
    row_keys, column_keys = readings(rows), readings(columns)
    by_lang = lambda texts, keys: {lang: [keys[text][lang] for text in texts] for lang in ("fr", "en")}  # noqa: E731
    full = key_similarity_matrix(by_lang(rows, row_keys), by_lang(columns, column_keys))
    assert full == pytest.approx(similarity_matrix(rows, columns))
    cut = key_similarity_matrix(by_lang(rows, row_keys), by_lang(columns, column_keys), score_cutoff=0.8)
    assert cut == pytest.approx(full * (full >= 0.8))
    assert 0 < (full >= 0.8).sum() < full.size
