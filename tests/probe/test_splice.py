"""Splicing heard forms into written sentences, on fixed strings."""

import pytest

from correction.probe.carriers import unelide
from correction.probe.splice import splice


@pytest.mark.parametrize("written, names, heard, raw", [
    ("I think Sam Altman and Jensen Huang agree.", ["Sam Altman", "Jensen Huang"], ["some ultimate", "Jensen Kwan"],
     "I think some ultimate and Jensen Kwan agree."),
    # French elision follows the heard form: consonant -> "de", vowel -> "d'"
    ("Le patron d'OpenAI est là.", ["OpenAI"], ["Samaltman"], "Le patron de Samaltman est là."),
    ("Le patron de Meta est là.", ["Meta"], ["Eta"], "Le patron d'Eta est là."),
    ("Je pense qu'Ilya Sutskever a raison.", ["Ilya Sutskever"], ["il y a sud"], "Je pense qu'il y a sud a raison."),
    # English has no elision
    ("The CEO of OpenAI is here.", ["OpenAI"], ["Open Eye Eye"], "The CEO of Open Eye Eye is here."),
])
def test_splice_replaces_names_and_reports_their_new_spans(written, names, heard, raw):
    ranges = [(written.index(name), written.index(name) + len(name)) for name in names]
    lang = "fr" if "é" in written or "qu'" in written or "Le " in written else "en"
    result, spans = splice(written, ranges, heard, lang)
    assert result == raw
    assert [result[start:end] for start, end in spans] == heard


def test_splice_refuses_overlapping_or_mismatched_names():
    with pytest.raises(ValueError, match="overlaps"):
        splice("Sam Altman", [(0, 5), (3, 10)], ["a", "b"], "en")
    with pytest.raises(ValueError, match="2 names but 1"):
        splice("Sam Altman", [(0, 3), (4, 10)], ["a"], "en")


def test_unelide_keeps_the_capital():
    assert unelide("Qu'") == "Que "
    assert unelide("rien ici ") == "rien ici "
