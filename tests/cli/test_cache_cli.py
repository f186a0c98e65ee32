"""`--cache DIR` / `--no-cache` on `correct`, and `correction lexicon build`."""

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed"


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("term,kind,lang\nSam Altman,person,\nOpenAI,org,\nIlya Sutskever,person,fr\n", encoding="utf-8")
    return path


def stored(folder: Path) -> list[str]:
    """The kinds of file stored, but the word table (tests/test_wordfreq_table.py): whether a run
    reads it depends on which words earlier tests in the process left in the look-up cache."""
    kinds = sorted(str(path.relative_to(folder).parent) for path in folder.rglob("*.arrays"))
    return [kind for kind in kinds if kind != "wordfreq"]


def test_correct_stores_then_reuses_the_index_with_the_same_output(run, tmp_path, people):
    cache = tmp_path / "cache"
    outputs = []
    for _ in range(2):
        result = run("correct", SEED / "raw.txt", "--lexicon", people, "--cache", cache)
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert stored(cache) == ["index", "lexicon", "readings"]  # one of each (the transcript is French)
    uncached = run("correct", SEED / "raw.txt", "--lexicon", people, "--no-cache", "--cache", tmp_path / "unused")
    assert outputs[0] == outputs[1] == uncached.stdout and "Sam Altman" in uncached.stdout
    assert not (tmp_path / "unused").exists()


def test_lexicon_build_then_correct_finds_the_index_up_to_date(run, tmp_path, people):
    cache = tmp_path / "cache"
    result = run("lexicon", "build", people, "--cache", cache)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(": built (transcripts in ") == 2  # Ilya Sutskever is fr only
    assert stored(cache) == ["index", "index", "lexicon", "readings"]
    again = run("lexicon", "build", people, "--cache", cache)
    assert again.stderr.count(": up to date (transcripts in ") == 2


@pytest.mark.parametrize("args, message", [
    (["--no-cache"], "error: --no-cache: nothing to build without a cache"),
    (["missing.csv"], "error: missing.csv: no such file"),
])
def test_lexicon_build_errors(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("lexicon", "build", *args)
    assert result.exit_code == 2 and result.stderr.strip().splitlines()[-1] == message


def test_jobs_write_exactly_what_a_serial_run_writes(run, tmp_path, people):
    source = tmp_path / "in"
    lines = [line for line in (SEED / "raw.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    for number in range(6):  # six files of unequal length, in sub-folders
        folder = source / f"part{number % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"t{number}.txt").write_text("\n".join(lines[number * 9 : number * 9 + 4 + number * 3]) + "\n",
                                              encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2"):
        out, log = tmp_path / f"out{jobs}", tmp_path / f"log{jobs}"
        result = run("correct", source, "-o", out, "--edits", log, "--jobs", jobs, "--lexicon", people,
                     "--cache", tmp_path / "cache")
        assert result.exit_code == 0, result.stderr
        outputs[jobs] = ({path.relative_to(out): path.read_text(encoding="utf-8") for path in out.rglob("*.txt")},
                         {path.relative_to(log): path.read_text(encoding="utf-8") for path in log.rglob("*.jsonl")},
                         result.stderr)
    assert len(outputs["1"][0]) == 6 and any(outputs["1"][1].values())
    assert outputs["1"] == outputs["2"]
