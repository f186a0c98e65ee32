"""A benchmark data set: a folder with a raw transcript, its reference and gold spans.

Layout (the bundled ``benchmarks/data/seed`` is the example; see its README.md):

* ``raw.txt``: the recogniser's transcript (required)
* ``reference.txt``: the same lines with the gold corrections applied (required, line-aligned)
* ``edits.jsonl``: gold corrections, ``line``/``start``/``end``/``gold``/``entity`` (required)
* ``traps.jsonl``, ``correct.jsonl``: spans no edit should touch (optional)
* ``episodes.jsonl``: ``first_line``/``last_line`` of each transcript the lines are made of, in
  order (optional; without it the lines are one transcript). Each is corrected on its own, as a
  user corrects one recording at a time: what a transcript says elsewhere is a clue only within it.

>>> dataset = load_dataset(default_dataset_dir())
>>> dataset.name, len(dataset.gold), len(dataset.canonical_lexicon())
('seed', 39, 25)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..io import read_text
from ..lexicon import Lexicon
from ..scoring.edits import GoldSpan, load_gold, load_spans

REQUIRED = ("raw.txt", "reference.txt", "edits.jsonl")
OPTIONAL = ("traps.jsonl", "correct.jsonl", "episodes.jsonl")
LAYOUT_HINT = f"a dataset folder holds {', '.join(REQUIRED)} (and optionally {', '.join(OPTIONAL)})"


@dataclass(frozen=True)
class Dataset:
    """One data set, read and checked: texts as stored, spans in line coordinates of ``raw``."""

    name: str
    path: str
    raw: str
    reference: str
    gold: tuple[GoldSpan, ...]
    traps: tuple[GoldSpan, ...]
    correct: tuple[GoldSpan, ...]
    episodes: tuple[tuple[int, int], ...] = ()  # (first, last) line of each transcript; () = one

    def __post_init__(self) -> None:
        if len(self.raw.split("\n")) != len(self.reference.split("\n")):
            raise ValueError("Dataset.reference: not line-aligned with raw")

    def transcripts(self) -> tuple["Dataset", ...]:
        """The data set as the transcripts it is made of, each with its own lines and spans (line
        numbers from 1 in each); itself when it is one. Their raw texts, joined, are ``raw``."""
        if not self.episodes:
            return (self,)
        return tuple(
            Dataset(name=f"{self.name}#{number}", path=self.path,
                    raw=_lines_of(self.raw_lines, first, last), reference=_lines_of(self.reference_lines, first, last),
                    gold=_spans_of(self.gold, first, last), traps=_spans_of(self.traps, first, last),
                    correct=_spans_of(self.correct, first, last))
            for number, (first, last) in enumerate(self.episodes, start=1))

    @property
    def raw_lines(self) -> list[str]:
        # "\n" only, as the gold files and the edit log count lines.
        return self.raw.split("\n")

    @property
    def reference_lines(self) -> list[str]:
        return self.reference.split("\n")

    @property
    def words(self) -> int:
        """Words of the raw transcript (runs of non-space): the unit of the speed column."""
        return len(self.raw.split())

    def entities(self) -> list[str]:
        """Distinct canonical names of the gold corrections and of the names already right."""
        return sorted({span.entity for span in self.gold + self.correct if span.entity})

    def canonical_lexicon(self) -> Lexicon:
        """The canonical-only lexicon: one bare term per entity, no alias, no sound-alike."""
        entities = self.entities()
        if not entities:
            raise InputError(self.path, "no `entity` in edits.jsonl or correct.jsonl: no canonical lexicon to build")
        return Lexicon.from_terms(entities, name=f"{self.name}-canonical")


def _lines_of(lines: list[str], first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based) as text, with the line break after the last one where
    the whole text has one."""
    return "\n".join(lines[first - 1 : last]) + ("\n" if last < len(lines) else "")


def _spans_of(spans: tuple[GoldSpan, ...], first: int, last: int) -> tuple[GoldSpan, ...]:
    """The spans on lines ``first``..``last``, their lines counted from ``first``."""
    return tuple(replace(span, line=span.line - first + 1) for span in spans if first <= span.line <= last)


def default_dataset_dir() -> Path:
    """The bundled dev set: ``correction/data/seed`` in an installed wheel (pyproject's force-include),
    else ``benchmarks/data/seed`` of the source tree."""
    package = Path(__file__).resolve().parents[1]
    for path in (package / "data" / "seed", package.parent / "benchmarks" / "data" / "seed"):
        if path.is_dir():
            return path
    raise InputError(str(package / "data" / "seed"), "the bundled dev set is not in this installation; "
                                                     "give a DATASET_DIR")


def load_dataset(path: str | Path) -> Dataset:
    """Read a dataset folder; a missing file or a bad record raises InputError naming it."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(str(folder), f"not a folder: {LAYOUT_HINT}")
    for name in REQUIRED:
        if not (folder / name).is_file():
            raise InputError(str(folder), f"no {name} in this folder: {LAYOUT_HINT}")
    raw = read_text(folder / "raw.txt")
    reference = read_text(folder / "reference.txt")
    raw_count, reference_count = len(raw.split("\n")), len(reference.split("\n"))
    if raw_count != reference_count:
        raise InputError(str(folder / "reference.txt"),
                         f"{reference_count} lines, but raw.txt has {raw_count}: they must be line-aligned")

    def optional(name: str) -> tuple[GoldSpan, ...]:
        file = folder / name
        return load_spans(str(file)) if file.is_file() else ()

    episodes_file = folder / "episodes.jsonl"
    last_line = raw_count - 1 if raw.endswith("\n") else raw_count  # "a\nb\n" is two lines
    return Dataset(
        name=folder.resolve().name,
        path=str(folder),
        raw=raw,
        reference=reference,
        gold=load_gold(str(folder / "edits.jsonl")),
        traps=optional("traps.jsonl"),
        correct=optional("correct.jsonl"),
        episodes=load_episodes(episodes_file, last_line) if episodes_file.is_file() else (),
    )


def load_episodes(path: Path, line_count: int) -> tuple[tuple[int, int], ...]:
    """(first, last) line of each transcript in ``episodes.jsonl``: one after another from line 1
    to ``line_count``."""
    episodes: list[tuple[int, int]] = []
    for number, text in enumerate(read_text(path).splitlines(), start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            first, last = record["first_line"], record["last_line"]
        except (ValueError, KeyError, TypeError):
            raise InputError(str(path), "each line is a JSON object with first_line and last_line", line=number) from None
        expected = episodes[-1][1] + 1 if episodes else 1
        if not isinstance(first, int) or not isinstance(last, int) or first != expected or last < first:
            raise InputError(str(path), f"episode lines {first!r}..{last!r}: expected {expected}.. "
                                        "(episodes follow one another from line 1)", line=number)
        episodes.append((first, last))
    if episodes and episodes[-1][1] != line_count:
        raise InputError(str(path), f"the episodes end at line {episodes[-1][1]}, the transcript at {line_count}")
    return tuple(episodes)
