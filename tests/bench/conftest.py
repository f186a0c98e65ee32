"""A tiny synthetic data set in the layout of benchmarks/data/seed, written under tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RAW = "Le PDG d'Open AI parle ce matin.\nIl y a du monde samedi.\nSatya Nadella travaille chez Microsoft.\n"
REFERENCE = "Le PDG d'OpenAI parle ce matin.\nIl y a du monde samedi.\nSatya Nadella travaille chez Microsoft.\n"
GOLD = [{"line": 1, "start": 9, "end": 16, "raw": "Open AI", "gold": "OpenAI", "entity": "OpenAI",
         "class": "spacing_casing"}]
TRAPS = [{"line": 2, "start": 0, "end": 6, "text": "Il y a", "why": "there is, not Ilya"}]
CORRECT = [{"line": 3, "start": 0, "end": 13, "text": "Satya Nadella", "entity": "Satya Nadella"},
           {"line": 3, "start": 29, "end": 38, "text": "Microsoft", "entity": "Microsoft"}]


def jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_dataset(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("raw.txt", RAW), ("reference.txt", REFERENCE), ("edits.jsonl", jsonl(GOLD)),
                       ("traps.jsonl", jsonl(TRAPS)), ("correct.jsonl", jsonl(CORRECT))):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_dir(tmp_path) -> Path:
    return write_dataset(tmp_path / "tiny")


@pytest.fixture(scope="session")
def make_dataset():
    """``make_dataset(folder)`` writes the tiny data set into ``folder`` and returns it."""
    return write_dataset
