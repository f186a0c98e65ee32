"""Domain lexicons: canonical terms with their aliases, sound-alike spellings and context words.

Two formats, chosen by the file extension:

* ``.txt``: one canonical term per line (UTF-8); ``#`` comments and blank lines are ignored.
* ``.csv`` / ``.tsv``: a header row with ``term`` (required) and the optional columns
  ``aliases``, ``sounds_like``, ``context``, ``negatives`` (``|``-separated), ``kind`` and ``lang``.
  ``negatives`` are spellings a reviewer rejected as this term: they are never rewritten to it.

>>> lexicon = Lexicon.from_terms(["OpenAI", "Sam Altman"])
>>> [entry.term for entry in lexicon]
['OpenAI', 'Sam Altman']
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import LexiconError
from .io import read_text
from .text import fold

LANGUAGES = ("", "fr", "en")
COLUMNS = ("term", "aliases", "sounds_like", "kind", "lang", "context", "negatives")
DEFAULT_LEXICON_NAME = "default.csv"


@dataclass(frozen=True)
class Entry:
    """One canonical term. ``source`` is ``(path, line)`` of the row it came from."""

    term: str
    aliases: tuple[str, ...] = ()
    sounds_like: tuple[str, ...] = ()
    kind: str = "term"
    lang: str = ""
    context: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    source: tuple[str, int] = ("<memory>", 0)

    def __post_init__(self) -> None:
        if not self.term.strip():
            raise ValueError("Entry.term: empty")
        if self.lang not in LANGUAGES:
            raise ValueError(f"Entry.lang: {self.lang!r} is not one of fr, en or empty")

    @property
    def where(self) -> str:
        return f"{self.source[0]}:{self.source[1]}"

    def merged_with(self, other: "Entry") -> "Entry":
        """This entry with the aliases, sounds-likes and context words of a duplicate row added."""

        def union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(first + second))

        return replace(
            self,
            aliases=union(self.aliases, other.aliases),
            sounds_like=union(self.sounds_like, other.sounds_like),
            context=union(self.context, other.context),
            negatives=union(self.negatives, other.negatives),
            kind=self.kind if self.kind != "term" else other.kind,
            lang=self.lang if self.lang == other.lang else "",
        )


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


@dataclass(frozen=True)
class Lexicon:
    """An ordered, de-duplicated set of entries; ``warnings`` lists contradictions found on merge."""

    entries: tuple[Entry, ...]
    name: str = "<memory>"
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def sha256(self) -> str:
        """A hash of the lexicon's content (not of its file names): the same terms give the same hash."""
        digest = hashlib.sha256()
        for entry in self.entries:
            row = _row(entry)
            digest.update("\t".join(row).encode("utf-8") + b"\n")
        return digest.hexdigest()

    @property
    def signature(self) -> str:
        return f"{self.name}@{self.sha256[:12]}"

    # construction -----------------------------------------------------------------------------
    @classmethod
    def from_entries(cls, entries: Iterable[Entry], name: str = "<memory>") -> "Lexicon":
        """Merge duplicate terms (same folded spelling) and report aliases claimed by two terms."""
        merged: dict[str, Entry] = {}
        for entry in entries:
            key = fold(entry.term)
            merged[key] = merged[key].merged_with(entry) if key in merged else entry
        notes: list[str] = []
        claimed: dict[str, Entry] = {fold(entry.term): entry for entry in merged.values()}
        for entry in merged.values():
            for alias in entry.aliases + entry.sounds_like:
                key = fold(alias)
                owner = claimed.setdefault(key, entry)
                if owner.term != entry.term:
                    notes.append(
                        f"{entry.where}: {alias!r} of {entry.term!r} is also claimed by "
                        f"{owner.term!r} ({owner.where})"
                    )
        for note in notes:
            warnings.warn(note, LexiconWarning, stacklevel=2)
        return cls(tuple(merged.values()), name=name, warnings=tuple(notes))

    @classmethod
    def from_terms(cls, terms: Iterable[str], name: str = "<memory>") -> "Lexicon":
        return cls.from_entries((Entry(term=term.strip()) for term in terms if term.strip()), name=name)

    @classmethod
    def load(cls, *paths: str | Path) -> "Lexicon":
        """Load and merge lexicon files; with no path, the embedded default lexicon."""
        if not paths:
            paths = (default_lexicon_path(),)
        entries: list[Entry] = []
        for path in paths:
            entries.extend(with_terms(read_entries(path), str(path)))
        name = "+".join(Path(path).name for path in paths)
        return cls.from_entries(entries, name=name)

    @classmethod
    def default(cls) -> "Lexicon":
        return cls.load()

    def restricted_to(self, lang: str) -> "Lexicon":
        """Entries usable in a transcript of ``lang`` (entries with an empty lang fit every language)."""
        kept = tuple(entry for entry in self.entries if not entry.lang or not lang or entry.lang == lang)
        return replace(self, entries=kept)


class LexiconWarning(UserWarning):
    """A contradiction in a lexicon (one alias claimed by two terms); the first claim wins."""


def default_lexicon_path() -> Path:
    """The shipped default lexicon: inside the installed package, or in the source tree's lexicons/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons" / DEFAULT_LEXICON_NAME, here.parent / "lexicons" / DEFAULT_LEXICON_NAME):
        if candidate.exists():
            return candidate
    raise LexiconError(str(here / "lexicons"), "the default lexicon is not installed")


def read_entries(path: str | Path) -> list[Entry]:
    """Read one lexicon file into entries, dispatching on its extension."""
    name = str(path)
    _reader_for(name)  # an unknown extension is reported before the file is read
    return parse_entries(read_text(name), name)


def with_terms(entries: list[Entry], name: str) -> list[Entry]:
    """``entries``, or a LexiconError when there is none: a lexicon to correct with needs a term
    (a header alone, or only comments, is a mistake, not a request to change nothing)."""
    if not entries:
        raise LexiconError(name, "no term: a lexicon needs at least one")
    return entries


def parse_entries(text: str, name: str) -> list[Entry]:
    """The entries of a lexicon file's ``text``; ``name``'s extension says its format (as for a file).

    >>> [entry.term for entry in parse_entries("OpenAI\\n# comment\\nSam Altman\\n", "episode.txt")]
    ['OpenAI', 'Sam Altman']
    """
    return _reader_for(name)(name, text)


def _reader_for(name: str):
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        raise LexiconError(name, f"unknown lexicon format {suffix or '(no extension)'!r}; use .txt, .csv or .tsv")
    return READERS[suffix]


def _checked_term(path: str, number: int, term: str) -> str:
    """``term``, or a LexiconError naming the line when it has no letter or digit to match ("!!!")."""
    if not fold(term):
        raise LexiconError(path, f"term {term!r} has no letter or digit", line=number)
    return term


def _read_list(path: str, text: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        term = line.strip()
        if term and not term.startswith("#"):
            entries.append(Entry(term=_checked_term(path, number, term), source=(path, number)))
    return entries


def _read_table(path: str, text: str, separator: str) -> list[Entry]:
    import pandas as pd  # imported here: pandas costs a few hundred ms at start-up

    try:
        table = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False,
                            skip_blank_lines=True, comment=None)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise LexiconError(path, f"cannot parse table: {str(error).strip().splitlines()[-1]}") from None
    table.columns = [str(column).strip().lower() for column in table.columns]
    if "term" not in table.columns:
        raise LexiconError(path, "no 'term' column in the header row", line=1)
    unknown = [column for column in table.columns if column not in COLUMNS]
    if unknown:
        raise LexiconError(path, f"unknown column(s) {', '.join(unknown)}; expected {', '.join(COLUMNS)}", line=1)
    entries = []
    for offset, row in enumerate(table.to_dict("records")):
        number = offset + 2  # 1-based, after the header row
        term = row.get("term", "").strip()
        if not term:
            raise LexiconError(path, "row without a term", line=number)
        lang = row.get("lang", "").strip().lower()
        if lang not in LANGUAGES:
            raise LexiconError(path, f"lang {lang!r} is not fr, en or empty", line=number)
        entries.append(
            Entry(
                term=_checked_term(path, number, term),
                aliases=_split(row.get("aliases", "")),
                sounds_like=_split(row.get("sounds_like", "")),
                kind=row.get("kind", "").strip() or "term",
                lang=lang,
                context=tuple(word.lower() for word in _split(row.get("context", ""))),
                negatives=_split(row.get("negatives", "")),
                source=(path, number),
            )
        )
    return entries


READERS = {
    ".txt": _read_list,
    ".csv": lambda path, text: _read_table(path, text, ","),
    ".tsv": lambda path, text: _read_table(path, text, "\t"),
}


def write_table(entries: Sequence[Entry]) -> str:
    """Entries as CSV text with the standard header (the inverse of the ``.csv`` reader)."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow(_row(entry))
    return buffer.getvalue()


def _row(entry: Entry) -> list[str]:
    """The entry's cells, in COLUMNS order: the one place that decides how an entry is saved."""
    return [entry.term, "|".join(entry.aliases), "|".join(entry.sounds_like), entry.kind, entry.lang,
            "|".join(entry.context), "|".join(entry.negatives)]
