"""A name heard as words of their own ("pair plexi tee" for Perplexity), sure against the names
the transcript says right, and against the others when its words are foreign and written as a name
(correction/passes/echoes.py)."""

import pytest

from correction import Corrector, Lexicon
from correction.passes import echoes

LEXICON = Lexicon.from_terms(["Perplexity", "Anthropic", "Midjourney", "OpenAI", "Satya Nadella", "Gemini"])


@pytest.fixture(scope="module")
def corrector():
    return Corrector(LEXICON)


@pytest.mark.parametrize("raw, fixed", [
    ("Perplexity lève des fonds. Hier, pair plexi tee a lancé un navigateur.",
     "Perplexity lève des fonds. Hier, Perplexity a lancé un navigateur."),
    ("Anthropic a publié un rapport. Selon Anne tropic, le modèle est plus sûr.",
     "Anthropic a publié un rapport. Selon Anthropic, le modèle est plus sûr."),
    ("Perplexity raised money.\nThe pair plexi tee browser is out.",
     "Perplexity raised money.\nThe Perplexity browser is out."),
])
def test_a_name_the_transcript_says_is_found_where_it_is_heard_in_pieces(corrector, raw, fixed):
    result = corrector.correct(raw)
    assert result.text == fixed
    (edit,) = result.edits
    assert edit.pass_name == "phonetic" and "a name the transcript says right (line 1)" in edit.reason


def test_the_same_pieces_are_left_alone_where_the_name_is_not_said(corrector):
    for raw in ("Hier, pair plexi tee a lancé un navigateur.", "Selon Anne tropic, le modèle est plus sûr."):
        assert corrector.correct(raw).edits == (), raw


def test_a_function_word_is_never_an_end_of_the_pieces(corrector):
    # "and tropic" sounds like Anthropic (0.94) and "and" like its start, but the recogniser wrote
    # "and" because it heard one: too often the word itself ("chalame et", "Malka RAM has")
    raw = "Anthropic raised money. Dario said that and tropic is growing fast."
    assert corrector.correct(raw).edits == ()


def test_words_of_the_transcripts_own_language_are_not_pieces(corrector):
    # "open eye" sounds like OpenAI, named on the same line, but it is English in an English transcript
    raw = "OpenAI released a model. Keep an open eye on it."
    assert corrector.correct(raw).edits == ()
    job = corrector.job_for(corrector.propose(raw)[0])
    assert echoes.echoes(job) == []


def test_an_ordinary_word_beside_the_pieces_stays_unless_it_sounds_like_the_names_end(corrector):
    # "minjune veut" sounds a little closer to Midjourney than "minjune" (0.86 against 0.83), but
    # "veut" does not sound like the name's end: beside the name, not of it
    raw = "Midjourney a levé des fonds. Ensuite minjune veut devenir incontournable."
    assert "veut devenir" in corrector.correct(raw).text
    # "journée" sounds like the name's end, and "Mid" alone is far from it
    assert corrector.correct("On a testé Midjourney hier. Mid journée produit de belles images.").text == (
        "On a testé Midjourney hier. Midjourney produit de belles images.")


def test_a_lexicon_of_many_names_adds_no_look_alikes():
    """Two thousand more names find no look-alike for the pieces of a name the transcript says."""
    names = [f"{first} {last}" for first in ("Paul", "Anne", "Marc", "Julie") for last in map(str, range(500))]
    large = Corrector(Lexicon.from_terms(["Perplexity", *names]))
    result = large.correct("Perplexity lève des fonds. Hier, pair plexi tee a lancé un navigateur.")
    assert [(edit.original, edit.replacement) for edit in result.edits] == [("pair plexi tee", "Perplexity")]


def test_a_first_name_heard_right_may_open_the_pieces_of_its_own_name(corrector):
    raw = "Satya Nadella was on stage. Later, Satya and Adela said Microsoft would keep investing."
    result = corrector.correct(raw)
    assert result.text == "Satya Nadella was on stage. Later, Satya Nadella said Microsoft would keep investing."
    assert [(edit.original, edit.replacement) for edit in result.edits] == [("and Adela", "Nadella")]


def test_a_name_part_of_another_entity_is_not_taken_into_the_pieces():
    corrector = Corrector(Lexicon.from_terms(["Satya Nadella", "Adela Moreau"]))
    # "Adela" is written right as Adela Moreau's first name: "Satya and Adela" are two people
    raw = "Satya Nadella was on stage with Adela Moreau. Later, Satya and Adela said yes."
    assert corrector.correct(raw).edits == ()


def test_someones_name_written_as_a_name_is_not_pieces(corrector):
    # "Jim Kenney" sounds 0.92 like Gemini, named on the same line; a given name and a capitalised
    # surname are written as a person's name, the approximate passes' to weigh
    assert corrector.correct("Google launched Gemini, and Mayor Jim Kenney spoke after.").edits == ()


UNNAMED = Lexicon.from_terms(["Mélenchon", "Erling Haaland", "Manchester City"])
PENSION = ("{} spoke in Marseille about the pension reform, and the crowd listened for an hour "
           "while the rain kept falling on the old port.")


def test_pieces_of_a_name_not_said_are_the_name_when_foreign_and_written_as_a_name():
    # "Maillain chun" sounds 0.88 like Mélenchon; both words are foreign to English, one capitalised
    result = Corrector(UNNAMED).correct(PENSION.format("Yesterday Maillain chun"))
    assert [(edit.original, edit.replacement) for edit in result.edits] == [("Maillain chun", "Mélenchon")]
    assert "says right" not in result.edits[0].reason and "foreign to its language" in result.edits[0].reason


def test_pieces_of_a_name_not_said_in_lower_case_are_a_name_only_without_casing():
    corrector = Corrector(UNNAMED)
    # where the recogniser capitalises, it would have capitalised a name it heard: left alone
    assert corrector.correct(PENSION.format("Yesterday maillain chun")).edits == ()
    # a transcript without casing cannot say so
    uncased = PENSION.format("yesterday maillain chun").lower()
    assert [(edit.original, edit.replacement) for edit in corrector.correct(uncased).edits] == [
        ("maillain chun", "mélenchon")]


def test_an_ordinary_word_at_the_end_of_pieces_of_a_name_not_said_leaves_them_to_context():
    corrector = Corrector(UNNAMED)
    raw = "Manchester City won again on Sunday. Then early heartland scored twice in the second half."
    job = corrector.job_for(corrector.propose(raw)[0])
    # "early" is English, heard perhaps as itself: the run is proposed, not sure
    assert [(span.text, form.text, named, sure) for span, form, _, named, sure in echoes.echoes(job)] == [
        ("early heartland", "Erling Haaland", None, False)]
    assert corrector.correct(raw).edits == ()
