"""The figures of one lexicon size (``SizeResult``) and the Markdown of scale.md: the main table,
the targets of issue 5 and the details. Used by scale.py; no measuring here."""

from __future__ import annotations

import datetime
import os
import platform
from dataclasses import dataclass
from typing import Callable

from lexicon_gen import SEED


@dataclass(frozen=True)
class Texts:
    """Word counts of the texts the footnotes name."""

    raw_words: int
    fresh_words: int


@dataclass(frozen=True)
class SizeResult:
    """Every figure measured for one lexicon size; times in seconds, rates in whitespace words/s."""

    size: int
    source: str
    core: int
    words: int
    surfaces: int
    spelling_keys: int
    sound_keys: int
    from_entries_s: float
    exact_index_s: float
    spelling_index_s: float
    sound_index_s: float
    load_index_s: float
    single_wps: float
    fresh_wps: float
    engine_s: float
    engine_wall_s: float
    engine_wps: float
    lang: str
    edits: int
    candidates: int
    base_mib: float
    lexicon_mib: float
    peak_mib: float
    stages: dict[str, float]
    flashtext_build_s: float
    flashtext_s: float
    flashtext_wps: float
    flashtext_replaced: int
    rapidfuzz_tokens: int
    rapidfuzz_s: float
    rapidfuzz_wps: float
    rapidfuzz_hits: int


@dataclass(frozen=True)
class Target:
    """One performance target of issue 5: ``check`` gives (measured value, met) or None if not measured."""

    text: str
    check: Callable[[dict[int, SizeResult]], tuple[str, bool] | None]


def _rate_at(size: int, minimum: float) -> Callable[[dict[int, SizeResult]], tuple[str, bool] | None]:
    def check(results: dict[int, SizeResult]) -> tuple[str, bool] | None:
        if size not in results:
            return None
        return f"{results[size].engine_wps:,.0f} words/s", results[size].engine_wps >= minimum
    return check


def _slowdown(results: dict[int, SizeResult]) -> tuple[str, bool] | None:
    if 1_000 not in results or 100_000 not in results:
        return None
    ratio = results[1_000].engine_wps / results[100_000].engine_wps
    return f"{ratio:.2f}× slower", ratio < 3


def _load(results: dict[int, SizeResult]) -> tuple[str, bool] | None:
    if 100_000 not in results:
        return None
    return f"{results[100_000].load_index_s:.2f} s", results[100_000].load_index_s < 2


def _peak(results: dict[int, SizeResult]) -> tuple[str, bool] | None:
    peak = max((r.peak_mib for r in results.values()), default=None)
    return None if peak is None else (f"max {peak:,.0f} MiB", peak < 1024)


TARGETS = (
    Target("engine ≥ 50,000 words/s at 10,000 terms", _rate_at(10_000, 50_000)),
    Target("engine ≥ 20,000 words/s at 100,000 terms", _rate_at(100_000, 20_000)),
    Target("throughput falls < 3× from 1,000 to 100,000 terms", _slowdown),
    Target("load + index < 2 s at 100,000 terms", _load),
    Target("peak memory < 1 GiB (every size)", _peak),
)


def target_rows(results: dict[int, SizeResult]) -> list[str]:
    rows = []
    for target in TARGETS:
        outcome = target.check(results)
        if outcome is None:
            rows.append(f"| {target.text} | not measured | – |")
        else:
            value, met = outcome
            rows.append(f"| {target.text} | {value} | {'✅ met' if met else '❌ missed'} |")
    return rows


def report(results: dict[int, SizeResult], words: int, budget: float, elapsed: float, texts: Texts) -> str:
    """The Markdown of scale.md: the main table, the targets, then the details."""
    import correction

    any_result = next(iter(results.values()))
    try:
        from importlib.metadata import version
        faker_version = version("faker")
    except Exception:  # noqa: BLE001 - only a label
        faker_version = "?"
    lines = [
        "# Scaling benchmark (issue 5)",
        "",
        f"Measured {datetime.datetime.now():%Y-%m-%d %H:%M} with correction {correction.__version__} "
        f"(source {', '.join(sorted({r.source for r in results.values()}))}: sha256 of correction/**/*.py), "
        f"Python {platform.python_version()} ({platform.machine()}), os.cpu_count() = {os.cpu_count()}; "
        f"each size in its own process pinned to one core (single-threaded). Times are CPU seconds of that "
        f"process (`time.process_time`), so that other jobs on the machine do not inflate them; "
        f"the engine's wall time is in the details. "
        f"Total run {elapsed / 60:.1f} min.",
        "",
        f"Text: benchmarks/data/seed/raw.txt repeated to {any_result.words:,} words (whitespace-separated; "
        f"`--words {words}`); the engine detected language `{any_result.lang}`. Lexicons: the default lexicon "
        f"plus seeded Faker fr_FR / en_US person and company names (benchmarks/lexicon_gen.py, seed "
        f"{SEED}, Faker {faker_version}).",
        "",
        "| terms | load + index s | engine words/s | peak MiB | flashtext words/s "
        "| rapidfuzz extractOne words/s ¹ | engine words/s, 1× transcript ² | engine words/s, fresh text ² |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in sorted(results.items()):
        lines.append(
            f"| {size:,} | {r.load_index_s:.2f} | {r.engine_wps:,.0f} | {r.peak_mib:,.0f} "
            f"| {r.flashtext_wps:,.0f} | {r.rapidfuzz_wps:,.0f} | {r.single_wps:,.0f} | {r.fresh_wps:,.0f} |")
    lines += [
        "",
        f"¹ rapidfuzz `process.extractOne(token, terms, scorer=fuzz.ratio, score_cutoff=80)` per token is timed "
        f"on the first tokens of the text for about {budget:.0f} s (tokens done below) and extrapolated to "
        "words/s (tokens split \"d'OpenAI\" in two, so words/s = tokens/s × words/tokens).",
        "",
        f"² One `correct` call on text the engine has not seen: the dev transcript once "
        f"({texts.raw_words:,} words), then benchmarks/data/ordinary/fr.txt "
        f"({texts.fresh_words:,} words of ordinary French speech). "
        "The repeated big text looks each distinct span up once per call, so its rate hides the cost of "
        "look-ups (n-gram shortlists, espeak-ng readings) that a long real transcript pays for every new span.",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *target_rows(results),
        "",
        "## Details",
        "",
        "Load + index split: `Lexicon.from_entries`, then `Corrector.index_for(\"fr\")` (surfaces and the exact "
        "table), then the lazy `.spelling` (bigram index of folded spellings) and `.sound` (espeak-ng readings, "
        "French and English, and their bigram index). These include what a fresh process loads on first use "
        "(wordfreq's data, espeak-ng and phonemizer), as a CLI run would. Memory: `base` is the process before the lexicon "
        "(interpreter, libraries, the text), `+ index` after load + index, `peak` after correcting the big text.",
        "",
        "| terms | source | surfaces | spelling keys | sound keys | from_entries s | exact s | spelling s | sound s "
        "| base MiB | + index MiB | peak MiB | engine CPU s | engine wall s | edits | candidates |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in sorted(results.items()):
        lines.append(
            f"| {size:,} | {r.source} | {r.surfaces:,} | {r.spelling_keys:,} | {r.sound_keys:,} | {r.from_entries_s:.2f} "
            f"| {r.exact_index_s:.2f} | {r.spelling_index_s:.2f} | {r.sound_index_s:.2f} | {r.base_mib:,.0f} "
            f"| {r.lexicon_mib:,.0f} | {r.peak_mib:,.0f} | {r.engine_s:.1f} | {r.engine_wall_s:.1f} | {r.edits:,} "
            f"| {r.candidates:,} |")
    lines += [
        "",
        "| terms | flashtext build s | flashtext s | spans rewritten by flashtext | rapidfuzz tokens timed "
        "| rapidfuzz s | rapidfuzz tokens matched |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in sorted(results.items()):
        lines.append(
            f"| {size:,} | {r.flashtext_build_s:.2f} | {r.flashtext_s:.1f} | {r.flashtext_replaced:,} "
            f"| {r.rapidfuzz_tokens:,} | {r.rapidfuzz_s:.1f} | {r.rapidfuzz_hits:,} |")
    staged = {size: r for size, r in results.items() if r.stages}
    if staged:
        names = list(next(iter(staged.values())).stages)
        lines += [
            "",
            "Where `correct` spends its time on the big text, step by step (CPU seconds of a second "
            "`correct` call, phoneme cache warm; work a pass triggers lazily, such as finding the "
            "mentions, counts in that pass; `other` is the rest of `correct`):",
            "",
            "| terms | " + " | ".join(names) + " | total |",
            "|---:|" + "---:|" * (len(names) + 1),
        ]
        for size, r in sorted(staged.items()):
            lines.append(f"| {size:,} | " + " | ".join(f"{r.stages.get(name, 0.0):.2f}" for name in names)
                         + f" | {sum(r.stages.values()):.2f} |")
    return "\n".join(lines) + "\n"


def sweep_report(size: int, rows: list[dict]) -> str:
    if not rows:
        return ""
    lines = [
        "",
        f"Engine words/s against the length of the text at {size:,} terms, garbage collector on and paused "
        "(CPU time, same process, index built and phoneme cache warm):",
        "",
        "| words | words/s, gc on | words/s, gc paused | time in gc |",
        "|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['words']:,} | {row['on']:,.0f} | {row['paused']:,.0f} | {1 - row['on'] / row['paused']:.0%} |")
    return "\n".join(lines) + "\n"
