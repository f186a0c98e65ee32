"""Archives (Parquet) and Dask: the same texts and edits as the serial CLI, file by file."""

import json
import sys
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

SEED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("term,kind\nSam Altman,person\nOpenAI,org\nIlya Sutskever,person\nSatya Nadella,person\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path):
    """Seven transcripts: plain text cut from the dev set, one SRT, one marked English; two row groups."""
    lines = [line for line in (SEED / "raw.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = ["\n".join(lines[number * 12 : number * 12 + 12]) + "\n" for number in range(5)]
    frame = pd.DataFrame({"id": [f"t{number}" for number in range(7)],
                          "text": [*texts, SRT, "OpenEye hired Salman Altman.\n"],
                          "format": ["txt"] * 5 + ["srt", None],
                          "lang": [None] * 6 + ["en"]})
    path = tmp_path / "archive.parquet"
    frame.to_parquet(path, row_group_size=4)
    return path, frame


def serial_cli(run, tmp_path, frame, people):
    """Each transcript through `correction correct FILE --edits LOG`: the reference."""
    texts, edits = [], []
    for row in frame.itertuples():
        source = tmp_path / "files" / f"{row.id}.{row.format if isinstance(row.format, str) else 'txt'}"
        source.parent.mkdir(exist_ok=True)
        source.write_text(row.text, encoding="utf-8")
        log = tmp_path / "files" / f"{row.id}.jsonl"
        args = ["--lang", row.lang] if isinstance(row.lang, str) else []
        result = run("correct", source, "--lexicon", people, "--edits", log, *args)
        assert result.exit_code == 0, result.stderr
        texts.append(result.stdout)
        for line in log.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            record.pop("input_sha256")
            edits.append({"id": row.id, **record})
    return texts, edits


def archive_cli(run, tmp_path, source, people, *extra):
    out = tmp_path / f"out{len(list(tmp_path.glob('out*.parquet')))}.parquet"
    result = run("correct", source, "-o", out, "--lexicon", people, *extra)
    assert result.exit_code == 0, result.stderr
    table = pd.read_parquet(out)
    edits = pd.read_parquet(str(out).replace(".parquet", ".edits.parquet"))
    return table, edits.to_dict("records"), result.stderr


def test_an_archive_gives_the_texts_and_edits_of_the_serial_cli(run, tmp_path, archive, people):
    source, frame = archive
    texts, edits = serial_cli(run, tmp_path, frame, people)
    table, archived, log = archive_cli(run, tmp_path, source, people)
    assert table["text"].tolist() == texts and table["id"].tolist() == frame["id"].tolist()
    assert list(table.columns) == ["id", "text", "format", "lang"]
    assert archived == edits and len(edits) >= 5 and {edit["id"] for edit in edits} >= {"t5", "t6"}
    assert log.strip().endswith(f"in 7 transcript(s) ({', '.join(_by_pass(edits))})")


def _by_pass(edits):
    order = ["exact", "fuzzy", "phonetic", "context"]
    counts = {name: sum(edit["pass_name"] == name for edit in edits) for name in order}
    return [f"{name} {count}" for name, count in counts.items() if count]


@pytest.fixture
def threaded_local_cluster(monkeypatch):
    """Dask's LocalCluster with its 2 workers as threads of this process: the same code, a faster start."""
    pytest.importorskip("distributed")
    from correction import dask_run

    monkeypatch.setattr(dask_run, "LOCAL_PROCESSES", False)


def test_dask_local_cluster_gives_the_same_archive(run, tmp_path, archive, people, threaded_local_cluster):
    source, _ = archive
    serial = archive_cli(run, tmp_path, source, people)
    table, edits, log = archive_cli(run, tmp_path, source, people, "--dask", "local", "--jobs", "2")
    assert "dask: LocalCluster of 2 worker(s); dashboard http" in log
    assert table.equals(serial[0]) and edits == serial[1]


def test_dask_local_cluster_gives_the_same_folder(run, tmp_path, archive, people, threaded_local_cluster):
    _, frame = archive
    folder = tmp_path / "in"
    folder.mkdir()
    for row in frame.itertuples():
        (folder / f"{row.id}.{row.format if isinstance(row.format, str) else 'txt'}").write_text(row.text, encoding="utf-8")
    outputs = []
    for extra in ([], ["--dask", "local", "--jobs", "2"]):
        out = tmp_path / f"out{len(outputs)}"
        result = run("correct", folder, "-o", out, "--edits", out / "log", "--lexicon", people, *extra)
        assert result.exit_code == 0, result.stderr
        outputs.append({path.relative_to(out): path.read_text(encoding="utf-8") for path in out.rglob("*.*")})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 14


@pytest.mark.parametrize("args, message", [
    (["-o", "out.txt"], "error: out.txt: an archive is corrected into another: give -o OUT.parquet"),
    ([], "error: archive.parquet: an archive is corrected into another: give -o OUT.parquet"),
])
def test_archive_usage_errors(run, tmp_path, monkeypatch, archive, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("correct", "archive.parquet", *args)
    assert result.exit_code == 2 and result.stderr.strip().splitlines()[-1] == message


def test_an_archive_without_a_text_column_is_refused(run, tmp_path):
    source = tmp_path / "bad.parquet"
    pd.DataFrame({"id": [1], "body": ["x"]}).to_parquet(source)
    result = run("correct", source, "-o", tmp_path / "out.parquet")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {source}: no text column; an archive needs id and text "
                                     "(and may have format, lang)")


def test_a_missing_extra_is_one_line(run, tmp_path, monkeypatch, archive):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if correction[dask] were not installed
    source, _ = archive
    result = run("correct", source, "-o", tmp_path / "out.parquet")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {source}: needs pyarrow, which is not installed; "
                                     "pip install 'correction[dask]'")


def test_dask_needs_a_folder_or_an_archive(run, tmp_path):
    source = tmp_path / "talk.txt"
    source.write_text("OpenEye\n", encoding="utf-8")
    result = run("correct", source, "--dask", "local")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --dask: runs a folder or a .parquet archive, not one transcript"
