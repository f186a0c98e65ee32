"""The benchmark as Markdown (for people and README files) and as a pandas frame (for CSV).

Markdown is rendered here rather than with ``DataFrame.to_markdown``, which needs the
``tabulate`` package for one table.

>>> print(markdown_table(["lexicon", "system", "WER"], [["canonical", "raw", "1.50%"], ["canonical", "+exact", "0.20%"]]))
| lexicon | system | WER |
| :--- | :--- | ---: |
| canonical | raw | 1.50% |
| canonical | +exact | 0.20% |
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from .. import __version__
from ..io import write_text_atomic
from ..scoring.report import percent
from .baselines import FUZZ_CUTOFF
from .runner import TOTAL, BenchResult, Row

NUMERIC_FROM = 2  # columns from this one on are numbers: right-aligned
HEADERS = ["lexicon", "system", "WER", "CER", "B-WER", "U-WER", "P", "R", "F1", "right / proposed",
           "fixed / gold", "traps touched", "correct touched", "words/s ¹"]
NO_SPEED = "–"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A pipe table; the first ``NUMERIC_FROM`` columns left-aligned, the rest right-aligned."""
    align = [":---" if column < NUMERIC_FROM else "---:" for column in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def speed(row: Row) -> str:
    value = row.words_per_second
    return NO_SPEED if value is None else f"{value:,.0f}"


def cells(row: Row) -> list[object]:
    return [
        row.lexicon, row.system, percent(row.wer), percent(row.cer), percent(row.b_wer), percent(row.u_wer),
        percent(row.precision), percent(row.recall), percent(row.f1),
        f"{row.edits.right} / {row.edits.predicted}", f"{row.edits.fixed} / {row.edits.gold}",
        f"{row.traps_touched} / {row.traps}", f"{row.correct_touched} / {row.correct}", speed(row),
    ]


def describe(rows: Sequence[Row]) -> str:
    """One line under a table's heading: what the data set holds and how it was normalised."""
    first = rows[0]
    return (f"{first.input_words:,} words, {first.edits.gold} gold edits, {first.traps} traps, "
            f"{first.correct} correct names; normalisation `{first.normalize}`")


def notes(result: BenchResult) -> list[str]:
    lexicons = "; ".join(
        f"{used.dataset} / {used.setting}: `{used.signature}` ({used.terms} terms)" for used in result.lexicons
    )
    example = next((row.signature for row in result.rows if row.system.startswith("+") and row.dataset != TOTAL), "")
    return [
        f"¹ Words of the raw transcript per second of correction only: each system is built and run once "
        f"(a warm-up that builds its indexes and fills its caches; this run is the one scored), then timed "
        f"{result.repeat} time(s) on the same text with garbage collection paused, and the fastest run counts. Loading the lexicon and "
        f"building indexes are excluded; one process, this machine.",
        "Rows: `raw` is the transcript as recognised; `+exact` ... `+context` add the engine's passes one at a "
        "time (`+fuzzy` runs exact then fuzzy); `flashtext` replaces every term and alias spelling "
        "(case-insensitive, whole words) by its canonical term; `rapidfuzz` replaces each token by the "
        f"canonical term of highest `fuzz.ratio` when it is at least {FUZZ_CUTOFF}.",
        "WER and CER are jiwer's, line against line, after the normalisation named above. B-WER and U-WER "
        "split the word errors between words of the row's lexicon (terms and aliases found in the reference; "
        "inserted lexicon words) and all other words, so the raw row's B-WER differs between lexicons.",
        "P = right / proposed edits (right: overlaps a gold span and writes its text); R = gold spans fixed / "
        "gold spans; a trap or a correct name is touched when any edit overlaps it. A total sums the counts "
        "of its data sets and recomputes the ratios.",
        f"Lexicons: {lexicons}.",
        f"correction {__version__}. Every row's settings are in the `signature` column of the CSV, e.g. "
        f"`{example}`.",
    ]


def render_markdown(result: BenchResult) -> str:
    """The whole report: a table per data set (and a total), then the notes."""
    parts = ["# correction bench"]
    for name in result.tables:
        rows = [row for row in result.rows if row.dataset == name]
        heading = "Total of " + ", ".join(result.datasets) if name == TOTAL else name
        parts.append(f"## {heading}\n\n{describe(rows)}\n\n{markdown_table(HEADERS, [cells(row) for row in rows])}")
    parts.append("\n\n".join(notes(result)))
    return "\n\n".join(parts) + "\n"


def to_frame(result: BenchResult):
    """A pandas DataFrame with one line per row: counts, ratios (fractions) and the signature."""
    import pandas as pd  # imported here: pandas costs a few hundred ms at start-up

    records = []
    for row in result.rows:
        record = {
            "dataset": row.dataset, "lexicon": row.lexicon, "system": row.system, "normalize": row.normalize,
            "wer": row.wer, "cer": row.cer, "b_wer": row.b_wer, "u_wer": row.u_wer,
            "precision": row.precision, "recall": row.recall, "f1": row.f1,
            "gold": row.edits.gold, "predicted": row.edits.predicted, "right": row.edits.right,
            "fixed": row.edits.fixed, "traps": row.traps, "traps_touched": row.traps_touched,
            "correct": row.correct, "correct_touched": row.correct_touched,
            "input_words": row.input_words, "seconds": row.seconds, "words_per_second": row.words_per_second,
        }
        for prefix, counts in (("word", row.words), ("char", row.characters), ("biased", row.biased),
                               ("unbiased", row.unbiased)):
            for key, value in counts.to_dict().items():
                if key != "rate":
                    record[f"{prefix}_{key}"] = value
        record["signature"] = row.signature
        records.append(record)
    return pd.DataFrame.from_records(records)


def render_csv(result: BenchResult) -> str:
    return to_frame(result).to_csv(index=False, lineterminator="\n")


OUTPUT_FILES = {"markdown": "bench.md", "csv": "bench.csv", "chart": "bench.png"}
"""What :func:`write_report` writes into the output folder, by kind."""


def write_report(result: BenchResult, folder: str | os.PathLike) -> list[Path]:
    """Write the Markdown, the CSV and the chart into ``folder``, each atomically; return their paths."""
    from .chart import write_chart

    folder = Path(folder)
    paths = {kind: folder / name for kind, name in OUTPUT_FILES.items()}
    write_text_atomic(paths["markdown"], render_markdown(result))
    write_text_atomic(paths["csv"], render_csv(result))
    write_chart(result, paths["chart"])
    return list(paths.values())
