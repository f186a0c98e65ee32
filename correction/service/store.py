"""The service's SQLite database: tokens, lexicon versions, jobs, batches and decisions.

One file in the data folder, in WAL mode so that readers never wait for the writer. Each
request opens its own short-lived :class:`Store` (a connection); rows come back as frozen
dataclasses. A job is committed before the request that made it is answered, and keeps its
input, settings, result and decisions, so a restarted service finds everything again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lexicons (
    name TEXT NOT NULL, version INTEGER NOT NULL, filename TEXT NOT NULL, content TEXT NOT NULL,
    entries INTEGER NOT NULL, sha256 TEXT NOT NULL, created TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (name, version));
CREATE TABLE IF NOT EXISTS batches (id TEXT PRIMARY KEY, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, batch_id TEXT, state TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
    input_name TEXT NOT NULL, format TEXT NOT NULL, source TEXT NOT NULL, options TEXT NOT NULL,
    review_key TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, error TEXT,
    result TEXT, edits TEXT, edit_count INTEGER, signature TEXT, decisions TEXT, applied TEXT);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state);
CREATE INDEX IF NOT EXISTS jobs_by_batch ON jobs (batch_id);
"""

STATES = ("queued", "running", "done", "failed")
_VERSION = "name, version, filename, content, entries, sha256, created"  # the columns of a LexiconVersion


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class JobOptions:
    """How a job is corrected: the lexicon versions (pinned when the job is made) and the
    settings ``correct`` has. ``lexicons`` is ``((name, version), ...)``."""

    lexicons: tuple[tuple[str, int], ...]
    passes: str
    min_score: float
    lang: str

    def to_json(self) -> str:
        return json.dumps({"lexicons": [list(pair) for pair in self.lexicons], "passes": self.passes,
                           "min_score": self.min_score, "lang": self.lang})

    @classmethod
    def from_json(cls, text: str) -> "JobOptions":
        data = json.loads(text)
        return cls(tuple((str(name), int(version)) for name, version in data["lexicons"]),
                   data["passes"], float(data["min_score"]), data["lang"])


@dataclass(frozen=True)
class Job:
    """A stored job: its input and options, where it is, and (when done) its result."""

    id: str
    batch_id: str | None
    state: str
    created: str
    updated: str
    input_name: str
    format: str
    source: str
    options: JobOptions
    review_key: str
    attempts: int
    error: str | None
    result: str | None  # the corrected transcript, in its own format
    edits: str | None  # the edit log (JSON Lines with input_sha256), as `correct --edits` writes it
    edit_count: int | None
    signature: str | None
    decisions: str | None  # the decisions file (JSON Lines), as `review --interactive` writes it
    applied: str | None  # the transcript with the accepted fixes, after `apply`


@dataclass(frozen=True)
class LexiconVersion:
    """One uploaded version of a named lexicon (``content`` is the file as uploaded)."""

    name: str
    version: int
    filename: str
    content: str
    entries: int
    sha256: str
    created: str


@dataclass(frozen=True)
class Token:
    id: int
    role: str
    created: str


class Store:
    """One connection to the database; use as a context manager (closed on exit)."""

    def __init__(self, path: Path):
        self.connection = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA busy_timeout = 30000")
        self.connection.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode; commits survive a crash

    @classmethod
    def create(cls, path: Path) -> None:
        """Make the database (and its folder) if missing, in WAL mode."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with cls(path) as store:
            store.connection.execute("PRAGMA journal_mode = WAL")
            store.connection.executescript(SCHEMA)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.connection.close()

    def _one(self, sql: str, *args) -> sqlite3.Row | None:
        return self.connection.execute(sql, args).fetchone()

    def _all(self, sql: str, *args) -> list[sqlite3.Row]:
        return self.connection.execute(sql, args).fetchall()

    # tokens --------------------------------------------------------------------------------------
    def add_token(self, token_hash: str, role: str) -> int:
        cursor = self.connection.execute("INSERT INTO tokens (hash, role, created) VALUES (?, ?, ?)",
                                         (token_hash, role, now()))
        return int(cursor.lastrowid)

    def role_of(self, token_hash: str) -> str | None:
        row = self._one("SELECT role FROM tokens WHERE hash = ?", token_hash)
        return row["role"] if row else None

    def tokens(self) -> list[Token]:
        return [Token(row["id"], row["role"], row["created"]) for row in self._all("SELECT * FROM tokens ORDER BY id")]

    def delete_token(self, token_id: int) -> bool:
        return self.connection.execute("DELETE FROM tokens WHERE id = ?", (token_id,)).rowcount > 0

    # lexicons ------------------------------------------------------------------------------------
    def add_lexicon(self, name: str, filename: str, content: str, entries: int, sha256: str) -> LexiconVersion:
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            row = self._one("SELECT MAX(version) AS top FROM lexicons WHERE name = ?", name)
            version = (row["top"] or 0) + 1
            self.connection.execute(
                "INSERT INTO lexicons (name, version, filename, content, entries, sha256, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (name, version, filename, content, entries, sha256, now()))
        return self.lexicon(name, version)

    def lexicon(self, name: str, version: int | None = None) -> LexiconVersion | None:
        """A version of ``name`` (the latest when ``version`` is None), or None."""
        if version is None:
            row = self._one(f"SELECT {_VERSION} FROM lexicons WHERE name = ? AND NOT deleted "
                            "ORDER BY version DESC LIMIT 1", name)
        else:
            row = self._one(f"SELECT {_VERSION} FROM lexicons WHERE name = ? AND version = ? AND NOT deleted",
                            name, version)
        return LexiconVersion(**dict(row)) if row else None

    def lexicon_versions(self, name: str) -> list[LexiconVersion]:
        return [LexiconVersion(**dict(row)) for row in
                self._all(f"SELECT {_VERSION} FROM lexicons WHERE name = ? AND NOT deleted ORDER BY version", name)]

    def lexicon_names(self) -> list[str]:
        return [row["name"] for row in self._all("SELECT DISTINCT name FROM lexicons WHERE NOT deleted ORDER BY name")]

    def delete_lexicon(self, name: str) -> bool:
        """Hide every version of ``name``. The rows stay, so that a version number is never reused
        (workers cache indexes by it) and jobs queued with it can still run."""
        return self.connection.execute("UPDATE lexicons SET deleted = 1 WHERE name = ? AND NOT deleted",
                                       (name,)).rowcount > 0

    # jobs ----------------------------------------------------------------------------------------
    def add_jobs(self, jobs: list[tuple[str, str, str, str, JobOptions, str]], batch_id: str | None = None) -> None:
        """Store new queued jobs ``(id, input_name, format, source, options, review_key)``, in one
        transaction (with their batch, if any): all of them or none."""
        stamp = now()
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            if batch_id is not None:
                self.connection.execute("INSERT INTO batches (id, created) VALUES (?, ?)", (batch_id, stamp))
            self.connection.executemany(
                "INSERT INTO jobs (id, batch_id, state, created, updated, input_name, format, source, options, "
                "review_key) VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)",
                [(job_id, batch_id, stamp, stamp, name, fmt, source, options.to_json(), key)
                 for job_id, name, fmt, source, options, key in jobs])

    def job(self, job_id: str) -> Job | None:
        row = self._one("SELECT * FROM jobs WHERE id = ?", job_id)
        return _job(row) if row else None

    def start_job(self, job_id: str) -> None:
        self.connection.execute("UPDATE jobs SET state = 'running', attempts = attempts + 1, updated = ? "
                                "WHERE id = ?", (now(), job_id))

    def finish_job(self, job_id: str, result: str, edits: str, edit_count: int, signature: str) -> None:
        self.connection.execute(
            "UPDATE jobs SET state = 'done', result = ?, edits = ?, edit_count = ?, signature = ?, error = NULL, "
            "updated = ? WHERE id = ?", (result, edits, edit_count, signature, now(), job_id))

    def fail_job(self, job_id: str, reason: str) -> None:
        self.connection.execute("UPDATE jobs SET state = 'failed', error = ?, updated = ? WHERE id = ?",
                                (reason, now(), job_id))

    def requeue_job(self, job_id: str) -> None:
        self.connection.execute("UPDATE jobs SET state = 'queued', updated = ? WHERE id = ?", (now(), job_id))

    def unfinished_jobs(self) -> list[Job]:
        """Jobs queued or running, oldest first: after a restart, those to rerun or fail."""
        return [_job(row) for row in self._all("SELECT * FROM jobs WHERE state IN ('queued', 'running') "
                                               "ORDER BY created, rowid")]

    def save_decisions(self, job_id: str, decisions: str) -> None:
        self.connection.execute("UPDATE jobs SET decisions = ?, updated = ? WHERE id = ?", (decisions, now(), job_id))

    def save_applied(self, job_id: str, applied: str) -> None:
        self.connection.execute("UPDATE jobs SET applied = ?, updated = ? WHERE id = ?", (applied, now(), job_id))

    def jobs_by_state(self) -> dict[str, int]:
        counts = {state: 0 for state in STATES}
        for row in self._all("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state"):
            counts[row["state"]] = row["n"]
        return counts

    def edits_made(self) -> int:
        row = self._one("SELECT COALESCE(SUM(edit_count), 0) AS n FROM jobs")
        return int(row["n"])

    # batches -------------------------------------------------------------------------------------
    def batch_exists(self, batch_id: str) -> bool:
        return self._one("SELECT 1 FROM batches WHERE id = ?", batch_id) is not None

    def batch_jobs(self, batch_id: str) -> list[tuple[str, str, str]]:
        """``(id, input_name, state)`` of the batch's jobs, in the order they were given."""
        return [(row["id"], row["input_name"], row["state"]) for row in
                self._all("SELECT id, input_name, state FROM jobs WHERE batch_id = ? ORDER BY rowid", batch_id)]


def _job(row: sqlite3.Row) -> Job:
    data = dict(row)
    data["options"] = JobOptions.from_json(data["options"])
    return Job(**data)
