"""SRT: the cue texts are corrected; numbers, timings, markup and line endings stay as they are."""

from __future__ import annotations

import pytest
import srt

from correction.errors import FormatError
from correction.formats import read_document
from correction.io import read_text


@pytest.fixture(scope="module")
def talk(data_dir):
    path = str(data_dir / "talk.srt")
    return read_document(read_text(path), path, "srt")


@pytest.fixture(scope="module")
def crlf(data_dir):
    path = str(data_dir / "crlf.srt")
    return read_document(read_text(path), path, "srt")


def test_text_is_the_cue_texts_joined_by_newlines(talk):
    assert talk.text == (
        "Bonjour, aujourd'hui on parle d'Open AI.\n"
        "Le PDG d'OpenEye, Sam Altmann,\n"
        "a présenté Chat GPT.\n"  # <i> tags are not text
        "Merci à tous."
    )
    assert [segment.text for segment in talk.segments] == [
        "Bonjour, aujourd'hui on parle d'Open AI.",
        "Le PDG d'OpenEye, Sam Altmann,\na présenté Chat GPT.",
        "Merci à tous.",
    ]
    assert [(s.index, s.start_seconds, s.end_seconds) for s in talk.segments] == [
        (0, 0.0, 2.48), (1, 2.48, 5.12), (2, 5.12, 61.005),
    ]


@pytest.mark.parametrize("name", ["talk.srt", "crlf.srt"])
def test_timings_agree_with_the_srt_package(data_dir, name):
    path = str(data_dir / name)
    source = read_text(path)
    reference = list(srt.parse(source))
    document = read_document(source, path, "srt")
    assert [(s.start_seconds, s.end_seconds) for s in document.segments] == [
        (cue.start.total_seconds(), cue.end.total_seconds()) for cue in reference
    ]


@pytest.mark.parametrize("name", ["talk.srt", "crlf.srt"])
def test_render_without_edits_is_the_file(data_dir, name):
    path = str(data_dir / name)
    source = read_text(path)
    assert read_document(source, path, "srt").render([]) == source


def test_render_splices_edits_into_cues(talk, edit):
    edits = [
        edit(talk.text, "Open AI", "OpenAI"),
        edit(talk.text, "OpenEye", "OpenAI"),
        edit(talk.text, "Altmann", "Altman"),
        edit(talk.text, "Chat GPT", "ChatGPT"),
    ]
    assert talk.render(edits) == (
        "1\n00:00:00,000 --> 00:00:02,480\nBonjour, aujourd'hui on parle d'OpenAI.\n\n"
        "2\n00:00:02,480 --> 00:00:05,120\nLe PDG d'OpenAI, Sam Altman,\n<i>a présenté ChatGPT.</i>\n\n"
        "3\n00:00:05,120 --> 00:01:01,005\nMerci à tous.\n"
    )


def test_crlf_and_bom_are_kept(crlf, edit):
    assert crlf.text == "On utilise Pie Torch\net Tensor Flow.\nAvec un GPU Nvidia."
    rendered = crlf.render([edit(crlf.text, "Pie Torch", "PyTorch"), edit(crlf.text, "Tensor Flow", "TensorFlow")])
    assert rendered == (
        "\ufeff1\r\n00:00:00,000 --> 00:00:01,500\r\nOn utilise PyTorch\r\net TensorFlow.\r\n\r\n"
        "2\r\n00:00:01,500 --> 00:00:03,250\r\nAvec un GPU Nvidia.\r\n\r\n"
    )


@pytest.mark.parametrize(
    "source, text, timings",
    [
        # no cue number, "." for ",", short fraction (decimal, as webvtt-py reads it)
        ("00:00:01.5 --> 00:00:02,25\nhi\n", "hi", [(1.5, 2.25)]),
        # empty cue, then a cue without a final newline
        ("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nbye", "\nbye",
         [(1.0, 2.0), (3.0, 4.0)]),
        # several blank lines and whitespace-only lines between cues; SRT position coordinates
        ("1\n00:00:01,000 --> 00:00:02,000 X1:10 X2:20\na\n\n \n\n2\n00:00:02,000 --> 00:00:03,000\nb\n\n\n",
         "a\nb", [(1.0, 2.0), (2.0, 3.0)]),
        # ASS override codes and font tags are markup
        ("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color=\"red\">Open AI</font>\n", "Open AI", [(1.0, 2.0)]),
        ("", "", []),
        ("\n\n", "", []),
        # a cue that ends before it starts: recognisers write them (openai/whisper#831); the text
        # is still to correct, and timings are not this tool's to change
        ("1\n00:02:06,660 --> 00:01:42,960\nStill Open AI\n", "Still Open AI", [(126.66, 102.96)]),
    ],
)
def test_tolerated_shapes(source, text, timings):
    document = read_document(source, "a.srt", "srt")
    assert document.text == text
    assert [(s.start_seconds, s.end_seconds) for s in document.segments] == timings
    assert document.render([]) == source


def test_an_edit_across_two_cues_is_refused(talk, edit_at):
    boundary = talk.text.index("\n")
    with pytest.raises(ValueError, match="crosses a line break"):
        talk.render([edit_at(talk.text, boundary - 3, boundary + 3, "x")])


@pytest.mark.parametrize(
    "source, message",
    [
        ("1\n00:00:01,000 -> 00:00:02,000\nHello\n",
         "bad.srt:2: cue 1: expected a timing line like '00:00:01,000 --> 00:00:02,500', "
         "found '00:00:01,000 -> 00:00:02,000'"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHello\n\nHello again\n",
         "bad.srt:5: cue 2: expected a timing line like '00:00:01,000 --> 00:00:02,500', found 'Hello again'"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n",
         "bad.srt:5: cue 1: timing line inside the cue text (is a blank line missing before it?)"),
        ("one\n00:00:01,000 --> 00:00:02,000\nHello\n", "bad.srt:1: cue 1: expected a cue number, found 'one'"),
        ("1\n00:61:01,000 --> 00:00:02,000\nx\n",
         "bad.srt:2: cue 1: bad timestamp (minutes and seconds must be below 60)"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n",
         "bad.srt:1: cue 1: expected a timing line like '00:00:01,000 --> 00:00:02,500', found 'WEBVTT'"),
        ("1\r\n00:00:01,000 --> 00:00:02,000\r\nok\r\n\r\n2\r\n00:00:03,000 --> 00:00:04;000\r\nko\r\n",
         "bad.srt:6: cue 2: expected a timing line like '00:00:01,000 --> 00:00:02,500', "
         "found '00:00:03,000 --> 00:00:04;000'"),
    ],
)
def test_malformed_srt_names_file_line_and_cue(source, message):
    with pytest.raises(FormatError) as error:
        read_document(source, "bad.srt", "srt")
    assert str(error.value) == message
    assert error.value.path == "bad.srt" and error.value.line == int(message.split(":")[1])
