"""Shared helpers for the format tests: the fixture folder and an Edit maker."""

from __future__ import annotations

from pathlib import Path

import pytest

from correction.edits import Edit

DATA = Path(__file__).resolve().parents[1] / "data" / "formats"


def make_edit(text: str, start: int, end: int, replacement: str) -> Edit:
    """An Edit of ``text[start:end]`` with its line (1-based) and column (0-based) in ``text``."""
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1)
    return Edit(start, end, text[start:end], replacement, line, column, replacement, "test", 1.0, "test edit")


def edit_of(text: str, original: str, replacement: str, occurrence: int = 0) -> Edit:
    """The edit replacing the ``occurrence``-th ``original`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(original, start + 1)
    return make_edit(text, start, start + len(original), replacement)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def edit():
    """``edit(text, original, replacement, occurrence=0)`` -> an Edit with true line/column."""
    return edit_of


@pytest.fixture(scope="session")
def edit_at():
    """``edit_at(text, start, end, replacement)`` -> an Edit with true line/column."""
    return make_edit
