import pytest

from correction.text import fold, joinable, tokenize


@pytest.mark.parametrize(
    "text, words",
    [
        ("d'OpenEye's board", ["d", "OpenEye", "s", "board"]),
        ("GPT-4 et peut-être Node.js", ["GPT-4", "et", "peut-être", "Node.js"]),
        ("Underscore_, y'a", ["Underscore_", "y", "a"]),
        ("Open A.I. and the U.S. Senate", ["Open", "A.I.", "and", "the", "U.S", "Senate"]),
        ("", []),
    ],
)
def test_tokenize_splits_on_apostrophes_and_keeps_inner_hyphens(text, words):
    assert [token.text for token in tokenize(text)] == words


def test_tokens_point_back_into_the_text():
    text = "Salman\nAltman, le PDG d'OpenEye."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentence_start_and_apostrophe_flags():
    tokens = tokenize("Voilà. Open EA, qu'il")
    assert [token.sentence_start for token in tokens] == [True, True, False, False, False]
    assert tokens[-1].after_apostrophe and not tokens[1].after_apostrophe


@pytest.mark.parametrize("text, key", [("Ópen-AI", "openai"), ("Underscore_", "underscore"), ("e/acc", "eacc"),
                                       ("Mira Murati", "miramurati")])
def test_fold(text, key):
    assert fold(text) == key


@pytest.mark.parametrize("gap, expected", [(" ", True), ("\n", True), (", ", False), ("'", False), ("", False)])
def test_joinable(gap, expected):
    assert joinable(gap) is expected
