"""Shared fixtures: the bundled dev set and lexicons built from it, the CLI, and a headless Chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from correction import Corrector, Lexicon

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "benchmarks" / "data" / "seed"

CHROMIUM = "/usr/bin/chromium"
# Quiet, offline, fast: no first-run work, no background fetches (the pages must need none).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory):
    """The CLI caches lexicon indexes; the tests' caches go to a temporary folder, not the user's."""
    os.environ["CORRECTION_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    return Path(os.environ["CORRECTION_CACHE_DIR"])


@pytest.fixture(scope="session")
def seed() -> dict:
    return {
        "raw": (SEED / "raw.txt").read_text(encoding="utf-8"),
        "reference": (SEED / "reference.txt").read_text(encoding="utf-8"),
        "edits": read_jsonl(SEED / "edits.jsonl"),
        "traps": read_jsonl(SEED / "traps.jsonl"),
        "correct": read_jsonl(SEED / "correct.jsonl"),
    }


@pytest.fixture(scope="session")
def canonical_lexicon(seed) -> Lexicon:
    """Canonical terms only: the distinct entities of the gold, no aliases or sounds-likes."""
    return Lexicon.from_terms(sorted({row["entity"] for row in seed["edits"] + seed["correct"]}), name="seed-canonical")


@pytest.fixture(scope="session")
def default_corrector() -> Corrector:
    return Corrector(Lexicon.load())


@pytest.fixture(scope="session")
def canonical_corrector(canonical_lexicon) -> Corrector:
    return Corrector(canonical_lexicon)


@pytest.fixture
def run():
    """Run the `correction` command group in-process: ``run("correct", path, "--edits", log)``."""
    from click.testing import CliRunner

    from correction.cli import main

    def invoke(*args, input=None, env=None):
        return CliRunner().invoke(main, [str(arg) for arg in args], input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session, driven by Playwright (the review page tests)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
