"""Plain text: the text is the file itself."""

from __future__ import annotations

import pytest

from correction.formats import read_document


@pytest.mark.parametrize(
    "source",
    ["", "le PDG d'OpenEye\n", "a\r\nb\r\n", "\ufeffBOM first\n", "no final newline", "\n\n\n"],
)
def test_text_is_the_source_and_render_without_edits_is_identity(source):
    document = read_document(source, "a.txt", "txt")
    assert document.text == source
    assert document.render([]) == source
    assert len(document.segments) == 1
    assert document.segments[0].text == source
    assert document.segments[0].start_seconds is None and document.segments[0].end_seconds is None


@pytest.mark.parametrize(
    "source, original, replacement, expected",
    [
        ("le PDG d'OpenEye\n", "OpenEye", "OpenAI", "le PDG d'OpenAI\n"),
        ("Open AI\r\nsecond\r\n", "Open AI", "OpenAI", "OpenAI\r\nsecond\r\n"),
        ("\ufeffOpen AI", "Open AI", "OpenAI", "\ufeffOpenAI"),
        ("line one\nOpen AI at the end", "Open AI", "OpenAI", "line one\nOpenAI at the end"),
    ],
)
def test_render_applies_edits(edit, source, original, replacement, expected):
    document = read_document(source, "a.txt", "txt")
    assert document.render([edit(document.text, original, replacement)]) == expected
