"""The fitted decision: its features, loading its weights, explanations, one verdict per form."""

from __future__ import annotations

import json
import math

import pytest

from correction import Corrector, Lexicon
from correction.decision import model as model_module
from correction.decision.decide import decide
from correction.decision.features import FEATURES, FeatureTable, phrase
from correction.decision.model import DecisionModel, ModelError

LEXICON = Lexicon.from_terms(["OpenAI", "Sam Altman", "Ilya Sutskever"])


def table_for(text: str, lexicon: Lexicon = LEXICON):
    corrector = Corrector(lexicon, passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose(text)
    return FeatureTable(corrector.job_for(analysed), candidates), candidates


def first(candidates, raw: str, entity: str):
    return next(c for c in candidates if c.span.text == raw and c.entity == entity)


def test_every_feature_is_a_documented_number_for_every_candidate():
    table, candidates = table_for("Le patron d'OpenEye, Salman Altman, dit qu'il y a un souci. OpenAI répond.")
    assert candidates
    for name, function in FEATURES.items():
        assert function.__doc__, name
        for candidate in candidates:
            assert math.isfinite(table.value(candidate, name)), name


@pytest.mark.parametrize("text, raw, entity, feature, expected", [
    ("Le patron d'OpenEye parle. OpenAI et OpenAI encore.", "OpenEye", "OpenAI", "named_elsewhere", math.log(3)),
    ("Le patron d'OpenEye parle.", "OpenEye", "OpenAI", "named_elsewhere", 0.0),
    ("Le patron d'OpenEye parle.", "OpenEye", "OpenAI", "elided_before", 1.0),
    ("Le PDG Salman Altman parle.", "Salman", "Sam Altman", "role_word_before", 1.0),
    ("Alors il y a un souci.", "il y a", "Ilya Sutskever", "function_words", 1.0),
    ("Alors il y a un souci.", "il y a", "Ilya Sutskever", "name_part_alone", 1.0),
    ("Alors il y a un souci.", "il y a", "Ilya Sutskever", "part_alone_named_nearby", 0.0),
    ("Ilya Sutskever arrive. Alors ILIA parle.", "ILIA", "Ilya Sutskever", "part_alone_named_nearby", 1.0),
    ("OpenEye ici, OpenEye là.", "OpenEye", "OpenAI", "form_repeats", math.log(2)),
    ("le patron d'openeye parle. " + "et puis on en parle encore un peu demain. " * 3, "openeye", "OpenAI",
     "uncased_transcript", 1.0),
])
def test_feature_values(text, raw, entity, feature, expected):
    table, candidates = table_for(text)
    assert table.value(first(candidates, raw, entity), feature) == pytest.approx(expected)


@pytest.mark.parametrize("text, raw, expected", [
    ("La maire an Idalgo a parlé hier.", "Idalgo", 1.0),     # "Anne" heard apart, just before
    ("La maire Idalgo an a parlé hier.", "Idalgo", 0.0),     # the first word heard after: not that side
    ("La maire Idalgo a parlé hier.", "Idalgo", 0.0),
    ("La maire, an. Idalgo a parlé.", "Idalgo", 0.0),        # a full stop between them
    ("La maire an Idalgo a parlé hier.", "an Idalgo", 0.0),  # the span has the name's two words
])
def test_the_names_missing_word_heard_beside_the_span(text, raw, expected):
    table, candidates = table_for(text, Lexicon.from_terms(["Anne Hidalgo"]))
    whole = [c for c in candidates if c.span.text == raw and c.surface.text == "Anne Hidalgo"]
    assert whole and {table.value(c, "missing_word_beside") for c in whole} == {expected}


@pytest.mark.parametrize("text, raw, determiner, common_noun", [
    ("Il boit une orange pressée le matin.", "orange", 1.0, 1.0),
    ("Il boit l'orange pressée le matin.", "orange", 1.0, 1.0),     # an elided article
    ("Il boit un jus d'orange le matin.", "orange", 0.0, 0.0),      # "d'" is no determiner
    ("Il n'a aucune orange à vendre.", "orange", 1.0, 1.0),         # a quantifier is a determiner too
    ("She never ate any orange at school.", "orange", 1.0, 1.0),
    ("Il parle avec la Oranje du coin.", "Oranje", 1.0, 0.0),       # written as a name
    ("Voilà une. Oranje a répondu hier.", "Oranje", 0.0, 0.0),      # a sentence between them
])
def test_a_determiner_before_the_span(text, raw, determiner, common_noun):
    # "Oranges", not "Orange": a lower-case "une orange" is never proposed for a name it only
    # recapitalises (passes.guards.common_noun_here), so there would be no candidate to weigh
    table, candidates = table_for(text, Lexicon.from_terms(["Oranges"]))
    span = first(candidates, raw, "Oranges")
    assert table.value(span, "determiner_before") == determiner
    assert table.value(span, "common_noun_phrase") == common_noun


@pytest.mark.parametrize("text, raw, common_noun", [
    ("Il parle avec le républicain du coin.", "le républicain", 1.0),  # the phrase, its determiner inside
    ("Il parle avec Le Républicain du coin.", "Le Républicain", 0.0),  # written as a name
])
def test_a_span_opening_with_its_own_determiner_is_a_common_noun_phrase_in_lower_case(text, raw, common_noun):
    table, candidates = table_for(text, Lexicon.from_terms(["Les Républicains"]))
    span = first(candidates, raw, "Les Républicains")
    assert table.value(span, "determiner_before") == 0.0
    assert table.value(span, "common_noun_phrase") == common_noun


def test_the_repeats_explanation_counts_places_not_candidates():
    # "orange" is at two places, each with candidates of two passes and two entities
    table, candidates = table_for("Le ciel est orange. Orange annonce un forfait, orange encore.",
                                  Lexicon.from_terms(["OpenAI", "Orange"]))
    candidate = first(candidates, "orange", "Orange")
    value = table.value(candidate, "form_repeats")
    assert round(math.exp(value)) > 2
    assert phrase("form_repeats", value, candidate, table).startswith("form proposed at 2 place(s) ")


def test_an_accented_ordinary_word_is_ordinary():
    # its frequency is read with its accents: the folded key "reconquete" is no word at all
    table, candidates = table_for("La reconquête du public prend du temps.", Lexicon.from_terms(["Reconquête"]))
    candidate = first(candidates, "reconquête", "Reconquête")
    assert table.value(candidate, "ordinary_in_language") > 3.0


def test_closer_form_here_is_how_much_closer_the_entity_sounds_within_the_span():
    # a surname said alone: over the same word, the surname is the closest, the whole name behind it
    table, candidates = table_for("Hier Agustini a parlé du laser.", Lexicon.from_terms(["Pierre Agostini"]))
    part = next(c for c in candidates if c.span.text == "Agustini" and c.surface.text == "Agostini")
    whole = next(c for c in candidates if c.span.text == "Agustini" and c.surface.text == "Pierre Agostini")
    assert table.value(part, "closer_form_here") == 0.0
    assert table.value(whole, "closer_form_here") == pytest.approx(
        table.value(part, "sound") - table.value(whole, "sound")) and table.value(whole, "closer_form_here") > 0.1
    # a span reaching past the name: the same form over fewer words sounds closer
    table, candidates = table_for("We met at Claire Fontaine yesterday.", Lexicon.from_terms(["Clairefontaine"]))
    assert table.value(first(candidates, "Claire Fontaine", "Clairefontaine"), "closer_form_here") == 0.0
    assert table.value(first(candidates, "at Claire Fontaine", "Clairefontaine"), "closer_form_here") > 0.05
    # a first name alone over fewer words is another form: it does not count against the whole name
    table, candidates = table_for("I saw marion coating in a film.", Lexicon.from_terms(["Marion Cotillard"]))
    assert table.value(first(candidates, "marion coating", "Marion Cotillard"), "closer_form_here") == 0.0


def test_generous_spans_cross_commas_and_elisions_but_keep_elided_words_whole():
    lexicon = Lexicon.from_terms(["TotalEnergies", "Pierre Agostini", "Didier Queloz"])
    _, candidates = table_for("Et tout à l'heure, il a vendu. Hier, pierre de l'Ostinine et vidéo que l'on a vu.", lexicon)
    found = {(c.span.text, c.entity) for c in candidates}
    assert {("tout à l'heure, il", "TotalEnergies"), ("pierre de l'Ostinine", "Pierre Agostini"),
            ("vidéo que l'on", "Didier Queloz")} <= found
    # "l'" belongs to its word: no span starts or ends with it
    assert not any(c.span.text.startswith("l'") or c.span.text.endswith((" l", "que l")) for c in candidates)


def test_generous_spans_skip_the_transcripts_own_grammar_not_the_other_languages():
    lexicon = Lexicon.from_terms(["iPhone", "Ilya Sutskever"])
    _, candidates = table_for("Et il y a le nouvel if on de la marque, il y a deux jours.", lexicon)
    found = {(c.span.text, c.entity) for c in candidates}
    # English function words in a French transcript are what a French recogniser writes for a name
    assert ("if on", "iPhone") in found
    # French grammar in a French transcript is still not a span to look up ("il y a" is the exact
    # letters of "Ilya", a matter for the decision)
    assert not any(c.span.text in ("il y a", "il y", "y a", "de la") and c.pass_name != "exact" for c in candidates)
    _, candidates = table_for("And then if on the phone he said so.", lexicon)
    assert not any(c.span.text == "if on" for c in candidates)


def test_a_larger_lexicon_has_a_larger_size_feature():
    small, candidates = table_for("Le patron d'OpenEye parle.")
    big, big_candidates = table_for("Le patron d'OpenEye parle.", Lexicon.load())
    assert big.value(first(big_candidates, "OpenEye", "OpenAI"), "lexicon_size") > small.value(
        first(candidates, "OpenEye", "OpenAI"), "lexicon_size")


def test_the_shipped_weights_load_and_name_known_features():
    model = DecisionModel.load()
    assert set(model.features) <= set(FEATURES)
    assert 0 < model.min_confidence < 1
    assert model.signature.startswith("logreg")


@pytest.mark.parametrize("content, message", [
    (None, "no decision weights file; run python benchmarks/fit_decision.py"),
    ("{not json", "corrupt decision weights (JSONDecodeError"),
    ('{"format": "other"}', "not a decision weights file (format must be 'correction-decision/1')"),
    ('{"format": "correction-decision/1", "features": ["sound"]}', "corrupt decision weights (no 'means')"),
    ('{"format": "correction-decision/1", "signature": "x", "features": ["sound"], "means": [0], "scales": [1],'
     ' "weights": [1, 2], "bias": 0, "min_confidence": 0.5}', "corrupt decision weights (DecisionModel.weights: 2 values"),
    ('{"format": "correction-decision/1", "signature": "x", "features": ["colour"], "means": [0], "scales": [1],'
     ' "weights": [1], "bias": 0, "min_confidence": 0.5}', "corrupt decision weights (DecisionModel.features: unknown feature(s) colour)"),
])
def test_missing_or_corrupt_weights_are_a_clear_error(tmp_path, content, message):
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError) as error:
        Corrector(LEXICON, decision="model", model_path=str(path))
    assert str(error.value).startswith(f"{path}: {message}")


def test_the_cli_reports_corrupt_weights_in_one_line(run, tmp_path, monkeypatch):
    weights = tmp_path / "weights.json"
    weights.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(model_module, "WEIGHTS", weights)
    source = tmp_path / "talk.txt"
    source.write_text("Le patron d'OpenEye parle.\n", encoding="utf-8")
    result = run("correct", source, "--decision", "model", "-o", tmp_path / "out.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {weights}: corrupt decision weights (JSONDecodeError")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.txt").exists()


def hand_made(weights: dict[str, float], bias: float, min_confidence: float = 0.5) -> DecisionModel:
    names = tuple(weights)
    return DecisionModel(features=names, means=(0.0,) * len(names), scales=(1.0,) * len(names),
                         weights=tuple(weights.values()), bias=bias, min_confidence=min_confidence, signature="test")


def test_explanation_names_the_three_largest_contributions_from_the_same_numbers():
    model = hand_made({"sound": 4.0, "named_elsewhere": 2.0, "elided_before": -0.5, "span_words": 0.1}, bias=-2.0)
    corrector = Corrector(LEXICON, passes=("exact", "fuzzy", "phonetic"), generous=True)
    text, candidates = corrector.propose("Le patron d'OpenEye parle. OpenAI répond.")
    decided = decide(corrector.job_for(text), candidates, model, 0.5)
    candidate = first(decided, "OpenEye", "OpenAI")
    table = FeatureTable(corrector.job_for(text), candidates)
    values = table.vector(candidate, model.features)
    assert candidate.probability == pytest.approx(model.probability(values), abs=1e-4)
    assert sum(model.contributions(values)) + model.bias == pytest.approx(model.logit(values))
    explanation = candidate.decision.split(": ", 1)[1]
    assert explanation.startswith("sounds like 'OpenAI'")
    assert "OpenAI named 1 time(s) elsewhere" in explanation and "after an elision" in explanation
    assert "word(s)" not in explanation  # the smallest contribution is left out
    assert candidate.decision.startswith("kept (p=")


def test_another_kind_of_model_stands_in_through_batch_probabilities():
    class Constant:  # what benchmarks/compare_models.py passes for gradient-boosted trees
        features = ("sound", "span_words")

        def probabilities(self, rows):
            return [0.93 if values[1] == 1 else 0.2 for values in rows]

        def contributions(self, values):
            return [0.0, 0.0]

    corrector = Corrector(LEXICON, passes=("exact", "fuzzy", "phonetic"), generous=True)
    text, candidates = corrector.propose("Le patron d'OpenEye parle.")
    decided = [c for c in decide(corrector.job_for(text), candidates, Constant(), 0.9) if c.probability is not None]
    assert decided and all(c.probability == (0.93 if c.span.last - c.span.first == 1 else 0.2) for c in decided)
    assert {c.decision.split(" ")[0] for c in decided if c.probability == 0.93} == {"kept"}


def test_one_form_gets_one_verdict_and_says_so():
    # strongly supported near a mention of the entity, weakly against far from it: pooled (the
    # log-odds averaged), the three occurrences get one probability and one verdict
    model = hand_made({"named_nearby": 9.0, "sound": 1.0}, bias=-1.5)
    filler = " ".join(["et puis on parle d'autre chose"] * 5)
    text = f"OpenAI, donc OpenEye a parlé. {filler}. OpenEye encore. {filler}. OpenEye enfin."
    corrector = Corrector(LEXICON, passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose(text)
    job = corrector.job_for(analysed)
    table = FeatureTable(job, candidates)
    own = [model.probability(table.vector(c, model.features)) for c in candidates
           if c.span.text == "OpenEye" and c.entity == "OpenAI"]
    assert own[0] > 0.99 and max(own[1:]) < 0.5  # alone, the far ones would be dropped
    decided = [c for c in decide(job, candidates, model, 0.5) if c.span.text == "OpenEye" and c.entity == "OpenAI"]
    assert len(decided) == 3
    assert {c.decision.split(" ")[0] for c in decided} == {"kept"}
    assert len({c.probability for c in decided}) == 1
    assert all("decided with 2 other occurrence(s)" in c.decision for c in decided)


def test_two_passes_proposing_one_span_are_one_occurrence():
    model = hand_made({"sound": 1.0}, bias=3.0)
    corrector = Corrector(Lexicon.from_terms(["Mistral"]), passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose("They say mistral is also a wind.")
    same_span = [c for c in candidates if c.span.text == "mistral" and c.entity == "Mistral"]
    assert len(same_span) >= 2  # proposed by more than one pass
    decided = [c for c in decide(corrector.job_for(analysed), candidates, model, 0.5)
               if c.span.text == "mistral" and c.entity == "Mistral"]
    assert all("decided with" not in c.decision for c in decided)


def test_an_occurrence_clearly_ordinary_on_its_own_is_decided_alone():
    # "il y a" followed by its complement gets almost no support of its own: it is not pooled
    model = hand_made({"set_off_by_comma": 8.0, "function_words": -3.0}, bias=-1.0)
    text = "Ilya, il y a, a parlé. Et il y a du monde ici."
    corrector = Corrector(LEXICON, passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose(text)
    decided = [c for c in decide(corrector.job_for(analysed), candidates, model, 0.5)
               if c.span.text == "il y a" and c.entity == "Ilya Sutskever"]
    verdicts = [c.decision.split(" ")[0] for c in decided]
    assert verdicts == ["kept", "dropped"]
    assert "decided with" not in decided[1].decision


def test_a_lower_case_word_after_a_determiner_is_a_common_noun_never_lifted_by_its_form():
    # "une orange" is the fruit by its own grammar, however sure the company's other mentions are;
    # it still counts in the form's evidence, so the others' verdict does not hang on the exception.
    # The company is "Oranges": "une orange" is never even proposed for a name that only gives it a
    # capital (passes.guards.common_noun_here); one that changes more is proposed and weighed here
    model = hand_made({"determiner_before": -2.2}, bias=2.2)  # p 0.90 alone, 0.50 after a determiner
    text = "Hier, orange a publié ses résultats. Puis orange a baissé ses prix. Tu veux une orange ?"
    corrector = Corrector(Lexicon.from_terms(["Oranges", "Free"]), passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose(text)
    decided = {c.span.start: c for c in decide(corrector.job_for(analysed), candidates, model, 0.7)
               if c.span.text == "orange" and c.entity == "Oranges"}  # passes proposing one place: one
    company, again, fruit = (decided[start] for start in sorted(decided))
    assert [c.decision.split(" ")[0] for c in (company, again, fruit)] == ["kept", "kept", "dropped"]
    shared = 1 / (1 + math.exp(-(2 * 2.2 + 0.0) / 3))  # the three places' log-odds averaged
    assert company.probability == again.probability == pytest.approx(shared, abs=1e-3)
    assert "decided with 2 other occurrence" in company.decision
    assert "decided with" not in fruit.decision
    assert fruit.probability == pytest.approx(0.5, abs=1e-3)


def test_an_occurrence_with_the_names_missing_word_beside_it_is_never_lifted_by_its_form():
    # "l'ère Franse": "Air" is heard beside this occurrence, so "Franse" alone is too short there,
    # whatever the form's other occurrences say; they are decided together, as before
    model = hand_made({"missing_word_beside": -2.2}, bias=2.2)  # p 0.90 alone, 0.50 with the word beside
    text = "Hier, Franse a publié ses comptes. Puis Franse a baissé ses prix. Et l'ère Franse commence."
    corrector = Corrector(Lexicon.from_terms(["Air France"]), passes=("exact", "fuzzy", "phonetic"), generous=True)
    analysed, candidates = corrector.propose(text)
    decided = {c.span.start: c for c in decide(corrector.job_for(analysed), candidates, model, 0.7)
               if c.span.text == "Franse"}
    first_one, second, beside = (decided[start] for start in sorted(decided))
    assert [c.decision.split(" ")[0] for c in (first_one, second, beside)] == ["kept", "kept", "dropped"]
    assert "decided with 2 other occurrence" in first_one.decision and "decided with" not in beside.decision
    assert beside.probability == pytest.approx(0.5, abs=1e-3)


def test_model_decision_end_to_end_keeps_every_edit_explained():
    # a bound low enough for this short text's fixes to be kept: what is tested is their explanation
    result = Corrector(LEXICON, decision="model", min_confidence=0.4).correct(
        "Le patron d'OpenEye, Salman Altman, parle. OpenAI répond.")
    assert result.edits
    for edit in result.edits:
        assert "(p=" in edit.reason
    assert "decision=model:" in result.signature


def test_min_confidence_outside_bounds_is_a_usage_error():
    from correction.errors import UsageError

    with pytest.raises(UsageError, match="--min-confidence"):
        Corrector(LEXICON, decision="model", min_confidence=1.5)


def training_labels(raw: str, heard: str, start: int, right: str, entity: str) -> dict[tuple[str, str], float]:
    """The label ``collect`` gives each candidate of ``raw`` (one gold edit: ``heard`` at ``start``
    becomes ``right``), by what the candidate's own edit writes."""
    from correction.bench.dataset import Dataset
    from correction.decision.decide import needs_decision
    from correction.decision.training import collect
    from correction.engine import edits_of
    from correction.scoring.edits import GoldSpan

    gold = (GoldSpan(1, start, start + len(heard), right, entity, original=heard),)
    dataset = Dataset(name="labels", path="", raw=raw, reference=raw.replace(heard, right),
                      gold=gold, traps=(), correct=())
    rows = collect(dataset, Lexicon.from_terms([entity]), "test")
    proposal = rows.proposals[0]
    written = {}
    for candidate, label in zip([c for c in proposal.candidates if needs_decision(c)], rows.labels):
        for edit in edits_of(proposal.text, candidate):
            written[(edit.original, edit.replacement)] = label
    return written


def test_training_labels_a_candidate_right_only_when_it_leaves_the_gold_text():
    written = training_labels("I mean, Bernard Arnold could buy a small country.", "Arnold", 16, "Arnault",
                              "Bernard Arnault")
    assert written[("Arnold", "Arnault")] == 1.0
    # the same name, but a word after it swallowed: wrong, though it overlaps the gold and writes its text
    assert written[("Arnold could", "Arnault")] == 0.0


def test_training_judges_a_name_part_alone_by_the_whole_name_the_engine_widens_it_to():
    labels = training_labels("when antwan bupont scored, the crowd stood.", "antwan bupont", 5, "Antoine Dupont",
                             "Antoine Dupont")
    # "bupont" -> Dupont alone would leave "antwan"; the engine applies it as "antwan bupont" ->
    # Antoine Dupont, which is the gold: the part is a right candidate
    assert labels[("bupont", "Dupont")] == 1.0
    assert labels[("antwan", "Antoine")] == 1.0
    # a part that takes in a word that is not the rest of the name stays wrong
    assert labels[("when antwan", "Antoine")] == 0.0


def test_partly_heard_right_writes_every_third_mention_of_an_entity_right_and_keeps_spans_aligned():
    from correction.bench.dataset import Dataset
    from correction.decision.training import partly_heard_right
    from correction.scoring.edits import GoldSpan

    lines = ["Salman Altmann left, then Salman Altmann came back.", "Salman Altmann joined OpenEye again.",
             "Nothing about him here.", "Salman Altmann and OpenEye."]
    raw = "\n".join(lines)
    name, company = "Salman Altmann", "OpenEye"

    def spans(line: int, text: str, right: str, entity: str) -> list[GoldSpan]:
        found, at = [], lines[line - 1].find(text)
        while at >= 0:
            found.append(GoldSpan(line, at, at + len(text), right, entity, original=text))
            at = lines[line - 1].find(text, at + 1)
        return found

    gold = tuple(spans(1, name, "Sam Altman", "Sam Altman") + spans(2, company, "OpenAI", "OpenAI")
                 + spans(2, name, "Sam Altman", "Sam Altman") + spans(4, name, "Sam Altman", "Sam Altman")
                 + spans(4, company, "OpenAI", "OpenAI"))
    # two transcripts: lines 1-2 and 3-4; mentions are counted within each
    dataset = Dataset(name="t", path="", raw=raw, reference=raw, gold=gold, traps=(), correct=(),
                      episodes=((1, 2), (3, 4)))
    heard = partly_heard_right(dataset)
    assert heard.raw_lines[1] == "Sam Altman joined OpenEye again."  # the third "Salman Altmann" of transcript 1
    assert heard.raw_lines[0] == lines[0] and heard.raw_lines[3] == lines[3]
    assert len(heard.gold) == len(gold) - 1 and len(heard.correct) == 1
    for span in (*heard.gold, *heard.correct):  # every span still covers the text it says (OpenEye moved)
        assert heard.raw_lines[span.line - 1][span.start : span.end] == span.original
    assert heard.correct[0].original == "Sam Altman"


def test_lines_of_the_other_language_go_between_a_transcripts_lines_and_spans_follow_them():
    from correction.bench.dataset import Dataset
    from correction.decision.training import with_lines_between
    from correction.scoring.edits import GoldSpan

    lines = ["Salman Altmann left.", "OpenEye said nothing.", "Salman Altmann came back."]
    raw = "\n".join(lines)
    gold = (GoldSpan(1, 0, 14, "Sam Altman", "Sam Altman", original="Salman Altmann"),
            GoldSpan(2, 0, 7, "OpenAI", "OpenAI", original="OpenEye"),
            GoldSpan(3, 0, 14, "Sam Altman", "Sam Altman", original="Salman Altmann"))
    trap = (GoldSpan(2, 8, 12, "said"),)
    dataset = Dataset(name="t", path="", raw=raw, reference=raw, gold=gold, traps=trap, correct=(),
                      episodes=((1, 2), (3, 3)))
    mixed = with_lines_between(dataset, ["en effet", "à vous"], "with fr lines between")
    # two lines to put in: after lines 1 and 2, each in the transcript of the line before it
    assert mixed.raw_lines == [lines[0], "en effet", lines[1], "à vous", lines[2]]
    assert mixed.reference_lines == mixed.raw_lines
    assert mixed.episodes == ((1, 4), (5, 5))
    assert [span.line for span in mixed.gold] == [1, 3, 5] and mixed.traps[0].line == 3
    for span in (*mixed.gold, *mixed.traps):
        assert mixed.raw_lines[span.line - 1][span.start : span.end] == (span.original or span.text)
    assert [transcript.raw for transcript in mixed.transcripts()] == [
        "\n".join(mixed.raw_lines[:4]) + "\n", lines[2]]
    assert mixed.name == "t with fr lines between"


def synthetic_rows(seed: int = 0):
    """Rows whose labels follow +2 x0 - 1 x1 (logit), x2 pure noise."""
    import numpy as np

    rng = np.random.default_rng(seed)
    values = rng.normal(size=(4000, 3))
    labels = (rng.random(4000) < 1 / (1 + np.exp(-(2 * values[:, 0] - values[:, 1])))).astype(float)
    return values, labels


def test_a_weight_held_at_zero_or_above_stays_there_and_the_others_are_refitted():
    from correction.decision.training import fit_logistic

    values, labels = synthetic_rows()
    _, _, free, _ = fit_logistic(values, labels)
    assert free[1] < -0.5  # the data says x1 weighs against
    _, _, held, _ = fit_logistic(values, labels, at_least_zero=[1])
    assert held[1] == 0.0
    assert held[0] > 0.5 and abs(held[0] - free[0]) < 0.5


def test_a_constraint_the_data_already_meets_changes_nothing():
    from correction.decision.training import fit_logistic

    values, labels = synthetic_rows(1)
    _, _, free, free_bias = fit_logistic(values, labels)
    _, _, held, held_bias = fit_logistic(values, labels, at_least_zero=[0])  # x0 is positive anyway
    assert list(held) == pytest.approx(list(free)) and held_bias == pytest.approx(free_bias)


def test_the_held_fit_is_the_best_fit_with_those_weights_at_zero_or_above():
    """Against brute force: every subset of the constrained weights held at 0, the best feasible fit."""
    import itertools

    import numpy as np

    from correction.decision.training import fit_logistic

    rng = np.random.default_rng(3)
    shared = rng.normal(size=3000)
    # x1 and x2 share what x0 says: fitted freely, one of them comes out negative
    values = np.column_stack([shared + 0.3 * rng.normal(size=3000), shared, shared + 0.5 * rng.normal(size=3000),
                              rng.normal(size=3000)])
    labels = (rng.random(3000) < 1 / (1 + np.exp(-(3 * values[:, 0] - 1.5 * values[:, 1] + values[:, 3])))).astype(float)

    def loss(means, scales, weights, bias):
        logit = bias + ((values - means) / scales) @ weights
        return float(np.sum(np.logaddexp(0, logit) - labels * logit) + 0.5 * np.sum(weights ** 2))

    constrained = [1, 2, 3]
    fitted = fit_logistic(values, labels, at_least_zero=constrained)
    assert all(fitted[2][i] >= -1e-12 for i in constrained)
    best = None
    for size in range(len(constrained) + 1):
        for zeroed in itertools.combinations(constrained, size):
            kept = [i for i in range(values.shape[1]) if i not in zeroed]
            means, scales, weights, bias = fit_logistic(values[:, kept], labels)
            full = np.zeros(values.shape[1])
            full[kept] = weights
            if all(full[i] >= 0 for i in constrained):
                candidate = loss(values.mean(axis=0), values.std(axis=0), full, bias)
                best = candidate if best is None else min(best, candidate)
    assert loss(*fitted) == pytest.approx(best, rel=1e-6)
