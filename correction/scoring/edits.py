"""Precision, recall and F1 of predicted edits against gold spans, with traps and correct names.

Gold spans are in line coordinates of the raw transcript (``line`` 1-based; ``start``/``end``
0-based columns, end exclusive); a predicted :class:`~correction.edits.Edit` covers columns
``column .. column + len(original)`` of its ``line``.

* Predictions and gold spans of a line that touch one another form a stretch. When the gold
  files give the raw text of their spans (``raw``), the predictions of a stretch are **right**
  when they leave the text the gold leaves there, and wrong otherwise: "Tadunj" -> "Tadej" and
  "Pogachar" -> "Pogačar" together are the gold "Tadunj Pogachar" -> "Tadej Pogačar"; "Bernard
  Arnold" -> "Bernard Arnault" is the gold "Arnold" -> "Arnault"; half such a fix, or
  "Arnold could" -> "Arnault" (a word lost), is wrong. Without the raw text, a prediction is right
  when it overlaps a gold span and writes that span's text.
* A gold span is **fixed** when some right prediction overlaps it.
* precision = right / predicted, recall = fixed / gold, F1 their harmonic mean; a ratio with
  nothing to divide by (0 / 0) is 0.0 — the counts next to it tell "none" from "all wrong".
* A trap (or a correct name) is **touched** when any prediction overlaps its span.

>>> gold = [GoldSpan(line=1, start=9, end=16, text="OpenAI", entity="OpenAI")]
>>> edit = Edit(start=9, end=16, original="OpenEye", replacement="OpenAI", line=1, column=9,
...             entity="OpenAI", pass_name="phonetic", score=0.9, reason="")
>>> score = score_edits(gold, [edit])
>>> score.precision, score.recall, score.f1
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from ..edits import Edit
from ..errors import InputError
from ..io import json_record, read_text
from ..text import fold
from .signature import Signature

MATCH_RULE = "same-text-over-stretch"


@dataclass(frozen=True)
class GoldSpan:
    """A span of one line: a gold correction (``text`` = the right text), a trap or a correct name.

    ``entity`` is the canonical name it is about; empty for traps.
    """

    line: int
    start: int
    end: int
    text: str
    entity: str = ""
    original: str = ""  # the raw text of the span, when the gold file gives it ("raw")

    def __post_init__(self) -> None:
        if not isinstance(self.line, int) or self.line < 1:
            raise ValueError(f"GoldSpan.line: must be an integer >= 1, got {self.line!r}")
        if not isinstance(self.start, int) or not isinstance(self.end, int) or not 0 <= self.start <= self.end:
            raise ValueError(f"GoldSpan.start/end: bad span {self.start!r}..{self.end!r}")
        if not all(isinstance(value, str) for value in (self.text, self.entity, self.original)):
            raise ValueError("GoldSpan.text/entity/original: must be strings")

    def to_dict(self) -> dict:
        return {"line": self.line, "start": self.start, "end": self.end, "text": self.text, "entity": self.entity}

    def rewritten(self, transform: Callable[[str], str]) -> "GoldSpan":
        """The span of a transcript passed through ``transform`` (lower-cased, say): its text and its
        raw text both, so that the stretches stay comparable."""
        return replace(self, text=transform(self.text), original=transform(self.original))


def _read_spans(path: str, text_field: str) -> tuple[GoldSpan, ...]:
    spans = []
    for number, row in enumerate(read_text(path).splitlines(), start=1):
        if not row.strip():
            continue
        try:
            data = json_record(row)
        except json.JSONDecodeError as error:
            raise InputError(path, f"not a JSON object: {error.msg}", line=number) from None
        except ValueError:  # JSON, but a list, a number, a string or null
            raise InputError(path, "not a JSON object", line=number) from None
        missing = [name for name in ("line", "start", "end", text_field) if name not in data]
        if missing:
            raise InputError(path, f"missing field(s): {', '.join(missing)}", line=number)
        try:
            spans.append(GoldSpan(data["line"], data["start"], data["end"], data[text_field], data.get("entity") or "",
                                  data.get("raw") or ""))
        except ValueError as error:
            raise InputError(path, str(error), line=number) from None
    return tuple(spans)


def load_gold(path: str) -> tuple[GoldSpan, ...]:
    """Gold corrections from JSON Lines with ``line``, ``start``, ``end``, ``gold`` (and ``entity``)."""
    return _read_spans(path, "gold")


def load_spans(path: str) -> tuple[GoldSpan, ...]:
    """Traps or correct names from JSON Lines with ``line``, ``start``, ``end``, ``text`` (``entity``)."""
    return _read_spans(path, "text")


def edits_from_gold(gold: Iterable[GoldSpan], text: str) -> list[Edit]:
    """The gold corrections as Edit records on ``text`` (the raw transcript): an oracle's output."""
    lines = text.split("\n")  # line numbers count "\n" only, as in the gold files and the edit log
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    edits = []
    for span in gold:
        if span.line > len(lines):
            raise ValueError(f"gold span on line {span.line}, but the text has {len(lines)} lines")
        if span.end > len(lines[span.line - 1]):
            raise ValueError(f"gold span {span.start}..{span.end} is past the end of line {span.line}")
        start = offsets[span.line - 1] + span.start
        edits.append(
            Edit(start=start, end=start + span.end - span.start, original=lines[span.line - 1][span.start : span.end],
                 replacement=span.text, line=span.line, column=span.start, entity=span.entity,
                 pass_name="gold", score=1.0, reason="gold")
        )
    return edits


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open spans share a character; an empty span (an insertion point) overlaps a span it is inside."""
    if a_start == a_end:
        return b_start <= a_start < b_end or a_start == b_start == b_end
    if b_start == b_end:
        return a_start <= b_start < a_end
    return a_start < b_end and b_start < a_end


def _touches(edit: Edit, span: GoldSpan) -> bool:
    return edit.line == span.line and overlaps(edit.column, edit.column_end, span.start, span.end)


def is_partial_fix(edit: Edit, gold: Sequence[GoldSpan]) -> bool:
    """Whether ``edit`` (a wrong one) writes part of what a gold span of its entity writes, inside
    that span, the rest left as heard: "hopen" -> "OpenAI" where the gold is "hopen pas y" ->
    "OpenAI", "Tadunj" -> "Tadej" where it is "Tadunj Pogachar" -> "Tadej Pogačar". It is wrong
    (the line is not the gold's), but it rewrites only words the recogniser got wrong, and only
    into the name said there; "Salman" -> "Sam Altman" where the gold writes "Sam" (the surname
    follows) writes more than that, and is not partial."""
    written = fold(edit.replacement)
    return bool(written) and any(span.line == edit.line and span.entity == edit.entity and span.start <= edit.column
                                 and edit.column_end <= span.end and written in fold(span.text) for span in gold)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class _Rates:
    """Precision, recall and F1 from the counts ``right``/``predicted`` and ``fixed``/``gold``."""

    right: int
    predicted: int
    fixed: int
    gold: int

    @property
    def precision(self) -> float:
        return _ratio(self.right, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.fixed, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class Breakdown(_Rates):
    """Counts for one entity or one pass. For a pass, ``gold`` is the whole gold count: its recall
    is the share of all gold spans that this pass fixed."""

    name: str
    gold: int
    predicted: int
    right: int
    fixed: int
    # of the wrong edits, the partial fixes (``is_partial_fix``): counted by form only
    # (``bootstrap.by_form``), where the fit's bound weighs them; 0 in a score's breakdowns
    partial: int = 0

    def to_dict(self) -> dict:
        return {"name": self.name, "gold": self.gold, "predicted": self.predicted, "right": self.right,
                "fixed": self.fixed, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class EditScore(_Rates):
    """Predicted edits scored against gold spans; ``wrong`` and ``missed`` list what to look at."""

    gold: int
    predicted: int
    right: int
    fixed: int
    traps: int
    traps_touched: tuple[GoldSpan, ...]
    correct: int
    correct_touched: tuple[GoldSpan, ...]
    by_entity: tuple[Breakdown, ...]
    by_pass: tuple[Breakdown, ...]
    wrong: tuple[Edit, ...]
    missed: tuple[GoldSpan, ...]
    signature: Signature
    partial: tuple[Edit, ...] = ()  # of the wrong edits, the partial fixes (``is_partial_fix``)

    def to_dict(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "right": self.right,
            "fixed": self.fixed,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "traps": self.traps,
            "traps_touched": [span.to_dict() for span in self.traps_touched],
            "correct": self.correct,
            "correct_touched": [span.to_dict() for span in self.correct_touched],
            "by_entity": [row.to_dict() for row in self.by_entity],
            "by_pass": [row.to_dict() for row in self.by_pass],
            "wrong": [json.loads(edit.to_json()) for edit in self.wrong],
            "partial_fixes": [json.loads(edit.to_json()) for edit in self.partial],
            "missed": [span.to_dict() for span in self.missed],
            "signature": self.signature.to_dict(),
        }


def _by_line(spans: Iterable[GoldSpan]) -> dict[int, list[tuple[int, GoldSpan]]]:
    index: dict[int, list[tuple[int, GoldSpan]]] = defaultdict(list)
    for position, span in enumerate(spans):
        index[span.line].append((position, span))
    return index


def _touched(spans: Sequence[GoldSpan], predicted: Sequence[Edit]) -> tuple[GoldSpan, ...]:
    index = _by_line(spans)
    hit = {position for edit in predicted for position, span in index.get(edit.line, ()) if _touches(edit, span)}
    return tuple(spans[position] for position in sorted(hit))


def _stretches(spans: list[tuple[int, GoldSpan]], edits: list[Edit]) -> list[tuple[list, list[Edit]]]:
    """The gold spans and edits of one line grouped by touching one another (transitively)."""
    groups: list[tuple[list, list[Edit]]] = []
    for edit in edits:
        golds = [(position, span) for position, span in spans if _touches(edit, span)]
        if not golds:
            continue
        joined = [group for group in groups if any(position in {p for p, _ in group[0]} for position, _ in golds)]
        merged_golds = {position: span for group in joined for position, span in group[0]}
        merged_golds.update(golds)
        merged_edits = [e for group in joined for e in group[1]] + [edit]
        groups = [group for group in groups if group not in joined] + [(sorted(merged_golds.items()), merged_edits)]
    return groups


def _judge_stretch(golds: list[tuple[int, GoldSpan]], edits: list[Edit]) -> bool | None:
    """Whether the edits leave the gold's text over the stretch they and the gold spans cover;
    None when that cannot be told (a gold span without its raw text, edits overlapping)."""
    if any(len(span.original) != span.end - span.start for _, span in golds):
        return None
    low = min([edit.column for edit in edits] + [span.start for _, span in golds])
    high = max([edit.column_end for edit in edits] + [span.end for _, span in golds])
    raw = _raw_stretch(low, high, [(e.column, e.original) for e in edits] + [(s.start, s.original) for _, s in golds])
    if raw is None:
        return None
    written = _rewrite(raw, low, [(e.column, e.column_end, e.replacement) for e in edits])
    return None if written is None else written == _rewrite(raw, low, [(s.start, s.end, s.text) for _, s in golds])


def _raw_stretch(low: int, high: int, known: list[tuple[int, str]]) -> str | None:
    """The raw characters of columns ``low..high`` pieced together from known (column, text) runs."""
    chars: dict[int, str] = {}
    for column, text in known:
        chars.update((column + offset, char) for offset, char in enumerate(text))
    if any(column not in chars for column in range(low, high)):
        return None
    return "".join(chars[column] for column in range(low, high))


def _rewrite(raw: str, low: int, changes: list[tuple[int, int, str]]) -> str | None:
    """``raw`` (the stretch starting at column ``low``) after ``changes``; None if they overlap."""
    out, at = [], low
    for start, end, replacement in sorted(changes):
        if start < at:
            return None
        out += [raw[at - low : start - low], replacement]
        at = end
    out.append(raw[at - low :])
    return "".join(out)


def score_edits(
    gold: Sequence[GoldSpan],
    predicted: Sequence[Edit],
    traps: Sequence[GoldSpan] = (),
    correct: Sequence[GoldSpan] = (),
) -> EditScore:
    """Score ``predicted`` edits against ``gold`` spans (see the module docstring for the rules)."""
    gold, predicted, traps, correct = tuple(gold), tuple(predicted), tuple(traps), tuple(correct)
    gold_index = _by_line(gold)
    right_edits: list[Edit] = []
    wrong: list[Edit] = []
    fixed_by: dict[int, set[str]] = defaultdict(set)  # gold position -> passes that fixed it
    by_line: dict[int, list[Edit]] = defaultdict(list)
    for edit in predicted:
        by_line[edit.line].append(edit)
    judged: dict[int, bool] = {}  # id of an edit -> right
    for line, spans in gold_index.items():
        for golds, edits in _stretches(spans, by_line.get(line, [])):
            verdict = _judge_stretch(golds, edits)
            for edit in edits:
                if verdict is None:  # no raw text to compare: the edit writes the text of a span it touches
                    matches = [p for p, span in golds if _touches(edit, span) and edit.replacement == span.text]
                else:
                    matches = [p for p, span in golds if _touches(edit, span)] if verdict else []
                judged[id(edit)] = bool(matches)
                for position in matches:
                    fixed_by[position].add(edit.pass_name)
    for edit in predicted:
        (right_edits if judged.get(id(edit)) else wrong).append(edit)
    right_ids = {id(edit) for edit in right_edits}

    entities = sorted({span.entity for span in gold} | {edit.entity for edit in predicted})
    by_entity = tuple(
        Breakdown(
            name=entity,
            gold=sum(span.entity == entity for span in gold),
            predicted=sum(edit.entity == entity for edit in predicted),
            right=sum(edit.entity == entity for edit in right_edits),
            fixed=sum(gold[position].entity == entity for position in fixed_by),
        )
        for entity in entities
    )
    passes = sorted({edit.pass_name for edit in predicted})
    by_pass = tuple(
        Breakdown(
            name=name,
            gold=len(gold),
            predicted=sum(edit.pass_name == name for edit in predicted),
            right=sum(edit.pass_name == name and id(edit) in right_ids for edit in predicted),
            fixed=sum(name in names for names in fixed_by.values()),
        )
        for name in passes
    )
    return EditScore(
        gold=len(gold),
        predicted=len(predicted),
        right=len(right_edits),
        fixed=len(fixed_by),
        traps=len(traps),
        traps_touched=_touched(traps, predicted),
        correct=len(correct),
        correct_touched=_touched(correct, predicted),
        by_entity=by_entity,
        by_pass=by_pass,
        wrong=tuple(wrong),
        missed=tuple(span for position, span in enumerate(gold) if position not in fixed_by),
        signature=Signature.for_edits(MATCH_RULE),
        partial=tuple(edit for edit in wrong if is_partial_fix(edit, gold)),
    )
