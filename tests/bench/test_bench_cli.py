"""`correction bench` through the command group: outputs, exit codes and exact error lines."""

from __future__ import annotations

from click.testing import CliRunner

from correction.cli import main


def run(*args):
    return CliRunner().invoke(main, ["bench", *map(str, args)])


def test_writes_markdown_csv_and_chart(tiny_dir, tmp_path):
    out = tmp_path / "results"
    result = run(tiny_dir, "--out", out, "--repeat", "1")
    assert result.exit_code == 0, result.output
    assert "| lexicon | system | WER | CER | B-WER | U-WER |" in result.stdout
    assert "| canonical | +exact |" in result.stdout and "| default.csv | rapidfuzz |" in result.stdout
    assert sorted(path.name for path in out.iterdir()) == ["bench.csv", "bench.md", "bench.png"]
    assert (out / "bench.md").read_text(encoding="utf-8") == result.stdout
    assert (out / "bench.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    csv_lines = (out / "bench.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("dataset,lexicon,system,normalize,wer,cer,b_wer,u_wer,precision,recall,f1,")
    assert len(csv_lines) == 1 + 2 * 7
    assert result.stderr.strip().startswith("wrote ")


def test_dataset_without_raw_txt_is_one_error_line(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run(folder, "--out", tmp_path / "results")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {folder}: no raw.txt in this folder: a dataset folder holds raw.txt, reference.txt, "
        "edits.jsonl (and optionally traps.jsonl, correct.jsonl, episodes.jsonl)\n"
    )
    assert not (tmp_path / "results").exists()


def test_missing_folder_is_one_error_line(tmp_path):
    result = run(tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'nowhere'}: not a folder:")
    assert result.stderr.count("\n") == 1


def test_help_has_examples():
    result = run("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and "correction bench benchmarks/data/seed --out" in result.output
