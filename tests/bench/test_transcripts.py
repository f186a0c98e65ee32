"""A data set made of several transcripts (``episodes.jsonl``) is split into them, each with its
own lines and spans, and a system's outputs on them join back into the whole set's coordinates."""

from __future__ import annotations

import json

import pytest

from correction.bench.dataset import load_dataset
from correction.bench.systems import SYSTEMS, run_by_transcript
from correction.errors import InputError
from correction.lexicon import Lexicon

RAW = "Le PDG d'Open AI parle.\nIl y a du monde.\nOpen AI recrute.\n"
REFERENCE = "Le PDG d'OpenAI parle.\nIl y a du monde.\nOpenAI recrute.\n"
GOLD = [{"line": 1, "start": 9, "end": 16, "raw": "Open AI", "gold": "OpenAI", "entity": "OpenAI"},
        {"line": 3, "start": 0, "end": 7, "raw": "Open AI", "gold": "OpenAI", "entity": "OpenAI"}]
TRAPS = [{"line": 2, "start": 0, "end": 6, "text": "Il y a"}]


def _write(folder, episodes: str | None):
    folder.mkdir()
    files = {"raw.txt": RAW, "reference.txt": REFERENCE,
             "edits.jsonl": "".join(json.dumps(row) + "\n" for row in GOLD),
             "traps.jsonl": "".join(json.dumps(row) + "\n" for row in TRAPS)}
    if episodes is not None:
        files["episodes.jsonl"] = episodes
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


TWO = '{"first_line": 1, "last_line": 2}\n{"first_line": 3, "last_line": 3}\n'


def test_a_set_without_episodes_is_one_transcript(tmp_path):
    dataset = load_dataset(_write(tmp_path / "one", None))
    assert dataset.transcripts() == (dataset,)


def test_episodes_split_lines_and_spans(tmp_path):
    dataset = load_dataset(_write(tmp_path / "two", TWO))
    first, second = dataset.transcripts()
    assert first.raw == "Le PDG d'Open AI parle.\nIl y a du monde.\n"
    assert second.raw == "Open AI recrute.\n"
    assert first.raw + second.raw == dataset.raw
    assert first.reference + second.reference == dataset.reference
    assert [(span.line, span.start) for span in first.gold] == [(1, 9)]
    assert [(span.line, span.start) for span in second.gold] == [(1, 0)]  # line 3 is its first line
    assert [span.line for span in first.traps] == [2] and second.traps == ()


def test_outputs_of_transcripts_join_in_the_whole_sets_coordinates(tmp_path):
    dataset = load_dataset(_write(tmp_path / "two", TWO))
    run = SYSTEMS["+exact"](Lexicon.from_terms(["OpenAI"]))
    output = run_by_transcript(run, dataset.transcripts())
    assert output.text == REFERENCE
    assert [(edit.line, edit.column) for edit in output.edits] == [(1, 9), (3, 0)]
    assert all(dataset.raw[edit.start : edit.end] == edit.original for edit in output.edits)


@pytest.mark.parametrize(("episodes", "line"), [
    ('{"first_line": 1, "last_line": 1}\n{"first_line": 3, "last_line": 3}\n', 2),  # a gap
    ('{"first_line": 1, "last_line": 2}\nnot json\n', 2),
    ('{"first_line": 1}\n', 1),
])
def test_bad_episode_records_name_the_file_and_line(tmp_path, episodes, line):
    folder = _write(tmp_path / "bad", episodes)
    with pytest.raises(InputError) as error:
        load_dataset(folder)
    assert str(error.value).startswith(f"{folder / 'episodes.jsonl'}:{line}: ")


def test_episodes_that_stop_short_of_the_last_line_are_an_error(tmp_path):
    folder = _write(tmp_path / "short", '{"first_line": 1, "last_line": 2}\n')
    with pytest.raises(InputError, match="end at line 2, the transcript at 3"):
        load_dataset(folder)
