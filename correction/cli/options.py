"""Options shared by several commands, as decorators (one definition, one help text)."""

from __future__ import annotations

import click

lexicon_option = click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Lexicon file (.txt list, or .csv/.tsv table). Repeat to merge several. "
    "Default: the shipped AI/tech lexicon.",
)
