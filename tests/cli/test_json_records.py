"""A JSON Lines record that is valid JSON but not an object (a list, a number, a string, null):
every command that reads records says what it found in one line, exit 2, and writes nothing."""

import pytest


@pytest.mark.parametrize("record, found", [("[1, 2]", "a list"), ("3", "a number"), ('"text"', "a string"),
                                           ("null", "null")])
@pytest.mark.parametrize("args, kind", [
    (("review", "talk.txt", "--edits", "records.jsonl"), "edit"),
    (("apply", "talk.txt", "records.jsonl", "-o", "out.txt"), "decision"),
    (("lexicon", "learn", "records.jsonl", "--into", "out.csv"), "decision"),
])
def test_a_record_that_is_not_an_object_is_one_line_and_exit_2(run, tmp_path, monkeypatch, record, found, args, kind):
    (tmp_path / "talk.txt").write_text("le PDG d'OpenEye\n", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(record + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"error: records.jsonl:1: bad {kind} record: expected a JSON object, found {found}\n"
    assert not (tmp_path / "out.txt").exists() and not (tmp_path / "out.csv").exists()
