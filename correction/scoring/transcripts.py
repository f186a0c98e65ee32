"""Reading a reference or hypothesis file as the texts to score, in order.

Plain text is read here, line by line, so that two line-aligned files are scored line against
line. SRT, WebVTT and Whisper JSON are read by :mod:`correction.formats` (their cue or segment
texts, in order, without timings or markup).

>>> Transcript("a.txt", "txt", ("le PDG", "d'OpenAI")).joined
"le PDG\\nd'OpenAI"
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..io import read_text

PLAIN = "txt"
# Formats that need correction.formats; used only to explain its absence.
STRUCTURED_SUFFIXES = {".srt": "srt", ".vtt": "vtt", ".json": "json"}


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


def _formats_api():
    """``(format_for, read_document)`` from correction.formats, or ``None`` while it is not installed."""
    try:
        from ..formats import format_for, read_document
    except ImportError:
        return None
    return format_for, read_document


def read_transcript(path: str, explicit: str | None = None) -> Transcript:
    """Read ``path`` into the texts to score; ``explicit`` is a format name (``--format``).

    Without ``explicit``, the extension decides, and ``-`` (stdin) is plain text.
    """
    source = read_text(path)
    api = _formats_api()
    if api is None:
        wanted = explicit or STRUCTURED_SUFFIXES.get(Path(path).suffix.lower(), PLAIN)
        if wanted != PLAIN:
            raise UsageError(path, f"reading {wanted} files needs correction.formats, which is not installed")
        return Transcript(path, PLAIN, tuple(source.splitlines()))
    format_for, read_document = api
    format_name = PLAIN if path == "-" and explicit is None else format_for(path, explicit)
    if format_name == PLAIN:
        return Transcript(path, PLAIN, tuple(source.splitlines()))
    document = read_document(source, path, format_name)
    return Transcript(path, format_name, tuple(segment.text for segment in document.segments))
