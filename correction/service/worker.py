"""What a worker process runs: one transcript corrected exactly as ``correction correct`` does.

Workers read lexicon versions from the database themselves (read-only) and keep one
:class:`~correction.engine.Corrector` per lexicon version and settings, so a version's index is
built once per worker and shared by every job that uses it. A task and its outcome are plain
picklable records; a bad input comes back as ``Outcome.error`` (the CLI's one-line message),
never as an exception (the library's errors do not survive pickling).
"""

from __future__ import annotations

import sqlite3
import warnings
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..edits import text_sha256, write_edits_jsonl
from ..errors import CorrectionError
from ..formats import read_document
from ..lexicon import Lexicon, parse_entries
from .store import JobOptions

DEFAULT_LEXICON = "default"
"""The name of the shipped lexicon in the service: always there, read-only, version 1."""


@dataclass(frozen=True)
class Task:
    """One transcript to correct."""

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


class _Worker:
    """The state of one worker process: where the database is, and which indexes it has built
    (``(options, lang)``; the correctors themselves are cached by :func:`_corrector`)."""

    database: Path | None = None
    built: set[tuple[JobOptions, str]] = set()


def init_worker(database: str) -> None:
    """Process pool initializer: remember where lexicon versions are read from."""
    _Worker.database = Path(database)


def warm_up(options: JobOptions = JobOptions()) -> int:
    """Load the default lexicon and build its indexes before the first request needs them."""
    corrector = _corrector(options)
    new = [lang for lang in ("fr", "en") if (options, lang) not in _Worker.built]
    for lang in new:
        corrector.index_for(lang)
        _Worker.built.add((options, lang))
    return len(new)


def run_task(task: Task) -> Outcome:
    """Correct ``task`` as ``correct INPUT --edits LOG`` would: the rendered output and the log."""
    try:
        corrector = _corrector(task.options)
        document = read_document(task.source, task.input_name, task.format)
        result = corrector.correct(document.text)
        built = (task.options, result.lang) not in _Worker.built
        _Worker.built.add((task.options, result.lang))
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
def _corrector(options: JobOptions):
    from ..engine import Corrector

    lang = None if options.lang == "auto" else options.lang
    return Corrector(_lexicon(options.lexicons), passes=options.passes, min_score=options.min_score, lang=lang)


def _lexicon(versions: tuple[tuple[str, int], ...]) -> Lexicon:
    """The merged lexicon of ``versions`` (as ``--lexicon A --lexicon B`` merges files)."""
    with warnings.catch_warnings():  # contradictions are reported by GET /v1/lexicons/{name}
        warnings.simplefilter("ignore")
        if not versions or versions == ((DEFAULT_LEXICON, 1),):
            return Lexicon.load()
        entries = []
        for name, version in versions:
            entries += lexicon_entries(name, version)
        return Lexicon.from_entries(entries, name="+".join(f"{name}@v{version}" for name, version in versions))


def lexicon_entries(name: str, version: int):
    """The entries of a stored lexicon version (the default lexicon's from the package)."""
    if name == DEFAULT_LEXICON:
        from ..lexicon import default_lexicon_path, read_entries

        return read_entries(default_lexicon_path())
    if _Worker.database is None:
        raise RuntimeError("init_worker was not called")
    with closing(sqlite3.connect(_Worker.database, timeout=30)) as connection:
        row = connection.execute("SELECT filename, content FROM lexicons WHERE name = ? AND version = ?",
                                 (name, version)).fetchone()
    if row is None:
        raise CorrectionError(f"{name}@v{version}", "this lexicon version was deleted")
    return parse_entries(row[1], row[0])
