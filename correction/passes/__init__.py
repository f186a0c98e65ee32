"""Correction passes, in their default order. Each module holds one pass; the registry is keyed by
the names users type in ``--passes``."""

from __future__ import annotations

from .base import Pass, Settings
from .context import ContextPass
from .exact import ExactPass
from .fuzzy import FuzzyPass
from .phonetic import PhoneticPass

PASSES: dict[str, type] = {
    "exact": ExactPass,
    "fuzzy": FuzzyPass,
    "phonetic": PhoneticPass,
    "context": ContextPass,
}
DEFAULT_PASSES = tuple(PASSES)

__all__ = ["PASSES", "DEFAULT_PASSES", "Pass", "Settings"]
