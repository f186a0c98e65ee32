"""The benchmark runner on a tiny synthetic data set: row order, scores, totals."""

from __future__ import annotations

import jiwer
import pytest

from correction.bench.dataset import load_dataset
from correction.bench.runner import CANONICAL, LexiconSetting, Row, run_bench, run_dataset
from correction.bench.systems import SYSTEMS
from correction.lexicon import Lexicon
from correction.scoring.alignment import Counts
from correction.scoring.edits import Breakdown
from correction.scoring.normalize import NORMALIZERS


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, make_dataset):
    return load_dataset(make_dataset(tmp_path_factory.mktemp("data") / "tiny"))


@pytest.fixture(scope="module")
def rows(tiny):
    return {row.system: row for row in run_dataset(tiny, CANONICAL, repeat=1)}


def test_rows_in_table_order(rows):
    assert list(rows) == ["raw", "+exact", "+fuzzy", "+phonetic", "+context", "flashtext", "rapidfuzz"]
    assert list(rows) == list(SYSTEMS)
    assert {row.lexicon for row in rows.values()} == {"canonical"}


def test_canonical_lexicon_is_the_distinct_entities(tiny):
    lexicon = tiny.canonical_lexicon()
    assert [entry.term for entry in lexicon] == ["Microsoft", "OpenAI", "Satya Nadella"]
    assert all(not entry.aliases and not entry.sounds_like for entry in lexicon)


def test_raw_row_wer_is_jiwer_on_the_normalised_lines(rows, tiny):
    raw = rows["raw"]
    assert raw.normalize == "fr"  # detected from the engine's language
    normalizer = NORMALIZERS[raw.normalize]
    expected = jiwer.wer(normalizer.many(tiny.reference_lines), normalizer.many(tiny.raw_lines))
    assert raw.wer == pytest.approx(expected)
    assert raw.wer > 0
    assert raw.cer == pytest.approx(
        jiwer.cer(normalizer.many(tiny.reference_lines), normalizer.many(tiny.raw_lines)))
    assert (raw.edits.predicted, raw.edits.fixed, raw.seconds) == (0, 0, None)


def test_exact_row_fixes_the_spacing_error(rows):
    exact = rows["+exact"]
    assert (exact.edits.gold, exact.edits.predicted, exact.edits.right, exact.edits.fixed) == (1, 1, 1, 1)
    assert (exact.precision, exact.recall, exact.f1) == (1.0, 1.0, 1.0)
    assert exact.wer == 0.0 and exact.b_wer == 0.0
    assert exact.seconds is not None and exact.words_per_second > 0


def test_no_row_touches_the_trap_or_the_correct_names(rows):
    for row in rows.values():
        assert (row.traps, row.correct) == (1, 2)
        assert (row.traps_touched, row.correct_touched) == (0, 0), row.system


def test_normalisation_can_be_forced(tiny):
    rows = run_dataset(tiny, CANONICAL, normalize="none", repeat=1)
    assert {row.normalize for row in rows} == {"none"}


def test_total_sums_counts_and_recomputes_ratios(tmp_path, make_dataset):
    first = load_dataset(make_dataset(tmp_path / "one"))
    second = load_dataset(make_dataset(tmp_path / "two"))
    lexicon = Lexicon.from_terms(["OpenAI"], name="given")
    result = run_bench([first, second], [CANONICAL, LexiconSetting("given", lexicon)], repeat=1)
    assert result.tables == ("one", "two", "total")
    assert len(result.rows) == 3 * 2 * len(SYSTEMS)
    single = {(row.lexicon, row.system): row for row in result.rows_of("one")}
    for total in result.rows_of("total"):
        one = single[(total.lexicon, total.system)]
        assert total.words.reference == 2 * one.words.reference
        assert total.edits.gold == 2 and total.traps == 2
        assert total.wer == pytest.approx(one.wer)
        assert total.f1 == pytest.approx(one.f1)


def test_row_checks_its_counts():
    counts = Counts(1, 0, 0, 0)
    with pytest.raises(ValueError, match="Row.traps_touched"):
        Row("d", "l", "s", "fr", counts, counts, counts, counts, Breakdown("s", 0, 0, 0, 0), traps=1,
            traps_touched=2, correct=0, correct_touched=0, input_words=1, seconds=None, signature="")
