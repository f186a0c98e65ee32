"""``correction bench``: the per-pass benchmark table on data sets (logic in :mod:`correction.bench`)."""

from __future__ import annotations

import click

from ..scoring.normalize import NORMALIZERS
from .options import lexicon_option

# The registry's names plus "auto" (the runner's AUTO; importing the runner here would load the
# engine just to show --help).
NORMALIZE_CHOICES = ["auto", *NORMALIZERS]


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("dataset_dirs", metavar="[DATASET_DIR]...", nargs=-1, type=click.Path())
@lexicon_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="benchmarks/results", show_default=True,
              help="Folder for bench.md, bench.csv and bench.png (created if missing; files replaced).")
@click.option("--normalize", type=click.Choice(NORMALIZE_CHOICES), default="auto", show_default=True,
              help="Normalisation of reference and output before WER. auto: fr or en, the language the "
                   "engine detects in each data set.")
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="Timed runs per row after the warm-up; the fastest one gives words/s.")
def bench(dataset_dirs, lexicons, out_dir, normalize, repeat):
    """Per-pass benchmark table on dev sets: WER, CER, B-WER, U-WER, edit P/R/F1, traps, speed.

    For each DATASET_DIR (a folder with raw.txt, reference.txt, edits.jsonl, and optionally
    traps.jsonl, correct.jsonl and episodes.jsonl, whose transcripts are then corrected each on
    its own; default: the bundled dev set benchmarks/data/seed), rows are the raw transcript, the engine with its passes added one at a time (+exact, +fuzzy,
    +phonetic, +context) and two baselines (flashtext exact replacement, rapidfuzz ratio >= 80
    per token). Each row is measured with two lexicons: the data set's canonical terms only,
    and the shipped default lexicon (or --lexicon). With several data sets, a total sums the
    counts. The Markdown report goes to stdout; the Markdown, a CSV and a PNG chart to --out.

    \b
    Examples:
      correction bench                                  # the bundled dev set
      correction bench benchmarks/data/seed --out /tmp/bench
      correction bench set1/ set2/ --lexicon episode.csv --repeat 5
      correction bench --normalize basic > table.md
    """
    from pathlib import Path

    from tqdm import tqdm

    from ..bench.dataset import default_dataset_dir, load_dataset
    from ..bench.report import render_markdown, write_report
    from ..bench.runner import CANONICAL, LexiconSetting, run_bench, steps
    from .options import load_lexicon

    # Every data set is read and checked before anything runs: bad input fails fast.
    datasets = [load_dataset(path) for path in (dataset_dirs or (default_dataset_dir(),))]
    lexicon = load_lexicon(lexicons)
    settings = [CANONICAL, LexiconSetting(lexicon.name, lexicon)]
    with tqdm(total=steps(datasets, settings), desc="bench", unit="row", disable=None, leave=False) as bar:
        def progress(label: str) -> None:
            bar.set_postfix_str(label, refresh=False)
            bar.update(1)

        result = run_bench(datasets, settings, normalize=normalize, repeat=repeat, progress=progress)
    written = write_report(result, Path(out_dir))
    click.echo(render_markdown(result), nl=False)
    click.echo("wrote " + ", ".join(str(path) for path in written), err=True)
