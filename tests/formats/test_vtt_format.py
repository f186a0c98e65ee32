"""WebVTT: cue texts are corrected; header, NOTE/STYLE blocks, identifiers, settings and tags stay."""

from __future__ import annotations

import pytest

from correction.errors import FormatError
from correction.formats import read_document
from correction.io import read_text


@pytest.fixture(scope="module")
def talk(data_dir):
    path = str(data_dir / "talk.vtt")
    return read_document(read_text(path), path, "vtt")


def test_text_is_the_cue_texts_without_tags(talk):
    assert talk.text == "Bonjour, on parle d'Open AI.\nLe PDG d'OpenEye,\nSam Altmann.\nChat GPT."
    assert [(s.index, s.start_seconds, s.end_seconds) for s in talk.segments] == [
        (0, 0.0, 2.48), (1, 2.48, 5.12), (2, 5.12, 6.0),
    ]


def test_cues_agree_with_webvtt_py(data_dir, talk):
    webvtt = pytest.importorskip("webvtt")
    captions = webvtt.from_string(read_text(data_dir / "talk.vtt")).captions
    assert [(s.start_seconds, s.end_seconds, s.text) for s in talk.segments] == [
        (c.start_time.in_milliseconds() / 1000, c.end_time.in_milliseconds() / 1000, c.text) for c in captions
    ]


def test_render_without_edits_is_the_file(data_dir, talk):
    assert talk.render([]) == read_text(data_dir / "talk.vtt")


def test_render_keeps_everything_but_the_edited_words(data_dir, talk, edit):
    edits = [
        edit(talk.text, "Open AI", "OpenAI"),
        edit(talk.text, "OpenEye", "OpenAI"),
        edit(talk.text, "Altmann", "Altman"),
    ]
    expected = (
        read_text(data_dir / "talk.vtt")
        .replace("d'Open AI.", "d'OpenAI.")
        .replace("d'OpenEye", "d'OpenAI")
        .replace("Sam Altmann</c>", "Sam Altman</c>")
    )
    assert talk.render(edits) == expected


def test_an_edit_across_a_karaoke_timestamp_keeps_it(talk, edit):
    rendered = talk.render([edit(talk.text, "Chat GPT", "ChatGPT")])
    assert rendered.endswith("3\n00:00:05.120 --> 00:00:06.000\nChatGPT<00:00:05.500>.\n")


@pytest.mark.parametrize(
    "source, text, timings",
    [
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "hi", [(1.0, 2.0)]),
        ("\ufeffWEBVTT\r\n\r\n1\r\n01:00:01.000 --> 01:00:02.500 align:end\r\nhi\r\n", "hi", [(3601.0, 3602.5)]),
        ("WEBVTT\tlive\n\nREGION\nid:fred width:40%\n\nNOTE one line\n\n00:01.000 --> 00:02.000 region:fred\n"
         "<v.loud Esme>a &amp; b</v>\n", "a &amp; b", [(1.0, 2.0)]),
        ("WEBVTT", "", []),
        ("WEBVTT\n\nNOTE only notes\n", "", []),
    ],
)
def test_tolerated_shapes(source, text, timings):
    document = read_document(source, "a.vtt", "vtt")
    assert document.text == text
    assert [(s.start_seconds, s.end_seconds) for s in document.segments] == timings
    assert document.render([]) == source


@pytest.mark.parametrize(
    "source, message",
    [
        ("", "bad.vtt:1: the first line must be 'WEBVTT', found ''"),
        ("WEBVTTX\n", "bad.vtt:1: the first line must be 'WEBVTT', found 'WEBVTTX'"),
        ("1\n00:00:01,000 --> 00:00:02,000\nx\n", "bad.vtt:1: the first line must be 'WEBVTT', found '1'"),
        ("WEBVTT\n\n00:01,000 --> 00:02.000\nx\n",
         "bad.vtt:3: cue 1: expected a timing line like '00:00:01.000 --> 00:00:02.500', "
         "found '00:01,000 --> 00:02.000'"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n00:02.000 --> 00:03.000\ny\n",
         "bad.vtt:5: cue 1: timing line inside the cue text (is a blank line missing before it?)"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nintro\n00:02.000 -> 00:03.000\nko\n",
         "bad.vtt:7: cue 2: expected a timing line like '00:00:01.000 --> 00:00:02.500', "
         "found '00:02.000 -> 00:03.000'"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\na --> b\n",
         "bad.vtt:4: cue 1: timing line inside the cue text (is a blank line missing before it?)"),
        ("WEBVTT\n00:01.000 --> 00:02.000\nx\n",
         "bad.vtt:2: a blank line must separate the 'WEBVTT' header from the first cue"),
        ("WEBVTT\n\n00:01.000 --> 00:72.000\nx\n",
         "bad.vtt:3: cue 1: bad timestamp (minutes and seconds must be below 60)"),
    ],
)
def test_malformed_vtt_names_file_line_and_cue(source, message):
    with pytest.raises(FormatError) as error:
        read_document(source, "bad.vtt", "vtt")
    assert str(error.value) == message
