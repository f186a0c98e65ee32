"""The interactive review as a state machine: decide, decide in bulk, undo. No input, no output.

The CLI loop reads a key, calls one method and saves :attr:`ReviewSession.decisions`; all the
rules live here, so they are tested without a terminal. Proposals are walked in text order;
the current one is always the first undecided. A bulk decision (every undecided proposal for
the current entity) is one step, and ``undo`` takes back the last step whole.

>>> from correction.edits import Edit
>>> def proposal(number, start, entity):
...     edit = Edit(start, start + 3, "abc", entity, 1, start, entity, "fuzzy", 0.9, "spelled like")
...     return Proposal(number, edit, "sha")
>>> session = ReviewSession([proposal(1, 0, "X"), proposal(2, 4, "Y"), proposal(3, 8, "X")])
>>> [d.proposal.id for d in session.accept_entity()]
[1, 3]
>>> session.current.id, session.reject()[0].verdict, session.current
(2, 'reject', None)
>>> [d.proposal.id for d in session.undo()], session.current.id
([2], 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..errors import InputError
from .decisions import Decision, Proposal


@dataclass(frozen=True)
class Key:
    """A key of the interactive review: the :class:`ReviewSession` action it runs, and its help."""

    action: str
    help: str

    def describe(self, term: str) -> str:
        return self.help.format(term=term)


KEYS: dict[str, Key] = {
    "a": Key("accept", "accept"),
    "r": Key("reject", "reject"),
    "e": Key("edit", "edit"),
    "A": Key("accept_entity", "accept all {term}"),
    "R": Key("reject_entity", "reject all {term}"),
    "u": Key("undo", "undo"),
    "q": Key("quit", "quit"),
}
"""Key typed -> action. The CLI's help line is built from this (``{term}``: the current term and count)."""


class ReviewSession:
    """The decisions taken so far on ``proposals``, and the undo history of this session."""

    def __init__(self, proposals: Sequence[Proposal], decided: Sequence[Decision] = ()):
        self.proposals = tuple(sorted(proposals, key=lambda proposal: proposal.id))
        known = {proposal.id for proposal in self.proposals}
        self._decided: dict[int, Decision] = {}
        for decision in decided:  # a later decision on the same proposal overrides
            if decision.proposal.id not in known:
                raise ValueError(f"decision for proposal {decision.proposal.id}, which is not among the proposals")
            self._decided[decision.proposal.id] = decision
        self._history: list[tuple[int, ...]] = []

    @property
    def current(self) -> Proposal | None:
        """The first undecided proposal, or None when every proposal is decided."""
        return next((proposal for proposal in self.proposals if proposal.id not in self._decided), None)

    @property
    def decisions(self) -> list[Decision]:
        """Every decision, in proposal order (what the decisions file holds)."""
        return [self._decided[number] for number in sorted(self._decided)]

    @property
    def done(self) -> bool:
        return self.current is None

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def counts(self) -> tuple[int, int, int]:
        """(accepted, rejected, left)."""
        accepted = sum(decision.accepted for decision in self._decided.values())
        return accepted, len(self._decided) - accepted, len(self.proposals) - len(self._decided)

    def same_entity(self) -> list[Proposal]:
        """The undecided proposals for the current proposal's entity (the current one first)."""
        current = self._current_or_fail()
        return [proposal for proposal in self.proposals
                if proposal.id not in self._decided and proposal.edit.entity == current.edit.entity]

    def accept(self) -> tuple[Decision, ...]:
        """Accept the current proposal as proposed."""
        proposal = self._current_or_fail()
        return self._step([Decision(proposal, "accept", proposal.edit.replacement)])

    def edit(self, replacement: str) -> tuple[Decision, ...]:
        """Accept the current proposal with the reviewer's own ``replacement``."""
        return self._step([Decision(self._current_or_fail(), "accept", replacement)])

    def reject(self) -> tuple[Decision, ...]:
        """Reject the current proposal (its record keeps the proposed replacement)."""
        proposal = self._current_or_fail()
        return self._step([Decision(proposal, "reject", proposal.edit.replacement)])

    def accept_entity(self) -> tuple[Decision, ...]:
        """Accept, as proposed, every undecided proposal for the current entity."""
        return self._step([Decision(proposal, "accept", proposal.edit.replacement) for proposal in self.same_entity()])

    def reject_entity(self) -> tuple[Decision, ...]:
        return self._step([Decision(proposal, "reject", proposal.edit.replacement) for proposal in self.same_entity()])

    def undo(self) -> tuple[Decision, ...]:
        """Take back the last step of this session (empty when there is none); returns what was undone."""
        if not self._history:
            return ()
        return tuple(self._decided.pop(number) for number in self._history.pop())

    def _current_or_fail(self) -> Proposal:
        current = self.current
        if current is None:
            raise ValueError("every proposal is decided already")
        return current

    def _step(self, decisions: list[Decision]) -> tuple[Decision, ...]:
        for decision in decisions:
            self._decided[decision.proposal.id] = decision
        self._history.append(tuple(decision.proposal.id for decision in decisions))
        return tuple(decisions)


def resume(proposals: Sequence[Proposal], decided: Sequence[Decision], path: str) -> ReviewSession:
    """A session that starts where the decisions file at ``path`` stopped.

    Each decision must be about one of ``proposals`` exactly (same number, span, text, origin):
    if the proposals changed (another lexicon, other passes), the old decisions do not fit them.
    """
    by_id = {proposal.id: proposal for proposal in proposals}
    for decision in decided:
        proposal = by_id.get(decision.proposal.id)
        if proposal != decision.proposal:
            edit = decision.proposal.edit
            raise InputError(
                path,
                f"decision {decision.proposal.id} ({edit.original!r} -> {edit.replacement!r} at line {edit.line}) "
                "is not among the current proposals (another lexicon or other --passes?); "
                "review with the same settings or use another --decisions file",
            )
    return ReviewSession(proposals, decided)
