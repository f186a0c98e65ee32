"""JSON nested thousands of levels deep: every command that reads JSON says so in one line, exit 2.

Python's json parser (and the Whisper JSON scanner after it) recurses once per level; without
care such a file ends in a RecursionError traceback.
"""

import pytest

DEEP = "[" * 5000 + "]" * 5000
TOO_DEEP = "nested too deeply (more levels than the parser can hold)"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "talk.txt").write_text("le PDG d'OpenEye\n", encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text(DEEP + "\n", encoding="utf-8")
    (tmp_path / "deep.json").write_text(DEEP, encoding="utf-8")
    # deep enough for the scanner, shallow enough for json.loads: the second guard
    inner = "[" * 600 + "]" * 600
    (tmp_path / "deepish.json").write_text('{"segments": [{"text": "hi", "x": ' + inner + "}]}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args, line", [
    (("correct", "deep.json"), f"error: deep.json:1: invalid JSON: {TOO_DEEP} (column 1)"),
    (("correct", "deepish.json"), f"error: deepish.json:1: invalid JSON: {TOO_DEEP}"),
    (("review", "talk.txt", "--edits", "deep.jsonl"),
     f"error: deep.jsonl:1: bad edit record: {TOO_DEEP}: line 1 column 1 (char 0)"),
    (("apply", "talk.txt", "deep.jsonl"),
     f"error: deep.jsonl:1: bad decision record: {TOO_DEEP}: line 1 column 1 (char 0)"),
    (("lexicon", "learn", "deep.jsonl", "--into", "learned.csv"),
     f"error: deep.jsonl:1: bad decision record: {TOO_DEEP}: line 1 column 1 (char 0)"),
    (("score", "--gold-edits", "deep.jsonl", "--edits", "deep.jsonl"),
     f"error: deep.jsonl:1: not a JSON object: {TOO_DEEP}"),
])
def test_deep_json_is_one_line_and_exit_2(run, files, monkeypatch, args, line):
    monkeypatch.chdir(files)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"
    assert not (files / "learned.csv").exists()
