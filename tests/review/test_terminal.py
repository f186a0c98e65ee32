"""The terminal view: word diffs, context, colour or markers, and when colour is used."""

import io

import click
import pytest

from correction.edits import Edit, text_sha256
from correction.formats import read_document
from correction.review.decisions import Proposal
from correction.review.terminal import (context, format_proposal, format_view, segment_start, timestamp, use_color,
                                        word_diff)

TEXT = "le PDG d'OpenEye annonce un nouveau modèle\nparle à Salman Altman\n"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"


def proposal(text, original, replacement, number=1, entity="OpenAI", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(original, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1)
    edit = Edit(start, start + len(original), original, replacement, line, column, entity, "phonetic", 0.9,
                f"sounds like {entity}")
    return Proposal(number, edit, text_sha256(text))


@pytest.mark.parametrize(
    "original, replacement, pieces",
    [
        ("OpenEye", "OpenAI", (("-", "OpenEye"), ("+", "OpenAI"))),
        ("Sam Altmann", "Sam Altman", (("=", "Sam "), ("-", "Altmann"), ("+", "Altman"))),
        ("il y a", "Ilya", (("-", "il y a"), ("+", "Ilya"))),
        ("chat GPT", "ChatGPT", (("-", "chat GPT"), ("+", "ChatGPT"))),
        ("Salman", "Sam Altman", (("-", "Salman"), ("+", "Sam Altman"))),
    ],
)
def test_word_diff(original, replacement, pieces):
    assert word_diff(original, replacement) == pieces


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("a b c d e f g h i", (8, 9), ("…c d ", " f g…")),            # cut on both sides
        ("le PDG d'OpenEye.", (9, 16), ("…PDG d'", ".")),             # "d'" glued to the edit is a word
        ("un\ndeux trois\nquatre", (3, 7), ("un ↵ ", " trois ↵ quatre")),  # line breaks shown, not crossed silently
        ("x\r\ny", (3, 4), ("x ↵ ", "")),
        ("a b\n", (0, 1), ("", " b")),                                # nothing before, end of text
    ],
)
def test_context(text, span, expected):
    assert context(text, *span, words=2) == expected


def test_proposal_without_colour_uses_markers():
    shown = format_proposal(TEXT, proposal(TEXT, "OpenEye", "OpenAI", 3), color=False)
    assert shown == ("#3  line 1  OpenAI  phonetic 0.90\n"
                     "    le PDG d'[-OpenEye-]{+OpenAI+} annonce un nouveau modèle…\n"
                     "    sounds like OpenAI")
    assert "\x1b[" not in shown


def test_proposal_with_colour_is_red_struck_and_green():
    shown = format_proposal(TEXT, proposal(TEXT, "OpenEye", "OpenAI"), color=True)
    assert click.style("OpenEye", fg="red", strikethrough=True) in shown
    assert click.style("OpenAI", fg="green", bold=True) in shown
    assert "[-" not in shown and "{+" not in shown
    assert click.unstyle(shown).splitlines()[1] == "    le PDG d'OpenEyeOpenAI annonce un nouveau modèle…"


def test_view_of_a_subtitle_gives_the_cue_time():
    document = read_document(SRT, "talk.srt", "srt")
    proposals = [proposal(document.text, "OpenEye", "OpenAI", 1), proposal(document.text, "Salman", "Sam", 2, "Sam Altman")]
    assert format_view(document, proposals, color=False) == (
        "#1  line 1 (00:00:01.000)  OpenAI  phonetic 0.90\n"
        "    le PDG d'[-OpenEye-]{+OpenAI+} ↵ parle à Salman ↵ Altman\n"
        "    sounds like OpenAI\n"
        "\n"
        "#2  line 2 (00:00:03.500)  Sam Altman  phonetic 0.90\n"
        "    …PDG d'OpenEye ↵ parle à [-Salman-]{+Sam+} ↵ Altman\n"
        "    sounds like Sam Altman\n"
    )
    assert format_view(document, [], color=False) == ""


@pytest.mark.parametrize("offset, seconds", [(0, 1.0), (16, 1.0), (17, 3.5), (30, 3.5)])
def test_segment_start(offset, seconds):
    assert segment_start(read_document(SRT, "talk.srt", "srt"), offset) == seconds


def test_plain_text_has_no_time():
    assert segment_start(read_document(TEXT, "talk.txt", "txt"), 5) is None


def test_timestamp():
    assert timestamp(3723.5) == "01:02:03.500"


class Stream(io.StringIO):
    def __init__(self, tty):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize(
    "tty, environ, expected",
    [
        (True, {}, True),
        (False, {}, False),                 # a pipe or a file
        (True, {"NO_COLOR": "1"}, False),   # https://no-color.org: any non-empty value
        (True, {"NO_COLOR": ""}, True),
    ],
)
def test_use_color(tty, environ, expected):
    assert use_color(Stream(tty), environ) is expected
