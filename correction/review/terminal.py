"""The terminal view of proposals: each one as a word-level diff in a few words of context.

Removed words are red and struck through, added words green. Without colour (output is not a
terminal, or ``NO_COLOR`` is set) the diff is spelled with ``[-removed-]{+added+}`` markers, as
``git diff --word-diff=plain`` does, so it still reads in a log or a pipe.

>>> from correction.edits import Edit, text_sha256
>>> from correction.review.decisions import Proposal
>>> text = "le PDG d'OpenEye annonce un modèle"
>>> edit = Edit(9, 16, "OpenEye", "OpenAI", 1, 9, "OpenAI", "phonetic", 0.92, "sounds like OpenAI")
>>> print(format_proposal(text, Proposal(1, edit, text_sha256(text)), color=False))
#1  line 1  OpenAI  phonetic 0.92
    le PDG d'[-OpenEye-]{+OpenAI+} annonce un modèle
    sounds like OpenAI
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Mapping, Sequence, TextIO

import click

from ..formats import Document
from .decisions import Proposal

CONTEXT_WORDS = 4
"""Words of context shown on each side of a proposal."""

_WINDOW = 240  # characters looked at on each side to find the context words
_PIECE = re.compile(r"\s+|\S+")
_WORD = re.compile(r"\S+")
_BREAK = re.compile(r"[ \t]*\r?\n\s*")
LINE_BREAK = " ↵ "
"""How a line break inside the context is shown (the context may run into the next line)."""


def use_color(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set to anything (https://no-color.org).

    >>> import io
    >>> use_color(io.StringIO(), {})
    False
    """
    return not environ.get("NO_COLOR") and stream.isatty()


def word_diff(original: str, replacement: str) -> tuple[tuple[str, str], ...]:
    """``original`` -> ``replacement`` word by word: ``("=", kept)``, ``("-", removed)``, ``("+", added)``.

    >>> word_diff("Sam Altmann", "Sam Altman")
    (('=', 'Sam '), ('-', 'Altmann'), ('+', 'Altman'))
    >>> word_diff("il y a", "Ilya")
    (('-', 'il y a'), ('+', 'Ilya'))
    """
    old, new = _PIECE.findall(original), _PIECE.findall(replacement)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("=", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("+", "".join(new[j1:j2])))
    merged: list[tuple[str, str]] = []
    for kind, piece in pieces:  # a run of the same kind reads as one change
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + piece)
        else:
            merged.append((kind, piece))
    return tuple(merged)


def style_diff(pieces: Sequence[tuple[str, str]], color: bool) -> str:
    """The pieces of :func:`word_diff` as one string, coloured or with ``[-…-]{+…+}`` markers."""
    out = []
    for kind, piece in pieces:
        if kind == "=":
            out.append(piece)
        elif color:
            out.append(click.style(piece, fg="red", strikethrough=True) if kind == "-"
                       else click.style(piece, fg="green", bold=True))
        else:
            out.append(f"[-{piece}-]" if kind == "-" else f"{{+{piece}+}}")
    return "".join(out)


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """Up to ``words`` words before ``start`` and after ``end``; ``…`` marks a cut, ``↵`` a line break.

    >>> context("one two three four five six seven", 14, 18, words=2)
    ('…two three ', ' five six…')
    """
    left_from = max(0, start - _WINDOW)
    left = text[left_from:start]
    starts = [match.start() for match in _WORD.finditer(left)]
    if len(starts) > words:
        left = "…" + left[starts[-words]:]
    elif left_from > 0:
        left = "…" + left
    right_to = min(len(text), end + _WINDOW)
    right = text[end:right_to]
    ends = [match.end() for match in _WORD.finditer(right)]
    if len(ends) > words:
        right = right[: ends[words - 1]] + "…"
    elif right_to < len(text):
        right = right + "…"
    else:
        right = right.rstrip()
    return _BREAK.sub(LINE_BREAK, left), _BREAK.sub(LINE_BREAK, right)


def timestamp(seconds: float) -> str:
    """``3.5`` -> ``'00:00:03.500'``."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def segment_start(document: Document, offset: int) -> float | None:
    """When the segment (cue) holding text ``offset`` starts, or None for untimed text.

    Segment texts are joined by one line break in the document text (cues, Whisper segments);
    if they are not, no time is given rather than a wrong one.
    """
    if sum(len(segment.text) for segment in document.segments) + len(document.segments) - 1 != len(document.text):
        return None
    position = 0
    for segment in document.segments:
        position_end = position + len(segment.text)
        if offset <= position_end:
            return segment.start_seconds
        position = position_end + 1
    return None


def format_proposal(text: str, proposal: Proposal, *, color: bool, at_seconds: float | None = None,
                    words: int = CONTEXT_WORDS) -> str:
    """Three lines: number, place and origin; the diff in its context; the reason (no final newline)."""
    edit = proposal.edit
    where = f"line {edit.line}" + (f" ({timestamp(at_seconds)})" if at_seconds is not None else "")
    number = f"#{proposal.id}"
    entity = edit.entity
    if color:
        number, entity = click.style(number, bold=True), click.style(entity, bold=True)
    before, after = context(text, edit.start, edit.end, words)
    diff = style_diff(word_diff(edit.original, edit.replacement), color)
    reason = click.style(edit.reason, dim=True) if color else edit.reason
    return (f"{number}  {where}  {entity}  {edit.pass_name} {edit.score:.2f}\n"
            f"    {before}{diff}{after}\n"
            f"    {reason}")


def format_view(document: Document, proposals: Sequence[Proposal], *, color: bool) -> str:
    """Every proposal of ``document``, separated by blank lines (empty when there are none)."""
    blocks = [format_proposal(document.text, proposal, color=color,
                              at_seconds=segment_start(document, proposal.edit.start))
              for proposal in proposals]
    return "\n\n".join(blocks) + "\n" if blocks else ""
