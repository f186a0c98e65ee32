"""`correction.review.learn`: what each decision adds to which row, and what the next run then does."""

from __future__ import annotations

import warnings

import pytest

from correction import Corrector, Entry, Lexicon
from correction.edits import Edit
from correction.review.decisions import Decision, Proposal, proposals_for
from correction.review.learn import latest, learn, word_run

LEXICON = (
    Entry("OpenAI", kind="org", context=("chatgpt",)),
    Entry("Sam Altman", kind="person", context=("openai",)),
    Entry("Ilya Sutskever", kind="person", lang="", context=("openai", "board")),
    Entry("Greg Brockman", kind="person"),
    Entry("Mark Zuckerberg", kind="person"),
)
TEXT = ("Le PDG d'OpenEye, Salman Altman, parle à ILIA, donc un membre du board d'OpenAI.\n"
        "Puis Greg Brokman part, comme Marc Zuckerberg, et il y a, donc Ilya, qui part.\n")
# What the corrector proposes on TEXT with LEXICON: (original, replacement, entity)
PROPOSED = {
    "OpenEye": ("OpenAI", "OpenAI"),
    "Salman": ("Sam", "Sam Altman"),
    "ILIA": ("Ilya", "Ilya Sutskever"),
    "Brokman": ("Brockman", "Greg Brockman"),
    "Marc": ("Mark", "Mark Zuckerberg"),
    "il y a": ("Ilya", "Ilya Sutskever"),
}


def decision(original, proposed, entity, verdict="accept", replacement=None, number=1):
    edit = Edit(0, len(original), original, proposed, 1, 0, entity, "phonetic", 0.9, "test")
    return Decision(Proposal(number, edit, "0" * 64), verdict, replacement or proposed)


def rows(result):
    return {entry.term: entry for entry in result.entries}


def load(entries) -> Lexicon:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # learning must never create a contradiction the loader warns about
        return Lexicon.from_entries(entries)


# --- the rule, one decision at a time -------------------------------------------------------

@pytest.mark.parametrize("made, term, aliases, new_rows", [
    # the whole term: an alias of the entity
    (decision("OpenEye", "OpenAI", "OpenAI"), "OpenAI", ("OpenEye",), ()),
    # a part of a name: an alias of a row for the part, and the whole name as heard for the entity
    (decision("ILIA", "Ilya", "Ilya Sutskever"), "Ilya", ("ILIA",), ("Ilya",)),
    (decision("ILIA", "Ilya", "Ilya Sutskever"), "Ilya Sutskever", ("ILIA Sutskever",), ("Ilya",)),
    (decision("Salman", "Sam", "Sam Altman"), "Sam Altman", ("Salman Altman",), ("Sam",)),
    # the reviewer's replacement, not the proposal, is what an accepted fix teaches
    (decision("OpenEye", "OpenAI", "OpenAI", replacement="Open Eye Labs"), "Open Eye Labs", ("OpenEye",),
     ("Open Eye Labs",)),
    # an entity the lexicon lacks gets a new row
    (decision("Antropic", "Anthropic", "Anthropic"), "Anthropic", ("Antropic",), ("Anthropic",)),
    # same letters as the term: the exact pass already finds it, nothing to add
    (decision("Open AI", "OpenAI", "OpenAI"), "OpenAI", (), ()),
    (decision("il y a", "Ilya", "Ilya Sutskever"), "Ilya Sutskever", (), ()),
])
def test_accepted_fix_becomes_an_alias_of_the_row_named_by_its_replacement(made, term, aliases, new_rows):
    result = learn(LEXICON, [made])
    assert rows(result)[term].aliases == aliases
    assert result.added_rows == new_rows


def test_a_part_row_inherits_kind_lang_context_and_negatives_of_the_person():
    lexicon = (Entry("Ilya Sutskever", kind="person", lang="fr", context=("openai",), negatives=("il y a",)),)
    part = rows(learn(lexicon, [decision("ILIA", "Ilya", "Ilya Sutskever")]))["Ilya"]
    assert (part.kind, part.lang, part.context, part.negatives) == ("person", "fr", ("sutskever", "openai"), ("il y a",))


@pytest.mark.parametrize("made, negatives", [
    (decision("OpenEye", "OpenAI", "OpenAI", "reject"), {"OpenAI": ("OpenEye",)}),
    # a part: matched alone or inside the whole name, so both spans are blocked
    (decision("Salman", "Sam", "Sam Altman", "reject"), {"Sam Altman": ("Salman", "Salman Altman")}),
    (decision("Brokman", "Brockman", "Greg Brockman", "reject"), {"Greg Brockman": ("Brokman", "Greg Brokman")}),
    # an entity the lexicon lacks gets a new row, kind term
    (decision("Antropic", "Anthropic", "Anthropic", "reject"), {"Anthropic": ("Antropic",)}),
])
def test_rejected_fix_becomes_a_negative(made, negatives):
    learned = rows(learn(LEXICON, [made]))
    assert {term: learned[term].negatives for term in negatives} == negatives


def test_a_new_row_for_an_unknown_entity_has_kind_term():
    made = [decision("Antropic", "Anthropic", "Anthropic"), decision("Mistrale", "Mistral AI", "Mistral AI", "reject")]
    learned = rows(learn(LEXICON, made))
    assert (learned["Anthropic"].kind, learned["Mistral AI"].kind) == ("term", "term")


def test_a_rejection_reaches_every_row_that_rewrites_to_the_same_text():
    # "Ilya" learned as a part row earlier: rejecting "il y a" -> "Ilya" must block both rows
    lexicon = LEXICON + (Entry("Ilya", aliases=("ILIA",), kind="person"),)
    learned = rows(learn(lexicon, [decision("il y a", "Ilya", "Ilya Sutskever", "reject")]))
    assert learned["Ilya"].negatives == ("il y a",)
    assert learned["Ilya Sutskever"].negatives == ("il y a", "il y a Sutskever")


@pytest.mark.parametrize("decisions, note", [
    ([decision("OpenEye", "OpenAI", "OpenAI"), decision("OpenEye", "OpenAI", "OpenAI", "reject", number=2)],
     "'OpenEye' -> 'OpenAI' was both accepted and rejected: not learned (decide in the lexicon by hand)"),
    ([decision("Open Eye", "OpenAI", "OpenAI", "reject")],
     "'Open Eye' is an alias of 'OpenAI': not added as a negative (remove the alias to stop this fix)"),
    ([decision("Open Hey", "OpenAI", "OpenAI")],
     "'Open Hey' is a negative of 'OpenAI': not added as an alias (remove the negative first)"),
    ([decision("Sam Altman", "OpenAI", "OpenAI")],
     "'Sam Altman' already names 'Sam Altman': not added as an alias of 'OpenAI'"),
    ([decision("OpenAI", "OpenAI", "OpenAI")], "'OpenAI' accepted unchanged as 'OpenAI': nothing to learn"),
])
def test_contradictions_are_left_out_with_a_note(decisions, note):
    lexicon = (Entry("OpenAI", aliases=("Open Eye",), negatives=("Open Hey",)), Entry("Sam Altman"))
    result = learn(lexicon, decisions)
    assert result.notes == (note,)
    assert result.learned == () and result.entries == lexicon


def test_learning_keeps_rows_and_their_order_and_appends_new_rows():
    result = learn(LEXICON, [decision("Antropic", "Anthropic", "Anthropic"), decision("OpenEye", "OpenAI", "OpenAI")])
    assert [entry.term for entry in result.entries] == [entry.term for entry in LEXICON] + ["Anthropic"]
    assert result.summary == "2 aliases added, 0 negatives added, 1 new row (Anthropic)"


def test_learning_twice_adds_nothing_more():
    made = [decision("OpenEye", "OpenAI", "OpenAI"), decision("ILIA", "Ilya", "Ilya Sutskever", number=2),
            decision("Salman", "Sam", "Sam Altman", "reject", number=3)]
    once = learn(LEXICON, made)
    twice = learn(once.entries, made)
    assert twice.learned == () and twice.entries == once.entries


def test_a_later_decision_on_the_same_proposal_wins():
    first, second = decision("OpenEye", "OpenAI", "OpenAI"), decision("OpenEye", "OpenAI", "OpenAI", "reject")
    assert latest([first, second]) == [second]


@pytest.mark.parametrize("part, term, position", [
    ("Ilya", "Ilya Sutskever", 0), ("Sutskever", "Ilya Sutskever", 1), ("ilya", "Ilya Sutskever", 0),
    ("Ilya Sutskever", "Ilya Sutskever", None), ("Brock", "Greg Brockman", None), ("", "OpenAI", None),
])
def test_word_run(part, term, position):
    assert word_run(part, term) == position


# --- the next run ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def first_run():
    result = Corrector(Lexicon.from_entries(LEXICON)).correct(TEXT)
    return {edit.original: edit for edit in result.edits}, proposals_for(result.edits, TEXT)


def test_the_first_run_proposes_what_the_cases_below_expect(first_run):
    edits, _ = first_run
    assert {original: (edit.replacement, edit.entity) for original, edit in edits.items()} == PROPOSED


def decided(first_run, original, verdict):
    _, proposals = first_run
    proposal = next(proposal for proposal in proposals if proposal.edit.original == original)
    return Decision(proposal, verdict, proposal.edit.replacement)


@pytest.mark.parametrize("original", sorted(PROPOSED))
def test_a_rejected_proposal_does_not_come_back(first_run, original):
    lexicon = load(learn(LEXICON, [decided(first_run, original, "reject")]).entries)
    again = Corrector(lexicon).correct(TEXT)
    replacement, _ = PROPOSED[original]
    assert (original, replacement) not in {(edit.original, edit.replacement) for edit in again.edits}


@pytest.mark.parametrize("original", sorted(set(PROPOSED) - {"il y a"}))
def test_an_accepted_fix_is_found_by_the_exact_pass_next_time(first_run, original):
    lexicon = load(learn(LEXICON, [decided(first_run, original, "accept")]).entries)
    again = {edit.original: edit for edit in Corrector(lexicon).correct(TEXT).edits}
    assert (again[original].replacement, again[original].pass_name) == (PROPOSED[original][0], "exact")


def test_accepting_everything_then_correcting_again_gives_the_same_text_by_exact_matches(first_run):
    _, proposals = first_run
    learned = learn(LEXICON, [Decision(proposal, "accept", proposal.edit.replacement) for proposal in proposals])
    again = Corrector(load(learned.entries)).correct(TEXT)
    first = Corrector(Lexicon.from_entries(LEXICON)).correct(TEXT)
    assert again.text == first.text
    # "il y a" has the letters of "Ilya": the exact pass found it the first time already
    assert {edit.pass_name for edit in again.edits} == {"exact"}
