"""Check lexicon files: duplicate rows and contradictions, and what the lexicon holds.

The files are checked together, as ``--lexicon a.csv --lexicon b.csv`` would merge them:

* a *duplicate* is a second row for the same folded term in one file. The loader merges it (aliases
  united, the first kind wins), but within one file it is usually a mistake. A row in a later file
  for a term of an earlier one is how a lexicon is extended: it is counted, not reported;
* a *contradiction* is a spelling that sends the engine two ways: an alias or sound-alike claimed
  by two terms (the first claim wins, silently), an alias that is another term, a negative that is
  also an alias or sound-alike of the same term (the negative wins: that alias never fixes).

>>> from correction.lexicon import Entry
>>> report = check_entries([
...     Entry("OpenAI", aliases=("Open AI",), source=("a.csv", 2)),
...     Entry("Open AI", source=("a.csv", 3)),
...     Entry("Sam Altman", kind="person", aliases=("Altman",), negatives=("Altman",), source=("a.csv", 4)),
...     Entry("OpenAI", kind="org", source=("a.csv", 5))])
>>> for problem in report.problems:
...     print(problem)
a.csv:3: duplicate term 'Open AI': also at a.csv:2 ('OpenAI')
a.csv:4: negative 'Altman' of 'Sam Altman' is also its alias (a.csv:4)
a.csv:5: duplicate term 'OpenAI': also at a.csv:2
>>> report.kinds
{'org': 1, 'person': 1}
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..lexicon import Entry, Lexicon
from ..text import fold


@dataclass(frozen=True)
class Problem:
    """One problem, at the row that causes it; ``category`` is ``duplicate`` or ``contradiction``."""

    source: tuple[str, int]
    category: str
    message: str

    def __str__(self) -> str:
        return f"{self.source[0]}:{self.source[1]}: {self.message}"


@dataclass(frozen=True)
class CheckReport:
    """The problems found, and counts over the merged lexicon (what the engine would use)."""

    rows: int
    entries: int
    extended: int
    problems: tuple[Problem, ...]
    kinds: dict[str, int]
    langs: dict[str, int]

    @property
    def clean(self) -> bool:
        return not self.problems

    def count(self, category: str) -> int:
        return sum(1 for problem in self.problems if problem.category == category)

    def summary(self, files: int) -> list[str]:
        """The closing lines of ``lexicon check``: totals, then counts per kind and per lang."""
        def listing(counts: dict[str, int]) -> str:
            return ", ".join(f"{name} {number}" for name, number in counts.items())

        extended = f", {self.extended} extended by a later file" if self.extended else ""
        return [
            f"{self.entries} terms in {self.rows} rows of {files} file(s){extended}: "
            f"{self.count('duplicate')} duplicate(s), {self.count('contradiction')} contradiction(s)",
            f"kinds: {listing(self.kinds)}",
            f"langs: {listing(self.langs)}",
        ]


ROLES = {"aliases": "alias", "sounds_like": "sound-alike"}


def check_entries(rows: Sequence[Entry]) -> CheckReport:
    """Check rows in load order (``source`` names their file and line)."""
    problems: list[Problem] = []
    first_row: dict[str, Entry] = {}
    extended: set[str] = set()
    for row in rows:
        key = fold(row.term)
        first = first_row.setdefault(key, row)
        if first is row:
            continue
        if first.source[0] != row.source[0]:
            extended.add(key)
        else:
            named = "" if first.term == row.term else f" ({first.term!r})"
            problems.append(Problem(row.source, "duplicate", f"duplicate term {row.term!r}: also at {first.where}{named}"))
    problems += _contradictions(rows, first_row)
    files = list(dict.fromkeys(row.source[0] for row in rows))
    problems.sort(key=lambda problem: (files.index(problem.source[0]), problem.source[1]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the contradictions are reported above, with both places
        merged = Lexicon.from_entries(rows)
    kinds = Counter(entry.kind for entry in merged)
    langs = Counter(entry.lang or "any" for entry in merged)
    return CheckReport(len(rows), len(merged), len(extended), tuple(problems),
                       dict(kinds.most_common()), dict(langs.most_common()))


def _spellings(row: Entry) -> list[tuple[str, str]]:
    """(role, spelling) of a row's aliases and sound-alikes."""
    return [(ROLES[field], text) for field in ROLES for text in getattr(row, field)]


def _contradictions(rows: Sequence[Entry], first_row: dict[str, Entry]) -> list[Problem]:
    problems = []
    claims: dict[str, tuple[Entry, str]] = {}  # folded spelling -> first row claiming it, and how
    for row in rows:
        for role, text in _spellings(row):
            key = fold(text)
            term_row = first_row.get(key)
            if term_row is not None and fold(term_row.term) != fold(row.term):
                problems.append(Problem(row.source, "contradiction", f"{role} {text!r} of {row.term!r} is the term "
                                        f"{term_row.term!r} ({term_row.where})"))
                continue
            owner, owner_role = claims.setdefault(key, (row, role))
            if fold(owner.term) != fold(row.term):
                problems.append(Problem(row.source, "contradiction", f"{role} {text!r} of {row.term!r} is also "
                                        f"{owner_role} of {owner.term!r} ({owner.where})"))
    # a negative against the aliases of every row of the same term (duplicates included)
    spellings: dict[str, dict[str, tuple[str, Entry]]] = {}
    for row in rows:
        for role, text in _spellings(row):
            spellings.setdefault(fold(row.term), {}).setdefault(fold(text), (role, row))
    for row in rows:
        for text in row.negatives:
            found = spellings.get(fold(row.term), {}).get(fold(text))
            if found:
                role, owner = found
                problems.append(Problem(row.source, "contradiction", f"negative {text!r} of {row.term!r} is also its "
                                        f"{role} ({owner.where})"))
    return problems
