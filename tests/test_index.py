import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from correction import Corrector, index as index_module
from correction.index import LexiconIndex, NgramIndex, name_parts, numbers_in_words, spoken_forms
from correction.lexicon import Entry, Lexicon
from correction.shortlist import most_edits

WORDS = st.text(alphabet=st.sampled_from("abcdeilmnorst"), min_size=4, max_size=10)


@settings(max_examples=150, deadline=None)
@given(keys=st.lists(WORDS, min_size=1, max_size=40), query=WORDS)
def test_ngram_search_finds_what_brute_force_finds(keys, query):
    """The index may not miss a key a full scan finds with a high similarity (above 0.8, the default bound)."""
    index = NgramIndex(keys)
    found = {keys[number] for number, _ in index.search(query, cutoff=0.8, limit=len(keys))}
    for key in keys:
        similarity = Indel.normalized_similarity(query, key)
        if similarity >= 0.8 and 0.6 * len(query) <= len(key) <= len(query) / 0.6:
            assert key in found, (key, similarity)


@settings(max_examples=150, deadline=None)
@given(keys=st.lists(WORDS, min_size=1, max_size=40, unique=True), queries=st.lists(WORDS, min_size=1, max_size=8),
       cutoff=st.sampled_from([0.85, 0.9, 0.95, 1.0]))
def test_a_batch_of_searches_finds_every_key_over_the_cutoff(keys, queries, cutoff):
    """Whether the cutoff admits no edit at a query's length (the key spelled as the query), one
    (keys a character shorter or longer) or more (every key of a fitting length compared): the
    keys a full scan finds, best first, then by id."""
    found = NgramIndex(keys).search_many(queries, cutoff)
    for query in queries:
        expected = sorted(((number, Indel.normalized_similarity(query, key)) for number, key in enumerate(keys)
                           if Indel.normalized_similarity(query, key) >= cutoff - 1e-9
                           and 0.6 * len(query) <= len(key) <= len(query) / 0.6), key=lambda hit: (-hit[1], hit[0]))
        assert found.get(query, []) == expected
    assert all(found.values())  # a query without any key is left out


@settings(max_examples=50, deadline=None)
@given(keys=st.lists(WORDS, min_size=1, max_size=40, unique=True),
       queries=st.lists(st.text(alphabet=st.sampled_from("abcdeilmnorst"), min_size=6, max_size=10), min_size=1,
                        max_size=8))
def test_a_batch_over_many_keys_of_a_length_searches_query_by_query(keys, queries):
    """Where the cutoff admits two edits or more (queries of 6 letters or more at 0.85), past
    SCAN_KEYS keys of a fitting length: the shortlist, query by query."""
    assert all(most_edits(len(query), 0.85) >= 2 for query in queries)
    index = NgramIndex(keys)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "SCAN_KEYS", 0)
        found = index.search_many(queries, 0.85)
    assert {query: hits for query in queries if (hits := index.search(query, 0.85))} == found


def test_search_scores_are_indel_similarities():
    index = NgramIndex(["openai", "anthropic", "nvidia"])
    assert index.search("openeye", cutoff=0.6) == [(0, Indel.normalized_similarity("openeye", "openai"))]


def test_surfaces_cover_terms_aliases_sounds_and_name_parts():
    lexicon = Lexicon.from_entries([
        Entry("Ilya Sutskever", kind="person"),
        Entry("OpenAI", aliases=("Open AI",), sounds_like=("opène aïe",), kind="org"),
    ])
    index = LexiconIndex(lexicon)
    assert {(s.text, s.replacement, s.role) for s in index.surfaces} == {
        ("Ilya Sutskever", "Ilya Sutskever", "term"),
        ("Ilya", "Ilya", "part"),
        ("Sutskever", "Sutskever", "part"),
        ("OpenAI", "OpenAI", "term"),
        ("opène aïe", "OpenAI", "sounds_like"),
    }  # "Open AI" folds like "OpenAI": one surface
    assert [s.replacement for s in index.exact["ilya"]] == ["Ilya"]


def test_name_parts_need_a_person_or_a_name_shape():
    assert name_parts(Entry("Sam Altman")) == ["Sam", "Altman"]  # plain list: looks like a name
    assert name_parts(Entry("intelligence artificielle")) == []
    assert name_parts(Entry("Silicon Valley", kind="place")) == []
    assert name_parts(Entry("GPT 4o")) == []
    assert name_parts(Entry("Microsoft Teams")) == name_parts(Entry("Google Meet")) == []
    assert name_parts(Entry("Apple Podcasts")) == name_parts(Entry("Le Monde")) == []
    assert name_parts(Entry("AI Act")) == name_parts(Entry("Constitutional AI")) == []


def test_names_with_particles_have_parts():
    assert name_parts(Entry("Charles de Gaulle")) == ["Charles", "Gaulle"]
    assert name_parts(Entry("Ursula von der Leyen", kind="person")) == ["Ursula", "Leyen"]
    assert name_parts(Entry("Tour de France")) == []  # "france" is an ordinary word, "Tour" no given name


def test_a_given_name_first_makes_a_person_whatever_the_surname():
    """"hoffman", "cook" and "wang" are frequent words, like "meet": the given name tells them apart."""
    assert name_parts(Entry("Reid Hoffman")) == ["Reid", "Hoffman"]
    assert name_parts(Entry("Tim Cook")) == ["Tim", "Cook"]
    assert name_parts(Entry("Jensen Huang")) == ["Jensen", "Huang"]


def test_acronyms_are_also_spelled_out():
    assert spoken_forms("OpenAI") == ["OpenAI", "Open A I"]
    assert spoken_forms("Quora") == ["Quora"]


def test_short_forms_are_left_out_of_approximate_indexes():
    index = LexiconIndex(Lexicon.from_terms(["API", "Quora"]))
    assert index.spelling.keys == ["quora"]


def test_numbers_in_a_term_are_also_said_in_words_in_both_languages():
    assert numbers_in_words("GPT-4o") == ("GPT four o", "GPT quatre o")
    # a version is said with "point" in French too; a decimal comma only with "virgule"
    assert numbers_in_words("GPT-3.5") == ("GPT three point five", "GPT trois virgule cinq", "GPT trois point cinq")
    assert numbers_in_words("Taux 2,5") == ("Taux two point five", "Taux deux virgule cinq")
    assert numbers_in_words("OpenAI") == ()


def test_a_name_with_its_version_said_in_words_is_found_over_more_than_four_words():
    corrector = Corrector(Lexicon.from_terms(["Gemini 2.5 Pro", "Gemini", "Google"]))
    result = corrector.correct("Google répond. Franchement, Gemini deux point cinq pro est bon.")
    assert result.text == "Google répond. Franchement, Gemini 2.5 Pro est bon."
    assert result.edits[0].pass_name == "exact"



@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_one_querys_bigrams_are_the_distinct_sorted_codes_of_the_batch_function(query):
    import numpy as np

    from correction.index import bigram_codes, query_bigrams

    expected = np.unique(bigram_codes([query])[0])
    assert query_bigrams(query).dtype == expected.dtype and query_bigrams(query).tolist() == expected.tolist()


def test_where_one_edit_reaches_the_cutoff_the_keys_a_character_off_are_found():
    keys = ["openai", "openaii", "opnai", "opanai", "anthropic"]
    assert most_edits(len("openai"), 0.9) == 1  # "opanai" (a letter changed: two edits) is 0.83
    found = NgramIndex(keys).search_many(["openai", "nvidia"], 0.9)
    assert found == {"openai": [(0, 1.0), (1, Indel.normalized_similarity("openai", "openaii")),
                                (2, Indel.normalized_similarity("openai", "opnai"))]}
