"""What a worker process runs: one transcript corrected exactly as ``correction correct`` does.

Workers read lexicon versions from the database themselves (read-only) and keep one
:class:`~correction.engine.Corrector` per lexicon version and settings, so a version's index is
built once per worker and shared by every job that uses it (versions are never changed nor
their numbers reused, so a version is a safe cache key). A task and its outcome are plain
picklable records; a bad input comes back as ``Outcome.error`` (the CLI's one-line message),
never as an exception (the library's errors do not survive pickling).
"""

from __future__ import annotations

import sqlite3
import warnings
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache

from ..edits import text_sha256, write_edits_jsonl
from ..errors import CorrectionError
from ..formats import read_document
from ..lexicon import Lexicon, default_lexicon_path, parse_entries, read_entries
from .store import JobOptions

DEFAULT_LEXICON = "default"
"""The name of the shipped lexicon in the service: always there, read-only, version 1."""


@dataclass(frozen=True)
class Task:
    """One transcript to correct; ``database`` holds the lexicon versions its options name."""

    database: str
    job_id: str
    input_name: str
    format: str
    source: str
    options: JobOptions


@dataclass(frozen=True)
class Outcome:
    """The corrected transcript (its own format), the edit log, or the one-line error."""

    job_id: str
    result: str = ""
    edits: str = ""
    edit_count: int = 0
    signature: str = ""
    index_builds: int = 0  # indexes this task had to build (0 when the worker had it already)
    error: str | None = None


class _Built:
    """The indexes this worker process has built, as ``(source, options, lang)``, for the
    metrics (the correctors that hold them are cached by :func:`_corrector`)."""

    keys: set[tuple[str, JobOptions, str]] = set()


WARM_UP = {"fr": "Le PDG d'OpenEye a parlé hier soir.", "en": "The CEO of OpenEye spoke last night."}


def warm_up(database: str, options: JobOptions) -> int:
    """Build the default lexicon's indexes, and load what the engine loads on its first call
    (word frequencies, espeak-ng), before the first request needs them."""
    source = _source(database, options)
    corrector = _corrector(source, options)
    new = [lang for lang in WARM_UP if (source, options, lang) not in _Built.keys]
    for lang in new:
        corrector.index_for(lang)
        corrector.correct(WARM_UP[lang])
        _Built.keys.add((source, options, lang))
    return len(new)


def _source(database: str, options: JobOptions) -> str | None:
    """Where the options' lexicons are read from: the database, or (the shipped lexicon alone)
    nowhere, so that every service in a process shares that corrector."""
    return None if all(name == DEFAULT_LEXICON for name, _ in options.lexicons) else database


def run_task(task: Task) -> Outcome:
    """Correct ``task`` as ``correct INPUT --edits LOG`` would: the rendered output and the log."""
    try:
        source = _source(task.database, task.options)
        corrector = _corrector(source, task.options)
        document = read_document(task.source, task.input_name, task.format)
        result = corrector.correct(document.text)
        key = (source, task.options, result.lang)
        built = key not in _Built.keys
        _Built.keys.add(key)
        return Outcome(
            job_id=task.job_id,
            result=document.render(result.edits),
            edits=write_edits_jsonl(result.edits, text_sha256(document.source)),
            edit_count=len(result.edits),
            signature=result.signature,
            index_builds=int(built),
        )
    except CorrectionError as error:
        return Outcome(job_id=task.job_id, error=str(error))


@lru_cache(maxsize=16)
def _corrector(database: str | None, options: JobOptions):
    from ..engine import Corrector

    lang = None if options.lang == "auto" else options.lang
    return Corrector(_lexicon(database, options.lexicons), passes=options.passes, min_score=options.min_score,
                     lang=lang)


def _lexicon(database: str | None, versions: tuple[tuple[str, int], ...]) -> Lexicon:
    """The merged lexicon of ``versions`` (as ``--lexicon A --lexicon B`` merges files)."""
    with warnings.catch_warnings():  # contradictions are reported by GET /v1/lexicons/{name}
        warnings.simplefilter("ignore")
        if versions == ((DEFAULT_LEXICON, 1),):
            return Lexicon.load()
        entries = []
        for name, version in versions:
            entries += _entries(database, name, version)
        return Lexicon.from_entries(entries, name="+".join(f"{name}@v{version}" for name, version in versions))


def _entries(database: str | None, name: str, version: int):
    """The entries of a stored lexicon version (read even if deleted since the job was made)."""
    if name == DEFAULT_LEXICON:
        return read_entries(default_lexicon_path())
    with closing(sqlite3.connect(database, timeout=30)) as connection:
        row = connection.execute("SELECT filename, content FROM lexicons WHERE name = ? AND version = ?",
                                 (name, version)).fetchone()
    if row is None:
        raise CorrectionError(f"{name}@v{version}", "no such lexicon version")
    return parse_entries(row[1], row[0])
