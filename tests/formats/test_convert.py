"""Converting a transcript's segments to another format keeps timings and texts."""

import pytest

from correction.errors import FormatError
from correction.formats import read_document
from correction.formats.convert import convert

SRT = ("1\n00:00:01,000 --> 00:00:02,500\nle PDG d'OpenAI\n\n"
       "2\n01:02:03,040 --> 01:02:05,999\nparle à Sam\nAltman\n")


def timings_and_texts(document):
    return [(s.start_seconds, s.end_seconds, s.text) for s in document.segments]


@pytest.mark.parametrize("target", ["srt", "vtt", "json"])
def test_timed_formats_round_trip_through_each_other(target):
    source = read_document(SRT, "a.srt", "srt")
    converted = read_document(convert(source, target, "a.srt"), f"b.{target}", target)
    assert timings_and_texts(converted) == timings_and_texts(source)


def test_plain_text_converts_to_text_only():
    plain = read_document("le PDG d'OpenAI\n", "a.txt", "txt")
    assert convert(plain, "txt", "a.txt") == plain.text
    with pytest.raises(FormatError, match=r"^a.txt: has no timings, so it cannot be written as srt; only as txt$"):
        convert(plain, "srt", "a.txt")


def test_unknown_target_is_a_format_error():
    with pytest.raises(FormatError, match="cannot write format 'docx'"):
        convert(read_document(SRT, "a.srt", "srt"), "docx", "a.srt")
