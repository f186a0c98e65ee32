"""A transcript's segments written in another format: SRT, WebVTT, Whisper JSON or plain text.

Converting keeps each segment's timing and text; what only one format can say (cue settings,
markup, styles, word timings) is not carried over. A transcript without timings (plain text)
converts to plain text only.

>>> from correction.formats import read_document
>>> srt = read_document("1\\n00:00:01,000 --> 00:00:02,500\\nle PDG d'OpenAI\\n", "a.srt", "srt")
>>> print(convert(srt, "vtt", "a.srt"), end="")
WEBVTT
<BLANKLINE>
00:00:01.000 --> 00:00:02.500
le PDG d'OpenAI
"""

from __future__ import annotations

import json
from typing import Callable, Sequence

from ..errors import FormatError
from .document import Document, Segment


def _clock(seconds: float, separator: str) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole, fraction = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}{separator}{fraction:03d}"


def _srt(segments: Sequence[Segment]) -> str:
    return "\n".join(f"{number}\n{_clock(s.start_seconds, ',')} --> {_clock(s.end_seconds, ',')}\n{s.text}\n"
                     for number, s in enumerate(segments, start=1))


def _vtt(segments: Sequence[Segment]) -> str:
    cues = [f"{_clock(s.start_seconds, '.')} --> {_clock(s.end_seconds, '.')}\n{s.text}\n" for s in segments]
    return "WEBVTT\n\n" + "\n".join(cues)


def _whisper_json(segments: Sequence[Segment]) -> str:
    rows = [{"id": s.index, "start": s.start_seconds, "end": s.end_seconds, "text": s.text} for s in segments]
    return json.dumps({"text": " ".join(s.text for s in segments), "segments": rows}, ensure_ascii=False,
                      indent=1) + "\n"


WRITERS: dict[str, Callable[[Sequence[Segment]], str]] = {"srt": _srt, "vtt": _vtt, "json": _whisper_json}
"""Timed formats by name -> writer of segments."""


def convert(document: Document, target: str, path: str) -> str:
    """``document`` as ``target`` ("txt", "srt", "vtt" or "json"); FormatError when it cannot be."""
    if target == "txt":
        return document.text
    if target not in WRITERS:
        raise FormatError(path, f"cannot write format {target!r}; choose one of: txt, {', '.join(WRITERS)}")
    if any(segment.start_seconds is None or segment.end_seconds is None for segment in document.segments):
        raise FormatError(path, f"has no timings, so it cannot be written as {target}; only as txt")
    return WRITERS[target](document.segments)
