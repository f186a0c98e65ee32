"""`correction correct` through the real command group: exit codes, exact error lines, outputs."""

import json
from pathlib import Path

import pytest


SEED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"


@pytest.fixture
def terms(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("OpenAI\nSam Altman\n", encoding="utf-8")
    return path


def test_corrects_the_bundled_sample_with_the_default_lexicon(run, tmp_path):
    out, log = tmp_path / "fixed.txt", tmp_path / "edits.jsonl"
    result = run("correct", SEED / "raw.txt", "-o", out, "--edits", log)
    assert result.exit_code == 0, result.stderr
    raw = (SEED / "raw.txt").read_text(encoding="utf-8")
    fixed = out.read_text(encoding="utf-8")
    assert fixed != raw and fixed.count("\n") == raw.count("\n")
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30 and {"line", "column", "original", "replacement", "entity", "pass_name", "score",
                                    "reason"} <= records[0].keys()
    assert result.stderr.startswith(f"{len(records)} edits in 1 file(s)")


def test_stdin_to_stdout(run, terms):
    result = run("correct", "-", "--lexicon", terms, input="le PDG d'OpenEye\n")
    assert result.exit_code == 0 and result.stdout == "le PDG d'OpenAI\n"


def test_srt_keeps_cues_and_timings(run, tmp_path, terms):
    source = tmp_path / "talk.srt"
    source.write_text(SRT, encoding="utf-8")
    result = run("correct", source, "--lexicon", terms)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SRT.replace("OpenEye", "OpenAI").replace("Salman\n", "Sam\n")


def test_folder_in_folder_out(run, tmp_path, terms):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("OpenEye\n", encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.srt").write_text(SRT, encoding="utf-8")
    result = run("correct", tmp_path / "in", "-o", tmp_path / "out", "--lexicon", terms, "--edits", tmp_path / "log")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "OpenAI\n"
    assert "OpenAI" in (tmp_path / "out" / "sub" / "b.srt").read_text(encoding="utf-8")
    assert (tmp_path / "log" / "sub" / "b.edits.jsonl").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["nope.txt"], "error: nope.txt: no such file"),
        (["bin.txt"], "error: bin.txt:1: binary file (NUL byte), expected UTF-8 text"),
        (["latin.txt"], "error: latin.txt:2: not valid UTF-8 (byte 0xe9 at offset 12)"),
        (["ok.txt", "--lexicon", "bad.csv"], "error: bad.csv:3: row without a term"),
        (["ok.txt", "--passes", "exact,magic"],
         "error: --passes: unknown pass magic; choose from exact, fuzzy, phonetic, context"),
        (["ok.txt", "-o", "ok.txt"], "error: ok.txt: output is the input file; pass --in-place to overwrite it"),
        (["ok.txt", "-o", "."], "error: .: is a folder; one transcript needs a file for its corrected text "
                                "(a folder is for a folder of transcripts)"),
        (["broken.srt"], None),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    Path("ok.txt").write_text("OpenEye\n", encoding="utf-8")
    Path("bin.txt").write_bytes(b"Open\x00Eye\n")
    Path("latin.txt").write_bytes(b"premier\nSoci\xe9t\xe9\n")
    Path("bad.csv").write_text("term,kind\nOpenAI,org\n,person\n", encoding="utf-8")
    Path("broken.srt").write_text("1\n00:00:01,000 --> nonsense\nOpenEye\n", encoding="utf-8")
    before = sorted(Path(".").iterdir())
    result = run("correct", *args, "--edits", "log.jsonl")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    if message:
        assert lines[0] == message
    else:
        assert lines[0].startswith("error: broken.srt:")
    assert sorted(Path(".").iterdir()) == before  # no output, no edit log, no temporary file
    assert Path("ok.txt").read_text(encoding="utf-8") == "OpenEye\n"


def test_in_place_overwrites_only_when_asked(run, tmp_path, terms):
    path = tmp_path / "talk.txt"
    path.write_text("OpenEye\n", encoding="utf-8")
    assert run("correct", path, "-o", path, "--lexicon", terms, "--in-place").exit_code == 0
    assert path.read_text(encoding="utf-8") == "OpenAI\n"


def test_help_lists_commands_and_examples(run):
    assert "correct" in run("--help").stdout
    help_text = run("correct", "--help").stdout
    assert "Examples:" in help_text and "exact, fuzzy, phonetic, context" in help_text


def test_a_folder_run_that_fails_half_way_writes_no_output(run, tmp_path, terms, monkeypatch):
    from correction.formats import Document

    source = tmp_path / "in"
    source.mkdir()
    for name in ("a", "b", "c"):
        (source / f"{name}.txt").write_text(f"OpenEye {name}\n", encoding="utf-8")
    render = Document.render

    def fails_on_b(document, edits):
        if "OpenEye b" in document.text:
            raise RuntimeError("b cannot be rendered")
        return render(document, edits)

    monkeypatch.setattr(Document, "render", fails_on_b)
    with pytest.raises(RuntimeError, match="b cannot be rendered"):
        run("correct", source, "-o", tmp_path / "out", "--lexicon", terms, "--edits", tmp_path / "log", "--jobs", "1")
    # "a" was corrected and staged before "b" failed; neither it nor a temporary is left
    assert [path for path in tmp_path.rglob("*") if path.parent.name in ("out", "log")] == []
