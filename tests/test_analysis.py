"""How a transcript is analysed: its casing style, which decides whether capitals are evidence."""

import pytest

from correction.analysis import AnalyzedText

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
