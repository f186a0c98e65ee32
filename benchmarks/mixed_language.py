"""False fires where a transcript switches language: the other language's ordinary speech put
between the lines of the asr-loop sets.

    python benchmarks/mixed_language.py [--decision rules|model|both]

A French podcast quotes English, an English one French: every word of such a passage is foreign to
the transcript's language, and names heard in pieces are made of foreign words. Each asr-loop
spliced transcript (both splits, each name heard right one time in three, its canonical-only
lexicon) gets a line of the other language's ordinary speech (benchmarks/data/ordinary, its real
parts, each line once, until they run out) after each of its own lines, and is corrected whole in
its own language: an edit on an inserted line is a false fire. Also counted: edits on the set's own
lines that differ from those of the transcript corrected alone (the inserted speech is context
too). Prints Markdown; run with both decisions, writes benchmarks/results/mixed-language.md.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import loop_sets  # noqa: E402
from benchmarks.decision_quality import DATA, MEASURED_ORDINARY_LINES, RESULTS  # noqa: E402
from correction import Corrector, __version__  # noqa: E402
from correction.decision.training import interleaved, partly_heard_right  # noqa: E402
from correction.wordfreqs import OTHER_LANGUAGE as OTHER  # noqa: E402


def ordinary_lines(lang: str) -> list[str]:
    lines = (DATA / "ordinary" / f"{lang}.txt").read_text(encoding="utf-8").split("\n")
    return [line for line in lines[: MEASURED_ORDINARY_LINES[lang]] if line.strip()]


def row(lang: str, decision: str) -> str:
    pool = ordinary_lines(OTHER[lang])
    words = fires = changed = 0
    for loop_set in loop_sets(kind="spliced", lang=lang):
        corrector = Corrector(loop_set.lexicon(), decision=decision, lang=lang)
        for transcript in partly_heard_right(loop_set.dataset()).transcripts():
            mixed, inserted = interleaved(transcript.raw.split("\n"), pool)
            words += sum(len(mixed[at].split()) for at in inserted)
            own = set()
            for edit in corrector.correct("\n".join(mixed)).edits:
                if edit.line - 1 in inserted:
                    fires += 1
                else:  # back to the line's number in the transcript alone
                    own.add((edit.line - sum(at < edit.line - 1 for at in inserted), edit.original, edit.replacement))
            alone = {(edit.line, edit.original, edit.replacement) for edit in corrector.correct(transcript.raw).edits}
            changed += len(own ^ alone)
    rate = 10_000 * fires / words if words else 0.0
    return f"| {lang} | {OTHER[lang]}, {words:,} words | {decision} | {fires} | {rate:.1f} | {changed} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--decision", choices=("rules", "model", "both"), default="both")
    args = parser.parse_args(argv)
    decisions = ["rules", "model"] if args.decision == "both" else [args.decision]
    lines = [f"Measured {datetime.date.today()} by `python benchmarks/mixed_language.py` (correction {__version__}).",
             "", "| transcripts | lines put in | decision | edits on them | per 10,000 words | own-line edits changed |",
             "|---|---|---|---|---|---|"]
    for lang in ("fr", "en"):
        for decision in decisions:
            lines.append(row(lang, decision))
            print(lines[-1], file=sys.stderr, flush=True)
    text = "\n".join(lines)
    print(text)
    if args.decision == "both":
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "mixed-language.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
