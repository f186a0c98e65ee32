"""The stored word table answers exactly what wordfreq answers, or leaves the input to wordfreq; a
missing, corrupt or stale table is rebuilt; a folder that cannot be written means no table."""

import pytest
from wordfreq import zipf_frequency

from correction import wordfreq_table
from correction.arrayfile import read_arrays, write_arrays
from correction.wordfreq_table import load_or_build, table_meta, table_path

# (input, whether the table answers it)
WORDS = [
    ("samedi", True), ("Samedi", True), ("SAMEDI", True), ("été", True), ("Œuvre", True), ("naïve", True),
    ("qzxwv", True),  # unknown: 0.0
    ("peut-être", True), ("Hawkins was told", True), ("samedi qzxwv", True), ("week-end", True),
    ("17", True), ("5", True), ("1994", True), ("00", True), ("8h", True), ("20h30", True), ("13th", True),
    ("covid-19", True), ("2.30", True), ("2,5", True), ("1,000,000", True),
    ("b.a", True), ("I.P", True), ("u.s.", True), ("U.S. army", True), ("i.p hired a", True),
    ("1" * 21, False),  # wordfreq's own arithmetic on very long numbers
    ("l'homme", False), ("aujourd’hui", False), ("don't", False), ("straße", False), ("ß", False),
    ("ﬁn", False), ("Ÿ", False), ("ıi", False), ("naïve  double space", False), ("-tiret", False),
    ("fin.", False), ("2.", False), ("", False), ("Москва", False), ("東京", False), ("e\u0301t\u0301e", False),
]


@pytest.fixture(scope="module")
def arrays():
    return wordfreq_table.build_arrays()


@pytest.fixture
def builds(monkeypatch, arrays):
    """How many times a table was built (from the module's arrays, built once)."""
    count = []
    monkeypatch.setattr(wordfreq_table, "build_arrays", lambda: count.append(1) or arrays)
    return count


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("word, answered", WORDS)
def test_the_table_answers_exactly_as_wordfreq_or_not_at_all(arrays, word, answered, lang):
    value = wordfreq_table.WordTable(arrays).zipf(word, lang)
    assert (value is not None) == answered
    if answered:
        assert repr(value) == repr(zipf_frequency(word, lang))  # repr: 0.0 is not -0.0


def test_other_languages_are_left_to_wordfreq(arrays):
    assert wordfreq_table.WordTable(arrays).zipf("samedi", "de") is None


def test_a_missing_table_is_built_and_stored_then_loaded(tmp_path, builds):
    assert load_or_build(tmp_path).zipf("samedi", "fr") == zipf_frequency("samedi", "fr")
    assert table_path(tmp_path, table_meta()).exists() and len(builds) == 1
    assert load_or_build(tmp_path).zipf("samedi", "fr") == zipf_frequency("samedi", "fr")
    assert len(builds) == 1


def test_a_corrupt_table_is_rebuilt(tmp_path, builds):
    load_or_build(tmp_path)
    path = table_path(tmp_path, table_meta())
    data = bytearray(path.read_bytes())
    data[-1000:-990] = bytes(byte ^ 0xFF for byte in data[-1000:-990])
    path.write_bytes(bytes(data))
    assert load_or_build(tmp_path).zipf("samedi", "fr") == zipf_frequency("samedi", "fr")
    assert len(builds) == 2
    read_arrays(path, table_meta())  # stored again, sound


def test_a_table_made_for_another_wordfreq_is_rebuilt(tmp_path, builds, arrays):
    meta = table_meta()
    path = table_path(tmp_path, meta)
    write_arrays(path, {**meta, "wordfreq": "0.1"}, arrays)  # at the right name, made with other data
    load_or_build(tmp_path)
    assert len(builds) == 1 and read_arrays(path).meta == meta


def test_another_wordfreq_version_is_another_file(tmp_path):
    meta = table_meta()
    assert table_path(tmp_path, meta) != table_path(tmp_path, {**meta, "wordfreq": "0.1"})


def test_a_folder_that_cannot_be_written_gives_no_table(tmp_path, builds):
    (tmp_path / "file").write_text("")
    assert load_or_build(tmp_path / "file" / "cache") is None


def test_a_table_that_disagrees_with_wordfreq_is_not_used(tmp_path, monkeypatch, arrays):
    wrong = {**arrays, "fr.bands": arrays["fr.bands"] + 1}
    monkeypatch.setattr(wordfreq_table, "build_arrays", lambda: wrong)
    assert load_or_build(tmp_path) is None
    assert not table_path(tmp_path, table_meta()).exists()
