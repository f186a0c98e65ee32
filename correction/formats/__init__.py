"""Transcript formats: read a file into a :class:`Document`, correct its text, write edits back.

``FORMATS`` maps the name users type after ``--format`` to the format class; the CLI builds
its choices and help from it. Each format keeps the file byte-identical outside the edited
characters.

>>> from correction.edits import Edit
>>> source = "1\\n00:00:01,000 --> 00:00:02,000\\nle PDG d'OpenEye\\n"
>>> document = read_document(source, "talk.srt", format_for("talk.srt"))
>>> edit = Edit(9, 16, "OpenEye", "OpenAI", 1, 9, "OpenAI", "phonetic", 0.9, "sounds like OpenAI")
>>> print(document.render([edit]), end="")
1
00:00:01,000 --> 00:00:02,000
le PDG d'OpenAI
"""

from __future__ import annotations

from pathlib import PurePath

from ..errors import FormatError
from .document import Document, Layout, Segment, TranscriptFormat
from .plain import PlainTextFormat
from .srt import SrtFormat
from .vtt import WebVttFormat
from .whisper_json import WhisperJsonFormat

FORMATS: dict[str, type[TranscriptFormat]] = {
    format_class.name: format_class
    for format_class in (PlainTextFormat, SrtFormat, WebVttFormat, WhisperJsonFormat)
}
"""Every transcript format, by the name users type: "txt", "srt", "vtt", "json"."""

EXTENSIONS: dict[str, str] = {
    extension: name for name, format_class in FORMATS.items() for extension in format_class.extensions
}
"""File name ending (lower case) -> format name, built from ``FORMATS``."""


def format_for(path: str, explicit: str | None = None) -> str:
    """The format name for ``path``: ``explicit`` (from ``--format``) if given, else by extension;
    stdin (``-``) and files without an extension are plain text.

    >>> format_for("talk.SRT"), format_for("-", "vtt"), format_for("notes")
    ('srt', 'vtt', 'txt')
    """
    choices = ", ".join(FORMATS)
    if explicit is not None:
        if explicit not in FORMATS:
            raise FormatError(path, f"unknown format {explicit!r}; choose one of: {choices}")
        return explicit
    extension = PurePath(path).suffix.lower()
    if path == "-" or not extension:
        return "txt"
    if extension not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        raise FormatError(path, f"cannot tell the format from extension {extension!r} (known: {known}); "
                                f"use --format {{{choices}}}")
    return EXTENSIONS[extension]


def read_document(source: str, path: str, format_name: str) -> Document:
    """Parse ``source`` (the content of ``path``) as ``format_name``; malformed input raises FormatError."""
    if format_name not in FORMATS:
        raise FormatError(path, f"unknown format {format_name!r}; choose one of: {', '.join(FORMATS)}")
    return FORMATS[format_name].read(source, path)


__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Document",
    "Layout",
    "Segment",
    "TranscriptFormat",
    "format_for",
    "read_document",
]
