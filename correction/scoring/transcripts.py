"""Reading a reference or hypothesis file as the texts to score, in order.

Plain text is read here, line by line, so that two line-aligned files are scored line against
line. SRT, WebVTT and Whisper JSON are read by :mod:`correction.formats` (their cue or segment
texts, in order, without timings or markup).

>>> Transcript("a.txt", "txt", ("le PDG", "d'OpenAI")).joined
"le PDG\\nd'OpenAI"
"""

from __future__ import annotations

from dataclasses import dataclass

from ..formats import format_for, read_document
from ..io import read_text

PLAIN = "txt"


@dataclass(frozen=True)
class Transcript:
    """The texts of one file: its lines (plain text) or its segment texts (other formats)."""

    path: str
    format_name: str
    texts: tuple[str, ...]

    @property
    def is_plain(self) -> bool:
        return self.format_name == PLAIN

    @property
    def joined(self) -> str:
        """All texts as one string; the normalisers turn the separators into single spaces."""
        return "\n".join(self.texts)


def read_transcript(path: str, explicit: str | None = None) -> Transcript:
    """Read ``path`` into the texts to score; ``explicit`` is a format name (``--format``).

    Without ``explicit``, the extension decides, and ``-`` (stdin) is plain text.
    """
    source = read_text(path)
    format_name = format_for(path, explicit)
    if format_name == PLAIN:
        return Transcript(path, PLAIN, tuple(source.splitlines()))
    document = read_document(source, path, format_name)
    return Transcript(path, format_name, tuple(segment.text for segment in document.segments))
