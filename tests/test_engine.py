"""The engine end to end: table-driven sentences that are not in the dev set, and properties."""

from itertools import islice, product
from pathlib import Path
from string import ascii_lowercase

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from correction import Corrector, Entry, Lexicon, revert_edits
from correction.analysis import AnalyzedText
from correction.errors import UsageError
from correction.passes.base import Job

TERMS = ["OpenAI", "Llama", "Sam Altman", "Greg Brockman", "Ilya Sutskever", "Emmett Shear", "Mira Murati", "Quora", "Satya Nadella",
         "Microsoft", "Bloomberg", "Mark Zuckerberg", "Midjourney", "TikTok"]


@pytest.fixture(scope="module")
def corrector():
    return Corrector(Lexicon.from_terms(TERMS))


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("Le PDG d'OpenDI a démissionné.", "Le PDG d'OpenAI a démissionné."),
        ("OpenEye's board fired him.", "OpenAI's board fired him."),
        ("Après Sam Altman, Emet Scheer devient le patron.", "Après Sam Altman, Emmett Shear devient le patron."),
        ("Adam, le patron de Korah, siège chez OpenAI. Quora a levé des fonds.",
         "Adam, le patron de Quora, siège chez OpenAI. Quora a levé des fonds."),
        ("Puis Miramurati prend la tête.", "Puis Mira Murati prend la tête."),
        ("Tout le monde parle de Open AI ce week-end.", "Tout le monde parle de OpenAI ce week-end."),
        ("le board de OpenAI et Salman\nAltman revient", "le board de OpenAI et Sam\nAltman revient"),
        ("Brokman démissionne aussi.", "Brockman démissionne aussi."),
        ("Marc Zuckerbergue a ouvert les poids.", "Mark Zuckerberg a ouvert les poids."),
        ("The Open-AI team shipped it.", "The OpenAI team shipped it."),
        ("Sur Tik Tok, les images de Mid Journey circulent.", "Sur TikTok, les images de Midjourney circulent."),
        ("We talk about Open A.I. and its board.", "We talk about OpenAI and its board."),
        ("un papier de Microsoft chez Bloomberg", "un papier de Microsoft chez Bloomberg"),
    ],
)
def test_mishearings_are_fixed(corrector, raw, fixed):
    assert corrector.correct(raw).text == fixed


def test_a_half_right_that_many_entries_share_is_no_clue():
    """In a lexicon of thousands of people a common first name is many entries', and some surname
    among them sounds like any real person's: "Patrick Hetzel" is not "Patrick Yates"."""
    text = "La parole est à Monsieur Patrick Hetzel, pour le groupe."
    alone = Lexicon.from_terms(["Patrick Yates"])
    assert Corrector(alone).correct(text).text == text.replace("Hetzel", "Yates")  # one Patrick: the clue holds
    crowd = Lexicon.from_terms(["Patrick Yates", *(f"Patrick {name}" for name in ("Ames", "Bloch", "Curtis", "Dunn", "Egan"))])
    result = Corrector(crowd).correct(text)
    assert result.edits == ()
    decisions = {c.decision for c in result.candidates if c.entity == "Patrick Yates"}
    assert decisions and all("'patrick' is 5 other entries' too, no clue" in decision for decision in decisions)


def test_a_loose_match_in_a_large_lexicon_needs_context():
    """Among tens of thousands of forms, a name absent from the lexicon often has a look-alike by
    chance: a match that stands alone in a small lexicon (0.88) is left to context in a large one."""
    padding = ["Qz" + "".join(letters) for letters in islice(product(ascii_lowercase, repeat=4), 20_000)]
    passes = ("exact", "fuzzy", "context")  # no sound index: 20,000 readings are slow to make
    text = "Hier soir, Brokmann a quitté la salle sans un mot."
    small = Corrector(Lexicon.from_terms(["Greg Brockman"]), passes=passes)
    assert small.correct(text).text == text.replace("Brokmann", "Brockman")
    large = Corrector(Lexicon.from_terms(["Greg Brockman", *padding]), passes=passes)
    result = large.correct(text)
    assert result.edits == ()
    assert any("what 20,003 forms need without context; dropped" in c.reason for c in result.candidates)
    # named elsewhere, the same match is kept
    named = "Greg Brockman est parti. " + text
    assert large.correct(named).text == named.replace("Brokmann", "Brockman")


@pytest.mark.parametrize(
    "ordinary",
    [
        "Il y a trois jours, samedi, il y avait du monde au marché.",
        "Il faut open le dossier et le mettre sur la table.",
        "La mère de Marc est chère, et même très chère.",
        "Il met sa veste, il y va, y'a rien à dire.",
        "qu'il y a du monde, il y en a partout",
        "On se voit samedi midi chez Sam ?",
        "I have a llama at the farm, and Bloomberg is a company name we know.",
        "Sam Altmans comments were odd, and Microsofts lawyers said nothing.",  # only an apostrophe is missing
    ],
)
def test_ordinary_speech_is_left_alone(corrector, ordinary):
    result = corrector.correct(ordinary)
    assert result.text == ordinary and result.edits == ()


ORDINARY_SPEECH = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "ordinary"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("casing", [str, str.lower, str.upper])
def test_the_ordinary_speech_corpora_in_every_casing_get_no_edit_from_the_shipped_lexicon(lang, casing):
    """Real and self-written speech that names no domain term (13,000 words per language): every
    edit would be a false fire ("DE VIN" in capitals is not Devin, "jim kenney" is not Gemini)."""
    text = casing((ORDINARY_SPEECH / f"{lang}.txt").read_text(encoding="utf-8"))
    edits = Corrector().correct(text).edits
    assert [(edit.line, edit.original, edit.replacement) for edit in edits] == []


@pytest.mark.parametrize("decision", ["rules", "model"])
@pytest.mark.parametrize("entries", [[Entry("OpenAI", lang="en")], []], ids=["english-only", "empty"])
def test_a_lexicon_with_nothing_for_the_transcripts_language_changes_nothing(decision, entries):
    # no form to look up in French: the large-lexicon bound once took the log of zero forms
    raw = "Le patron d'OpenEye parle de l'entreprise.\n"
    result = Corrector(Lexicon.from_entries(entries), decision=decision).correct(raw)
    assert result.text == raw and result.edits == ()


def test_il_y_a_becomes_ilya_only_where_context_names_him(corrector):
    text = ("Ilya Sutskever vote contre Sam Altman au board.\n"
            "Entre temps, il y a, donc celui qui a la tête du board, qui regrette.\n"
            "Et il y a tout le board sur Google Meet.")
    result = corrector.correct(text)
    assert [(edit.line, edit.original, edit.replacement) for edit in result.edits] == [(2, "il y a", "Ilya")]
    assert "kept" in result.edits[0].reason and "set off by a comma" in result.edits[0].reason
    dropped = [c for c in result.candidates if c.ambiguous and c.decision.startswith("dropped")]
    assert any(c.span.text == "il y a" and c.span.start > text.index("Et il") for c in dropped)


def test_an_acronym_in_capitals_names_its_entity_though_its_letters_make_a_word():
    """"AGI" in capitals names the term, so "l'Agi" later is AGI recased; the French word "agi"
    ("il a agi") says nothing, and in lower case the word needs more than the entity named."""
    corrector = Corrector(Lexicon.from_terms(["AGI", "Sam Altman", "OpenAI"]))
    text = "Sam Altman parle souvent de l'AGI. Pour lui, l'Agi arrivera avant 2030. Selon lui, l'agi est proche."
    result = corrector.correct(text)
    assert [(edit.original, edit.replacement) for edit in result.edits] == [("Agi", "AGI")]
    assert "named elsewhere" in result.edits[0].reason
    # without the acronym written in capitals, nothing names AGI: "Agi" stays
    assert corrector.correct(text.replace("l'AGI", "l'avenir")).edits == ()


@pytest.mark.parametrize("lang, text, word, aliased_term", [
    ("fr", "Le CES ouvre demain. Ces annonces et ces écrans, ces salons.", "ces", "Consumer Electronics Show"),
    ("en", "The US market grew. Give us the numbers and tell us why.", "us", "United States"),
])
def test_a_grammar_word_with_a_names_letters_is_never_proposed_for_the_name(lang, text, word, aliased_term):
    """One function word of the transcript's language is that word ("ces", "us"), however often
    it comes and whatever the name written right nearby: it is not even weighed."""
    lexicon = Lexicon.from_terms(["CES", "US", "OpenAI"])
    corrector = Corrector(lexicon, lang=lang, decision="model", min_confidence=0.05)
    result = corrector.correct(text)
    assert not [c for c in result.candidates if c.span.text.lower() == word]
    assert result.text == text
    # an alias the lexicon's author wrote is theirs to choose, grammar word or not
    aliased = Lexicon.from_entries([Entry(term=aliased_term, aliases=(word,))])
    assert [c for c in Corrector(aliased, lang=lang).propose(text)[1] if c.span.text.lower() == word]


@pytest.mark.parametrize("lang, text, phrase, name", [
    ("fr", "Tout le monde en parle. Le monde change, et le monde attend.", "le monde", "Le Monde"),
    ("en", "Ask the economist. Well, the economist said no.", "the economist", "The Economist"),
])
def test_a_lower_case_phrase_opening_with_a_grammar_word_is_never_recased_into_a_name(lang, text, phrase, name):
    """A cased transcript that writes "le monde" in lower case wrote the phrase: a name made of those
    words, which only its case would change, is not proposed, however often the phrase comes."""
    corrector = Corrector(Lexicon.from_terms([name, "OpenAI"]), lang=lang, decision="model", min_confidence=0.05)
    result = corrector.correct(text)
    assert not [c for c in result.candidates if c.span.text == phrase]
    assert phrase not in {edit.original.lower() for edit in result.edits}
    # written with a capital, the phrase may be the name: it is proposed and weighed
    capitalised = text.replace(f" {phrase}", f" {phrase.split()[0]} {phrase.split()[1].capitalize()}", 1)
    assert [c for c in corrector.correct(capitalised).candidates if c.entity == name]


def test_a_lower_case_phrase_capitalised_only_by_its_sentence_is_never_recased_into_a_name():
    """The capital that opens a sentence is the sentence's: "Le monde entier" is the phrase too."""
    corrector = Corrector(Lexicon.from_terms(["Le Monde", "OpenAI"]), decision="model", min_confidence=0.05)
    text = "Le monde entier en parle. Le monde attend la suite."
    result = corrector.correct(text)
    assert not [c for c in result.candidates if c.entity == "Le Monde"]
    assert result.text == text
    # "Le Monde" written as the name is the name; a capital inside the phrase keeps it weighed
    assert [c for c in corrector.correct("Hier, le Monde a publié un article.").candidates if c.entity == "Le Monde"]


@pytest.mark.parametrize("lang, text, word, name", [
    ("fr", "Tu veux une orange ? Orange a supprimé des postes, et orange vend des forfaits.", "orange", "Orange"),
    ("fr", "Je n'ai aucune notion de l'heure. Notion lève des fonds, notion recrute.", "notion", "Notion"),
    ("en", "I ate an apple at lunch. Apple sells phones, and apple sells laptops.", "apple", "Apple"),
])
def test_an_ordinary_word_after_a_determiner_is_never_recased_into_the_name_it_spells(lang, text, word, name):
    """A cased transcript that writes "une orange" wrote a common noun, whatever the talk is about:
    only the capital would change, and it would change the meaning. Bare, the same word may be the
    company ("orange vend des forfaits"): it is proposed and weighed."""
    corrector = Corrector(Lexicon.from_terms([name, "OpenAI"]), lang=lang, decision="model", min_confidence=0.05)
    result = corrector.correct(text)
    after_determiner = text.index(f" {word} ") + 1
    assert not [c for c in result.candidates if c.span.start == after_determiner and c.entity == name]
    assert [c for c in result.candidates if c.span.text == word and c.entity == name]


@pytest.mark.parametrize("text, word, name, expected", [
    ("Tu veux une orange ? Orange vend des forfaits.", "orange", "Orange", True),
    ("Tu veux l'orange ? Orange vend des forfaits.", "orange", "Orange", True),     # an elided article
    ("Hier, orange a publié ses comptes. Orange vend.", "orange", "Orange", False),  # bare: a name slot
    ("Le patron d'orange a parlé. Orange vend.", "orange", "Orange", False),          # "d'" is no article
    ("Tu veux une Orange ? Orange vend des forfaits.", "Orange", "Orange", False),    # written as a name
    ("Les ingénieurs de la nasa ont parlé. La NASA aussi.", "nasa", "NASA", False),   # an acronym
    ("He bought the iphone yesterday. The iPhone sold well.", "iphone", "iPhone", False),  # inner capital
])
def test_a_common_noun_is_an_ordinary_word_after_its_determiner_in_a_cased_transcript(text, word, name, expected):
    from correction.passes.guards import common_noun_here

    analysed = AnalyzedText.of(text)
    position = next(i for i, token in enumerate(analysed.tokens) if token.text == word)
    key = analysed.keys[position]
    assert common_noun_here(analysed, analysed.span(position, position + 1, key), name) is expected


def test_an_acronym_written_in_lower_case_after_an_article_is_still_proposed():
    """"la nasa" is la NASA: an acronym is not the ordinary word its letters make, so the article says
    nothing about it."""
    corrector = Corrector(Lexicon.from_terms(["NASA", "OpenAI"]), decision="model", min_confidence=0.05)
    candidates = corrector.correct("Les ingénieurs de la nasa ont parlé hier.").candidates
    assert [c for c in candidates if c.entity == "NASA"]


@pytest.mark.parametrize("decision", ["rules", "model"])
def test_a_name_split_at_its_apostrophe_and_written_right_is_never_rewritten(decision):
    """The tokens of "L'Oréal" are "L" and "Oréal": when no mention crossed the apostrophe, the piece
    "Oréal", close in spelling to the whole name, was rewritten into "L'L'Oréal", and "L'Huillier
    won" after "Anne" into "Anne L'Huillier" (the model), deleting "won"."""
    # the model at a bound below its fitted one: what is tested is the apostrophe, not where the bound lies
    corrector = Corrector(Lexicon.from_terms(["L'Oréal", "Christine Lagarde", "Conan O'Brien", "Anne L'Huillier"]),
                          decision=decision, min_confidence=0.8 if decision == "model" else None)
    text = ("Christine Lagarde said the valuation of L'Oréal doubled. So the union at L’Oréal says the new "
            "shift system is unfair, and Conan O'Brien joked about O'Brien's own shares in L'Oréal. Right, so "
            "Anne L'Huillier won the prize after forty years.")
    assert corrector.correct(text).edits == ()
    # the name misheard around its apostrophe is still fixed
    misheard = "Christine Lagarde said the valuation of L'Oréol doubled, and Conan O'Brien joked about it."
    assert [(edit.original, edit.replacement) for edit in corrector.correct(misheard).edits] == [("Oréol", "L'Oréal")]


def test_a_mention_crosses_an_apostrophe_only_for_a_form_written_with_one():
    """"Adam D'Angelo", "O’Brien" (either apostrophe) are mentions, protected and counted as named;
    "d'Ali" is the elision of "de" before "Ali", no spelling of Dalí."""
    corrector = Corrector(Lexicon.from_terms(["Adam D'Angelo", "Conan O'Brien", "Salvador Dalí"]))
    text, _ = corrector.propose("Adam D'Angelo a vu O’Brien et le tableau d'Ali.")
    mentions = [(span.text, surface.text) for span, surface in corrector.job_for(text).mentions]
    assert mentions == [("Adam D'Angelo", "Adam D'Angelo"), ("O’Brien", "O'Brien")]
    hits = {span.text for span, _ in corrector.job_for(text).exact_hits}
    assert "d'Ali" not in hits


def test_il_y_a_capitalised_after_a_comma_is_a_clause_not_ilya():
    """Recognisers capitalise where they begin a segment after a pause: "..., Il y a de la tempête"
    (a whole French sentence heard by Whisper in the asr-loop fitting sets) is not Ilya."""
    corrector = Corrector(Lexicon.from_terms(["Ilya Sutskever", "OpenAI"]))
    text = "Le temps qu'on en met, Il y a de la tempête. Chez open Ai, on parle d'Ilya Sutskever."
    assert corrector.correct(text).text == text.replace("open Ai", "OpenAI")


def test_an_elided_word_never_ends_a_name():
    """"elle n'a" is "she has not", whatever first names the lexicon holds: the elided "n'" belongs
    to the word after it (with 20,000 generated names in the lexicon, "elle n'" -> "Ellen" was 17
    of the 31 wrong edits on the French asr-loop fitting sets)."""
    corrector = Corrector(Lexicon.from_terms(["Ellen Page", "Léon Blum", "Dan Brown"]))
    text = "Elle n'a rien dit, et Léo n'en savait rien. Da n'importe. Elle en parle, d'Ellen."
    assert corrector.correct(text).edits == ()
    spans = {span.text for span, _ in corrector.job_for(corrector.propose(text)[0]).exact_hits}
    assert spans == {"Ellen"}


def test_a_version_number_is_heard_as_a_number_not_found_by_a_look_alike_word():
    """"Gemini Pro" sounds 0.84 like "Gemini 3", but "Pro" does not sound like "three" or "trois":
    another product, not a mishearing. A word that sounds like the number is one ("for" in "PPT
    for" for GPT-4), and a number said in words is matched exactly."""
    corrector = Corrector(Lexicon.from_terms(["Gemini 3", "Gemini", "Google", "GPT-4"]))
    assert corrector.correct("Google launched Gemini. Then Gemini Pro got an update.").edits == ()
    assert corrector.correct("Google a sorti Gemini Trois hier.").text == "Google a sorti Gemini 3 hier."
    from correction.passes.guards import numbers_heard
    assert numbers_heard("PPT for", "GPT-4") and numbers_heard("Six", "6") and numbers_heard("ppt4", "GPT-4")
    assert not numbers_heard("Pro", "3") and not numbers_heard("Nano", "3")


def test_rare_words_that_look_like_a_name_need_the_domain_nearby(corrector):
    alone = "J'ai posé la question sur Korah hier, avec le roi Salman."
    assert corrector.correct(alone).edits == ()
    (candidate,) = [c for c in corrector.correct(alone).candidates if c.span.text == "Korah"]
    assert candidate.decision == "dropped: rare words; 1 of 5 clues (capitalised)"


def test_edit_records_say_where_what_and_why(corrector):
    text = "premier\nle PDG d'OpenEye parle"
    (edit,) = corrector.correct(text).edits
    assert (edit.line, edit.column, edit.start, edit.end) == (2, 9, 17, 24)
    assert (edit.original, edit.replacement, edit.entity, edit.pass_name) == ("OpenEye", "OpenAI", "OpenAI", "phonetic")
    assert 0.8 <= edit.score <= 1.0 and "sounds like" in edit.reason


def test_passes_can_be_chosen(corrector):
    exact_only = Corrector(corrector.lexicon, passes="exact")
    assert exact_only.correct("le PDG d'OpenEye et Open AI").text == "le PDG d'OpenEye et OpenAI"


def test_unknown_pass_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown pass speling; choose from exact, fuzzy, phonetic, context"):
        Corrector(Lexicon.from_terms(["OpenAI"]), passes="exact,speling")


def test_an_unknown_language_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown language 'de'; choose from fr, en"):
        Corrector(Lexicon.from_terms(["OpenAI"]), lang="de")


def test_min_score_bounds_approximate_matches(corrector):
    strict = Corrector(corrector.lexicon, min_score=0.95)
    assert strict.correct("le board d'OpaneAie").text == "le board d'OpaneAie"
    assert corrector.correct("le board d'OpaneAie").text == "le board d'OpenAI"


def test_signature_names_passes_lexicon_and_language(corrector):
    signature = corrector.correct("Bonjour à tous, voici le podcast.").signature
    assert signature.startswith("correction ") and "passes=exact,fuzzy,phonetic,context" in signature
    assert f"lexicon=<memory>@{corrector.lexicon.sha256[:12]}" in signature and signature.endswith("lang=fr")


WORDS = st.sampled_from(["le", "PDG", "d'OpenEye", "Salman", "Altman", "il", "y", "a", "Open", "AI", "samedi",
                         "Miramurati", "Korah", ",", ".", "\n", "  ", "l'Open EA", "boomberg", "é"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=30))
def test_edits_apply_to_give_the_output_and_revert_to_the_input(corrector, words):
    text = " ".join(words)
    result = corrector.correct(text)
    assert revert_edits(result.text, result.edits) == text
    assert result.text.count("\n") == text.count("\n")
    for edit in result.edits:
        assert text[edit.start : edit.end] == edit.original and "\n" not in edit.original


def test_an_english_transcript_with_several_mishearings():
    corrector = Corrector(Lexicon.from_terms(TERMS + ["Anthropic", "ChatGPT"]))
    raw = ("So on Friday the board fired Sam Altmann, and Greg Brockmann quit.\n"
           "Mira Moratti became the interim CEO, then Emmet Shier from Twitch took over.\n"
           "Ilia Sutskever said he regretted it. Satya Nadela at Microsoft hired them.\n"
           "They will open a new office. I mean, make sure you work on it.")
    fixed = ("So on Friday the board fired Sam Altman, and Greg Brockman quit.\n"
             "Mira Murati became the interim CEO, then Emmett Shear from Twitch took over.\n"
             "Ilya Sutskever said he regretted it. Satya Nadella at Microsoft hired them.\n"
             "They will open a new office. I mean, make sure you work on it.")
    assert corrector.correct(raw).text == fixed


def test_a_transcript_in_capitals_gets_no_case_or_capital_based_fixes(corrector):
    """In capitals throughout, case says nothing: no "BARD" -> "Bard", no "AS I" -> "ASI"; non-words are still fixed."""
    lines = ["ET IL Y A EU UN VOTE DU BOARD SAMEDI MATIN AVEC SAM ALTMAN ET MICROSOFT",
             "PUIS BROKMAN A QUITTE LE BOARD ET CHOISI UN AUTRE PATRON POUR LA SUITE DES EVENEMENTS"]
    result = corrector.correct("\n".join(lines))
    assert [(edit.original, edit.replacement) for edit in result.edits] == [("BROKMAN", "BROCKMAN")]


@pytest.mark.parametrize("decision", ["rules", "model"])
def test_the_names_letters_split_into_words_and_titled_mid_sentence_are_the_name(decision):
    """"open Ai", "Selon Open ai": a word written like "Word" mid-sentence says a name was heard, and
    the words join into one; applied as the name's own letters, with no decision to make."""
    corrector = Corrector(Lexicon.from_terms(TERMS), decision=decision)
    result = corrector.correct("Chez open Ai, on parle d'AGI. Selon Open ai, c'est fini. Open ai est une start-up.")
    assert [(edit.original, edit.replacement) for edit in result.edits][:2] == [("open Ai", "OpenAI"), ("Open ai", "OpenAI")]
    assert all(edit.pass_name == "exact" and "dropped" not in edit.reason for edit in result.edits[:2])
    # at a sentence start the capital says nothing: "Open ai" there is weighed, not sure
    last = [c for c in result.candidates if c.span.text == "Open ai" and c.pass_name == "exact"][-1]
    assert last.ambiguous


def test_open_ai_in_lower_case_is_an_ordinary_phrase_in_a_cased_transcript(corrector):
    """"open AI models" is English for open models, though "AI" has capitals and OpenAI is named."""
    text = ("OpenAI released a model, and Sam Altman spoke about it.\n"
            "Meta keeps saying that open AI models are the future, and Microsoft agrees.")
    assert corrector.correct(text).edits == ()
    (candidate,) = [c for c in corrector.correct(text).candidates if c.span.text == "open AI" and c.pass_name == "exact"]
    assert candidate.decision.startswith("dropped: ordinary words; 2 of 5 clues (named elsewhere")


HALF_NAMED = Lexicon.from_terms(["Helen Toner", "Reid Hoffman", "Jensen Huang", "Nvidia", "James Sullivan",
                                 "Patrick Pérez", "Yann LeCun", "Llama"])


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("The letter from Helen Tonner was long.", "The letter from Helen Toner was long."),
        ("The board lost Reed Hoffman early.", "The board lost Reid Hoffman early."),
        ("At Nvidia, Jensen Wang gave the keynote.", "At Nvidia, Jensen Huang gave the keynote."),
        ("As Lecun said, it is early.", "As LeCun said, it is early."),
        # both halves ordinary words, but "Jensen" is no other entry's: it pins the name down
        ("Jensen Wang gave the keynote.", "Jensen Huang gave the keynote."),
    ],
)
def test_a_full_name_with_one_half_right_and_the_other_sounding_alike_is_fixed(raw, fixed):
    assert Corrector(HALF_NAMED).correct(raw).text == fixed


def test_a_half_right_that_other_entries_share_does_not_pin_ordinary_words_to_one_name():
    """In a lexicon with two Jensens, "Jensen Wang" in ordinary words needs a third clue."""
    shared = Lexicon.from_entries([*HALF_NAMED, *Lexicon.from_terms(["Jensen Ackles"])])
    result = Corrector(shared).correct("Jensen Wang gave the keynote.")
    assert result.edits == ()
    decisions = {c.decision for c in result.candidates if c.entity == "Jensen Huang" and c.span.text == "Jensen Wang"}
    assert decisions and all(decision.startswith("dropped: ordinary words; 2 of 5 clues")
                             and "'jensen' is another entry's too" in decision for decision in decisions)


@pytest.mark.parametrize(
    "ordinary",
    [
        "The adviser Jake Sullivan spoke.",  # "Jake" does not sound like "James": another Sullivan
        "Le rapport de Patrick Ollier est sorti.",  # "Ollier" is not "Pérez"
        "I have a llama at the farm.",  # a real word that would only gain a capital
    ],
)
def test_a_different_person_sharing_half_a_name_is_left_alone(ordinary):
    result = Corrector(HALF_NAMED).correct(ordinary)
    assert result.text == ordinary, result.edits


def test_half_a_name_right_is_a_recorded_clue():
    result = Corrector(HALF_NAMED).correct("The letter from Helen Tonner was long.")
    (edit,) = result.edits
    assert edit.original == "Tonner" and "half the name right" in edit.reason


def test_in_a_lower_case_transcript_a_name_part_anchors_the_rest_of_the_name():
    """No capitals to tell a name: the first name spelled right is what points at "altmann"."""
    corrector = Corrector(Lexicon.from_terms(TERMS))
    words = ("so last week the board fired sam altmann without warning and greg brockmann quit the same night "
             "then mira moratti became the interim boss for about two days")
    # written the transcript's way, in lower case: only the misheard words change
    result = corrector.correct(words)
    assert result.text == words.replace("altmann", "altman").replace("brockmann", "brockman").replace("moratti", "murati")
    assert [edit.original for edit in result.edits] == ["altmann", "brockmann", "moratti"]


def test_a_name_part_next_to_an_ordinary_word_is_not_a_name():
    corrector = Corrector(Lexicon.from_terms(TERMS))
    words = "i saw sam all day at the market and greg brought me a drink while mark was cooking at home tonight"
    assert corrector.correct(words).edits == ()


def test_in_a_lower_case_transcript_names_spelled_right_are_mentions():
    corrector = Corrector(Lexicon.from_terms(TERMS + ["Helen Toner"]))
    words = ("after that the board of openai brought in emmet shear for a while and helen tonner wrote a long "
             "letter about it while microsoft watched from the side and everyone waited")
    result = corrector.correct(words)
    assert result.text == words.replace("emmet shear", "emmett shear").replace("helen tonner", "helen toner")
    # "openai" and "microsoft" are right as far as a lower-case transcript goes: protected mentions
    text = AnalyzedText.of(words)
    job = Job(text, corrector.index_for(text.lang), corrector.settings)
    assert {"openai", "microsoft", "shear"} <= {span.text for span, _ in job.mentions}


OTHER_DOMAIN = Lexicon.from_terms(["Kylian Mbappé", "Jean-Luc Mélenchon", "Élisabeth Borne", "Gabriel Attal",
                                   "Marine Le Pen", "Bruno Le Maire", "François Bayrou", "Google", "Emmanuel Macron",
                                   "Charles de Gaulle"])


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("Ce soir, Kilian Mbapé a encore marqué.", "Ce soir, Kylian Mbappé a encore marqué."),
        ("Jean Luc Melanchon a réagi, comme Marine Lepen.", "Jean-Luc Mélenchon a réagi, comme Marine Le Pen."),
        ("Elisabeth Borne était à Matignon avant Gabriel Attale.", "Élisabeth Borne était à Matignon avant Gabriel Attal."),
        ("Le ministre Bruno Lemaire a parlé, puis François Bérou.", "Le ministre Bruno Le Maire a parlé, puis François Bayrou."),
        ("L'aéroport Charles de Gaule était bloqué, dit Emmanuel Macron.",
         "L'aéroport Charles de Gaulle était bloqué, dit Emmanuel Macron."),
    ],
)
def test_names_of_another_domain_are_fixed_from_the_canonical_list(raw, fixed):
    assert Corrector(OTHER_DOMAIN).correct(raw).text == fixed


@pytest.mark.parametrize(
    "ordinary",
    [
        "Hier soir j'ai googlé son nom et je n'ai rien trouvé.",  # the name only once accents are folded away
        "Les macronistes ont voté contre, et les googleurs ont cherché.",  # words derived from the names
        "La borne de recharge est en panne, et le maire est venu.",
        "La reine Elisabeth a parlé hier.",  # a first name alone may be another person's
    ],
)
def test_words_made_from_a_name_are_not_the_name(ordinary):
    result = Corrector(OTHER_DOMAIN).correct(ordinary)
    assert result.text == ordinary, result.edits


def test_a_known_word_that_matches_only_without_its_accents_is_not_the_name_in_a_longer_span():
    """"open sourcé" (a verb) has the letters of the term "open source" once "é" is folded away."""
    corrector = Corrector(Lexicon.from_terms(["open source", "OpenAI", "Llama"]))
    text = "Meta a sorti Llama. On a open sourcé le code, comme OpenAI aurait dû le faire."
    assert corrector.correct(text).edits == ()
    assert corrector.correct(text.replace("sourcé", "source")).edits == ()  # spelled right: a mention


FINANCE = Lexicon.from_terms(["Jerome Powell", "Warren Buffett", "Goldman Sachs", "JPMorgan", "Jamie Dimon",
                              "Federal Reserve", "BlackRock"])


def test_a_name_with_a_distinctive_half_right_is_fixed_but_not_a_common_half():
    corrector = Corrector(FINANCE)
    raw = "Warren Buffet wrote to shareholders. Goldman Sacks and JP Morgan beat estimates, said Jamie Diamond."
    assert corrector.correct(raw).text == (
        "Warren Buffett wrote to shareholders. Goldman Sachs and JPMorgan beat estimates, said Jamie Dimon.")
    ordinary = "We had a buffet lunch. The sacks of flour sat by the door, and my friend Paul bought a diamond ring."
    assert corrector.correct(ordinary).edits == ()
    # "Federal" is too common a word to tie "Federal Preserve" to the Federal Reserve
    assert corrector.correct("The Federal Preserve Act was signed, said Jamie.").edits == ()


def test_a_term_inside_a_longer_name_does_not_block_the_longer_name():
    """"AI" and "IA" are lexicon terms spelled right, but "Open AI" and "Open IA" are OpenAI."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "AI", "IA", "Microsoft", "Sam Altman"]))
    assert corrector.correct("The board of Open AI fired him.").text == "The board of OpenAI fired him."
    raw = "Le patron d'OpenAI est viré. Chez Open IA, tout le monde a signé pour Sam Altman."
    assert corrector.correct(raw).text == raw.replace("Open IA", "OpenAI")
    # a term spelled right is still never rewritten into another one of the same size
    assert corrector.correct("Microsoft and AI, and Microsoft again.").edits == ()


def test_a_name_said_in_as_many_words_must_match_word_by_word():
    """"Yannick Sinner" sounds 0.82 like a spoken form of Yann LeCun, all of it from "Yann"."""
    lexicon = Lexicon.from_entries([Entry("Yann LeCun", sounds_like=("yann leukeun",), kind="person")])
    raw = "Yann LeCun a parlé. Au tennis, Carlos Alcaraz a battu Yannick Sinner en finale."
    assert Corrector(lexicon).correct(raw).edits == ()


def test_a_lower_case_word_that_would_only_gain_a_capital_needs_three_clues():
    corrector = Corrector(Lexicon.from_terms(["Llama", "Mark Zuckerberg", "Meta"]))
    raw = ("Mark Zuckerberg says Llama is the most used open model.\n"
           "We had a llama at my uncle's farm, and it spat at everybody.")
    assert corrector.correct(raw).edits == ()


def test_a_sure_fix_is_evidence_for_the_same_words_in_lower_case():
    """"Open AI" (capitalised, sure) names OpenAI for a later "open AI"; two clues still leave that
    one an ordinary phrase."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Greg Brockman"]))
    raw = "The drama at Open AI went on.\nGreg Brockman took a sabbatical and came back to open AI."
    result = corrector.correct(raw)
    assert result.text == raw.replace("Open AI", "OpenAI")
    (later,) = [c for c in result.candidates if c.span.text == "open AI" and c.pass_name == "exact"]
    assert later.decision == "dropped: ordinary words; 2 of 5 clues (named elsewhere (line 1), near 'Greg Brockman')"


def test_a_misspelled_name_in_lower_case_is_not_taken_for_a_derived_word():
    corrector = Corrector(Lexicon.from_terms(["Mark Zuckerberg", "Gabriel Attal"]))
    assert corrector.correct("selon zuckerbergue lui-même").text == "selon Zuckerberg lui-même"
    assert corrector.correct("il faut attaler les chevaux").edits == ()


def test_numbers_said_in_words_are_the_terms_numbers():
    corrector = Corrector(Lexicon.from_terms(["GPT-4", "GPT-4o", "Llama 3", "OpenAI"]))
    raw = "OpenAI shipped GPT four O, and Meta answered with Llama three. Chez nous, GPT quatre suffit."
    assert corrector.correct(raw).text == (
        "OpenAI shipped GPT-4o, and Meta answered with Llama 3. Chez nous, GPT-4 suffit.")
    assert corrector.correct("We have 4 dogs, three cats and a llama.").edits == ()


def test_lower_case_non_words_far_on_paper_need_the_entity_named_elsewhere():
    """Without capitals "openeye" (0.62 on paper from OpenAI) may be a name or a rare word."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman", "Character.AI"]))
    named = ("tout le monde parle de openai cette semaine et du board qui a viré sam altman vendredi soir "
             "puis les salariés de openeye ont menacé de partir chez microsoft avec lui")
    assert corrector.correct(named).text == named.replace("openeye", "openai")
    alone = ("les salariés de openeye ont menacé de partir, et vous caricaturez sam altman "
             "depuis des semaines dans tous les journaux du pays sans jamais le citer")
    assert corrector.correct(alone).edits == ()


def test_a_lower_case_non_word_far_on_paper_in_a_cased_transcript_needs_the_entity_named_elsewhere():
    """"openeye" is no word of either language: a name the recogniser did not know, or a garbled word."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman"]))
    named = "OpenAI a viré Sam Altman vendredi soir. Puis les salariés de openeye ont menacé de partir."
    assert corrector.correct(named).text == named.replace("openeye", "OpenAI")
    alone = "Les salariés de openeye ont menacé de partir, et vous caricaturez tout depuis des semaines."
    assert corrector.correct(alone).edits == ()


def test_lower_case_name_with_its_spaces_needs_two_clues_but_function_words_three():
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman", "Ilya Sutskever", "Ilya"]))
    text = ("le board de openai a viré sam altman vendredi et les salariés d'open ai ont signé une lettre "
            "pour ilya sutskever et il y a eu des tensions avec sam altman pendant tout le week-end")
    # "d'open ai" is not an elision of a function word like "qu'il y a" or "j'ai"
    assert corrector.correct(text).text == text.replace("open ai", "openai")


@pytest.mark.parametrize("transform", [str, str.lower])
def test_an_inflected_word_beside_a_first_name_is_not_the_surname(transform):
    """"Tim cooked" is Tim cooking, even with Tim Cook named and Apple near, with or without capitals."""
    corrector = Corrector(Lexicon.from_terms(["Tim Cook", "Apple"]))
    text = transform("Apple is run by Tim Cook, everyone knows it. Yesterday Tim cooked dinner for the Apple team "
                     "at the office party, and the whole team of Apple loved it, said Tim Cook.")
    assert corrector.correct(text).edits == ()


def test_a_name_part_inside_another_name_is_not_a_mention_of_the_person():
    corrector = Corrector(Lexicon.from_terms(["Elon Musk", "Greg Brockman", "Sam Altman"]))
    text = AnalyzedText.of("Elon University is in North Carolina. Kent Brockman read the news. Et Altman a dit non.")
    job = Job(text, corrector.index_for(text.lang), corrector.settings)
    assert [span.text for span, _ in job.mentions] == ["Altman"]
    assert corrector.correct("The musk ox lives in the Arctic, near Elon University.").edits == ()


def test_a_word_cut_off_by_the_speaker_is_left_as_it_is():
    corrector = Corrector(Lexicon.from_terms(["Greg Brockman", "Sam Altman"]))
    raw = "Greg Brock- Brockman est parti aussi, et Sam, euh, Sam Altmann revient."
    assert corrector.correct(raw).text == raw.replace("Altmann", "Altman")


def test_a_loose_sound_alike_needs_more_than_an_entity_nearby():
    """"Hetzel" sounds 0.80 like Intel: a real surname near other entities stays; "Altmann" at a
    sentence start, with Sam Altman named, is fixed."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman", "Greg Brockman", "Intel"]))
    raw = ("OpenAI had a rough week, and Sam Altman was fired on Friday.\n"
           "Altmann said later that he loved the team. Brokman quit too.\n"
           "Warnings were issued in Kansas, and Hetzel said nothing.")
    assert corrector.correct(raw).text == raw.replace("Altmann", "Altman").replace("Brokman", "Brockman")


def test_an_entity_nearby_ties_only_a_match_close_on_paper_too():
    """"Ritter" sounds all but the same as Reuters (1.00) in some pairing of readings but shares few
    of its letters (0.62): a real surname, which an entity nearby does not make the agency;
    "Reuter", close on paper too, is."""
    corrector = Corrector(Lexicon.from_terms(["Reuters", "Eurovision"]))
    surname = "After Eurovision, Ritter wrote about the winners all week."
    result = corrector.correct(surname)
    assert result.edits == ()
    (candidate,) = [c for c in result.candidates if c.span.text == "Ritter"]
    assert candidate.decision.startswith("dropped: rare words; 2 of 5 clues (capitalised, near 'Eurovision')")
    assert "too far from 'Reuters' on paper" in candidate.decision
    assert corrector.correct(surname.replace("Ritter", "Reuter")).text == surname.replace("Ritter", "Reuters")
    # the same holds in French for "Korah" (1.00 like Quora, 0.60 on paper) beside OpenAI; with Quora
    # named in the transcript it is Quora (test_mishearings_are_fixed)
    korah = Corrector(Lexicon.from_terms(["Quora", "OpenAI"]))
    assert korah.correct("Adam, le patron de Korah, siège chez OpenAI.").edits == ()


def test_a_name_the_transcript_says_wins_over_a_slightly_closer_look_alike_it_never_says():
    """A broad lexicon has a closer look-alike for many mishearings: "Openaimé" sounds a little
    more like Oppenheimer (0.92) than like OpenAI (0.86), in a transcript that names OpenAI; but
    "Openhaimer" sounds exactly like Oppenheimer (1.00 against 0.80)."""
    corrector = Corrector(Lexicon.from_terms(["OpenAI", "Oppenheimer", "Sam Altman"]))
    text = "Sam Altman revient chez OpenAI. Le board d'Openaimé a cédé. Le film Openhaimer est sorti."
    edits = corrector.correct(text).edits
    assert [(edit.original, edit.replacement) for edit in edits] == [("Openaimé", "OpenAI"),
                                                                     ("Openhaimer", "Oppenheimer")]
    assert "chosen over 'Oppenheimer', closer but never named in the transcript" in edits[0].reason
    # OpenAI not named: the closer one wins
    alone = corrector.correct("Le board d'Openaimé a cédé.").edits
    assert [edit.replacement for edit in alone] == ["Oppenheimer"]
    # named with the name's own letters, respaced: a sure fix names it as well
    respaced = corrector.correct("Sam Altman revient chez Open AI. Le board d'Openaimé a cédé.").edits
    assert [edit.replacement for edit in respaced] == ["OpenAI", "OpenAI"]


def test_a_term_in_lower_case_keeps_the_capital_of_a_sentence_start():
    corrector = Corrector(Lexicon.from_terms(["compute", "doomers"]))
    assert corrector.correct("Compute is expensive. Les Doomers ont peur.").edits == ()
    assert corrector.correct("Compyute is expensive, they say.").text == "Compute is expensive, they say."
    brands = Corrector(Lexicon.from_terms(["mRNA", "Moderna"]))
    assert brands.correct("Moderna used M RNA for it.").text == "Moderna used mRNA for it."


def test_an_acronym_spelled_letter_by_letter_is_the_term():
    corrector = Corrector(Lexicon.from_terms(["ChatGPT", "GPT-4", "LLM", "OpenAI"]))
    text = "everyone uses chat g p t now and the new g p t four model is better and the l l m race is on"
    assert corrector.correct(text).text == (
        "everyone uses chatgpt now and the new gpt-4 model is better and the llm race is on")
    # "a i" are words, not letters spelled out: ordinary words, left to context (here: no clue)
    assert corrector.correct("so open a i is worth a lot of money these days, they say on the radio").edits == ()


@pytest.mark.parametrize("decision", ["rules", "model"])
@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("Les elle-elle-aime ont tout changé.", "Les LLM ont tout changé."),
        ("On parle de l'air-elle-hache-èf dans ce papier.", "On parle de l'RLHF dans ce papier."),
        ("And then, our LHF made the model polite.", "And then, RLHF made the model polite."),
        ("We talked about see an RS for an hour.", "We talked about CNRS for an hour."),
    ],
)
def test_an_acronym_said_by_its_letters_names_is_the_term(decision, raw, fixed):
    corrector = Corrector(Lexicon.from_terms(["LLM", "RLHF", "CNRS", "OpenAI"]), decision=decision)
    result = corrector.correct(raw)
    assert result.text == fixed
    assert "letters said one by one" in result.edits[0].reason


def test_letter_names_that_are_ordinary_words_are_not_spelling():
    corrector = Corrector(Lexicon.from_terms(["LLM", "URI", "ICA", "LAI"]))
    # apart, letter names are words: "elle... elle aime", "you are I", "I see a": no clue, no edit
    for text in ("Et puis elle elle aime le chocolat, vraiment.", "Well you are I guess the best judge.",
                 "I see a dog in the garden.", "Elle l'a dit hier, elle a ri."):
        assert corrector.correct(text).edits == (), text
    # two letters said aloud are too often two words ("elle a"): only acronyms of three letters or more
    assert Corrector(Lexicon.from_terms(["LA"])).correct("Elle-a tout vu.").edits == ()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("transform", [str, str.lower, str.upper])
def test_ordinary_uses_of_the_lexicons_words_are_left_alone(lang, transform):
    """Sentences using the words of a tech lexicon as words ("the anthropic principle", "the musk
    ox", "Elon University", "le chat de ma voisine", "les échos de la montagne"), any casing."""
    data = Path(__file__).parent / "data" / "engine"
    corrector = Corrector(Lexicon.load(str(data / f"ordinary_uses_{lang}.lexicon.txt")))
    text = transform((data / f"ordinary_uses_{lang}.txt").read_text(encoding="utf-8"))
    # the first line names entities correctly: evidence that must not spill over
    assert corrector.correct(text).edits == ()


def test_a_whole_name_said_in_ordinary_words_is_the_name_with_context():
    corrector = Corrector(Lexicon.from_terms(["Bret Taylor", "Larry Summers", "OpenAI"]))
    raw = "Le nouveau board d'OpenAI, c'est Brett Tailor, l'ancien de Salesforce, et Larry Sommers."
    assert corrector.correct(raw).text == raw.replace("Brett Tailor", "Bret Taylor").replace("Sommers", "Summers")
    # the same words, not written as a name, are a tailor called Brett: left alone
    assert corrector.correct("Le tailleur, brett tailor de son état, a cousu le costume.").edits == ()


@pytest.mark.parametrize("raw, kept", [
    ("Chez OpenAI, Brett Tailor a pris la parole.", True),  # capitalised, near OpenAI
    ("Le board de Brett Tailor a voté hier.", False),  # capitalised, after a role word: nothing about the domain
    ("I met Brett Tailor yesterday at the bar.", False),
])
def test_a_whole_name_written_as_a_name_in_ordinary_words_needs_two_clues_one_about_the_domain(raw, kept):
    """Ordinary words need three clues; a person's whole name heard as words written as a name and
    sounding all but the same needs two, as a rare word does, and one must tie it to the domain."""
    result = Corrector(Lexicon.from_terms(["Bret Taylor", "OpenAI"])).correct(raw)
    assert (result.text == raw.replace("Brett Tailor", "Bret Taylor")) is kept
    assert (result.text == raw) is not kept


def test_without_capitals_half_a_name_right_and_an_entity_near_are_enough():
    corrector = Corrector(Lexicon.from_terms(["Warren Buffett", "Berkshire Hathaway"]))
    text = ("let's talk about markets now because warren buffet is sitting on a record pile of cash "
            "and berkshire hathaway sold more apple shares this quarter which surprised a lot of people")
    assert corrector.correct(text).text == text.replace("buffet", "buffett")
    lunch = text.replace("warren buffet is", "we had a buffet lunch and he is")
    assert corrector.correct(lunch).edits == ()


@pytest.mark.parametrize("terms, raw, fixed", [
    (["Kamala Harris", "Mitch McConnell", "Nancy Pelosi"],
     "Camala Harris met with Mitch McConnel and Nancy Palosi on Tuesday.",
     "Kamala Harris met with Mitch McConnell and Nancy Pelosi on Tuesday."),
    (["Volodymyr Zelensky", "Joe Biden"],
     "Then Vladimir Zelenski flew in, and Joe Biden greeted him.",
     "Then Volodymyr Zelensky flew in, and Joe Biden greeted him."),
    (["Jennifer Doudna", "Pfizer", "Moderna", "BioNTech", "Katalin Karikó"],
     "Jennifer Dowdna won, Moderna and Fizer made vaccines with Bio N Tech, and Katalin Kariko agreed.",
     "Jennifer Doudna won, Moderna and Pfizer made vaccines with BioNTech, and Katalin Karikó agreed."),
    (["Octave Klaba", "OVHcloud", "Roxanne Varza", "Station F", "Kyutai", "Bpifrance"],
     "Octave Clabat, le fondateur d'OVH cloud, et Roxane Varsa de Station F parlent de Kyoutaï et de BPI France.",
     "Octave Klaba, le fondateur d'OVHcloud, et Roxanne Varza de Station F parlent de Kyutai et de Bpifrance."),
])
def test_names_of_other_domains_and_languages(terms, raw, fixed):
    assert Corrector(Lexicon.from_terms(terms)).correct(raw).text == fixed


FILLER = "et puis on a parlé de la pluie et du beau temps pendant un long moment, comme souvent " * 2


@pytest.mark.parametrize("terms, first, last, expected", [
    # "open ai" kept near Sam Altman (two clues, as a transcript without casing needs) is the
    # recogniser's spelling of OpenAI on a line where no other entity is near too; "il y a"
    # (function words only) keeps each its own verdict
    (["OpenAI", "Sam Altman", "Ilya Sutskever"], "openai a un problème, et sam altman chez open ai le dit.",
     "la boîte open ai était fermée lundi, il y a des gens qui attendaient.", ("open ai", "openai")),
    # "Justin Trier" (a first name, "to sort") capitalised mid-sentence is no ordinary phrase: kept
    # on its clues where another entity is near, it is Justine Triet on every line (alone, with
    # only its capitals, the far one would be left)
    (["Justine Triet", "Timothée Chalamet", "Avignon"],
     "Hier, Justin Trier et Timothée Chalamet sont venus.",
     "On dit que Justin Trier prépare un film.", ("Justin Trier", "Justine Triet")),
], ids=["letters spaced, lower case", "ordinary words written as a name"])
def test_a_form_kept_on_its_clues_gets_the_same_verdict_far_away(terms, first, last, expected):
    result = Corrector(Lexicon.from_terms(terms)).correct(f"{first}\n{FILLER}\n{last}\n")
    assert [(edit.line, edit.original, edit.replacement) for edit in result.edits] == [(1, *expected), (3, *expected)]
    assert "the same form is kept on line 1" in result.edits[1].reason


def test_a_capitalised_function_word_opening_a_sentence_is_never_merged_into_a_name():
    corrector = Corrector(Lexicon.from_terms(["Anthropic", "OpenAI"]))
    raw = "The Anthropics team disagreed, but Open-AI's lawyers were quiet about it."
    assert corrector.correct(raw).text == "The Anthropics team disagreed, but OpenAI's lawyers were quiet about it."


def test_a_rare_form_kept_in_one_place_is_kept_wherever_it_recurs():
    corrector = Corrector(Lexicon.from_terms(["Ariane 6", "Stephen Hawking"]))
    filler = "and then we talked about the weather for a long while, the rain, the wind, the cold nights " * 2
    text = ("Frankly, Aryan Six has lasted longer than Stephen Hawking ever expected.\n"
            f"{filler}\n"
            "My favourite fact about Aryan Six is the light it sees.\n")
    result = corrector.correct(text)
    assert [(edit.line, edit.original, edit.replacement) for edit in result.edits] == [
        (1, "Aryan Six", "Ariane 6"), (3, "Aryan Six", "Ariane 6")]
    assert "the same form is kept on line 1" in result.edits[1].reason
    alone = corrector.correct(text.split("\n", 1)[1])  # without the first line, nothing ties it to the domain
    assert alone.edits == ()


def test_a_hyphenated_compound_name_split_into_another_name_is_decided_not_sure():
    # "Jean-Paul" is one composite first name; a lexicon person "Jean Paul" (surname Paul) has the
    # same letters apart, so the split is a judgement call, where the joined "Open AI" is sure
    lexicon = Lexicon.from_entries([Entry(term="Jean Paul", kind="person"), Entry(term="OpenAI", kind="org")])
    text, candidates = Corrector(lexicon, decision="rules").propose("Jean-Paul Sartre en parle avec Open AI.")
    by_span = {candidate.span.text: candidate for candidate in candidates if candidate.pass_name == "exact"}
    assert by_span["Jean-Paul"].ambiguous
    assert not by_span["Open AI"].ambiguous


@pytest.mark.parametrize("decision", ["rules", "model"])
def test_a_name_written_right_around_an_apostrophe_gets_no_edit(decision):
    """"D'Angelo" is the tokens "D" (elided, as in French "d'") and "Angelo": the generous proposing
    of the fitted decision used to rewrite it into itself."""
    corrector = Corrector(Lexicon.from_terms(["Adam D'Angelo", "Quora", "OpenAI"]), decision=decision)
    assert corrector.correct("The board included Adam D'Angelo from Quora, and OpenAI.").edits == ()
