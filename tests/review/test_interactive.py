"""The interactive review's state machine, without a terminal: decide, bulk, undo, resume."""

import pytest

from correction.edits import Edit
from correction.errors import InputError
from correction.review.decisions import Decision, Proposal, read_decisions, write_decisions
from correction.review.interactive import KEYS, ReviewSession, resume


def make(number, entity, original="abc", replacement=None):
    start = (number - 1) * 10
    edit = Edit(start, start + len(original), original, replacement or entity, 1, start, entity, "fuzzy", 0.9, "why")
    return Proposal(number, edit, "sha")


PROPOSALS = [make(1, "OpenAI"), make(2, "Sam Altman"), make(3, "OpenAI"), make(4, "OpenAI"), make(5, "Ilya")]


def state(session):
    return [(d.proposal.id, d.verdict, d.replacement) for d in session.decisions]


def test_walks_in_order_accept_reject_edit():
    session = ReviewSession(PROPOSALS)
    assert session.current.id == 1
    session.accept()
    session.reject()
    session.edit("Open AI")
    assert session.current.id == 4
    assert state(session) == [(1, "accept", "OpenAI"), (2, "reject", "Sam Altman"), (3, "accept", "Open AI")]
    assert session.counts() == (2, 1, 2)


def test_bulk_decides_every_undecided_proposal_of_the_term_and_nothing_else():
    session = ReviewSession(PROPOSALS)
    session.edit("Open AI")                      # 1: edited, must stay edited
    session.reject()                             # 2
    assert [p.id for p in session.same_entity()] == [3, 4]
    assert [d.proposal.id for d in session.accept_entity()] == [3, 4]
    assert session.current.id == 5
    session.reject_entity()
    assert session.done and session.current is None
    assert state(session) == [(1, "accept", "Open AI"), (2, "reject", "Sam Altman"), (3, "accept", "OpenAI"),
                              (4, "accept", "OpenAI"), (5, "reject", "Ilya")]


def test_undo_takes_back_a_whole_step_then_the_one_before():
    session = ReviewSession(PROPOSALS)
    session.accept()
    session.reject()
    session.reject_entity()                      # 3 and 4
    assert [d.proposal.id for d in session.undo()] == [3, 4]
    assert session.current.id == 3
    assert [d.proposal.id for d in session.undo()] == [2]
    assert session.current.id == 2
    assert state(session) == [(1, "accept", "OpenAI")]
    session.undo()
    assert session.undo() == () and not session.can_undo
    assert session.decisions == [] and session.current.id == 1


def test_deciding_when_all_are_decided_is_an_error():
    session = ReviewSession(PROPOSALS[:1])
    session.accept()
    with pytest.raises(ValueError, match="every proposal is decided"):
        session.accept()


def test_resume_skips_decided_proposals_and_cannot_undo_them():
    earlier = ReviewSession(PROPOSALS)
    earlier.accept()
    earlier.reject()
    saved = read_decisions(write_decisions(earlier.decisions), "d.jsonl")  # through the file format
    session = resume(PROPOSALS, saved, "d.jsonl")
    assert session.current.id == 3 and session.counts() == (1, 1, 3)
    assert session.undo() == ()


def test_resume_refuses_decisions_about_other_proposals():
    other = Proposal(2, make(2, "Sam Altman", original="xyz").edit, "sha")
    with pytest.raises(InputError) as error:
        resume(PROPOSALS, [Decision(other, "accept", "Sam Altman")], "d.jsonl")
    assert str(error.value) == (
        "d.jsonl: decision 2 ('xyz' -> 'Sam Altman' at line 1) is not among the current proposals "
        "(another lexicon or other --passes?); review with the same settings or use another --decisions file"
    )


def test_every_key_runs_a_session_method():
    for key in KEYS.values():
        assert key.action == "quit" or callable(getattr(ReviewSession, key.action))
    assert KEYS["A"].describe("'OpenAI' (3)") == "accept all 'OpenAI' (3)"
