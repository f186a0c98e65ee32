"""Typed errors raised by the library; the CLI turns each into one line and exit status 2."""

from __future__ import annotations


class CorrectionError(Exception):
    """Base class: bad input that the user can fix. ``str(error)`` is the one-line message."""

    def __init__(self, path: str | None, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class InputError(CorrectionError):
    """A transcript or data file that cannot be read (missing, binary, not UTF-8, empty...)."""


class LexiconError(CorrectionError):
    """A lexicon file or row that cannot be used (missing ``term`` column, empty term...)."""


class FormatError(CorrectionError):
    """A transcript file whose structure is broken (malformed SRT cue, invalid JSON...)."""


class UsageError(CorrectionError):
    """A setting that makes no sense (unknown pass name, bad score bound...)."""


class DependencyError(CorrectionError):
    """An optional piece that is missing (an extra, a program, model weights); names how to get it."""
