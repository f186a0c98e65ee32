"""Word frequencies: the same values from the stored table as from wordfreq, and no table unless
one is asked for (the command line asks, with its cache; --no-cache does not)."""

import pytest
from wordfreq import zipf_frequency

from correction import wordfreqs


@pytest.fixture(scope="module")
def table_folder(tmp_path_factory):
    """Look-ups through a table stored in a fresh folder, for this module's tests."""
    folder = tmp_path_factory.mktemp("table")
    before = wordfreqs._TABLE_FOLDER[0]  # a command run in-process earlier may have set one
    wordfreqs.use_table(folder)
    wordfreqs.zipf.cache_clear()
    yield folder
    wordfreqs.use_table(before)
    wordfreqs.zipf.cache_clear()


@pytest.mark.parametrize("word", ["samedi", "Salman", "peut-être", "l'homme", "1994", "straße", "qzxwv"])
def test_zipf_is_wordfreqs_value_with_the_table(table_folder, word):
    for lang in wordfreqs.LANGUAGES:
        assert repr(wordfreqs.zipf(word, lang)) == repr(zipf_frequency(word, lang))
    assert (table_folder / "wordfreq").is_dir()


def test_without_a_folder_there_is_no_table(table_folder):
    wordfreqs.use_table(None)
    wordfreqs.zipf.cache_clear()
    assert wordfreqs._table() is None and wordfreqs.zipf("samedi", "fr") == zipf_frequency("samedi", "fr")
    wordfreqs.use_table(table_folder)
