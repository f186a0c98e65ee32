"""`correction apply`: accepted fixes written in the input's format; stale decisions refused."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from correction.cli import main
from correction.edits import Edit, text_sha256
from correction.formats import read_document
from correction.review.decisions import Decision, proposals_for, write_decisions

TEXT = "le PDG d'OpenEye parle\nà Salman Altman et à OpenEye\n"
# As in tests/cli/test_correct_cli.py; with a CRLF variant, which must stay CRLF.
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"
CHANGES = [("OpenEye", "OpenAI", "OpenAI"), ("Salman", "Sam", "Sam Altman"), ("OpenEye", "OpenAI", "OpenAI")]


def write_decisions_for(path, source, fmt, verdicts):
    """Decisions on CHANGES (as far as ``verdicts`` goes): "a" accept, "r" reject, other text = edited."""
    text = read_document(source, "input", fmt).text
    edits, cursor = [], 0
    for original, replacement, entity in CHANGES[: len(verdicts)]:
        start = text.index(original, cursor)
        cursor = start + len(original)
        line, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1)
        edits.append(Edit(start, cursor, original, replacement, line, column, entity, "fuzzy", 0.9, "why"))
    decisions = []
    for proposal, verdict in zip(proposals_for(edits, source), verdicts):
        replacement = proposal.edit.replacement if verdict in ("a", "r") else verdict
        decisions.append(Decision(proposal, "reject" if verdict == "r" else "accept", replacement))
    path.write_text(write_decisions(decisions), encoding="utf-8")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(main, ["apply", *map(str, args)], catch_exceptions=False)
    return invoke


def test_plain_text_round_trip_to_stdout(run):
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    write_decisions_for(Path("d.jsonl"), TEXT, "txt", ["a", "r", "Open AI"])
    result = run("talk.txt", "d.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "le PDG d'OpenAI parle\nà Salman Altman et à Open AI\n"
    assert result.stderr == "2 accepted fix(es) applied, 1 rejected\n"


@pytest.mark.parametrize("source", [SRT, SRT.replace("\n", "\r\n")])
def test_subtitle_round_trip_keeps_cues_and_timings(run, source):
    Path("talk.srt").write_bytes(source.encode("utf-8"))
    write_decisions_for(Path("d.jsonl"), source, "srt", ["a", "Sam"])
    result = run("talk.srt", "d.jsonl", "-o", "fixed.srt")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert Path("fixed.srt").read_bytes() == source.replace("OpenEye", "OpenAI").replace("Salman", "Sam").encode()


def test_the_review_then_apply_flow(run):
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    Path("terms.txt").write_text("OpenAI\nSam Altman\n", encoding="utf-8")
    review = CliRunner().invoke(main, ["review", "talk.txt", "--lexicon", "terms.txt", "--interactive"], input="Ar")
    assert review.exit_code == 0, review.stderr
    result = run("talk.txt", "talk.txt.decisions.jsonl", "--format", "txt")
    assert result.stdout == "le PDG d'OpenAI parle\nà Salman Altman et à OpenAI\n"  # A: both OpenEye; r: Salman


def test_decisions_for_another_version_are_refused_and_nothing_is_written(run):
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    older = TEXT.replace("parle", "parlait")
    write_decisions_for(Path("d.jsonl"), older, "txt", ["a"])
    old = text_sha256(older)
    result = run("talk.txt", "d.jsonl", "-o", "out.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"error: d.jsonl: decisions were made for another version of the input (checksum "
                             f"{old[:12]}, input has {text_sha256(TEXT)[:12]}); nothing written\n")
    assert sorted(p.name for p in Path(".").iterdir()) == ["d.jsonl", "talk.txt"]


def test_bad_decisions_file_names_the_line(run):
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    Path("d.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    result = run("talk.txt", "d.jsonl")
    assert result.exit_code == 2 and result.stderr.startswith("error: d.jsonl:1: bad ")


def test_output_over_the_input_needs_in_place(run):
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    write_decisions_for(Path("d.jsonl"), TEXT, "txt", ["a"])
    result = run("talk.txt", "d.jsonl", "-o", "talk.txt")
    assert result.exit_code == 2
    assert result.stderr == "error: talk.txt: output is the input file; pass --in-place to overwrite it\n"
    assert Path("talk.txt").read_text(encoding="utf-8") == TEXT
    assert run("talk.txt", "d.jsonl", "-o", "talk.txt", "--in-place").exit_code == 0
    assert Path("talk.txt").read_text(encoding="utf-8") == TEXT.replace("OpenEye", "OpenAI", 1)
