"""Quality of `correct` against the targets of the engine issue, in one table.

* the bundled dev set (a French podcast) with a canonical-only lexicon (the gold's entity names,
  no aliases or sound-alikes) and with the shipped default lexicon: gold edits fixed, proposed
  edits right, trap spans and already-correct names touched, WER before and after;
* the hand-written probe sets (benchmarks/data/probes-en, probes-fr: other domains, other
  mishearings) with their canonical-only lexicons, as written and in lower case; the dev set in
  lower case too;
* false fires: edits proposed by the default lexicon on ordinary French and English speech that
  names no domain term (benchmarks/data/ordinary), per 10,000 words.

Run: python benchmarks/quality.py   (about 10 s; prints Markdown)
"""

from __future__ import annotations

import datetime
import platform
import sys
import time
from pathlib import Path

import jiwer

from correction import Corrector, Lexicon, __version__
from correction.bench.dataset import Dataset, load_dataset
from correction.scoring.edits import EditScore, score_edits

DATA = Path(__file__).resolve().parent / "data"
TARGETS = {"canonical": (0.85, 0.95), "default": (0.95, 0.98)}


def measure(dataset: Dataset, corrector: Corrector, transform=str,
            fold_case: bool = False) -> tuple[EditScore, float, float]:
    """Correct ``dataset``'s raw transcript (through ``transform``, e.g. lower-cased, its gold with
    it) and score the edits; WER before and after, on lower-cased text when ``fold_case``."""
    raw = transform(dataset.raw)
    result = corrector.correct(raw)
    gold = [span.rewritten(transform) for span in dataset.gold]
    score = score_edits(gold, result.edits, list(dataset.traps), list(dataset.correct))
    as_scored = str.lower if fold_case else str
    reference = as_scored(dataset.reference)
    return score, jiwer.wer(reference, as_scored(raw)), jiwer.wer(reference, as_scored(result.text))


def dev_rows(folder: Path) -> list[str]:
    dataset = load_dataset(folder)
    rows = []
    for name, lexicon in (("canonical", dataset.canonical_lexicon()), ("default", Lexicon.load())):
        score, raw_wer, wer = measure(dataset, Corrector(lexicon))
        fixed_target, right_target = TARGETS[name]
        rows.append(
            f"| {name} ({len(lexicon)} terms) | {score.fixed}/{score.gold} = {score.recall:.1%} (≥ {fixed_target:.0%}) "
            f"| {score.right}/{score.predicted} = {score.precision:.1%} (≥ {right_target:.0%}) "
            f"| {len(score.traps_touched)}/{score.traps} | {len(score.correct_touched)}/{score.correct} "
            f"| {raw_wer:.4f} → {wer:.4f} ({wer / raw_wer:.1%} of raw, ≤ 15%) |"
        )
    return rows


def probe_rows(names: list[str], default_too: bool = False) -> list[str]:
    """Data sets with their canonical lexicons (and the default one), as written and lower-cased (a
    recogniser without casing, whose fixes are written in lower case too); WER on lower-cased text."""
    rows = []
    for name in names:
        dataset = load_dataset(DATA / name)
        lexicons = [("canonical", dataset.canonical_lexicon())] + [("default", Lexicon.load())] * default_too
        for lexicon_name, lexicon in lexicons:
            corrector = Corrector(lexicon)
            for casing, transform in {"": str, ", lower case": str.lower}.items():
                score, raw_wer, wer = measure(dataset, corrector, transform, fold_case=True)
                rows.append(
                    f"| {dataset.name}{casing}, {lexicon_name} ({len(lexicon)} terms) | {score.fixed}/{score.gold} = "
                    f"{score.recall:.1%} | {score.right}/{score.predicted} = {score.precision:.1%} "
                    f"| {len(score.traps_touched)}/{score.traps} | {len(score.correct_touched)}/{score.correct} "
                    f"| {raw_wer:.4f} → {wer:.4f} |")
    return rows


def canonical_of_all_sets() -> Lexicon:
    """Every data set's canonical names in one plain list (76 people, firms and products of three
    domains): the kind of lexicon held-out transcripts are corrected with."""
    names = {name for path in sorted(DATA.glob("*/edits.jsonl")) for name in load_dataset(path.parent).entities()}
    return Lexicon.from_terms(sorted(names), name="canonical-all")


def false_fire_rows(lexicon: Lexicon) -> list[str]:
    corrector = Corrector(lexicon)
    rows = []
    # Recognisers differ in casing: the same speech as written, in lower case and in capitals.
    casings = {"": str, ", lower case": str.lower, ", capitals": str.upper}
    for path in sorted((DATA / "ordinary").glob("*.txt")):
        for casing, transform in casings.items():
            text = transform(path.read_text(encoding="utf-8"))
            words = len(text.split())
            started = time.perf_counter()
            edits = corrector.correct(text).edits
            elapsed = time.perf_counter() - started
            shown = "; ".join(f"{e.original!r}→{e.replacement!r}" for e in edits[:5])
            rows.append(f"| {path.stem}{casing} | {words:,} | {len(edits)} | {len(edits) / words * 10_000:.2f} (≤ 1) "
                        f"| {words / elapsed:,.0f} | {shown} |")
    return rows


def main() -> None:
    print(f"Measured {datetime.date.today()} with correction {__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}.\n")
    print("Dev set (benchmarks/data/seed, 39 gold edits, 40 traps, 98 correct names):\n")
    print("| lexicon | gold edits fixed | proposed edits right | traps touched | correct names touched | WER raw → corrected |")
    print("|---|---|---|---|---|---|")
    print("\n".join(dev_rows(DATA / "seed")))
    print("\nProbe sets written by hand (benchmarks/data/probes-*; see their README), canonical lexicons:\n")
    print("| probe set | gold edits fixed | proposed edits right | traps touched | correct names touched | WER raw → corrected |")
    print("|---|---|---|---|---|---|")
    print("\n".join(probe_rows(sorted(path.name for path in DATA.glob("probes-*")))))
    print("\nThe dev set as written and in lower case (a recogniser without casing); WER on lower-cased text:\n")
    print("| data set | gold edits fixed | proposed edits right | traps touched | correct names touched | WER raw → corrected |")
    print("|---|---|---|---|---|---|")
    print("\n".join(probe_rows(["seed"], default_too=True)))
    for lexicon in (Lexicon.load(), canonical_of_all_sets()):
        print(f"\nFalse fires of the {lexicon.name} lexicon ({len(lexicon)} terms) on ordinary speech "
              "(benchmarks/data/ordinary):\n")
        print("| corpus | words | edits | per 10,000 words | words/s | edits |")
        print("|---|---|---|---|---|---|")
        print("\n".join(false_fire_rows(lexicon)))


if __name__ == "__main__":
    sys.exit(main())
