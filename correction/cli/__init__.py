"""The ``correction`` command group.

Sub-commands live one per module in this package and are imported only when run, so that
``correction --help`` stays fast (pandas, espeak-ng and wordfreq load only where needed).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from .. import __version__
from ..errors import CorrectionError

# No command multiplies large matrices, so OpenBLAS's thread pool (started when numpy loads) only
# costs: a twentieth of a second at every start, and threads that compete with --jobs workers.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# name -> (module, attribute, one-line help). The help is here so `--help` needs no import.
COMMANDS = {
    "correct": ("correction.cli.correct", "correct", "Correct misheard domain terms in a transcript."),
    "score": ("correction.cli.score", "score", "Score a transcript (WER, B-WER) or edits (P/R/F1) against a reference."),
    "bench": ("correction.cli.bench", "bench", "Per-pass benchmark table on dev sets."),
    "review": ("correction.cli.review", "review", "Show proposed fixes as a diff; accept or reject them."),
    "apply": ("correction.cli.apply", "apply", "Apply the accepted fixes of a decisions file."),
    "lexicon": ("correction.cli.lexicon", "lexicon", "Check, extract or learn lexicons."),
    "serve": ("correction.cli.serve", "serve", "Run the correction service over HTTP (review in the browser)."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CorrectionError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="correction")
def main() -> None:
    """Repair misheard names in ASR transcripts with a domain lexicon.

    \b
    Examples:
      correction correct talk.txt -o talk.fixed.txt --edits talk.edits.jsonl
      correction correct talk.srt --lexicon episode.csv
      correction score reference.txt talk.fixed.txt --lexicon episode.csv
    """
