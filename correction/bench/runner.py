"""Run every system of :data:`~correction.bench.systems.SYSTEMS` on data sets and score each output.

A :class:`Row` keeps counts, not ratios: rows of several data sets add up (:func:`total_rows`)
and the ratios are recomputed from the sums, so a total is never an average of percentages.

Speed is measured on correction only: each system is built for the lexicon, run once (a warm-up
that builds its indexes and fills its caches; this run's output is the one scored), then timed
``repeat`` times on the same text and the fastest run is kept, with garbage collection paused,
as ``timeit`` does.

>>> from correction.bench.dataset import default_dataset_dir, load_dataset
>>> rows = run_dataset(load_dataset(default_dataset_dir()), CANONICAL, repeat=1)
>>> [row.system for row in rows][:3], rows[0].normalize, rows[0].edits.predicted
(['raw', '+exact', '+fuzzy'], 'fr', 0)
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable, Sequence

from ..errors import UsageError
from ..lexicon import Lexicon
from ..scoring.alignment import Counts
from ..scoring.edits import Breakdown, score_edits
from ..scoring.normalize import DEFAULT_NORMALIZER, NORMALIZERS
from ..scoring.wer import score_texts
from .dataset import Dataset
from .systems import SYSTEMS, Output, run_by_transcript

AUTO = "auto"
TOTAL = "total"


@dataclass(frozen=True)
class LexiconSetting:
    """A lexicon column of the benchmark: a given lexicon, or (``lexicon=None``) the canonical-only
    lexicon of each data set (its distinct gold and correct entities)."""

    label: str
    lexicon: Lexicon | None = None

    def for_dataset(self, dataset: Dataset) -> Lexicon:
        return self.lexicon if self.lexicon is not None else dataset.canonical_lexicon()


CANONICAL = LexiconSetting("canonical")


@dataclass(frozen=True)
class Row:
    """One system on one data set with one lexicon: error counts, edit counts and timing.

    ``words`` and ``characters`` are the alignment counts of the WER and CER; ``biased`` and
    ``unbiased`` split the word counts between lexicon words and the others (B-WER, U-WER);
    ``edits`` holds gold/predicted/right/fixed; ``seconds`` is the fastest correction of
    ``input_words`` words (``None`` for the raw row, which corrects nothing).
    """

    dataset: str
    lexicon: str
    system: str
    normalize: str
    words: Counts
    characters: Counts
    biased: Counts
    unbiased: Counts
    edits: Breakdown
    traps: int
    traps_touched: int
    correct: int
    correct_touched: int
    input_words: int
    seconds: float | None
    signature: str = field(compare=False)

    def __post_init__(self) -> None:
        if not 0 <= self.traps_touched <= self.traps:
            raise ValueError(f"Row.traps_touched: {self.traps_touched} is not within 0..{self.traps}")
        if not 0 <= self.correct_touched <= self.correct:
            raise ValueError(f"Row.correct_touched: {self.correct_touched} is not within 0..{self.correct}")
        if self.seconds is not None and self.seconds < 0:
            raise ValueError(f"Row.seconds: negative ({self.seconds})")

    @property
    def wer(self) -> float | None:
        return self.words.rate

    @property
    def cer(self) -> float | None:
        return self.characters.rate

    @property
    def b_wer(self) -> float | None:
        return self.biased.rate

    @property
    def u_wer(self) -> float | None:
        return self.unbiased.rate

    @property
    def precision(self) -> float:
        return self.edits.precision

    @property
    def recall(self) -> float:
        return self.edits.recall

    @property
    def f1(self) -> float:
        return self.edits.f1

    @property
    def words_per_second(self) -> float | None:
        return self.input_words / self.seconds if self.seconds else None


@dataclass(frozen=True)
class LexiconUsed:
    """Which lexicon a setting stood for on one data set (for the notes under the table)."""

    dataset: str
    setting: str
    signature: str
    terms: int


@dataclass(frozen=True)
class BenchResult:
    """Rows of every data set (in order), then the total rows when there are several data sets."""

    rows: tuple[Row, ...]
    datasets: tuple[str, ...]
    settings: tuple[str, ...]
    lexicons: tuple[LexiconUsed, ...]
    repeat: int

    def rows_of(self, dataset: str) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.dataset == dataset)

    @property
    def tables(self) -> tuple[str, ...]:
        """Data set names with a table, ``total`` last when there are several data sets."""
        return self.datasets + ((TOTAL,) if len(self.datasets) > 1 else ())


def add_counts(counts: Iterable[Counts]) -> Counts:
    counts = list(counts)
    return Counts(
        hits=sum(item.hits for item in counts),
        substitutions=sum(item.substitutions for item in counts),
        deletions=sum(item.deletions for item in counts),
        insertions=sum(item.insertions for item in counts),
    )


def _joined(values: Iterable[str]) -> str:
    return "+".join(dict.fromkeys(values))


def total_rows(rows: Sequence[Row], name: str = TOTAL) -> tuple[Row, ...]:
    """One row per (lexicon setting, system): counts and times summed, ratios recomputed."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((row.lexicon, row.system), []).append(row)
    totals = []
    for (lexicon, system), members in groups.items():
        seconds = [row.seconds for row in members]
        totals.append(Row(
            dataset=name,
            lexicon=lexicon,
            system=system,
            normalize=_joined(row.normalize for row in members),
            words=add_counts(row.words for row in members),
            characters=add_counts(row.characters for row in members),
            biased=add_counts(row.biased for row in members),
            unbiased=add_counts(row.unbiased for row in members),
            edits=Breakdown(
                name=system,
                gold=sum(row.edits.gold for row in members),
                predicted=sum(row.edits.predicted for row in members),
                right=sum(row.edits.right for row in members),
                fixed=sum(row.edits.fixed for row in members),
            ),
            traps=sum(row.traps for row in members),
            traps_touched=sum(row.traps_touched for row in members),
            correct=sum(row.correct for row in members),
            correct_touched=sum(row.correct_touched for row in members),
            input_words=sum(row.input_words for row in members),
            seconds=None if None in seconds else sum(seconds),
            signature=" ; ".join(dict.fromkeys(row.signature for row in members)),
        ))
    return tuple(totals)


def choose_normalizer(normalize: str, outputs: Iterable[Output]) -> str:
    """``auto``: the language the engine detected (``fr`` or ``en``), else the default normaliser."""
    if normalize != AUTO:
        if normalize not in NORMALIZERS:
            raise UsageError("--normalize", f"unknown normalisation {normalize!r}; choose from "
                                            f"{', '.join([AUTO, *NORMALIZERS])}")
        return normalize
    for output in outputs:
        if output.lang in NORMALIZERS:
            return output.lang
    return DEFAULT_NORMALIZER


def _timed(run: Callable[[], Output], repeat: int) -> float:
    """Fastest of ``repeat`` runs, with garbage collection paused as ``timeit`` does (a collection
    triggered by an earlier row's garbage would otherwise be charged to this one)."""
    best = float("inf")
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
    finally:
        if collecting:
            gc.enable()
    return best


def run_dataset(
    dataset: Dataset,
    setting: LexiconSetting,
    *,
    normalize: str = AUTO,
    repeat: int = 3,
    progress: Callable[[str], None] | None = None,
) -> tuple[Row, ...]:
    """Every system on ``dataset`` with the setting's lexicon, in the order of ``SYSTEMS``.

    ``progress(label)`` is called after each system (for a progress bar).
    """
    if repeat < 1:
        raise UsageError("--repeat", f"must be at least 1, got {repeat}")
    lexicon = setting.for_dataset(dataset)
    measured: list[tuple[str, Output, float | None, str]] = []
    transcripts = dataset.transcripts()  # cut once, outside the timed runs
    for name, build in SYSTEMS.items():
        run = build(lexicon)
        # each transcript of the data set on its own, as a user corrects one recording at a time
        whole = partial(run_by_transcript, run, transcripts)
        output = whole()  # the warm-up run: indexes built, caches filled; scored below
        seconds = _timed(whole, repeat) if run.timed else None
        measured.append((name, output, seconds, run.signature))
        if progress is not None:
            progress(f"{dataset.name} / {setting.label} / {name}")
    normalizer = choose_normalizer(normalize, (output for _, output, _, _ in measured))
    rows = []
    for name, output, seconds, signature in measured:
        wer = score_texts(dataset.reference_lines, output.text.split("\n"), normalize=normalizer, lexicon=lexicon,
                          names=(f"{dataset.path}/reference.txt", f"{name} output"))
        edits = score_edits(dataset.gold, output.edits, traps=dataset.traps, correct=dataset.correct)
        rows.append(Row(
            dataset=dataset.name,
            lexicon=setting.label,
            system=name,
            normalize=normalizer,
            words=wer.words,
            characters=wer.characters,
            biased=wer.biased.biased,
            unbiased=wer.biased.unbiased,
            edits=Breakdown(name, edits.gold, edits.predicted, edits.right, edits.fixed),
            traps=edits.traps,
            traps_touched=len(edits.traps_touched),
            correct=edits.correct,
            correct_touched=len(edits.correct_touched),
            input_words=dataset.words,
            seconds=seconds,
            signature=f"{signature}|lang={output.lang or '-'}||{wer.signature}||{edits.signature}",
        ))
    return tuple(rows)


def run_bench(
    datasets: Sequence[Dataset],
    settings: Sequence[LexiconSetting],
    *,
    normalize: str = AUTO,
    repeat: int = 3,
    progress: Callable[[str], None] | None = None,
) -> BenchResult:
    """Every data set with every lexicon setting; a total per setting when there are several data sets."""
    names = [dataset.name for dataset in datasets]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise UsageError("DATASET_DIR", f"two data sets named {', '.join(duplicates)}: give each folder once")
    rows: list[Row] = []
    used: list[LexiconUsed] = []
    for dataset in datasets:
        for setting in settings:
            lexicon = setting.for_dataset(dataset)
            used.append(LexiconUsed(dataset.name, setting.label, lexicon.signature, len(lexicon)))
            rows.extend(run_dataset(dataset, setting, normalize=normalize, repeat=repeat, progress=progress))
    if len(datasets) > 1:
        rows.extend(total_rows(rows))
    return BenchResult(tuple(rows), tuple(names), tuple(setting.label for setting in settings), tuple(used), repeat)


def steps(datasets: Sequence[Dataset], settings: Sequence[LexiconSetting]) -> int:
    """How many times ``progress`` is called by :func:`run_bench`."""
    return len(datasets) * len(settings) * len(SYSTEMS)
