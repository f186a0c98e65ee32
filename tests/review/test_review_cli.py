"""`correction review` through the command group: views, --edits checks, interactive keys, --html."""

import json
from pathlib import Path

import click
import pytest

from correction.edits import Edit, text_sha256, write_edits_jsonl
from correction.formats import read_document

TEXT = "le PDG d'OpenEye parle\nà Salman Altman et à OpenEye\n"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"
CHANGES = [("OpenEye", "OpenAI", "OpenAI"), ("Salman", "Sam", "Sam Altman"), ("OpenEye", "OpenAI", "OpenAI")]


def write_proposals(path, source, fmt, changes):
    """A proposal file as `correct --edits` writes it: each change at the next occurrence of its original."""
    text = read_document(source, str(path), fmt).text
    edits, cursor = [], 0
    for original, replacement, entity in changes:
        start = text.index(original, cursor)
        cursor = start + len(original)
        line, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1)
        edits.append(Edit(start, cursor, original, replacement, line, column, entity, "fuzzy", 0.9,
                          f"spelled like {entity}"))
    path.write_text(write_edits_jsonl(edits, text_sha256(source)), encoding="utf-8")
    return path


@pytest.fixture
def talk(tmp_path, monkeypatch):
    """talk.txt and its proposals talk.edits.jsonl, in the current folder."""
    monkeypatch.chdir(tmp_path)
    Path("talk.txt").write_text(TEXT, encoding="utf-8")
    write_proposals(Path("talk.edits.jsonl"), TEXT, "txt", CHANGES)
    return Path("talk.txt")


def test_view_numbers_each_proposal_with_its_diff_in_context(run, talk):
    result = run("review", talk, "--edits", "talk.edits.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "#1  line 1  OpenAI  fuzzy 0.90\n"
        "    le PDG d'[-OpenEye-]{+OpenAI+} parle ↵ à Salman Altman…\n"
        "    spelled like OpenAI\n"
        "\n"
        "#2  line 2  Sam Altman  fuzzy 0.90\n"
        "    …PDG d'OpenEye parle ↵ à [-Salman-]{+Sam+} Altman et à OpenEye\n"
        "    spelled like Sam Altman\n"
        "\n"
        "#3  line 2  OpenAI  fuzzy 0.90\n"
        "    …Salman Altman et à [-OpenEye-]{+OpenAI+}\n"
        "    spelled like OpenAI\n"
    )
    assert result.stderr == "3 proposals for talk.txt\n"


def test_view_runs_the_corrector_without_edits(run, talk):
    Path("terms.txt").write_text("OpenAI\nSam Altman\n", encoding="utf-8")
    result = run("review", talk, "--lexicon", "terms.txt")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("#1  line 1  OpenAI  ")
    assert "le PDG d'[-OpenEye-]{+OpenAI+} parle" in result.stdout and "#3  line 2  OpenAI  " in result.stdout


@pytest.mark.parametrize("terminal, env, coloured", [(False, {}, False), (True, {}, True)])
def test_colour_follows_use_color(run, talk, monkeypatch, terminal, env, coloured):
    # CliRunner's stdout is never a terminal; the real terminal is tested in test_review_pty.py.
    import correction.cli.review as module

    monkeypatch.setattr(module, "use_color", lambda stream: terminal)
    result = run("review", talk, "--edits", "talk.edits.jsonl", env=env)
    assert (click.style("OpenEye", fg="red", strikethrough=True) in result.stdout) is coloured
    assert ("[-OpenEye-]" in result.stdout) is not coloured


def test_unified_diff_of_a_subtitle_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("talk.srt").write_text(SRT, encoding="utf-8")
    write_proposals(Path("p.jsonl"), SRT, "srt", CHANGES[:2])
    result = run("review", "talk.srt", "--edits", "p.jsonl", "--unified")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "--- a/talk.srt\n+++ b/talk.srt\n@@ -1,8 +1,8 @@\n"
        " 1\n 00:00:01,000 --> 00:00:03,000\n-le PDG d'OpenEye\n+le PDG d'OpenAI\n \n"
        " 2\n 00:00:03,500 --> 00:00:05,000\n-parle à Salman\n+parle à Sam\n Altman\n"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--edits", "stale.jsonl"],
         "error: stale.jsonl: proposals were made for another version of talk.txt (checksum {old}, talk.txt has "
         "{new}); make them again with `correction correct talk.txt --edits stale.jsonl`"),
        (["--edits", "talk.edits.jsonl", "--lexicon", "terms.txt"],
         "error: --lexicon: has no effect with --edits (the proposals are read from that file)"),
        (["--edits", "talk.edits.jsonl", "--min-score", "0.9"],
         "error: --min-score: has no effect with --edits (the proposals are read from that file)"),
        (["--unified", "--interactive"], "error: --interactive: choose one view: --unified or --interactive"),
        (["--decisions", "d.jsonl"], "error: --decisions: is only used with --interactive"),
        (["--html", "talk.txt"], "error: talk.txt: would overwrite INPUT; choose another file"),
        (["--edits", "talk.edits.jsonl", "--format", "srt"], None),
    ],
)
def test_bad_usage_is_one_line_exit_2_and_nothing_written(run, talk, args, message):
    stale = TEXT.replace("parle", "parlait")
    write_proposals(Path("stale.jsonl"), stale, "txt", CHANGES)
    Path("terms.txt").write_text("OpenAI\n", encoding="utf-8")
    before = sorted(Path(".").iterdir())
    result = run("review", talk, *args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    if message:
        assert lines[0] == message.format(old=text_sha256(stale)[:12], new=text_sha256(TEXT)[:12])
    assert sorted(Path(".").iterdir()) == before


def test_interactive_needs_a_file(run):
    result = run("review", "-", "--interactive", input="OpenEye\n")
    assert result.exit_code == 2
    assert result.stderr == "error: --interactive: INPUT must be a file (decisions are saved next to it)\n"


def decisions(path="talk.txt.decisions.jsonl"):
    return [(r["id"], r["decision"], r["replacement"]) for r in map(json.loads, Path(path).read_text("utf-8").splitlines())]


def test_interactive_keys_save_after_each_decision_and_resume(run, talk):
    review = ["review", talk, "--edits", "talk.edits.jsonl", "--interactive"]
    result = run(*review, input="eOpen AI\nxq")     # edit #1, an unknown key, quit
    assert result.exit_code == 0, result.stderr
    assert "[1/3] #1  line 1  OpenAI" in result.stdout and "no action for 'x'" in result.stdout
    assert "A accept all 'OpenAI' (2)" in result.stdout
    assert decisions() == [(1, "accept", "Open AI")]
    assert result.stderr == ("1 accepted, 0 rejected, 2 left; decisions in talk.txt.decisions.jsonl\n"
                             "run the same command again to resume\n"
                             "apply: correction apply talk.txt talk.txt.decisions.jsonl\n")

    result = run(*review, input="ruR")               # reject #2, undo it, reject all 'Sam Altman' (just #2)
    assert "resuming: 1 of 3 decided" in result.stdout and "undo: #2" in result.stdout
    assert "[2/3] #2" in result.stdout and "[3/3] #3" in result.stdout
    assert decisions() == [(1, "accept", "Open AI"), (2, "reject", "Sam")]

    result = run(*review, input="A")                 # accept all 'OpenAI': #3, and the file is complete
    assert decisions() == [(1, "accept", "Open AI"), (2, "reject", "Sam"), (3, "accept", "OpenAI")]
    assert "accepted #3" in result.stdout
    result = run(*review)
    assert result.exit_code == 0 and "every proposal is decided already" in result.stdout


def test_interactive_bulk_and_undo_of_the_bulk(run, talk):
    result = run("review", talk, "--edits", "talk.edits.jsonl", "--interactive", "--decisions", "d.jsonl",
                 input="Auaq")
    assert "accepted #1, #3" in result.stdout and "undo: #1, #3" in result.stdout
    assert decisions("d.jsonl") == [(1, "accept", "OpenAI")]
    assert not Path("talk.txt.decisions.jsonl").exists()


def test_interactive_refuses_an_edit_that_would_break_a_cue(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("talk.srt").write_text(SRT, encoding="utf-8")
    write_proposals(Path("p.jsonl"), SRT, "srt", [("le PDG d'OpenEye", "OpenAI", "OpenAI")])
    result = run("review", "talk.srt", "--edits", "p.jsonl", "--interactive", input="e \nq")
    assert "not used: edit at line 1, column 0 leaves a blank line, which would end the cue" in result.stdout
    assert not Path("talk.srt.decisions.jsonl").exists()


def test_interactive_refuses_decisions_for_another_version(run, talk):
    run("review", talk, "--edits", "talk.edits.jsonl", "--interactive", input="a")
    Path("talk.txt").write_text(TEXT + "fin\n", encoding="utf-8")
    write_proposals(Path("talk.edits.jsonl"), TEXT + "fin\n", "txt", CHANGES)
    result = run("review", talk, "--edits", "talk.edits.jsonl", "--interactive", input="a")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: talk.txt.decisions.jsonl: decisions were made for another version of talk.txt (checksum "
        f"{text_sha256(TEXT)[:12]}, talk.txt has {text_sha256(TEXT + 'fin' + chr(10))[:12]}); "
        "use another --decisions file\n"
    )


def test_html_report(run, talk):
    pytest.importorskip("correction.review.html")
    result = run("review", talk, "--edits", "talk.edits.jsonl", "--html", "report.html")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "wrote report.html (3 proposals)\n"
    page = Path("report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "talk.txt" in page


def test_html_report_of_a_subtitle_file(run, tmp_path, monkeypatch):
    pytest.importorskip("correction.review.html")
    monkeypatch.chdir(tmp_path)
    Path("talk.srt").write_text(SRT, encoding="utf-8")
    write_proposals(Path("p.jsonl"), SRT, "srt", CHANGES[:2])
    result = run("review", "talk.srt", "--edits", "p.jsonl", "--html", "report.html")
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("command", ["review", "apply"])
def test_help_has_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.stdout
