"""Lexicons as the service keeps them: named, versioned uploads, and the shipped default.

The default lexicon is not stored: it is ``default``, version 1, read from the package. An
upload is parsed exactly as ``--lexicon FILE`` would read a file of the same name.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from ..lexicon import Entry, Lexicon, default_lexicon_path, parse_entries, with_terms
from ..lexicon_tools.check import check_entries
from .store import LexiconVersion, now
from .worker import DEFAULT_LEXICON


@lru_cache(maxsize=1)
def default_version() -> LexiconVersion:
    """The shipped lexicon, as a stored version (read once: it is part of the installed package)."""
    path = default_lexicon_path()
    content = path.read_text(encoding="utf-8")
    entries = parse_entries(content, path.name)
    return LexiconVersion(DEFAULT_LEXICON, 1, path.name, content, len(entries), _sha256(entries), now())


def parse(content: str, filename: str) -> tuple[list[Entry], str]:
    """The rows of an uploaded lexicon and its content hash; bad rows raise LexiconError (file:line)."""
    entries = with_terms(parse_entries(content, filename), filename)
    return entries, _sha256(entries)


def entries_of(version: LexiconVersion) -> list[Entry]:
    return parse_entries(version.content, version.filename)


def warnings_of(entries: list[Entry]) -> list[str]:
    """What `correction lexicon check` reports about these rows, one line each."""
    return [str(problem) for problem in check_entries(entries).problems]


def _sha256(entries: list[Entry]) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Lexicon.from_entries(entries).sha256
