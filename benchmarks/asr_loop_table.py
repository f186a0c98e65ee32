"""How hard each asr-loop data set is: its size, how many names were misheard, and what the naive
baselines (flashtext, rapidfuzz) and the engine make of it, with each set's canonical-only lexicon.

Run: python benchmarks/asr_loop_table.py [--kind spliced|whole]   (prints Markdown; about a minute)

Columns: sentences naming an entity, names in them, the share heard wrong (gold edits), name-free
sentences (traps: any edit there is a false fire), then per system: gold edits fixed (recall),
proposed edits right (precision), and false fires per 10,000 words of the name-free sentences.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.asr_loop.sets import false_fires, loop_sets, name_free_lines  # noqa: E402
from correction import __version__  # noqa: E402
from correction.bench.systems import SYSTEMS, run_by_transcript  # noqa: E402
from correction.scoring.edits import score_edits  # noqa: E402

ROWS = ("flashtext", "rapidfuzz", "+context")


def row(loop_set) -> str:
    dataset = loop_set.dataset()
    lexicon = loop_set.lexicon()
    names = len(dataset.gold) + len(dataset.correct)
    free = len(name_free_lines(dataset))
    sentences = sum(1 for line in dataset.raw_lines if line.strip()) - free
    cells = [loop_set.kind, loop_set.lang, loop_set.domain, loop_set.split, str(sentences), str(names),
             f"{len(dataset.gold) / names:.0%}" if names else "–", str(len(dataset.gold)), str(free)]
    transcripts = dataset.transcripts()
    for system in ROWS:
        output = run_by_transcript(SYSTEMS[system](lexicon), transcripts)
        score = score_edits(list(dataset.gold), output.edits, list(dataset.traps), list(dataset.correct))
        fires, words = false_fires(dataset, output.edits)
        precision = f"{score.precision:.0%}" if score.predicted else "–"
        cells.append(f"{score.recall:.0%} / {precision} / {10_000 * fires / words:.1f}" if words else
                     f"{score.recall:.0%} / {precision} / –")
    return "| " + " | ".join(cells) + " |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", choices=("spliced", "whole"))
    parser.add_argument("--lang", choices=("fr", "en"))
    args = parser.parse_args(argv)
    sets = loop_sets(kind=args.kind, lang=args.lang)
    print(f"asr-loop sets, {datetime.date.today()}, correction {__version__}; per system: "
          "recall / precision / false fires per 10,000 words of name-free sentences\n")
    print("| kind | lang | domain | split | sentences | names | misheard | gold edits | name-free | "
          + " | ".join(ROWS) + " |")
    print("|---" * (9 + len(ROWS)) + "|")
    for loop_set in sets:
        print(row(loop_set), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
