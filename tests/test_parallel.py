"""Worker processes: the corrector a spec builds, and results in input order."""

import gc
from pathlib import Path

from correction.parallel import EngineSpec, correct_in_processes, correct_texts

SEED = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "seed" / "raw.txt"


def test_a_spec_builds_the_corrector_with_every_option_it_was_given(tmp_path):
    spec = EngineSpec.of([], None, passes="exact,fuzzy", min_score=0.9, lang="fr", decision="model",
                         min_confidence=0.7)
    corrector = spec.corrector()
    assert corrector.pass_names == ("exact", "fuzzy") and corrector.settings.min_score == 0.9
    assert corrector.lang == "fr" and corrector.decision == "model" and corrector.settings.min_confidence == 0.7
    assert spec.corrector() is corrector  # built once per process
    assert spec.corrector("en").lang == "en"


def test_processes_return_each_texts_edits_in_input_order(tmp_path):
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    # texts of unequal lengths, not sorted: the workers take them longest first
    sizes = [3, 20, 8, 1, 15, 30, 5, 12]
    starts = [sum(sizes[:number]) for number in range(len(sizes))]
    texts = ["\n".join(lines[start : start + size]) for start, size in zip(starts, sizes)]
    assert len(set(texts)) == len(sizes) and sorted(texts, key=len) != texts
    spec = EngineSpec.of([], None, passes="exact,fuzzy,phonetic,context", lang="fr")
    serial = correct_texts(spec, texts)
    assert list(correct_in_processes(spec, texts, jobs=2)) == serial and sum(map(len, serial)) >= 5
    assert gc.get_freeze_count() == 0  # frozen for the fork only: the parent's objects are collected again
