"""The committed asr-loop sets (benchmarks/data/asr-loop) hold together: each gold edit turns its
raw line into the reference line, names its own entity, and a name said alone (a first name or a
surname, in spliced sets) is a part of its person's name, as the reference writes it."""

import json
from pathlib import Path

import pytest

from correction.bench.dataset import load_dataset

SETS = sorted((Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "asr-loop").glob("*/*-*"))


def _apply(line: str, spans) -> str:
    for span in sorted(spans, key=lambda span: -span.start):
        line = line[: span.start] + span.text + line[span.end :]
    return line


@pytest.mark.parametrize("folder", SETS, ids=lambda folder: f"{folder.parent.name}/{folder.name}")
def test_gold_turns_raw_into_reference(folder):
    dataset = load_dataset(folder)
    terms = {line.split(",")[0] for line in (folder / "lexicon.csv").read_text(encoding="utf-8").splitlines()[1:]}
    by_line: dict[int, list] = {}
    for span in dataset.gold:
        assert span.entity in terms, f"{folder.name}:{span.line}: {span.entity!r} is not in the set's lexicon"
        assert dataset.raw_lines[span.line - 1][span.start : span.end] == span.original
        by_line.setdefault(span.line, []).append(span)
    for number, (raw, reference) in enumerate(zip(dataset.raw_lines, dataset.reference_lines), start=1):
        assert _apply(raw, by_line.get(number, [])) == reference, f"{folder.name}:{number}"


def test_spliced_sets_say_some_persons_by_one_part_of_their_name():
    parts = []
    for folder in SETS:
        if folder.parent.name != "spliced":
            continue
        for line in (folder / "edits.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "alone" in record["why"]:
                parts.append(record)
    assert len(parts) > 100
    for record in parts:
        said = record["why"].split("says ", 1)[1].rsplit(" alone", 1)[0].strip("'\"")
        assert said in record["entity"].split(" ", 1), record  # the first name, or the rest: the surname
        assert record["gold"] in said, record  # the gold covers only the words heard wrong


@pytest.mark.parametrize("folder", [folder for folder in SETS if folder.parent.name == "spliced"],
                         ids=lambda folder: folder.name)
def test_spliced_sets_are_episodes_about_their_cast(folder):
    dataset = load_dataset(folder)
    casts = [json.loads(line)["cast"] for line in (folder / "episodes.jsonl").read_text(encoding="utf-8").splitlines()]
    transcripts = dataset.transcripts()
    assert len(transcripts) == len(casts) > 1
    in_cast = named = 0
    for transcript, cast in zip(transcripts, casts):
        assert len(transcript.raw_lines) > 10
        for span in transcript.gold + transcript.correct:
            named += 1
            in_cast += span.entity in cast
    assert in_cast / named > 0.7  # the rest are names outside the cast, said in passing


def test_the_committed_sets_are_what_build_makes_from_the_heard_cache(tmp_path):
    """The sets are made, not edited: rebuilding them from the heard cache (no recogniser needed)
    gives the committed files byte for byte, so a change to how gold is read off what was heard
    ("William, c'" is no heard form of Serena Williams) shows in the data it commits."""
    from benchmarks.asr_loop.build import OUT, build_all

    build_all(tmp_path, log=lambda message: None)
    made = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*") if path.is_file())
    assert made
    for relative in made:
        assert (tmp_path / relative).read_bytes() == (OUT / relative).read_bytes(), relative
