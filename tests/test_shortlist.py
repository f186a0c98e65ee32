"""The large-lexicon look-up path (posting lists past POSTINGS_CAP) checked against brute force."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from correction import index as index_module
from correction.index import NgramIndex
from correction.shortlist import cutoff_bounds, top_counts

WORDS = st.text(alphabet=st.sampled_from("abeilnorst"), min_size=3, max_size=14)


@pytest.fixture
def capped(monkeypatch):
    """Every posting list counts as long: the bounded path runs even on a small index."""
    monkeypatch.setattr(index_module, "POSTINGS_CAP", 0)


# the fixture only sets a constant, the same for every example
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(WORDS, min_size=1, max_size=60), query=WORDS,
       cutoff=st.sampled_from([0.7, 0.75, 0.8, 0.85, 0.9]))
def test_bounded_search_misses_no_key_that_reaches_the_cutoff(capped, keys, query, cutoff):
    index = NgramIndex(keys)
    found = {number for number, _ in index.search(query, cutoff=cutoff, limit=len(keys))}
    for number, key in enumerate(keys):
        if Indel.normalized_similarity(query, key) >= cutoff - 1e-9 and 0.6 * len(query) <= len(key) <= len(query) / 0.6:
            assert number in found, (key, Indel.normalized_similarity(query, key))


@settings(max_examples=100, deadline=None)
@given(keys=st.lists(WORDS, min_size=1, max_size=60), query=WORDS)
def test_below_the_cap_the_shortlist_is_a_count_over_the_whole_lexicon(keys, query):
    """The shipped lexicon's look-ups: the same shortlist as counting every key's shared bigrams."""
    index = NgramIndex(keys)
    wanted = set(index_module.bigram_codes([query])[0].tolist())
    shared = np.array([len(wanted & set(index_module.bigram_codes([key])[0].tolist())) for key in keys])
    lengths = np.array([len(key) for key in keys])
    ids = np.flatnonzero((shared >= 2) & (lengths >= len(query) * 0.6) & (lengths * 0.6 <= len(query)))
    expected = ids[np.argpartition(-shared[ids], 23)[:24]] if len(ids) > 24 else ids
    assert index.shortlist(query, cutoff=0.8).tolist() == expected.tolist()


@settings(max_examples=200, deadline=None)
@given(counts=st.lists(st.integers(0, 9), max_size=80), limit=st.integers(1, 30))
def test_top_counts_are_the_largest_ties_to_the_earliest(counts, limit):
    expected = sorted(sorted(range(len(counts)), key=lambda position: (-counts[position], position))[:limit])
    assert top_counts(np.array(counts, dtype=np.int64), limit).tolist() == expected


@pytest.mark.parametrize("size, cutoff, need, shortest, longest", [
    (6, 0.8, 3, 4, 9),     # a 4-letter key can reach 0.8 (lcs 4 of 10) and shares 3 bigrams
    (12, 0.8, 5, 8, 18),
    (4, 0.9, 5, 4, 4),     # only the same letters can reach 0.9: all 5 bigrams
    (5, 0.5, 2, 3, 8),     # a low cutoff bounds nothing past the usual 2 shared bigrams
])
def test_cutoff_bounds(size, cutoff, need, shortest, longest):
    assert cutoff_bounds(size, size + 1, cutoff, 0.6) == (need, shortest, longest)
