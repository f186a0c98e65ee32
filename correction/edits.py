"""The edit log: one record per rewrite, which can be applied and reverted exactly.

>>> text = "le PDG d'OpenEye"
>>> edit = Edit(start=9, end=16, original="OpenEye", replacement="OpenAI", line=1, column=9,
...             entity="OpenAI", pass_name="phonetic", score=0.92, reason="sounds like OpenAI")
>>> apply_edits(text, [edit])
"le PDG d'OpenAI"
>>> revert_edits(apply_edits(text, [edit]), [edit])
"le PDG d'OpenEye"
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from typing import Iterable, Sequence

from .errors import InputError
from .io import json_record


@dataclass(frozen=True)
class Edit:
    """One rewrite of ``original`` (``text[start:end]`` of the input) into ``replacement``.

    ``start``/``end`` are character offsets in the whole input text; ``line`` (1-based) and
    ``column`` (0-based, in that line) say the same for people and for line-based gold files.
    """

    start: int
    end: int
    original: str
    replacement: str
    line: int
    column: int
    entity: str
    pass_name: str
    score: float
    reason: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Edit.start/end: bad span {self.start}..{self.end}")
        if len(self.original) != self.end - self.start:
            raise ValueError(f"Edit.original: {self.original!r} does not fill {self.start}..{self.end}")
        if self.line < 1 or self.column < 0:
            raise ValueError(f"Edit.line/column: bad position {self.line}:{self.column}")

    @property
    def column_end(self) -> int:
        """End column in the line (exclusive): edits never cross a line break."""
        return self.column + (self.end - self.start)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> "Edit":
        names = {field.name for field in fields(cls)}
        missing = names - data.keys()
        if missing:
            raise ValueError(f"missing field(s): {', '.join(sorted(missing))}")
        return cls(**{name: data[name] for name in names})


def _check_sorted(edits: Sequence[Edit]) -> list[Edit]:
    ordered = sorted(edits, key=lambda edit: edit.start)
    for before, after in zip(ordered, ordered[1:]):
        if after.start < before.end:
            raise ValueError(f"overlapping edits at offsets {before.start} and {after.start}")
    return ordered


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Return ``text`` with every edit applied; raises ValueError if an edit does not match."""
    pieces: list[str] = []
    cursor = 0
    for edit in _check_sorted(list(edits)):
        if text[edit.start : edit.end] != edit.original:
            raise ValueError(
                f"edit at line {edit.line}, column {edit.column} expects {edit.original!r}, "
                f"found {text[edit.start:edit.end]!r}"
            )
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def shifted_spans(edits: Iterable[Edit]) -> list[tuple[Edit, int, int]]:
    """Each edit with the span its replacement occupies in the corrected text."""
    result = []
    delta = 0
    for edit in _check_sorted(list(edits)):
        start = edit.start + delta
        result.append((edit, start, start + len(edit.replacement)))
        delta += len(edit.replacement) - len(edit.original)
    return result


def revert_edits(corrected: str, edits: Iterable[Edit]) -> str:
    """Undo ``edits`` on the corrected text: ``revert_edits(apply_edits(t, e), e) == t``."""
    pieces: list[str] = []
    cursor = 0
    for edit, start, end in shifted_spans(edits):
        if corrected[start:end] != edit.replacement:
            raise ValueError(f"cannot revert edit at line {edit.line}: text changed since it was applied")
        pieces.append(corrected[cursor:start])
        pieces.append(edit.original)
        cursor = end
    pieces.append(corrected[cursor:])
    return "".join(pieces)


def text_sha256(text: str) -> str:
    """The checksum an edit log records of the text it was made for."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_edits_jsonl(edits: Iterable[Edit], input_sha256: str | None = None) -> str:
    """The edit log as JSON Lines text (one object per edit, in text order).

    With ``input_sha256`` (see :func:`text_sha256`), every record also carries the checksum of
    the input it was made for, so that a log is never applied to another version of the input.
    """
    lines = []
    for edit in sorted(edits, key=lambda edit: edit.start):
        record = asdict(edit)
        if input_sha256:
            record["input_sha256"] = input_sha256
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def read_edits_jsonl(text: str, path: str) -> list[Edit]:
    """Parse an edit log written by :func:`write_edits_jsonl`; bad lines raise InputError with the line."""
    edits = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            edits.append(Edit.from_dict(json_record(line)))
        except (ValueError, TypeError) as error:
            raise InputError(path, f"bad edit record: {error}", line=number) from None
    return edits
