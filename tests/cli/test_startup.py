"""What a `correction` process loads before it corrects anything: each start is paid once per run,
and with `--jobs N` before any worker starts, so it bounds how much the workers can gain."""

import json
import os
import subprocess
import sys

import pytest


def loaded_after(statement: str, env: dict | None = None) -> dict:
    """The heavy modules a fresh interpreter holds after ``statement``, and its OPENBLAS_NUM_THREADS."""
    probe = (f"{statement}\nimport json, os, sys\n"
             "heavy = ('numpy', 'pandas', 'pyarrow', 'dask', 'wordfreq', 'multiprocessing', 'concurrent.futures')\n"
             "print(json.dumps({'modules': [name for name in heavy if name in sys.modules],\n"
             "                  'openblas_threads': os.environ.get('OPENBLAS_NUM_THREADS')}))")
    environ = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**environ, **(env or {})})
    return json.loads(out.stdout)


@pytest.mark.parametrize("statement, modules", [
    # `correction --help` and the command group: no sub-command's libraries
    ("import correction.cli", []),
    # `correction correct`: the index's arrays need numpy; pandas only for archives, worker
    # processes only for --jobs N on a folder, word frequencies on the first word looked up
    ("import correction.cli.correct", ["numpy"]),
    # what runs one file or --jobs 1: processes are started only for --jobs N on a folder
    ("import correction.parallel", []),
])
def test_a_command_loads_only_what_its_default_path_uses(statement, modules):
    assert loaded_after(statement)["modules"] == modules


def test_openblas_runs_one_thread_unless_the_user_says_otherwise():
    assert loaded_after("import correction.cli")["openblas_threads"] == "1"
    assert loaded_after("import correction.cli", {"OPENBLAS_NUM_THREADS": "3"})["openblas_threads"] == "3"


def test_a_warm_run_answers_word_frequencies_without_wordfreq(tmp_path):
    # the first run builds the word table (with wordfreq); the next reads it and never imports wordfreq
    text, lexicon = tmp_path / "talk.txt", tmp_path / "names.txt"
    text.write_text("Salman Altman a parlé d'OpenEye samedi, peut-être vers 20h30 en 2024.\n", encoding="utf-8")
    lexicon.write_text("Sam Altman\nOpenAI\n", encoding="utf-8")  # a small index: quick to build
    run = (f"from correction.cli import main\ntry:\n    main(['correct', {str(text)!r}, '--lexicon', {str(lexicon)!r}, "
           f"'-o', {str(tmp_path / 'out.txt')!r}])\nexcept SystemExit:\n    pass")
    env = {"CORRECTION_CACHE_DIR": str(tmp_path / "cache")}
    assert "wordfreq" in loaded_after(run, env)["modules"]
    assert "wordfreq" not in loaded_after(run, env)["modules"]
    assert "wordfreq" in loaded_after(run.replace("'-o'", "'--no-cache', '-o'"), env)["modules"]
