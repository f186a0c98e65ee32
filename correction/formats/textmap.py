"""Where each character of a document's text sits in the file, so edits can be spliced back.

A :class:`TextMap` cuts the text and the source into consecutive runs. A *copied* run is text
taken verbatim from the source (a line of a cue); a *fixed* run stands for source the engine
must not touch: between two lines it is ``"\\n"`` in the text and ``"\\r\\n"``, or a blank line
plus the next cue's number and timings, in the source; a markup tag (``<i>``) or a header is
``""`` in the text. Rendering maps each edit's offsets to the source and splices the
replacement there, so everything outside the edited characters stays byte-identical.

An edit whose span contains a markup tag ("Open</i> <i>Eye" when "Open Eye" becomes "OpenAI")
keeps the tags, in order, right after its replacement ("OpenAI</i><i>"): tags stay balanced.

>>> builder = TextMapBuilder("1\\r\\nHi <i>OpenEye</i>\\r\\n", markup=re.compile("<[^>]*>"))
>>> builder.fixed("", 0, 3)      # the cue number: kept, not text
>>> builder.line(3, 20)          # tags become fixed runs with no text
'Hi OpenEye'
>>> text_map = builder.build()   # the last line ending is kept as is
>>> edit = Edit(3, 10, "OpenEye", "OpenAI", 1, 3, "OpenAI", "phonetic", 0.9, "")
>>> text_map.render(builder.source, [edit])
'1\\r\\nHi <i>OpenAI</i>\\r\\n'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..edits import Edit, apply_edits


@dataclass(frozen=True)
class Run:
    """``text[text_start:text_end]`` stands for ``source[source_start:source_end]``."""

    text_start: int
    text_end: int
    source_start: int
    source_end: int
    copied: bool

    def __post_init__(self) -> None:
        if self.copied and self.text_end - self.text_start != self.source_end - self.source_start:
            raise ValueError("Run: a copied run has the same length in text and source")


@dataclass(frozen=True)
class TextMap:
    """The runs of a document, in order; implements the ``Layout`` protocol.

    ``cue_lines=True`` (subtitles) refuses an edit that would break the cue structure: a line
    break in a replacement, or a text line left blank (a blank line ends a cue).
    """

    text: str
    runs: tuple[Run, ...]
    cue_lines: bool = False
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _ends: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.runs:
            raise ValueError("TextMap.runs: at least one run (an empty file has one empty fixed run)")
        # Where each run starts and ends in the text, for binary search (derived, hence setattr).
        object.__setattr__(self, "_starts", [run.text_start for run in self.runs])
        object.__setattr__(self, "_ends", [run.text_end for run in self.runs])

    def _run_from_right(self, position: int) -> int:
        """Index of the last run that starts at or before ``position`` (an edit's start goes after tags)."""
        return max(bisect.bisect_right(self._starts, position) - 1, 0)

    def _run_from_left(self, position: int) -> int:
        """Index of the first run that ends at or after ``position`` (an edit's end stays before tags)."""
        return min(bisect.bisect_left(self._ends, position), len(self.runs) - 1)

    def _source_offset(self, run: Run, position: int, edit: Edit) -> int:
        if run.copied:
            return run.source_start + position - run.text_start
        if position == run.text_start:
            return run.source_start
        if position == run.text_end:
            return run.source_end
        raise ValueError(f"edit at line {edit.line}, column {edit.column} crosses a line break")

    def render(self, source: str, edits: Sequence[Edit]) -> str:
        if self.cue_lines:
            self._check_cue_lines(edits)
        pieces: list[str] = []
        cursor = 0
        for edit in edits:
            first = self._run_from_right(edit.start)
            start = self._source_offset(self.runs[first], edit.start, edit)
            if edit.end == edit.start:
                last, end = first, start
            else:
                last = self._run_from_left(edit.end)
                end = self._source_offset(self.runs[last], edit.end, edit)
            kept: list[str] = []
            for run in self.runs[first : last + 1]:
                if run.copied:
                    continue
                if run.text_start == run.text_end:  # markup inside the edited span: keep it after
                    if start <= run.source_start and run.source_end <= end:
                        kept.append(source[run.source_start : run.source_end])
                elif run.text_start < edit.end and run.text_end > edit.start:
                    raise ValueError(f"edit at line {edit.line}, column {edit.column} crosses a line break")
            pieces += [source[cursor:start], edit.replacement, *kept]
            cursor = end
        pieces.append(source[cursor:])
        return "".join(pieces)

    def _check_cue_lines(self, edits: Sequence[Edit]) -> None:
        for edit in edits:
            if "\n" in edit.original:
                raise ValueError(f"edit at line {edit.line}, column {edit.column} crosses a line break")
            if "\n" in edit.replacement or "\r" in edit.replacement:
                raise ValueError(f"edit at line {edit.line}, column {edit.column}: a line break in the "
                                 "replacement would break the cue structure")
        # Group the edits by text line, and look at each edited line as it will read.
        by_line: dict[int, list[Edit]] = {}
        for edit in edits:
            by_line.setdefault(self.text.rfind("\n", 0, edit.start) + 1, []).append(edit)
        for line_start, line_edits in by_line.items():
            line_end = self.text.find("\n", line_start)
            line = self.text[line_start : len(self.text) if line_end < 0 else line_end]
            shifted = [replace(edit, start=edit.start - line_start, end=edit.end - line_start) for edit in line_edits]
            if line.strip() and not apply_edits(line, shifted).strip():
                edit = line_edits[0]
                raise ValueError(f"edit at line {edit.line}, column {edit.column} leaves a blank line, "
                                 "which would end the cue")


class TextMapBuilder:
    """Collects runs while a parser walks the source; ``build()`` returns the :class:`TextMap`.

    ``markup`` (a compiled pattern) marks spans of a line that are formatting, not words: they
    become fixed runs with no text.
    """

    def __init__(self, source: str, markup: re.Pattern[str] | None = None):
        self.source = source
        self.markup = markup
        self.runs: list[Run] = []
        self.pieces: list[str] = []
        self.length = 0

    def _add(self, text: str, source_start: int, source_end: int, copied: bool) -> None:
        previous_end = self.runs[-1].source_end if self.runs else 0
        if source_start != previous_end or source_end < source_start:
            raise ValueError(f"TextMapBuilder: run {source_start}..{source_end} does not follow {previous_end}")
        self.runs.append(Run(self.length, self.length + len(text), source_start, source_end, copied))
        self.pieces.append(text)
        self.length += len(text)

    def fixed(self, text: str, source_start: int, source_end: int) -> None:
        """``source[source_start:source_end]`` is kept as is and reads as ``text``."""
        self._add(text, source_start, source_end, copied=False)

    def copy(self, source_start: int, source_end: int) -> None:
        """``source[source_start:source_end]`` is correctable text."""
        if source_end > source_start:
            self._add(self.source[source_start:source_end], source_start, source_end, copied=True)

    def line(self, source_start: int, source_end: int) -> str:
        """Copy one line of text, markup excepted; returns the line as it reads in the text."""
        if self.markup is None:
            self.copy(source_start, source_end)
            return self.source[source_start:source_end]
        words: list[str] = []
        cursor = source_start
        for match in self.markup.finditer(self.source, source_start, source_end):
            self.copy(cursor, match.start())
            words.append(self.source[cursor : match.start()])
            self.fixed("", match.start(), match.end())
            cursor = match.end()
        self.copy(cursor, source_end)
        words.append(self.source[cursor:source_end])
        return "".join(words)

    def build(self, cue_lines: bool = False) -> TextMap:
        """The finished map; source left after the last run is kept as is (a fixed, empty run)."""
        end = self.runs[-1].source_end if self.runs else 0
        if end < len(self.source) or not self.runs:
            self.fixed("", end, len(self.source))
        return TextMap("".join(self.pieces), tuple(self.runs), cue_lines)
