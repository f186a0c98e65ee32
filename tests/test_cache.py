"""The on-disk cache: a hit loads what a miss built; stale, corrupt or half-written files are rebuilt."""

import multiprocessing
from pathlib import Path

import pytest

from correction.arrayfile import StaleFile, read_arrays
from correction.cache import IndexCache, engine_fingerprint
from correction.index import LexiconIndex
from correction.index_store import ExactTable, save_index
from correction.lexicon import Entry, Lexicon

LEXICON = Lexicon.from_entries([
    Entry("Sam Altman", kind="person", aliases=("Sam Altmann",)),
    Entry("OpenAI", sounds_like=("opène aïe",), kind="org", negatives=("openair",)),
    Entry("Ilya Sutskever", kind="person", lang="fr"),
    Entry("Quora", lang="en"),
])
QUERIES = ["samaltmen", "openei", "ilyasutskevar", "kora", "opainai"]


def answers(index: LexiconIndex) -> list:
    """What the passes read from an index, for a few queries: every look-up, with its surfaces."""
    found = []
    for query in QUERIES:
        found.append([(index.spelling_owner(key_id), similarity)
                      for key_id, similarity in index.spelling.search(query, cutoff=0.6)])
        found.append([(index.sound.keys[key_id], index.sound_owners(key_id), similarity)
                      for key_id, similarity in index.sound.search(query, cutoff=0.6)])
        found.append(list(index.exact.get(query, ())))
    return found + [list(index.surfaces), index.negatives, dict(index.exact)]


def loaded(index: LexiconIndex) -> bool:
    return isinstance(index.exact, ExactTable)


@pytest.fixture
def cache(tmp_path) -> IndexCache:
    return IndexCache(tmp_path)


@pytest.mark.parametrize("lang", ["fr", "en", ""])
def test_a_miss_builds_and_stores_then_a_hit_loads_the_same_index(cache, lang):
    built = cache.index_for(LEXICON, lang)
    assert not loaded(built) and cache.index_path(LEXICON, lang).exists()
    hit = cache.index_for(LEXICON, lang)
    assert loaded(hit)
    assert answers(hit) == answers(built) == answers(LexiconIndex(LEXICON.restricted_to(lang)))


def test_languages_share_one_file_when_no_entry_has_a_language(cache):
    plain = Lexicon.from_terms(["OpenAI", "Quora"])
    assert cache.index_path(plain, "fr") == cache.index_path(plain, "en")
    assert cache.index_path(LEXICON, "fr") != cache.index_path(LEXICON, "en")


def test_another_lexicon_is_another_file(cache):
    other = Lexicon.from_entries([*LEXICON.entries, Entry("Anthropic")])
    assert cache.index_path(other, "fr") != cache.index_path(LEXICON, "fr")


def test_a_file_from_another_engine_version_is_rebuilt(cache):
    path = cache.index_path(LEXICON, "fr")
    save_index(LexiconIndex(LEXICON.restricted_to("fr")), path, {"engine": "0.0.1-old", "lexicon": LEXICON.sha256})
    assert not loaded(cache.index_for(LEXICON, "fr"))  # refused, rebuilt...
    assert read_arrays(path).meta["engine"] == engine_fingerprint()  # ...and replaced
    assert loaded(cache.index_for(LEXICON, "fr"))


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "empty", "garbage"])
def test_a_corrupt_file_is_rebuilt_never_trusted(cache, damage):
    cache.index_for(LEXICON, "fr")
    path = cache.index_path(LEXICON, "fr")
    data = bytearray(path.read_bytes())
    if damage == "flip a byte":
        data[-10] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"not a cache file at all" * 10)
    path.write_bytes(bytes(data))
    with pytest.raises(StaleFile):
        read_arrays(path)
    rebuilt = cache.index_for(LEXICON, "fr")
    assert not loaded(rebuilt) and answers(rebuilt) == answers(LexiconIndex(LEXICON.restricted_to("fr")))
    assert loaded(cache.index_for(LEXICON, "fr"))


def _build(directory: str, barrier) -> None:
    barrier.wait()
    for _ in range(3):
        path = IndexCache(Path(directory)).index_path(LEXICON, "fr")
        path.unlink(missing_ok=True)  # each round is a miss: both processes write
        IndexCache(Path(directory)).index_for(LEXICON, "fr")


def test_two_processes_building_at_once_leave_one_sound_file(cache):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    workers = [context.Process(target=_build, args=(str(cache.directory), barrier)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    files = sorted(path.name for path in (cache.directory / "index").iterdir())
    assert files == [cache.index_path(LEXICON, "fr").name]  # no temporary file left behind
    assert answers(cache.index_for(LEXICON, "fr")) == answers(LexiconIndex(LEXICON.restricted_to("fr")))


def test_lexicon_files_are_parsed_once(cache, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text("term,aliases,kind,lang,negatives\nSam Altman,Sam Altmann|S. Altman,person,,sam altmen\n"
                      "OpenAI,,org,en,\nSam Altman,Altman,person,,\n", encoding="utf-8")
    fresh = Lexicon.load(source)
    first, second = cache.lexicon(source), cache.lexicon(source)
    for lexicon in (first, second):
        assert lexicon == fresh and lexicon.name == fresh.name and lexicon.warnings == fresh.warnings
        assert [entry.source for entry in lexicon] == [entry.source for entry in fresh]
        assert lexicon.sha256 == fresh.sha256
    assert cache.lexicon_path([source]).exists()
    source.write_text("term\nQuora\n", encoding="utf-8")
    assert [entry.term for entry in cache.lexicon(source)] == ["Quora"]


def test_readings_of_words_are_stored_and_reused_without_espeak(cache, monkeypatch):
    from correction import phonetics

    with cache.readings():
        first = phonetics.ipa(["Zorglubovitch"], "fr")["Zorglubovitch"]
    monkeypatch.setattr(phonetics, "_CACHE", {})  # a new process: nothing read yet

    class Mute:
        def backend(self, lang):
            raise AssertionError("espeak-ng asked for a stored reading")

    monkeypatch.setattr(phonetics, "_PHONEMIZER", Mute())
    with cache.readings():
        assert phonetics.ipa(["Zorglubovitch"], "fr")["Zorglubovitch"] == first


def test_damaged_readings_are_ignored(cache, monkeypatch):
    from correction import phonetics

    with cache.readings() as stored:
        phonetics.ipa(["Plouquenec"], "fr")
    stored.path.write_bytes(b"garbage")
    monkeypatch.setattr(phonetics, "_CACHE", {})
    with cache.readings() as again:
        assert again.loaded == 0  # refused, not read
        phonetics.ipa(["Plouquenec"], "fr")
    assert list(read_arrays(again.path).strings["text"]) == ["Plouquenec"]  # rewritten whole
