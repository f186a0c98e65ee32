"""A transcript read from a file: the text the engine corrects, and how to write edits back.

Every format reads a file into one :class:`Document`. ``document.text`` is a plain string the
engine corrects; ``document.render(edits)`` puts edits made on that string back into the file,
leaving everything else (timings, cue numbers, headers, line endings...) byte-identical.

>>> from correction.formats import read_document
>>> document = read_document("1\\n00:00:01,000 --> 00:00:02,500\\nle PDG d'OpenEye\\n", "a.srt", "srt")
>>> document.text
"le PDG d'OpenEye"
>>> document.segments[0]
Segment(index=0, start_seconds=1.0, end_seconds=2.5, text="le PDG d'OpenEye")
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar, Protocol, Sequence

from ..edits import Edit, apply_edits


@dataclass(frozen=True)
class Segment:
    """One timed unit of a transcript: an SRT/WebVTT cue, a Whisper segment, or a whole text file.

    ``index`` is the 0-based position in the file (not the cue number written in it);
    ``start_seconds``/``end_seconds`` are ``None`` when the format has no timings (plain text).
    """

    index: int
    start_seconds: float | None
    end_seconds: float | None
    text: str

    def __post_init__(self) -> None:
        if self.index < 0:
            raise ValueError(f"Segment.index: must be >= 0, got {self.index}")
        for name in ("start_seconds", "end_seconds"):
            value = getattr(self, name)
            if value is not None and not (isinstance(value, (int, float)) and math.isfinite(value)):
                raise ValueError(f"Segment.{name}: must be a finite number or None, got {value!r}")


class Layout(Protocol):
    """What a format remembers of a file's structure, to write edits back into it."""

    def render(self, source: str, edits: Sequence[Edit]) -> str:
        """``source`` with ``edits`` (checked, sorted, non-empty, in text coordinates) applied."""
        ...


@dataclass(frozen=True)
class Document:
    """A transcript file: its exact ``source``, the correctable ``text`` and its ``segments``.

    ``render(edits)`` returns the file content with the edits (offsets in ``text``) applied;
    with no edits it returns ``source`` itself.
    """

    source: str
    text: str
    format_name: str
    segments: tuple[Segment, ...]
    layout: Layout = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.format_name:
            raise ValueError("Document.format_name: must not be empty")
        if not isinstance(self.segments, tuple):
            raise ValueError("Document.segments: must be a tuple of Segment")

    def render(self, edits: Sequence[Edit]) -> str:
        """The file content with ``edits`` applied; raises ValueError if an edit does not match ``text``."""
        edits = sorted(edits, key=lambda edit: (edit.start, edit.end))
        if not edits:
            return self.source
        apply_edits(self.text, edits)  # checks that every edit matches the text and none overlap
        return self.layout.render(self.source, edits)


class TranscriptFormat(ABC):
    """One transcript file format; subclasses are registered in ``correction.formats.FORMATS``."""

    name: ClassVar[str]
    """The name users type after ``--format``."""
    extensions: ClassVar[tuple[str, ...]]
    """File name endings (lower case, with the dot) that select this format."""
    description: ClassVar[str]
    """One line for ``--help``."""

    @classmethod
    @abstractmethod
    def read(cls, source: str, path: str) -> Document:
        """Parse ``source`` (the content of ``path``); malformed input raises FormatError."""
