"""The committed asr-loop data sets, found on disk with what describes them (kind, language, domain, split)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from correction.bench.dataset import Dataset, load_dataset
from correction.lexicon import Lexicon

from . import settings

ROOT = Path(__file__).resolve().parents[1] / "data" / "asr-loop"


@dataclass(frozen=True)
class LoopSet:
    kind: str  # spliced or whole
    lang: str
    domain: str
    path: Path

    @property
    def split(self) -> str:
        return settings.split_of(self.domain)

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.lang}-{self.domain}"

    def dataset(self) -> Dataset:
        return load_dataset(self.path)

    def lexicon(self) -> Lexicon:
        """The domain's canonical-only lexicon (distractors included), as committed beside the set."""
        return Lexicon.load(str(self.path / "lexicon.csv"))


def loop_sets(kind: str | None = None, split: str | None = None, lang: str | None = None,
              root: Path = ROOT) -> list[LoopSet]:
    """The sets with lines, in a stable order (kind, language, domain)."""
    found = []
    for folder in sorted(root.glob("*/*-*")):
        if not (folder / "raw.txt").is_file() or not (folder / "raw.txt").read_text(encoding="utf-8").strip():
            continue
        set_lang, _, domain = folder.name.partition("-")
        loop_set = LoopSet(folder.parent.name, set_lang, domain, folder)
        if (kind in (None, loop_set.kind) and split in (None, loop_set.split)
                and lang in (None, loop_set.lang)):
            found.append(loop_set)
    return found


def name_free_lines(dataset: Dataset) -> set[int]:
    """Lines (1-based) that are traps from end to end: name-free sentences, where any edit is a
    false fire (the dev set's traps are spans inside lines, and do not count here)."""
    return {span.line for span in dataset.traps
            if span.start == 0 and span.end == len(dataset.raw_lines[span.line - 1])}


def false_fires(dataset: Dataset, edits) -> tuple[int, int]:
    """Edits on the name-free lines, and the words of those lines."""
    free = name_free_lines(dataset)
    words = sum(len(dataset.raw_lines[line - 1].split()) for line in free)
    return sum(edit.line in free for edit in edits), words
