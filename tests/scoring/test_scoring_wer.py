"""score_texts: jiwer measures on normalised texts, errors, B-WER/U-WER and per-entity counts."""

from __future__ import annotations

from pathlib import Path

import jiwer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from correction.errors import InputError, UsageError
from correction.lexicon import Entry, Lexicon
from correction.scoring.alignment import Counts, render_alignment
from correction.scoring.biased import Occurrence, TermIndex
from correction.scoring.normalize import NORMALIZERS
from correction.scoring.wer import score_texts

DATA = Path(__file__).parent.parent / "data" / "scoring"
SEED = Path(__file__).parents[2] / "benchmarks" / "data" / "seed"


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def fixture_lexicon() -> Lexicon:
    return Lexicon.load(DATA / "lexicon.csv")


@pytest.mark.parametrize(
    "reference, hypothesis, normalize, wer, counts",
    [
        # counts: hits, substitutions, deletions, insertions
        ("le chat dort", "le chat dort", "basic", 0.0, (3, 0, 0, 0)),
        ("Le chat dort.", "le chat dort", "basic", 0.0, (3, 0, 0, 0)),
        ("Le chat dort.", "le chat dort", "none", 2 / 3, (1, 2, 0, 0)),
        ("le chat dort", "le chien dort", "basic", 1 / 3, (2, 1, 0, 0)),
        ("le chat dort", "le dort", "basic", 1 / 3, (2, 0, 1, 0)),
        ("le chat dort", "le gros chat dort", "basic", 1 / 3, (3, 0, 0, 1)),
        ("le chat dort", "", "basic", 1.0, (0, 0, 3, 0)),
        ("le PDG d'OpenAI", "le PDG d'OpenEye", "basic", 1 / 3, (2, 1, 0, 0)),
        ("le PDG d'OpenAI", "le PDG d'OpenEye", "fr", 1 / 4, (3, 1, 0, 0)),
    ],
)
def test_word_counts(reference, hypothesis, normalize, wer, counts):
    score = score_texts(reference, hypothesis, normalize=normalize)
    assert score.wer == pytest.approx(wer)
    assert score.words == Counts(*counts)
    assert score.normalize == normalize
    assert score.unit == "text"


@pytest.mark.parametrize("normalize", list(NORMALIZERS))
@pytest.mark.parametrize(
    "reference, hypothesis",
    [("reference.txt", "hypothesis.txt"), ("hypothesis.txt", "reference.txt")],
)
def test_measures_equal_jiwer_on_the_same_normalised_lines(reference, hypothesis, normalize):
    ref, hyp = lines(reference), lines(hypothesis)
    score = score_texts(ref, hyp, normalize=normalize)
    normalizer = NORMALIZERS[normalize]
    ref_norm, hyp_norm = normalizer.many(ref), normalizer.many(hyp)
    assert score.wer == jiwer.wer(ref_norm, hyp_norm)
    assert score.mer == jiwer.mer(ref_norm, hyp_norm)
    assert score.wil == jiwer.wil(ref_norm, hyp_norm)
    assert score.cer == jiwer.cer(ref_norm, hyp_norm)
    assert score.unit == "line" and score.units == 3


def test_seed_wer_equals_jiwer():
    ref = (SEED / "reference.txt").read_text(encoding="utf-8").splitlines()
    raw = (SEED / "raw.txt").read_text(encoding="utf-8").splitlines()
    score = score_texts(ref, raw, normalize="fr")
    normalizer = NORMALIZERS["fr"]
    assert score.wer == jiwer.wer(normalizer.many(ref), normalizer.many(raw))
    assert 0 < score.wer < 0.05  # only the domain terms differ


def test_fixture_counts_basic():
    score = score_texts(lines("reference.txt"), lines("hypothesis.txt"))
    # line 1: d'openai/d'openeye and sam/salman substituted; line 3: openai -> open ai
    assert score.words == Counts(hits=16, substitutions=3, deletions=0, insertions=1)
    assert score.wer == pytest.approx(4 / 19)
    assert score.hypothesis_words == 20


def test_line_counts_must_match():
    with pytest.raises(UsageError) as caught:
        score_texts(["a b", "c"], ["a b"], names=("ref.txt", "hyp.txt"))
    assert str(caught.value) == (
        "ref.txt: 2 lines, but hyp.txt has 1: line-aligned texts need the same number of lines "
        "(score them as one text each with --whole)"
    )


@pytest.mark.parametrize("reference", ["", "   \n ", "...", ["", " "], []])
def test_empty_reference_is_an_input_error(reference):
    hypothesis = reference if isinstance(reference, str) else [""] * len(reference)
    with pytest.raises(InputError, match="ref.txt: empty reference: no word to score after 'basic' normalisation"):
        score_texts(reference, hypothesis, names=("ref.txt", "hyp.txt"))


def test_signature_names_every_setting():
    score = score_texts(["a"], ["a"], normalize="fr", lexicon=fixture_lexicon())
    text = str(score.signature)
    assert text.startswith("metric:wer|norm:fr|lex:lexicon.csv@")
    assert f"@{fixture_lexicon().sha256[:12]}|unit:line|jiwer:" in text
    assert text.endswith("|version:0.1.0")
    assert score.signature.to_dict()["text"] == text


# B-WER / U-WER --------------------------------------------------------------------------------


def test_fixture_biased_split_fr():
    score = score_texts(lines("reference.txt"), lines("hypothesis.txt"), normalize="fr", lexicon=fixture_lexicon())
    biased = score.biased
    # biased reference words: openai, sam altman (line 1); satya nadella microsoft (2); openai (3)
    assert biased.biased == Counts(hits=4, substitutions=3, deletions=0, insertions=0)
    # "open ai" for "openai": one substitution (biased) and one inserted word, not a lexicon word
    assert biased.unbiased == Counts(hits=13, substitutions=0, deletions=0, insertions=1)
    assert biased.b_wer == pytest.approx(3 / 7)
    assert biased.u_wer == pytest.approx(1 / 13)
    rows = {entity.entity: (entity.kind, entity.reference, entity.right, entity.hypothesis)
            for entity in biased.entities}
    assert rows == {
        "OpenAI": ("org", 2, 0, 0),
        "Sam Altman": ("person", 1, 0, 0),
        "Satya Nadella": ("person", 1, 1, 1),
        "Microsoft": ("org", 1, 1, 1),
    }
    assert [entity.entity for entity in biased.entities][:2] == ["OpenAI", "Microsoft"]  # most frequent first


@pytest.mark.parametrize(
    "reference, hypothesis, biased, unbiased, right",
    [
        # (hits, subs, dels, ins) for biased and unbiased words; right = occurrences right
        ("le pdg sam altman", "le pdg sam altman", (2, 0, 0, 0), (2, 0, 0, 0), 1),
        ("le pdg sam altman", "le pdg salman altman", (1, 1, 0, 0), (2, 0, 0, 0), 0),
        ("le pdg sam altman", "le pdg altman", (1, 0, 1, 0), (2, 0, 0, 0), 0),
        # a word inserted inside the name: both words are hits, but the occurrence is not right
        ("le pdg sam altman", "le pdg sam euh altman", (2, 0, 0, 0), (2, 0, 0, 1), 0),
        # an inserted lexicon word counts towards B-WER
        ("le pdg", "le pdg openai", (0, 0, 0, 1), (2, 0, 0, 0), 0),
        # "sam" alone is not an occurrence of "Sam Altman": not biased
        ("sam est là", "salman est là", (0, 0, 0, 0), (2, 1, 0, 0), 0),
    ],
)
def test_biased_cases(reference, hypothesis, biased, unbiased, right):
    score = score_texts(reference, hypothesis, lexicon=fixture_lexicon())
    assert score.biased.biased == Counts(*biased)
    assert score.biased.unbiased == Counts(*unbiased)
    assert sum(entity.right for entity in score.biased.entities) == right


def test_b_wer_is_undefined_without_terms_in_the_reference():
    score = score_texts("le chat dort", "le chat dort", lexicon=fixture_lexicon())
    assert score.biased.b_wer is None and score.biased.u_wer == 0.0
    assert score.biased.entities == ()


def test_aliases_count_for_their_entity_and_sounds_likes_do_not():
    lexicon = Lexicon.from_entries([Entry(term="OpenAI", aliases=("Open AI",), sounds_like=("open eye",))])
    score = score_texts("chez Open AI et OpenAI", "chez open eye et OpenAI", lexicon=lexicon)
    (entity,) = score.biased.entities
    assert (entity.entity, entity.reference, entity.right, entity.hypothesis) == ("OpenAI", 2, 1, 1)


def test_term_index_prefers_the_longest_term():
    lexicon = Lexicon.from_terms(["Sam", "Sam Altman", "Altman"])
    index = TermIndex.build(lexicon, NORMALIZERS["basic"])
    assert index.find("sam altman et sam".split()) == [Occurrence(0, 2, "Sam Altman"), Occurrence(3, 4, "Sam")]


def _brute_force_find(words, terms):
    """Reference implementation: at each position, try every term, longest first."""
    found, position = [], 0
    ordered = sorted(terms, key=lambda term: -len(term[0]))
    while position < len(words):
        for term_words, entity in ordered:
            if tuple(words[position : position + len(term_words)]) == term_words:
                found.append(Occurrence(position, position + len(term_words), entity))
                position += len(term_words)
                break
        else:
            position += 1
    return found


VOCABULARY = ["sam", "altman", "open", "ai", "openai", "le", "chat", "de"]
TERMS = ["Sam Altman", "OpenAI", "Sam", "AI", "le chat"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=12))
def test_term_index_matches_brute_force(words):
    lexicon = Lexicon.from_entries([Entry(term="OpenAI", aliases=("Open AI",))] + list(Lexicon.from_terms(TERMS)))
    index = TermIndex.build(lexicon, NORMALIZERS["basic"])
    terms = [(tuple(NORMALIZERS["basic"](spelling).split()), entry.term)
             for entry in lexicon for spelling in (entry.term, *entry.aliases)]
    assert index.find(words) == _brute_force_find(words, terms)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8), min_size=1, max_size=4),
    st.data(),
)
def test_biased_and_unbiased_split_the_wer_exactly(references, data):
    hypotheses = [data.draw(st.lists(st.sampled_from(VOCABULARY), max_size=8)) for _ in references]
    score = score_texts([" ".join(words) for words in references], [" ".join(words) for words in hypotheses],
                        lexicon=Lexicon.from_terms(TERMS))
    biased, unbiased = score.biased.biased, score.biased.unbiased
    assert biased.errors + unbiased.errors == score.words.errors
    assert biased.reference + unbiased.reference == score.words.reference
    assert biased.hits + unbiased.hits == score.words.hits
    for entity in score.biased.entities:
        assert 0 <= entity.right <= entity.reference


def test_alignment_rendering_shows_only_lines_with_errors():
    score = score_texts(lines("reference.txt"), lines("hypothesis.txt"), normalize="fr")
    shown = render_alignment(score.alignment, [f"line {number}" for number in (1, 2, 3)])
    assert shown == (
        "line 1\n"
        "  REF: le pdg d' openai  sam    altman a été renvoyé\n"
        "  HYP: le pdg d' openeye salman altman a été renvoyé\n"
        "                 S       S\n"
        "\n"
        "line 3\n"
        "  REF: il y a du nouveau chez **** openai\n"
        "  HYP: il y a du nouveau chez open ai\n"
        "                              I    S"
    )


def test_alignment_rendering_wraps_long_texts_and_says_where():
    reference = " ".join(f"mot{number}" for number in range(60))
    hypothesis = reference.replace("mot55", "faux")
    score = score_texts(reference, hypothesis)
    shown = render_alignment(score.alignment, ["text"], width=60)
    assert shown.startswith("text\n  (words ")
    assert "faux" in shown and "mot1 " not in shown  # the rows without an error are left out


def test_a_language_normaliser_leaves_out_the_other_languages_terms():
    from correction.lexicon import Entry, Lexicon
    from correction.scoring.biased import TermIndex
    from correction.scoring.normalize import NORMALIZERS

    lexicon = Lexicon.from_entries([Entry("AI", lang="en"), Entry("IA", lang="fr"), Entry("OpenAI")])
    french = TermIndex.build(lexicon, NORMALIZERS["fr"])
    assert [o.entity for o in french.find(NORMALIZERS["fr"]("j'ai vu l'IA d'OpenAI").split())] == ["IA", "OpenAI"]
    assert [o.entity for o in TermIndex.build(lexicon, NORMALIZERS["basic"]).find(["ai", "ia"])] == ["AI", "IA"]
