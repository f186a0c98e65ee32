"""How a transcript is analysed: its casing style, which decides whether capitals are evidence."""

import pytest

from correction.analysis import AnalyzedText, Span

LOWER = ("ça a fait énormément de bruit vendredi et sam altman le ceo a été viré par le board puis "
         "microsoft a proposé de tous les embaucher et le lendemain tout le monde en parlait encore")


@pytest.mark.parametrize("text, cased", [
    ("So on Friday the board fired Sam Altman. Then Microsoft offered him a job, and everyone talked "
     "about it all weekend. Nobody expected that.", True),
    (LOWER, False),
    (LOWER.upper(), False),
    # acronyms in capitals and a stray capital (1 word in 140) do not make a lower-case transcript cased
    (" ".join([LOWER.replace("ceo", "CEO")] * 4).replace("ça", "Ça", 1), False),
    ("Sam Altman", True),  # too short to tell: trusted as written
])
def test_casing_style(text, cased):
    assert AnalyzedText.of(text).cased is cased


def test_fixes_follow_an_uncased_transcripts_case():
    assert AnalyzedText.of(LOWER).in_transcript_case("Sam Altman") == "sam altman"
    assert AnalyzedText.of(LOWER.upper()).in_transcript_case("Sam Altman") == "SAM ALTMAN"


def spans(text: str, joins=None, max_tokens: int = 5) -> set[str]:
    analysed = AnalyzedText.of(text)
    return {analysed.span(first, last, key).text for first, last, key in analysed.span_ranges(max_tokens, joins)}


def test_loose_joins_run_across_a_comma_and_a_french_elision_but_not_a_sentence_end():
    text = "Et tout à l'heure, il a vendu. Pierre de l'Ostinine rit."
    analysed = AnalyzedText.of(text)
    strict, loose = spans(text), spans(text, analysed.loose_joins)
    assert "tout à l'heure, il" not in strict and "tout à l'heure, il" in loose
    assert "de l'Ostinine" not in strict and "de l'Ostinine" in loose
    assert "vendu. Pierre" not in loose  # a sentence end still cuts a span
    assert [analysed.tokens[i].text for i, elided in enumerate(analysed.elided) if elided] == ["l", "l"]


def test_a_possessive_is_not_an_elision():
    analysed = AnalyzedText.of("Altman's board met. It's late, don't worry.")
    assert not any(analysed.elided)
    assert "Altman's" not in spans(analysed.source, analysed.loose_joins)


@pytest.mark.parametrize("text, span, titled", [
    ("Chez open Ai on parle", (1, 3), True),
    ("Selon Open ai on parle", (1, 3), True),
    ("Open ai est une start-up", (0, 2), False),  # a sentence start's capital says nothing
    ("Meta says open AI models win", (2, 4), False),  # an acronym in capitals is not a name's writing
    (LOWER, (8, 10), False),
    # a function word capitalised after a comma: the recogniser began a segment there, not a name
    ("on en met, Il y a de la tempête", (3, 6), False),
    ("et puis, Open ai a répondu", (2, 4), True),
])
def test_titled_inside(text, span, titled):
    analyzed = AnalyzedText.of(text)
    assert analyzed.titled_inside(Span(*span, start=0, end=0, text="", key="")) is titled
