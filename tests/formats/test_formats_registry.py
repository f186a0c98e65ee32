"""The format registry, format detection, read_document, and the modules' docstring examples."""

from __future__ import annotations

import doctest
import importlib

import pytest

from correction.errors import FormatError
from correction.formats import EXTENSIONS, FORMATS, Document, format_for, read_document


def test_registry_is_keyed_by_the_names_users_type():
    assert list(FORMATS) == ["txt", "srt", "vtt", "json"]
    for name, format_class in FORMATS.items():
        assert format_class.name == name
        assert format_class.description


@pytest.mark.parametrize(
    "path, explicit, expected",
    [
        ("talk.txt", None, "txt"),
        ("notes.text", None, "txt"),
        ("talk.srt", None, "srt"),
        ("TALK.SRT", None, "srt"),
        ("dir.v2/talk.vtt", None, "vtt"),
        ("talk.json", None, "json"),
        ("talk.en.srt", None, "srt"),
        ("talk.txt", "srt", "srt"),  # --format wins over the extension
        ("-", "vtt", "vtt"),
        ("talk", "json", "json"),
    ],
)
def test_format_for(path, explicit, expected):
    assert format_for(path, explicit) == expected


@pytest.mark.parametrize(
    "path, explicit, message",
    [
        ("talk.docx", None, "talk.docx: cannot tell the format from extension '.docx' (known: .txt, .text, "
         ".srt, .vtt, .json); use --format {txt, srt, vtt, json}"),
        ("talk.srt", "ass", "talk.srt: unknown format 'ass'; choose one of: txt, srt, vtt, json"),
    ],
)
def test_format_for_errors_name_the_file(path, explicit, message):
    with pytest.raises(FormatError) as error:
        format_for(path, explicit)
    assert str(error.value) == message


def test_extensions_come_from_the_format_classes():
    assert EXTENSIONS == {".txt": "txt", ".text": "txt", ".srt": "srt", ".vtt": "vtt", ".json": "json"}


def test_read_document_dispatches_on_the_name():
    document = read_document("hello\n", "a.txt", "txt")
    assert isinstance(document, Document)
    assert document.format_name == "txt"
    with pytest.raises(FormatError, match=r"^a\.txt: unknown format 'doc'"):
        read_document("hello\n", "a.txt", "doc")


def test_render_rejects_an_edit_that_does_not_match(edit_at):
    document = read_document("hello world\n", "a.txt", "txt")
    wrong = edit_at("hellO world", 0, 5, "Hi")
    with pytest.raises(ValueError, match="expects 'hellO'"):
        document.render([wrong])


def test_render_rejects_overlapping_edits(edit_at):
    document = read_document("hello world\n", "a.txt", "txt")
    with pytest.raises(ValueError, match="overlapping"):
        document.render([edit_at(document.text, 0, 5, "a"), edit_at(document.text, 3, 8, "b")])


@pytest.mark.parametrize(
    "module", ["__init__", "document", "textmap", "srt", "vtt", "plain", "json_spans", "whisper_json"]
)
def test_docstring_examples(module):
    name = "correction.formats" + ("" if module == "__init__" else f".{module}")
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0
