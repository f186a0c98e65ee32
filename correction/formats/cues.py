"""Subtitle files made of cues (SRT, WebVTT): one scanner, driven by class attributes.

A cue is a block of lines: an optional identifier (the cue number in SRT), a timing line, and
its text lines, up to a blank line. The scanner records where each text line sits in the file
(a :class:`~correction.formats.textmap.TextMap`), so corrections are spliced in place and the
rest of the file (numbers, timings, cue settings, headers, NOTE/STYLE blocks, blank lines, CRLF
line endings, a BOM) stays byte-identical.

Why not the ``srt`` or ``webvtt-py`` parsers: both return the cue text as a new string (``srt``
turns CRLF into LF and strips blank lines; ``webvtt-py`` splits and re-joins lines), so neither
tells where a word sits in the file, and writing their objects back re-formats the whole file.
The grammar here follows theirs (the same timestamp shapes; markup is kept out of the text);
``tests/formats`` checks that the timings read here equal theirs on the fixtures.

Markup (``<i>``, ``<v Speaker>``, ``<00:00:01.000>``, SRT's ``{\\an8}``) is not part of the text
the engine sees; it stays where it is in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..errors import FormatError
from .document import Document, Segment, TranscriptFormat
from .textmap import TextMapBuilder

BOM = "\ufeff"
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class Line:
    """One line of the source: ``source[start:end]`` without its line ending; ``number`` is 1-based."""

    number: int
    start: int
    end: int


def split_lines(source: str) -> list[Line]:
    """The lines of ``source``; a CR before the LF belongs to the line ending, a BOM to no line."""
    lines = []
    offset = 1 if source.startswith(BOM) else 0
    for number, match in enumerate(_LINE.finditer(source, offset), start=1):
        end = match.end()
        if source.endswith("\n", match.start(), end):
            end -= 2 if source.endswith("\r\n", match.start(), end) else 1
        lines.append(Line(number, match.start(), end))
    return lines


def timing_seconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> float:
    """Seconds of a timestamp's fields; the fraction is decimal (".5" is 500 ms, as in webvtt-py)."""
    if int(minutes) > 59 or int(seconds) > 59:
        raise ValueError("minutes and seconds must be below 60")
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


class CueFormat(TranscriptFormat):
    """A cue-based subtitle format; subclasses set the class attributes below and nothing else."""

    timing: ClassVar[re.Pattern[str]]
    """Full match of a timing line; groups 1-4 are the start fields, 5-8 the end fields."""
    timing_example: ClassVar[str]
    """A well-formed timing line, shown in error messages."""
    header: ClassVar[str | None] = None
    """The word the first line must start with ("WEBVTT"); the header block is kept as is."""
    skipped_blocks: ClassVar[tuple[str, ...]] = ()
    """Blocks that are not cues and are kept as is, by their first word ("NOTE", "STYLE")."""
    numbered: ClassVar[bool] = False
    """Whether a cue identifier must be a number (SRT) or may be any text (WebVTT)."""
    markup: ClassVar[re.Pattern[str]]
    """Spans of a text line that are formatting, not words."""
    arrow_in_text: ClassVar[bool] = True
    """Whether "-->" may appear in cue text (not in WebVTT, where it means a missing blank line)."""

    @classmethod
    def read(cls, source: str, path: str) -> Document:
        lines = split_lines(source)
        blank = [not source[line.start : line.end].strip() for line in lines]
        builder = TextMapBuilder(source, cls.markup)
        segments: list[Segment] = []
        position = cls._skip_header(source, path, lines, blank)
        while position < len(lines):
            if blank[position]:
                position += 1
                continue
            block_end = position
            while block_end < len(lines) and not blank[block_end]:
                block_end += 1
            block = lines[position:block_end]
            first_word = source[block[0].start : block[0].end].split(maxsplit=1)[0]
            if first_word not in cls.skipped_blocks:
                segments.append(cls._read_cue(source, path, block, len(segments), builder))
            position = block_end
        text_map = builder.build(cue_lines=True)
        return Document(source, text_map.text, cls.name, tuple(segments), text_map)

    @classmethod
    def _skip_header(cls, source: str, path: str, lines: list[Line], blank: list[bool]) -> int:
        """Index of the first line after the header block (0 when the format has no header)."""
        if cls.header is None:
            return 0
        first = source[lines[0].start : lines[0].end] if lines else ""
        if not (first.startswith(cls.header) and first[len(cls.header) : len(cls.header) + 1] in ("", " ", "\t")):
            raise FormatError(path, f"the first line must be '{cls.header}', found {first[:40]!r}", line=1)
        position = 1
        while position < len(lines) and not blank[position]:
            if "-->" in source[lines[position].start : lines[position].end]:
                raise FormatError(path, f"a blank line must separate the '{cls.header}' header from the first cue",
                                  line=lines[position].number)
            position += 1
        return position

    @classmethod
    def _read_cue(cls, source: str, path: str, block: list[Line], index: int, builder: TextMapBuilder) -> Segment:
        number = index + 1  # people count cues from 1
        contents = [source[line.start : line.end] for line in block]
        if cls.timing.fullmatch(contents[0]):
            timing_at = 0
        elif len(block) > 1 and cls.timing.fullmatch(contents[1]):
            timing_at = 1
            if cls.numbered and not contents[0].strip().isdigit():
                raise FormatError(path, f"cue {number}: expected a cue number, found {contents[0][:40]!r}",
                                  line=block[0].number)
        else:
            bad = 0 if "-->" in contents[0] or len(block) == 1 else 1
            raise FormatError(
                path,
                f"cue {number}: expected a timing line like '{cls.timing_example}', found {contents[bad][:60]!r}",
                line=block[bad].number,
            )
        match = cls.timing.fullmatch(contents[timing_at])
        try:
            start = timing_seconds(*match.group(1, 2, 3, 4))
            end = timing_seconds(*match.group(5, 6, 7, 8))
        except ValueError as error:
            raise FormatError(path, f"cue {number}: bad timestamp ({error})", line=block[timing_at].number) from None
        for line, content in zip(block[timing_at + 1 :], contents[timing_at + 1 :]):
            if cls.timing.fullmatch(content) or ("-->" in content and not cls.arrow_in_text):
                raise FormatError(
                    path, f"cue {number}: timing line inside the cue text (is a blank line missing before it?)",
                    line=line.number,
                )
        # An empty cue still counts as one (empty) line of the text, anchored after its timings.
        spans = [(line.start, line.end) for line in block[timing_at + 1 :]] or [(block[timing_at].end,) * 2]
        texts = []
        for start_at, end_at in spans:
            # Lines are joined by "\n" in the text; what lies between them in the file is kept as is.
            separator = "" if index == 0 and not texts else "\n"
            builder.fixed(separator, builder.runs[-1].source_end if builder.runs else 0, start_at)
            texts.append(builder.line(start_at, end_at))
        return Segment(index, start, end, "\n".join(texts))
