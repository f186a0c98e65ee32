"""The hand-written probe sets (benchmarks/data/probes-*: names and domains the dev set lacks) and
the dev set in lower case (a recogniser without casing).

The probes were written while the engine was built, so these are regression bounds, not quality claims.
"""

from pathlib import Path

import pytest

from correction import Corrector
from correction.bench.dataset import load_dataset
from correction.scoring.edits import score_edits

PROBES = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


@pytest.mark.parametrize("name, casing, min_fixed", [
    ("probes-en", "as written", 0.9), ("probes-fr", "as written", 0.9),
    ("probes-en", "lower case", 0.5), ("probes-fr", "lower case", 0.5), ("seed", "lower case", 0.5),
])
def test_probe_set_with_its_canonical_lexicon(name, casing, min_fixed):
    dataset = load_dataset(PROBES / name)
    lower = casing == "lower case"
    raw = dataset.raw.lower() if lower else dataset.raw
    result = Corrector(dataset.canonical_lexicon()).correct(raw)
    # in a lower-case transcript the fixes are written in lower case too
    gold = [span.rewritten(str.lower) if lower else span for span in dataset.gold]
    score = score_edits(gold, result.edits, list(dataset.traps), list(dataset.correct))
    assert score.traps_touched == () and score.correct_touched == ()
    assert score.right == score.predicted, [(e.original, e.replacement) for e in result.edits]
    assert score.recall >= min_fixed, score.recall


def test_the_probe_gold_is_what_the_generator_derives(tmp_path):
    """edits.jsonl and friends are derived files: regenerating them changes nothing."""
    import shutil
    import subprocess
    import sys

    for name in ("probes-en", "probes-fr"):
        copy = tmp_path / name
        shutil.copytree(PROBES / name, copy)
        subprocess.run([sys.executable, str(PROBES.parent / "make_probe_gold.py"), str(copy)], check=True,
                       capture_output=True)
        for derived in ("edits.jsonl", "correct.jsonl", "traps.jsonl"):
            assert (copy / derived).read_text(encoding="utf-8") == (PROBES / name / derived).read_text(encoding="utf-8")
