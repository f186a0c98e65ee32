"""Gold extraction: what a recogniser heard in a name's place, from fixed written/heard strings."""

import pytest

from correction.probe.carriers import fill, heard_name
from correction.probe.heard import heard_names, heard_span, minimal_edit, name_range, tokenize


@pytest.mark.parametrize("written, name, heard, expected", [
    # both neighbours heard: the heard text between them is the name's span, spelling kept
    ("And then, Jensen Huang said it right away.", "Jensen Huang",
     "And then, Jensen Kwan said it right away.", "Jensen Kwan"),
    # case, punctuation and accents of the neighbours do not matter
    ("Et là, Emmett Shear nous a dit bonjour.", "Emmett Shear",
     "et la à mettre chez, nous a dit bonjour", "à mettre chez"),
    # a name heard right is a span too (a correct name, not an edit)
    ("I think OpenAI is really important.", "OpenAI", "I think OpenAI is really important.", "OpenAI"),
    # one name heard as more words, and as fewer
    ("I think Nvidia is really important.", "Nvidia", "I think 10 videos is really important.", "10 videos"),
    ("Oui, Mira Murati est très connu.", "Mira Murati", "Oui, Miramurati est très connu.", "Miramurati"),
    # an elided article before the name is a word of its own
    ("Je pense qu'OpenAI est très connu.", "OpenAI", "Je pense qu'Opéai est très connu.", "Opéai"),
    # an elision the sentence had after the name stays outside it
    ("Et Serena Williams c'est la meilleure.", "Serena Williams", "Et ce n'est pas William, c'est la meilleure.",
     "ce n'est pas William"),
])
def test_heard_name_between_exact_neighbours(written, name, heard, expected):
    tokens = tokenize(written)
    start = written.index(name)
    span = heard_span(tokens, name_range(tokens, start, start + len(name)), heard)
    assert span is not None and span.text == expected
    assert heard[span.start:span.end] == expected


@pytest.mark.parametrize("written, name, heard", [
    # the word after the name was lost in the mishearing: where the name ends is a guess
    ("Et là, Emmett Shear nous a dit bonjour.", "Emmett Shear", "et là, à mettre chez à mes pubs bonjour."),
    # only a short neighbour matched, and not next to its outer word ('a' inside "t'a")
    ("Je pense que Satya Nadella a raison.", "Satya Nadella", "Je crois que ça t'a aimé l'armée mou."),
    # nothing heard in the name's place
    ("I think Nvidia is really important.", "Nvidia", "I think is really important."),
    # the word after the name heard glued to an elision the sentence did not have: the name's last
    # sound is in the "c'", so where the name ends is a guess
    ("Et Serena Williams est la meilleure.", "Serena Williams", "Et ce n'est pas William, c'est la meilleure."),
    # the recogniser looped: no right neighbour at all
    ("And then, Sam Altman said it right away.", "Sam Altman", "And then, Sam-Sam-Sam-Sam-Sam"),
])
def test_unsure_boundary_gives_no_span(written, name, heard):
    tokens = tokenize(written)
    start = written.index(name)
    assert heard_span(tokens, name_range(tokens, start, start + len(name)), heard) is None


def test_names_at_sentence_edges_use_the_edge_as_neighbour():
    tokens = tokenize("OpenAI is here.")
    assert heard_span(tokens, (0, 1), "Open Eye is here.").text == "Open Eye"


def test_whole_sentence_gold_is_all_names_or_nothing():
    written = "So Sam Altman said OpenAI was fine and Satya Nadella agreed."
    names = [(written.index(n), written.index(n) + len(n)) for n in ("Sam Altman", "OpenAI", "Satya Nadella")]
    heard = "So Sam Ultraman said Open Eye was fine and Sadie and Evela agreed."
    assert [span.text for span in heard_names(written, names, heard)] == ["Sam Ultraman", "Open Eye",
                                                                           "Sadie and Evela"]
    # one name's boundary unsure: the whole sentence is left out
    assert heard_names(written, names, "So Sam Ultraman sat open I was fine and Sadie and Evela agreed.") is None


def test_carrier_heard_form_for_an_elided_name():
    carrier = "Je pense que {name} est très connu."
    assert fill(carrier, "Ilya Sutskever", "fr") == "Je pense qu'Ilya Sutskever est très connu."
    span = heard_name(carrier, "Ilya Sutskever", "fr", "Je pense qu'il y a sud est très connu.")
    assert span.text == "il y a sud"


def test_name_range_rejects_a_range_without_words():
    with pytest.raises(ValueError, match="no word"):
        name_range(tokenize("Bon, voilà."), 4, 5)


@pytest.mark.parametrize("raw, heard, term, expected", [
    # words heard right at either end of a name stay out of the gold edit, as in the dev set
    ("Honestly, Satya Namella gives", "Satya Namella", "Satya Nadella", ("Namella", "Nadella")),
    # an extra word heard: the edit keeps a word of the name (it never only deletes)
    ("I met Sam Ultraman Altman", "Sam Ultraman Altman", "Sam Altman", ("Ultraman Altman", "Altman")),
    ("so Jensen Kwan said", "Jensen Kwan", "Jensen Huang", ("Kwan", "Huang")),
    # nothing in common: the whole heard span
    ("the some ultimate team", "some ultimate", "Sam Altman", ("some ultimate", "Sam Altman")),
    # a heard span that is all a part of the name keeps the whole span (no insertion-only edit)
    ("so Warren said", "Warren", "Warren Buffett", ("Warren", "Warren Buffett")),
    # case differs: not heard right, kept in the edit
    ("the hugging face model", "hugging face", "Hugging Face", ("hugging face", "Hugging Face")),
])
def test_minimal_edit(raw, heard, term, expected):
    start = raw.index(heard)
    new_start, new_end, gold = minimal_edit(raw, start, start + len(heard), term)
    assert (raw[new_start:new_end], gold) == expected
