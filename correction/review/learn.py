"""Learn from review decisions: accepted fixes become aliases, rejected ones become negatives.

The rule, in one line each:

* an accepted fix teaches that ``original`` is heard for ``replacement`` (the reviewer's text):
  ``original`` becomes an alias of the row whose term *is* the replacement;
* a rejected fix teaches that ``original`` is not ``proposed``: it becomes a negative of every
  row that would rewrite to ``proposed`` (the entity's row, and rows named by that text).

Usually the replacement is the entity's whole term ("OpenEye" -> "OpenAI"): the alias goes to the
entity's row (a new row of kind ``term`` if the lexicon lacks it). But a fix may replace one word
of a name: "ILIA" -> "Ilya" (a first name said alone) or "Salman" -> "Sam" (in "Salman Altman").
An alias always rewrites to its row's term, so "ILIA" as an alias of "Ilya Sutskever" would next
time write the full name. Instead, a *part* fix is learned for both ways it may have been heard:

* alone: an alias of a row for the part itself ("Ilya", alias "ILIA"), created when missing. It
  copies the entity's lang, negatives and context (plus the name's other words: "sutskever" is
  a clue for "Ilya"), and its kind, ``person`` for any personal name, because the ``context`` pass
  gives persons the "after a role word / set off by a comma" clue;
* inside the whole name: an alias of the entity ("ILIA Sutskever"), so that the exact pass also
  beats a longer approximate match of the whole name ("Marc Zuckerberg").

The next run rewrites "ILIA" to "Ilya" (not to "Ilya Sutskever") in the ``exact`` pass. The cost:
a learned part applies wherever the misheard word stands; delete its row if that is too bold.
A rejected part fix likewise becomes two negatives of the entity ("Salman", "Salman Altman"): the
engine checks negatives against the span it matched, which may have been either.

Nothing is ever removed from a lexicon. A spelling that would contradict it (an alias that is a
negative of its row, or a spelling of another term; a negative that is an alias of its row) and
a spelling both accepted and rejected in the decisions are left out, each with a note.

>>> from correction.edits import Edit
>>> from correction.review.decisions import Proposal
>>> def decided(original, proposed, entity, verdict, replacement=None):
...     edit = Edit(0, len(original), original, proposed, 1, 0, entity, "phonetic", 0.9, "")
...     return Decision(Proposal(1, edit, "0" * 64), verdict, replacement or proposed)
>>> result = learn([Entry("OpenAI"), Entry("Ilya Sutskever", kind="person")], [
...     decided("OpenEye", "OpenAI", "OpenAI", "accept"),
...     decided("ILIA", "Ilya", "Ilya Sutskever", "accept"),
...     decided("Open", "OpenAI", "OpenAI", "reject")])
>>> [(entry.term, entry.aliases, entry.negatives, entry.kind) for entry in result.entries]
[('OpenAI', ('OpenEye',), ('Open',), 'term'), ('Ilya Sutskever', ('ILIA Sutskever',), (), 'person'), ('Ilya', ('ILIA',), (), 'person')]
>>> result.summary
'3 aliases added, 1 negative added, 1 new row (Ilya)'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..index import name_parts, surfaces_of
from ..lexicon import Entry
from ..lexicon_tools.table import Table
from ..text import fold
from .decisions import Decision


@dataclass(frozen=True)
class Learned:
    """One spelling added to one row: an ``alias`` (from an accepted fix) or a ``negative``."""

    field: str
    spelling: str
    term: str


@dataclass(frozen=True)
class LearnResult:
    """The updated rows (old rows first, in their order, then new ones), what was added, and notes
    on the decisions left out."""

    entries: tuple[Entry, ...]
    learned: tuple[Learned, ...]
    added_rows: tuple[str, ...]
    notes: tuple[str, ...]

    def count(self, field: str) -> int:
        return sum(1 for item in self.learned if item.field == field)

    @property
    def summary(self) -> str:
        aliases, negatives, rows = self.count("alias"), self.count("negative"), len(self.added_rows)
        text = (f"{aliases} {'alias' if aliases == 1 else 'aliases'} added, "
                f"{negatives} {'negative' if negatives == 1 else 'negatives'} added, "
                f"{rows} new {'row' if rows == 1 else 'rows'}")
        return text + (f" ({', '.join(self.added_rows)})" if self.added_rows else "")


def latest(decisions: Iterable[Decision]) -> list[Decision]:
    """One decision per proposal: a later line about the same proposal overrides an earlier one."""
    return list({decision.proposal.id: decision for decision in decisions}.values())


def learn(entries: Sequence[Entry], decisions: Sequence[Decision]) -> LearnResult:
    """Add what ``decisions`` teach to the rows ``entries`` (see the module docstring for the rule)."""
    notes: list[str] = []
    decisions = _without_conflicts(decisions, notes)
    learning = _Learning(Table(entries), notes)
    for decision in decisions:
        if decision.accepted:
            learning.accept(decision)
    # Rejections after acceptances: a part row learned just now must get the negatives too.
    producers = learning.producers()
    for decision in decisions:
        if not decision.accepted:
            learning.reject(decision, producers)
    table = learning.table
    return LearnResult(table.entries, tuple(learning.learned), table.added, tuple(notes))


def _taught(decision: Decision) -> tuple[str, str]:
    """(original, replacement) the decision is about: the reviewer's text if accepted, else the proposal's."""
    edit = decision.proposal.edit
    return edit.original, decision.replacement if decision.accepted else edit.replacement


def _without_conflicts(decisions: Sequence[Decision], notes: list[str]) -> list[Decision]:
    verdicts: dict[tuple[str, str], set[str]] = {}
    for decision in decisions:
        original, replacement = _taught(decision)
        verdicts.setdefault((fold(original), fold(replacement)), set()).add(decision.verdict)
    kept = []
    reported: set[tuple[str, str]] = set()
    for decision in decisions:
        key = tuple(fold(text) for text in _taught(decision))
        if len(verdicts[key]) == 1:
            kept.append(decision)
        elif key not in reported:
            reported.add(key)
            original, replacement = _taught(decision)
            notes.append(f"{original!r} -> {replacement!r} was both accepted and rejected: not learned "
                         "(decide in the lexicon by hand)")
    return kept


def word_run(part: str, term: str) -> int | None:
    """Where the words of ``part`` stand in ``term``, if they are some but not all of them.

    >>> word_run("Ilya", "Ilya Sutskever"), word_run("Altman", "Sam Altman"), word_run("OpenAI", "OpenAI")
    (0, 1, None)
    """
    words, inner = [fold(word) for word in term.split()], [fold(word) for word in part.split()]
    if not inner or len(inner) >= len(words):
        return None
    for position in range(len(words) - len(inner) + 1):
        if words[position : position + len(inner)] == inner:
            return position
    return None


def _in_whole_name(original: str, part: str, term: str) -> str:
    """The whole name as heard, when a fix replaced only part of it: "Salman" for "Sam" -> "Salman Altman".

    >>> _in_whole_name("Salman", "Sam", "Sam Altman"), _in_whole_name("OpenEye", "OpenAI", "OpenAI")
    ('Salman Altman', '')
    """
    position = word_run(part, term)
    if position is None:
        return ""
    words = term.split()
    return " ".join(words[:position] + [original] + words[position + len(part.split()):])


class _Learning:
    """The table being edited, which spellings its rows claim, and what was added so far."""

    def __init__(self, table: Table, notes: list[str]):
        self.table = table
        self.notes = notes
        self.learned: list[Learned] = []
        # folded spelling -> term of the row that claims it (its term, an alias or a sound-alike)
        self.claims: dict[str, str] = {}
        for entry in table.entries:
            for spelling in (entry.term,) + entry.aliases + entry.sounds_like:
                self.claims.setdefault(fold(spelling), entry.term)

    # accepted --------------------------------------------------------------------------------
    def accept(self, decision: Decision) -> None:
        original, replacement = _taught(decision)
        entity = decision.proposal.edit.entity
        if not replacement.strip() or original == replacement:
            self._note(f"{original!r} accepted unchanged as {replacement!r}: nothing to learn")
            return
        if fold(original) == fold(replacement):
            return  # same letters ("Open AI", "il y a" for "Ilya"): the exact pass finds it already
        if fold(replacement) == fold(entity):
            self._alias(entity, original, entity)
            return
        self._alias(replacement, original, entity)
        whole = _in_whole_name(original, replacement, entity)
        if whole:  # "Marc Zuckerberg": the whole name, so that the exact pass beats a longer approximate match
            self._alias(entity, whole, entity, derived=True)

    def _alias(self, target: str, spelling: str, entity: str, derived: bool = False) -> None:
        row = self.table.find(target)
        spellings = {fold(text) for text in (row.term,) + row.aliases + row.sounds_like} if row else {fold(target)}
        key = fold(spelling)
        if key in spellings:
            return  # the exact pass already finds it
        owner = self.claims.get(key)
        if owner is not None and fold(owner) != fold(target):
            self._note(f"{spelling!r} already names {owner!r}: not added as an alias of {target!r}",
                       derived)
            return
        if row is not None and key in {fold(text) for text in row.negatives}:
            self._note(f"{spelling!r} is a negative of {row.term!r}: not added as an alias "
                       "(remove the negative first)", derived)
            return
        row = row or self.table.add(self._new_row(target, entity))
        self.table.update(row, aliases=row.aliases + (spelling,))
        self.claims[key] = row.term
        self.learned.append(Learned("alias", spelling, row.term))

    def _note(self, note: str, derived: bool = False) -> None:
        # Derived spellings ("Salman Altman" from "Salman" -> "Sam") were not shown to the reviewer:
        # skipping one needs no note.
        if not derived and note not in self.notes:
            self.notes.append(note)

    def _new_row(self, term: str, entity: str) -> Entry:
        """A row for ``term``: a plain term, or a part of the entity's name that inherits from it."""
        whole = self.table.find(entity) or Entry(entity)
        position = word_run(term, whole.term)
        if position is None:
            return Entry(term)
        is_person = whole.kind == "person" or bool(name_parts(whole))
        others = [word.lower() for index, word in enumerate(whole.term.split())
                  if not position <= index < position + len(term.split())]
        return Entry(term, kind="person" if is_person else whole.kind, lang=whole.lang,
                     context=tuple(dict.fromkeys(others + list(whole.context))), negatives=whole.negatives)

    # rejected --------------------------------------------------------------------------------
    def producers(self) -> dict[str, list[str]]:
        """Replacement text -> terms of the rows that can rewrite a span to it (term, aliases, parts)."""
        found: dict[str, list[str]] = {}
        for entry in self.table.entries:
            for surface in surfaces_of(entry, 0):
                terms = found.setdefault(surface.replacement, [])
                if entry.term not in terms:
                    terms.append(entry.term)
        return found

    def reject(self, decision: Decision, producers: dict[str, list[str]]) -> None:
        original, proposed = _taught(decision)
        entity = decision.proposal.edit.entity
        for term in dict.fromkeys([entity] + producers.get(proposed, [])):
            self._negative(term, original)
        whole = _in_whole_name(original, proposed, entity)
        if whole:  # matched alone or inside the whole name: block both spans
            self._negative(entity, whole, derived=True)

    def _negative(self, term: str, spelling: str, derived: bool = False) -> None:
        row = self.table.find(term) or self.table.add(Entry(term))
        key = fold(spelling)
        if key in {fold(text) for text in row.negatives}:
            return
        if key in {fold(text) for text in row.aliases + row.sounds_like}:
            self._note(f"{spelling!r} is an alias of {row.term!r}: not added as a negative "
                       "(remove the alias to stop this fix)", derived)
            return
        self.table.update(row, negatives=row.negatives + (spelling,))
        self.learned.append(Learned("negative", spelling, row.term))
