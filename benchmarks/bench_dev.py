"""Run `correction bench` on the bundled dev set and write the report next to this script.

Usage: python benchmarks/bench_dev.py [extra options of `correction bench`, e.g. --repeat 5]
Writes benchmarks/results/bench.md, bench.csv and bench.png; prints the Markdown table.
"""

from __future__ import annotations

import sys
from pathlib import Path

from correction.cli import main

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    main(["bench", str(HERE / "data" / "seed"), "--out", str(HERE / "results"), *sys.argv[1:]],
         prog_name="correction")
