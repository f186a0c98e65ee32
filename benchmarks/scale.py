"""How the engine scales with the lexicon: load + index time, words/s, peak memory, against two
naive baselines, for lexicons of 1,000, 10,000 and 100,000 terms (issue 5, performance targets).

The text is the dev transcript (benchmarks/data/seed/raw.txt) repeated to ``--words`` words. The
lexicons are the shipped default lexicon plus seeded Faker names (benchmarks/lexicon_gen.py), built
in memory with ``Lexicon.from_entries``. Each size runs in its own child process, pinned to one
core, so that peak memory (``ru_maxrss``) is that size's alone and no library can use a second core.

Usage::

    python benchmarks/scale.py                 # 1,000,000 words; several minutes
    python benchmarks/scale.py --quick         # 100,000 words
    python benchmarks/scale.py --sizes 1000,10000 --no-profile

Writes benchmarks/results/scale.md (the tables, drawn by scale_report.py, also printed) and, unless
``--no-profile``, benchmarks/results/scale-profile.txt: cProfile (and pyinstrument, if installed) of
the index build and of ``correct`` at the largest size. Progress goes to stderr.

Every time is CPU time of the measuring process: the figures hold on a machine running other jobs.

A repeated text flatters the engine's per-call caches (a span key is looked up once per call,
whatever its count); two columns give the rate on text the engine has not seen.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import asdict, fields
from pathlib import Path

from scale_report import SizeResult, Texts, report, sweep_report

HERE = Path(__file__).resolve().parent
RAW = HERE / "data" / "seed" / "raw.txt"
# ordinary French speech, not repeated: every span is new to the engine's caches
FRESH = HERE / "data" / "ordinary" / "fr.txt"
RESULTS = HERE / "results"
SIZES = (1_000, 10_000, 100_000)
FULL_WORDS = 1_000_000
QUICK_WORDS = 100_000
PROFILE_WORDS = 100_000
RAPIDFUZZ_BUDGET_S = 20.0
RAPIDFUZZ_MIN_TOKENS = 1_000
MIB = 1024 * 1024


# the text and the lexicons ------------------------------------------------------------------------
def big_text(words: int) -> str:
    """The dev transcript repeated (whole copies, one per block of lines) to at least ``words`` words."""
    raw = RAW.read_text(encoding="utf-8").rstrip("\n") + "\n"
    copies = math.ceil(words / len(raw.split()))
    return raw * copies


def write_generated(path: Path, size: int) -> None:
    """The entries of the largest lexicon, as JSON lines of (term, kind), for the children to read:
    Faker runs once, in the parent, and its memory is not counted in any size's peak."""
    from lexicon_gen import scaled_entries

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entries = scaled_entries(size)
    default_count = sum(1 for entry in entries if entry.source[0] != "<memory>")
    with path.open("w", encoding="utf-8") as out:
        for entry in entries[default_count:]:
            out.write(json.dumps([entry.term, entry.kind], ensure_ascii=False) + "\n")


def read_entries(path: Path, size: int) -> list:
    """The default lexicon's entries, then generated ones up to ``size`` entries in all."""
    from correction import Entry, Lexicon

    default = list(Lexicon.load().entries)
    extra: list = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if len(default) + len(extra) >= size:
                break
            term, kind = json.loads(line)
            extra.append(Entry(term=term, kind=kind))
    return default + extra


def pin_to_one_core() -> int:
    """Run this process on one core (the last one it may use); returns that core's number."""
    core = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def source_signature() -> str:
    """A hash of the engine's source files as this process imported them: the engine changes often,
    so every figure says which code produced it."""
    import hashlib

    import correction

    package = Path(correction.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cpu_clock() -> float:
    """CPU seconds of this process: the timer of every figure, so that another job on the machine
    (a test run on the other core) does not slow the figures down; the process is single-threaded."""
    return time.process_time()


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB  # ru_maxrss is KiB on Linux


# one size, in a child process ---------------------------------------------------------------------
def measure(size: int, words: int, generated: Path, budget: float, stages: bool) -> SizeResult:
    core = pin_to_one_core()
    from correction import Corrector, Lexicon

    source = source_signature()

    text = big_text(words)
    raw = RAW.read_text(encoding="utf-8")
    word_count = len(text.split())
    entries = read_entries(generated, size)
    base = peak_mib()

    # (a) load + index: merge the entries, then force the exact, spelling and sound indexes
    started = cpu_clock()
    lexicon = Lexicon.from_entries(entries, name=f"scale-{size}")
    merged = cpu_clock()
    corrector = Corrector(lexicon)
    index = corrector.index_for("fr")
    exact = cpu_clock()
    spelling = index.spelling
    spelled = cpu_clock()
    sound = index.sound
    done = cpu_clock()
    lexicon_mib = peak_mib()

    # (b) engine words/s: the transcript once (caches cold for its spans), then the big text
    started_single = cpu_clock()
    corrector.correct(raw)
    single_s = cpu_clock() - started_single
    fresh = FRESH.read_text(encoding="utf-8")
    started_fresh = cpu_clock()
    corrector.correct(fresh)
    fresh_s = cpu_clock() - started_fresh
    started_engine, started_wall = cpu_clock(), time.perf_counter()
    result = corrector.correct(text)
    engine_s, engine_wall_s = cpu_clock() - started_engine, time.perf_counter() - started_wall
    # (c) peak memory of lexicon + indexes + one correction of the big text
    peak = peak_mib()

    stage_times = stage_breakdown(corrector, text) if stages else {}

    ft_build, ft_s, ft_replaced = flashtext_baseline(lexicon, text)
    rf_tokens, rf_s, rf_hits, token_count = rapidfuzz_baseline(lexicon, text, budget)
    words_per_token = word_count / token_count
    return SizeResult(
        size=len(lexicon), source=source, core=core, words=word_count, surfaces=len(index.surfaces),
        spelling_keys=len(spelling.keys), sound_keys=len(sound.keys),
        from_entries_s=merged - started, exact_index_s=exact - merged, spelling_index_s=spelled - exact,
        sound_index_s=done - spelled, load_index_s=done - started,
        single_wps=len(raw.split()) / single_s, fresh_wps=len(fresh.split()) / fresh_s,
        engine_s=engine_s, engine_wall_s=engine_wall_s, engine_wps=word_count / engine_s,
        lang=result.lang, edits=len(result.edits), candidates=len(result.candidates),
        base_mib=base, lexicon_mib=lexicon_mib, peak_mib=peak, stages=stage_times,
        flashtext_build_s=ft_build, flashtext_s=ft_s, flashtext_wps=word_count / ft_s,
        flashtext_replaced=ft_replaced, rapidfuzz_tokens=rf_tokens, rapidfuzz_s=rf_s,
        rapidfuzz_wps=rf_tokens / rf_s * words_per_token, rapidfuzz_hits=rf_hits,
    )


def stage_breakdown(corrector, source: str) -> dict:
    """CPU seconds spent in each step of one ``corrector.correct(source)`` call.

    The steps are timed by wrapping, for this one call, ``AnalyzedText.of``, the ``run`` method of
    each registered pass and the corrector's resolver; ``other`` is the rest of ``correct`` (edits,
    signature, ...). Work a pass triggers lazily (say, the job's mentions) counts in that pass.
    The phoneme cache is warm here (the timed ``correct`` call filled it).
    """
    from correction.analysis import AnalyzedText
    from correction.passes import PASSES

    times: dict[str, float] = {}

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            started = cpu_clock()
            try:
                return function(*args, **kwargs)
            finally:
                times[name] = times.get(name, 0.0) + cpu_clock() - started
        return wrapper

    original_of, original_runs, original_resolver = AnalyzedText.of, {}, corrector.resolver
    AnalyzedText.of = timed("AnalyzedText.of", original_of)  # a plain function on the class: called unbound
    for name, pass_class in PASSES.items():
        original_runs[name] = pass_class.run
        pass_class.run = timed(f"pass {name}", pass_class.run)
    corrector.resolver = timed("resolve", original_resolver)
    try:
        started = cpu_clock()
        corrector.correct(source)
        total = cpu_clock() - started
    finally:
        AnalyzedText.of = original_of
        for name, run in original_runs.items():
            PASSES[name].run = run
        corrector.resolver = original_resolver
    times["other"] = total - sum(times.values())
    return times


def flashtext_word_characters() -> set[str]:
    """ASCII word characters plus accented Latin letters (flashtext's default ends a word at "é")."""
    import string

    return set(string.ascii_letters + string.digits + "_") | {
        chr(code) for code in range(0x00C0, 0x0250) if chr(code).isalpha()}


def flashtext_baseline(lexicon, text: str) -> tuple[float, float, int]:
    """(d) Exact, case-insensitive replacement of every term and alias by its term, in one trie."""
    from flashtext import KeywordProcessor

    started = cpu_clock()
    processor = KeywordProcessor(case_sensitive=False)
    processor.set_non_word_boundaries(flashtext_word_characters())
    for entry in lexicon:
        for spelling in (entry.term, *entry.aliases):
            if spelling not in processor:
                processor.add_keyword(spelling, entry.term)
    built = cpu_clock()
    # line by line: flashtext grows its output with `+=`, which turns quadratic on a multi-MB string
    # (minutes for 1M words); no term spans a line break, so the result is the same
    "".join(processor.replace_keywords(line) for line in text.splitlines(keepends=True))
    elapsed = cpu_clock() - built
    # not timed: how many spans the replacement rewrote (found spellings that differ from their term)
    changed = sum(1 for term, start, end in processor.extract_keywords(text, span_info=True)
                  if text[start:end] != term)
    return built - started, elapsed, changed


def rapidfuzz_baseline(lexicon, text: str, budget: float) -> tuple[int, float, int, int]:
    """(e) ``process.extractOne(token, terms, fuzz.ratio, score_cutoff=80)`` per token, on the first
    tokens of the text until ``budget`` seconds are spent (at least RAPIDFUZZ_MIN_TOKENS tokens).

    Returns (tokens done, seconds, tokens matched, tokens in the whole text).
    """
    from rapidfuzz import fuzz, process

    from correction.text import TOKEN_PATTERN

    tokens = TOKEN_PATTERN.findall(text)
    terms = [entry.term for entry in lexicon]
    started = cpu_clock()
    done = hits = 0
    while done < len(tokens):
        for token in tokens[done : done + 100]:
            if process.extractOne(token, terms, scorer=fuzz.ratio, score_cutoff=80) is not None:
                hits += 1
        done = min(done + 100, len(tokens))
        if done >= RAPIDFUZZ_MIN_TOKENS and cpu_clock() - started > budget:
            break
    return done, cpu_clock() - started, hits, len(tokens)


# text length and the garbage collector, in a child process -------------------------------------
def sweep(size: int, lengths: list[int], generated: Path) -> list[dict]:
    """Engine words/s at ``size`` terms for several text lengths, with the garbage collector on and
    paused: a rate that falls with the length of the text points at work per live object (gc)."""
    pin_to_one_core()
    from correction import Corrector, Lexicon

    corrector = Corrector(Lexicon.from_entries(read_entries(generated, size)))
    corrector.correct(RAW.read_text(encoding="utf-8"))  # builds the index, fills the phoneme cache
    rows = []
    for words in lengths:
        text = big_text(words)
        row = {"words": len(text.split())}
        for paused in (False, True):
            gc.collect()
            if paused:
                gc.disable()
            started = cpu_clock()
            result = corrector.correct(text)
            row["paused" if paused else "on"] = row["words"] / (cpu_clock() - started)
            gc.enable()
            del result
        rows.append(row)
    return rows


# the profile, in a child process ------------------------------------------------------------------
def profile(size: int, words: int, generated: Path, profiler: str, out: Path) -> None:
    """Profile index build and ``correct`` at ``size`` terms on ``words`` words; write text to ``out``."""
    pin_to_one_core()
    import cProfile
    import pstats

    from correction import Corrector, Lexicon

    text = big_text(words)
    entries = read_entries(generated, size)
    lexicon = Lexicon.from_entries(entries, name=f"scale-{size}")
    corrector = Corrector(lexicon)
    report = io.StringIO()
    header = (f"{profiler} profile: {len(lexicon):,} terms, {len(text.split()):,} words, one core, "
              f"correction source {source_signature()}")

    def build() -> None:
        index = corrector.index_for("fr")
        index.spelling, index.sound

    raw = RAW.read_text(encoding="utf-8")
    sections = (
        ("index build (Corrector.index_for + .spelling + .sound)", build),
        (f"Corrector.correct on the 1x transcript ({len(raw.split()):,} words; phoneme cache cold for its spans)",
         lambda: corrector.correct(raw)),
        ("Corrector.correct on the big text (index built, phoneme cache warm from the 1x transcript)",
         lambda: corrector.correct(text)),
    )
    for title, call in sections:
        started, started_cpu = time.perf_counter(), cpu_clock()
        if profiler == "cprofile":
            profiler_run = cProfile.Profile()
            profiler_run.runcall(call)
            elapsed, cpu = time.perf_counter() - started, cpu_clock() - started_cpu
            print(f"=== {header}: {title}: {elapsed:.2f} s wall, {cpu:.2f} s CPU under the profiler ===\n",
                  file=report)
            stats = pstats.Stats(profiler_run, stream=report).strip_dirs()
            for order, count in (("cumulative", 45), ("tottime", 30)):
                print(f"--- top {count} by {order} ---", file=report)
                stats.sort_stats(order).print_stats(count)
        else:
            from pyinstrument import Profiler

            profiler_run = Profiler(interval=0.001)
            profiler_run.start()
            call()
            profiler_run.stop()
            elapsed, cpu = time.perf_counter() - started, cpu_clock() - started_cpu
            print(f"=== {header}: {title}: {elapsed:.2f} s wall, {cpu:.2f} s CPU under the profiler ===\n",
                  file=report)
            print(profiler_run.output_text(unicode=True, color=False, show_all=False), file=report)

    if profiler == "cprofile":
        # The garbage collector's share: cProfile does not see it. Same call with gc paused.
        timings = []
        for paused in (False, True):
            if paused:
                gc.disable()
            started = cpu_clock()
            corrector.correct(text)  # the index is built and kept: only the correction is timed
            timings.append(cpu_clock() - started)
            gc.enable()
        print(f"=== garbage collector: correct() {timings[0]:.2f} s with gc on, {timings[1]:.2f} s with gc "
              f"paused ({1 - timings[1] / timings[0]:.0%} of the time in collections) ===\n", file=report)
    out.write_text(report.getvalue(), encoding="utf-8")


# the parent: run the children, print the tables ---------------------------------------------------
def run_child(args: list[str]) -> None:
    completed = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], cwd=HERE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"scale.py: child {' '.join(args)} failed with exit code {completed.returncode}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=FULL_WORDS, help="words of text (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_WORDS:,} words instead of --words")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="lexicon sizes (default: %(default)s)")
    parser.add_argument("--rapidfuzz-budget", type=float, default=RAPIDFUZZ_BUDGET_S,
                        help="seconds of the rapidfuzz baseline per size (default: %(default)s)")
    parser.add_argument("--no-stages", action="store_true", help="skip the step-by-step timing of correct")
    parser.add_argument("--no-sweep", action="store_true",
                        help="skip words/s against text length (gc on and paused) at the smallest size")
    parser.add_argument("--no-profile", action="store_true", help="skip the profile at the largest size")
    parser.add_argument("--profile-words", type=int, default=PROFILE_WORDS, help="words of the profiled text")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder of scale.md and scale-profile.txt")
    # internal: one size (or one profile) in a child process
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--profiler", choices=("cprofile", "pyinstrument"), help=argparse.SUPPRESS)
    parser.add_argument("--generated", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sweep", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    words = QUICK_WORDS if args.quick else args.words
    warnings.simplefilter("ignore")  # LexiconWarning etc.: not what is measured here
    if args.child is not None and args.profiler:
        profile(args.child, args.profile_words, args.generated, args.profiler, args.json)
        return
    if args.child is not None and args.sweep:
        rows = sweep(args.child, [int(words) for words in args.sweep.split(",")], args.generated)
        args.json.write_text(json.dumps(rows), encoding="utf-8")
        return
    if args.child is not None:
        result = measure(args.child, words, args.generated, args.rapidfuzz_budget, not args.no_stages)
        args.json.write_text(json.dumps(asdict(result)), encoding="utf-8")
        return

    sizes = sorted(int(size) for size in args.sizes.split(","))
    started = time.perf_counter()
    results: dict[int, SizeResult] = {}
    with tempfile.TemporaryDirectory() as scratch:
        generated = Path(scratch) / "generated.jsonl"
        print(f"generating {max(sizes):,} lexicon entries with Faker...", file=sys.stderr)
        write_generated(generated, max(sizes))
        for size in sizes:
            print(f"measuring {size:,} terms on {words:,} words...", file=sys.stderr)
            out = Path(scratch) / f"{size}.json"
            child = ["--child", str(size), "--words", str(words), "--generated", str(generated), "--json", str(out),
                     "--rapidfuzz-budget", str(args.rapidfuzz_budget)] + (["--no-stages"] if args.no_stages else [])
            run_child(child)
            values = json.loads(out.read_text(encoding="utf-8"))
            results[size] = SizeResult(**{field.name: values[field.name] for field in fields(SizeResult)})
            r = results[size]
            print(f"  load+index {r.load_index_s:.2f} s, {r.engine_wps:,.0f} words/s, peak {r.peak_mib:,.0f} MiB",
                  file=sys.stderr)
        sweep_rows: list[dict] = []
        if not args.no_sweep:
            lengths = sorted({max(words // 10, 1), max(words * 3 // 10, 1), words})
            print(f"words/s against text length at {min(sizes):,} terms: {lengths}...", file=sys.stderr)
            out = Path(scratch) / "sweep.json"
            run_child(["--child", str(min(sizes)), "--sweep", ",".join(map(str, lengths)),
                       "--generated", str(generated), "--json", str(out)])
            sweep_rows = json.loads(out.read_text(encoding="utf-8"))
        texts = Texts(len(RAW.read_text(encoding="utf-8").split()), len(FRESH.read_text(encoding="utf-8").split()))
        text = report(results, words, args.rapidfuzz_budget, time.perf_counter() - started, texts)
        text += sweep_report(min(sizes), sweep_rows)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "scale.md").write_text(text, encoding="utf-8")
        print(text)
        if not args.no_profile:
            import importlib.util

            profilers = ["cprofile"]
            if importlib.util.find_spec("pyinstrument"):
                profilers.append("pyinstrument")
            else:
                print("pyinstrument is not installed: cProfile only", file=sys.stderr)
            parts = []
            for profiler in profilers:
                print(f"profiling {max(sizes):,} terms on {args.profile_words:,} words with {profiler}...",
                      file=sys.stderr)
                out = Path(scratch) / f"profile-{profiler}.txt"
                run_child(["--child", str(max(sizes)), "--profiler", profiler, "--profile-words",
                           str(args.profile_words), "--generated", str(generated), "--json", str(out)])
                parts.append(out.read_text(encoding="utf-8"))
            (args.out / "scale-profile.txt").write_text("\n\n".join(parts), encoding="utf-8")
            print(f"profile written to {args.out / 'scale-profile.txt'}", file=sys.stderr)


if __name__ == "__main__":
    main()
