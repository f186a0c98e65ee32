"""The rows of one lexicon file, edited in place: what ``learn --into`` and ``extract --into`` merge into.

Rows keep their order and their content; a change replaces one row with an updated copy, and
terms the file lacks are appended as new rows. Rows are looked up by folded term, the key the
loader merges duplicates on, so "Open AI" finds the row of "OpenAI".

>>> table = Table([Entry("OpenAI", aliases=("OpenEye",))])
>>> table.find("open ai").term
'OpenAI'
>>> table.add(Entry("Sam Altman")).term
'Sam Altman'
>>> table.update(table.find("OpenAI"), aliases=("OpenEye", "OpaneAie")).aliases
('OpenEye', 'OpaneAie')
>>> [entry.term for entry in table.entries], table.added
(['OpenAI', 'Sam Altman'], ('Sam Altman',))
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from ..lexicon import Entry, read_entries
from ..text import fold

# ``write_table`` writes CSV; a .txt list has no columns for aliases or negatives.
WRITABLE_SUFFIXES = (".csv",)


class Table:
    """Rows of a lexicon, editable: ``find`` by folded term, ``update`` a row, ``add`` a new one."""

    def __init__(self, entries: Iterable[Entry] = ()):
        self._rows: list[Entry] = list(entries)
        self._position: dict[str, int] = {}
        for position, entry in enumerate(self._rows):
            self._position.setdefault(fold(entry.term), position)  # a duplicate row is left as it is
        self._added: list[str] = []

    @classmethod
    def open(cls, path: str) -> "Table":
        """The rows of ``path`` (which must be a .csv file), or no rows if it does not exist yet."""
        if Path(path).suffix.lower() not in WRITABLE_SUFFIXES:
            raise UsageError(path, "not a .csv file: lexicon tools write CSV tables (term, aliases, ... negatives)")
        return cls(read_entries(path) if Path(path).exists() else ())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._rows)

    @property
    def added(self) -> tuple[str, ...]:
        """Terms of the rows added since the table was opened, in order."""
        return tuple(self._added)

    def find(self, term: str) -> Entry | None:
        position = self._position.get(fold(term))
        return None if position is None else self._rows[position]

    def add(self, entry: Entry) -> Entry:
        key = fold(entry.term)
        if key in self._position:
            raise ValueError(f"Table.add: {entry.term!r} already has a row")
        self._position[key] = len(self._rows)
        self._rows.append(entry)
        self._added.append(entry.term)
        return entry

    def update(self, entry: Entry, **changes) -> Entry:
        """Replace the row of ``entry`` with a copy carrying ``changes``; returns the new row."""
        position = self._position[fold(entry.term)]
        self._rows[position] = replace(self._rows[position], **changes)
        return self._rows[position]
