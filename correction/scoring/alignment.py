"""Word alignments as plain steps, error counts over them, and a readable rendering.

jiwer aligns in chunks ("these 3 words equal, then 1 substituted"); scoring by word class (B-WER)
and showing errors need one step per word, which is what :func:`steps_from_chunks` gives.

>>> import jiwer
>>> out = jiwer.process_words("le ceo d openai", "le seo openai")
>>> steps = steps_from_chunks(out.references[0], out.hypotheses[0], out.alignments[0])
>>> [(step.op, step.ref, step.hyp) for step in steps]
[('equal', 'le', 'le'), ('substitute', 'ceo', 'seo'), ('delete', 'd', ''), ('equal', 'openai', 'openai')]
>>> print(render_alignment([steps], ["line 1"]))
line 1
  REF: le ceo d openai
  HYP: le seo * openai
          S   D
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

EQUAL, SUBSTITUTE, DELETE, INSERT = "equal", "substitute", "delete", "insert"
MARKS = {EQUAL: " ", SUBSTITUTE: "S", DELETE: "D", INSERT: "I"}


@dataclass(frozen=True)
class Step:
    """One aligned position: a reference word, a hypothesis word, or both.

    ``ref_index``/``hyp_index`` are word positions in their unit; ``None`` on the side that is
    missing (``ref`` is ``""`` for an insertion, ``hyp`` is ``""`` for a deletion).
    """

    op: str
    ref: str
    hyp: str
    ref_index: int | None
    hyp_index: int | None

    def __post_init__(self) -> None:
        if self.op not in MARKS:
            raise ValueError(f"Step.op: {self.op!r} is not one of {', '.join(MARKS)}")

    @property
    def is_error(self) -> bool:
        return self.op != EQUAL


def steps_from_chunks(ref_words: Sequence[str], hyp_words: Sequence[str], chunks: Iterable) -> tuple[Step, ...]:
    """Expand jiwer ``AlignmentChunk`` records (type, ref/hyp start and end) into word steps."""
    steps: list[Step] = []
    for chunk in chunks:
        op = chunk.type
        if op in (EQUAL, SUBSTITUTE):
            for offset in range(chunk.ref_end_idx - chunk.ref_start_idx):
                i, j = chunk.ref_start_idx + offset, chunk.hyp_start_idx + offset
                steps.append(Step(op, ref_words[i], hyp_words[j], i, j))
        elif op == DELETE:
            for i in range(chunk.ref_start_idx, chunk.ref_end_idx):
                steps.append(Step(op, ref_words[i], "", i, None))
        else:
            for j in range(chunk.hyp_start_idx, chunk.hyp_end_idx):
                steps.append(Step(op, "", hyp_words[j], None, j))
    return tuple(steps)


@dataclass(frozen=True)
class Counts:
    """Hits and errors of one alignment (or of one class of words in it)."""

    hits: int = 0
    substitutions: int = 0
    deletions: int = 0
    insertions: int = 0

    @property
    def reference(self) -> int:
        """Reference items counted: hits + substitutions + deletions."""
        return self.hits + self.substitutions + self.deletions

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def rate(self) -> float | None:
        """errors / reference items; ``None`` when there is no reference item (undefined)."""
        return self.errors / self.reference if self.reference else None

    def to_dict(self) -> dict:
        return {
            "reference": self.reference,
            "hits": self.hits,
            "substitutions": self.substitutions,
            "deletions": self.deletions,
            "insertions": self.insertions,
            "errors": self.errors,
            "rate": self.rate,
        }


def count_steps(steps: Iterable[Step], keep: Callable[[Step], bool] = lambda step: True) -> Counts:
    """Counts over the steps that ``keep`` selects."""
    tally = {EQUAL: 0, SUBSTITUTE: 0, DELETE: 0, INSERT: 0}
    for step in steps:
        if keep(step):
            tally[step.op] += 1
    return Counts(tally[EQUAL], tally[SUBSTITUTE], tally[DELETE], tally[INSERT])


def _rows(steps: Sequence[Step], width: int) -> list[list[tuple[Step, str, str, str]]]:
    """Columns (step, ref, hyp, mark) padded to one width, wrapped into rows of at most ``width``."""
    rows: list[list[tuple[Step, str, str, str]]] = [[]]
    used = 0
    for step in steps:
        size = max(len(step.ref), len(step.hyp), 1)
        ref = step.ref.ljust(size) if step.ref else "*" * size
        hyp = step.hyp.ljust(size) if step.hyp else "*" * size
        if rows[-1] and used + size + 1 > width:
            rows.append([])
            used = 0
        rows[-1].append((step, ref, hyp, MARKS[step.op].ljust(size)))
        used += size + 1
    return rows


def _word_range(row: list[tuple[Step, str, str, str]]) -> str:
    indexes = [step.ref_index + 1 for step, _, _, _ in row if step.ref_index is not None]
    return f"words {indexes[0]}-{indexes[-1]}" if indexes else "no reference word"


def render_alignment(units: Sequence[Sequence[Step]], labels: Sequence[str], width: int = 100) -> str:
    """Reference, hypothesis and S/D/I marks, word under word, for the rows that hold an error.

    Each unit with an error gets a header from ``labels`` ("line 12"); rows without an error are
    left out, so a long text shows only the places where it differs. When a unit needs several
    rows, each shown row says which reference words it covers.
    """
    blocks = []
    for steps, label in zip(units, labels):
        if not any(step.is_error for step in steps):
            continue
        lines = [label]
        rows = _rows(steps, width - 7)
        for row in rows:
            if not any(step.is_error for step, _, _, _ in row):
                continue
            if len(rows) > 1:
                lines.append(f"  ({_word_range(row)})")
            lines.append("  REF: " + " ".join(ref for _, ref, _, _ in row).rstrip())
            lines.append("  HYP: " + " ".join(hyp for _, _, hyp, _ in row).rstrip())
            lines.append("       " + " ".join(mark for _, _, _, mark in row).rstrip())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
