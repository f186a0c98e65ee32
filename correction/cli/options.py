"""Options shared by several commands, as decorators (one definition, one help text)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..lexicon import Lexicon

if TYPE_CHECKING:
    from ..cache import IndexCache

LEXICON_HELP = ("Lexicon file (.txt list, or .csv/.tsv table). Repeat to merge several. "
                "Default: the shipped AI/tech lexicon.")


def lexicon_option_with(help: str):
    """The repeatable ``--lexicon PATH`` option (into ``lexicons``), with a command's own help text."""
    return click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False), help=help)


lexicon_option = lexicon_option_with(LEXICON_HELP)

def cache_options(command):
    """``--cache DIR`` and ``--no-cache`` (into ``cache_dir`` and ``no_cache``)."""
    command = click.option("--no-cache", is_flag=True,
                           help="Build the lexicon's index in memory; read and write no cache.")(command)
    return click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
                        help="Cache folder for parsed lexicons and their indexes. Default: $CORRECTION_CACHE_DIR, "
                             "else the user cache folder (~/.cache/correction on Linux).")(command)


def open_cache(cache_dir: str | None, no_cache: bool) -> "IndexCache | None":
    """The cache the options ask for, or None with ``--no-cache``; word frequencies are read from
    the table stored in it (or, without one, from wordfreq)."""
    from .. import wordfreqs

    if no_cache:
        wordfreqs.use_table(None)
        return None
    from ..cache import IndexCache, default_cache_dir

    cache = IndexCache(Path(cache_dir) if cache_dir else default_cache_dir())
    wordfreqs.use_table(cache.directory)
    return cache


def load_lexicon(paths: tuple[str, ...], cache: "IndexCache | None" = None) -> Lexicon:
    """Load (or default) the lexicon, through ``cache`` if given; contradictions go to stderr as
    warnings, one line each."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lexicon = cache.lexicon(*paths) if cache is not None else Lexicon.load(*paths)
    for note in lexicon.warnings:
        click.echo(f"warning: {note}", err=True)
    return lexicon


def same_file(first: str, second: str) -> bool:
    return Path(first).resolve() == Path(second).resolve()
