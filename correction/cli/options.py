"""Options shared by several commands, as decorators (one definition, one help text)."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from ..lexicon import Lexicon

LEXICON_HELP = ("Lexicon file (.txt list, or .csv/.tsv table). Repeat to merge several. "
                "Default: the shipped AI/tech lexicon.")


def lexicon_option_with(help: str):
    """The repeatable ``--lexicon PATH`` option (into ``lexicons``), with a command's own help text."""
    return click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False), help=help)


lexicon_option = lexicon_option_with(LEXICON_HELP)

def load_lexicon(paths: tuple[str, ...]) -> Lexicon:
    """Load (or default) the lexicon; contradictions go to stderr as warnings, one line each."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lexicon = Lexicon.load(*paths)
    for note in lexicon.warnings:
        click.echo(f"warning: {note}", err=True)
    return lexicon


def same_file(first: str, second: str) -> bool:
    return Path(first).resolve() == Path(second).resolve()
