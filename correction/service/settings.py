"""What a service instance is configured with (from ``correction serve``'s options)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_data_dir() -> Path:
    """Where the service keeps its database by default: ``$XDG_DATA_HOME/correction`` (~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "correction"


@dataclass(frozen=True)
class Settings:
    """A service's settings. ``workers=0`` corrects in a thread of the server process (tests)."""

    data_dir: Path
    workers: int = 1
    auth: bool = True
    max_body_bytes: int = 20 * 1024 * 1024
    max_queued_jobs: int = 1000
    sync_max_words: int = 20_000  # longer transcripts answer 202 and are fetched when done
    max_attempts: int = 2  # a job interrupted this many times while running is failed, not rerun

    def __post_init__(self) -> None:
        if self.workers < 0:
            raise ValueError(f"Settings.workers: must be >= 0, got {self.workers}")
        if self.max_queued_jobs < 1:
            raise ValueError(f"Settings.max_queued_jobs: must be >= 1, got {self.max_queued_jobs}")

    @property
    def database(self) -> Path:
        return self.data_dir / "correction.sqlite3"
