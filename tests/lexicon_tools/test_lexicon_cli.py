"""`correction lexicon learn|extract|check` through the real command group: exit codes, exact lines, files."""

from __future__ import annotations

from pathlib import Path

import pytest

from correction import Lexicon
from correction.lexicon import read_entries
from correction.review.decisions import Decision, read_proposals, write_decisions

HEADER = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed" / "header.txt"
LEXICON_CSV = ("term,aliases,sounds_like,kind,lang,context,negatives\n"
               "OpenAI,,,org,,chatgpt,\n"
               "Sam Altman,,,person,,openai,\n"
               "Ilya Sutskever,,,person,,openai|board,\n")
TEXT = "Le PDG d'OpenEye, Salman Altman, parle à ILIA, donc un membre du board d'OpenAI.\n"


@pytest.fixture
def lexicon_file(tmp_path):
    path = tmp_path / "episode.csv"
    path.write_text(LEXICON_CSV, encoding="utf-8")
    return path


def decisions_file(run, tmp_path, lexicon_file, verdicts):
    """Correct TEXT, then decide each proposal: ``verdicts`` maps original -> accept/reject."""
    source = tmp_path / "talk.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("correct", source, "--lexicon", lexicon_file, "--edits", tmp_path / "talk.edits.jsonl")
    assert result.exit_code == 0, result.stderr
    proposals = read_proposals((tmp_path / "talk.edits.jsonl").read_text(encoding="utf-8"), "talk.edits.jsonl")
    decisions = [Decision(proposal, verdicts[proposal.edit.original], proposal.edit.replacement)
                 for proposal in proposals if proposal.edit.original in verdicts]
    path = tmp_path / "talk.decisions.jsonl"
    path.write_text(write_decisions(decisions), encoding="utf-8")
    return path


# --- help ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], ["learn"], ["extract"], ["check"]])
def test_every_help_has_examples(run, command):
    result = run("lexicon", *command, "--help")
    assert result.exit_code == 0 and "\n  Examples:\n    correction lexicon " in result.stdout


# --- learn --------------------------------------------------------------------------------------

def test_learn_merges_into_the_lexicon_and_the_next_run_uses_it(run, tmp_path, lexicon_file):
    decisions = decisions_file(run, tmp_path, lexicon_file,
                               {"OpenEye": "accept", "ILIA": "accept", "Salman": "reject"})
    result = run("lexicon", "learn", decisions, "--into", lexicon_file)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"{lexicon_file}: 3 aliases added, 2 negatives added, 1 new row (Ilya) "
                             "from 3 decision(s)\n")
    assert lexicon_file.read_text(encoding="utf-8") == (
        "term,aliases,sounds_like,kind,lang,context,negatives\n"
        "OpenAI,OpenEye,,org,,chatgpt,\n"
        "Sam Altman,,,person,,openai,Salman|Salman Altman\n"
        "Ilya Sutskever,ILIA Sutskever,,person,,openai|board,\n"
        "Ilya,ILIA,,person,,sutskever|openai|board,\n")
    again = run("correct", tmp_path / "talk.txt", "--lexicon", lexicon_file)
    assert again.stdout == "Le PDG d'OpenAI, Salman Altman, parle à Ilya, donc un membre du board d'OpenAI.\n"


def test_learn_creates_a_missing_lexicon(run, tmp_path, lexicon_file):
    decisions = decisions_file(run, tmp_path, lexicon_file, {"OpenEye": "reject"})
    into = tmp_path / "new" / "learned.csv"
    result = run("lexicon", "learn", decisions, "--into", into)
    assert result.exit_code == 0, result.stderr
    assert into.read_text(encoding="utf-8") == ("term,aliases,sounds_like,kind,lang,context,negatives\n"
                                                "OpenAI,,,term,,,OpenEye\n")
    # used with the lexicon the proposals came from, the rows merge and the proposal is gone
    again = run("correct", tmp_path / "talk.txt", "--lexicon", lexicon_file, "--lexicon", into)
    assert "OpenEye" in again.stdout and "Sam Altman" in again.stdout


def test_learn_reads_several_files_and_notes_what_it_leaves_out(run, tmp_path, lexicon_file):
    first = decisions_file(run, tmp_path, lexicon_file, {"OpenEye": "accept"})
    second = tmp_path / "second.jsonl"
    second.write_text(first.read_text(encoding="utf-8").replace('"decision": "accept"', '"decision": "reject"'),
                      encoding="utf-8")
    before = lexicon_file.read_text(encoding="utf-8")
    result = run("lexicon", "learn", first, second, "--into", lexicon_file)
    assert result.exit_code == 0
    assert result.stderr == ("note: 'OpenEye' -> 'OpenAI' was both accepted and rejected: not learned "
                             "(decide in the lexicon by hand)\n"
                             f"{lexicon_file}: nothing learned from 2 decision(s); not written\n")
    assert lexicon_file.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("make, error", [
    (lambda tmp: ("bad.jsonl", '{"id": 1}\n'), "error: {tmp}/bad.jsonl:1: bad decision record: missing field(s): column, end, "
                                                 "entity, line, original, pass_name, reason, score, start"),
    (lambda tmp: ("missing.jsonl", None), "error: {tmp}/missing.jsonl: no such file"),
])
def test_learn_bad_decisions_exit_2_and_write_nothing(run, tmp_path, lexicon_file, make, error):
    name, content = make(tmp_path)
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    before = lexicon_file.read_text(encoding="utf-8")
    result = run("lexicon", "learn", tmp_path / name, "--into", lexicon_file)
    assert result.exit_code == 2
    assert result.stderr == error.format(tmp=tmp_path) + "\n"
    assert lexicon_file.read_text(encoding="utf-8") == before


def test_learn_into_a_text_list_is_refused(run, tmp_path, lexicon_file):
    decisions = decisions_file(run, tmp_path, lexicon_file, {"OpenEye": "accept"})
    result = run("lexicon", "learn", decisions, "--into", tmp_path / "terms.txt")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path}/terms.txt: not a .csv file: lexicon tools write CSV tables "
                             "(term, aliases, ... negatives)\n")
    assert not (tmp_path / "terms.txt").exists()


def test_learn_needs_into(run, tmp_path):
    result = run("lexicon", "learn", tmp_path / "d.jsonl")
    assert result.exit_code == 2 and "Missing option '--into'" in result.stderr


# --- extract ------------------------------------------------------------------------------------

HEADER_CSV = ("term,aliases,sounds_like,kind,lang,context,negatives\n"
              "OpenAI,Open AI,opène aï|opeune a i,org,,chatgpt|altman|gpt|sora,\n"
              "Sam Altman,,sam altmane|samme altmann,person,,openai|ceo|pdg|chatgpt|worldcoin,\n"
              "Matthieu Lambda,,,person,,underscore|micode|podcast|youtube|émission,\n"
              "Acast,,,term,,,\n")


def test_extract_the_seed_notes_to_stdout(run):
    result = run("lexicon", "extract", HEADER)
    assert result.exit_code == 0
    assert result.stdout == HEADER_CSV
    assert result.stderr == f"4 term(s): 3 from the lexicon, 1 new (check their kind): Acast (term, {HEADER}:17)\n"


def test_extract_into_keeps_existing_rows(run, lexicon_file):
    result = run("lexicon", "extract", "-", "--into", lexicon_file, input="Chez OpenAI, avec Zorg Blimpo.\n")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == ("2 term(s): 1 from the lexicon, 1 new (check their kind): Zorg Blimpo "
                             f"(person, <stdin>:1); 1 row(s) added to {lexicon_file}, 1 already there\n")
    assert lexicon_file.read_text(encoding="utf-8") == LEXICON_CSV + "Zorg Blimpo,,,person,,,\n"
    assert len(Lexicon.load(lexicon_file)) == 4


def test_extract_with_another_lexicon(run, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("Acast\n", encoding="utf-8")
    result = run("lexicon", "extract", HEADER, "--lexicon", terms)
    assert result.exit_code == 0
    assert [entry.term for entry in read_entries_from(result.stdout, tmp_path)] == [
        "OpenAI", "Sam Altman", "Matthieu Lambda", "Acast"]
    assert result.stderr.startswith("4 term(s): 1 from the lexicon, 3 new (check their kind): OpenAI (term, ")


def read_entries_from(csv_text, folder):
    path = folder / "out.csv"
    path.write_text(csv_text, encoding="utf-8")
    return read_entries(path)


def test_extract_binary_notes_exit_2(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"OpenAI\x00")
    result = run("lexicon", "extract", notes)
    assert result.exit_code == 2
    assert result.stderr == f"error: {notes}:1: binary file (NUL byte), expected UTF-8 text\n"


# --- check --------------------------------------------------------------------------------------

def test_check_a_clean_lexicon_exits_0(run, lexicon_file):
    result = run("lexicon", "check", lexicon_file)
    assert result.exit_code == 0
    assert result.stdout == ("3 terms in 3 rows of 1 file(s): 0 duplicate(s), 0 contradiction(s)\n"
                             "kinds: person 2, org 1\n"
                             "langs: any 3\n")


def test_check_the_shipped_lexicon_is_clean(run):
    assert run("lexicon", "check", Path(__file__).resolve().parents[2] / "lexicons" / "default.csv").exit_code == 0


def test_check_reports_problems_and_exits_1(run, tmp_path, lexicon_file):
    other = tmp_path / "other.csv"
    other.write_text("term,aliases,negatives\n"
                     "OpenAI,OpenEye,OpenEye\n"
                     "Anthropic,Sam Altman,\n"
                     "Anthropic,,\n", encoding="utf-8")
    result = run("lexicon", "check", lexicon_file, other)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{other}:2: negative 'OpenEye' of 'OpenAI' is also its alias ({other}:2)\n"
        f"{other}:3: alias 'Sam Altman' of 'Anthropic' is the term 'Sam Altman' ({lexicon_file}:3)\n"
        f"{other}:4: duplicate term 'Anthropic': also at {other}:3\n"
        "4 terms in 6 rows of 2 file(s), 1 extended by a later file: 1 duplicate(s), 2 contradiction(s)\n"
        "kinds: person 2, org 1, term 1\n"
        "langs: any 4\n")


@pytest.mark.parametrize("content, error", [
    (None, "error: {path}: no such file"),
    ("name,aliases\nOpenAI,\n", "error: {path}:1: no 'term' column in the header row"),
    ("term,kind,lang\nOpenAI,org,de\n", "error: {path}:2: lang 'de' is not fr, en or empty"),
])
def test_check_an_unreadable_lexicon_exits_2(run, tmp_path, content, error):
    path = tmp_path / "bad.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("lexicon", "check", path)
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr == error.format(path=path) + "\n"
