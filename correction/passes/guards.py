"""Guards shared by the passes: which spans are worth an approximate look-up, which read as
ordinary language, and which words are not a name at all ("googleurs", "Brock- Brockman").

Each guard is a small pure function of the analysed text, so that a pass, a test or a reader can
check one rule at a time; :func:`correction.passes.base.make_candidate` applies them.
"""

from __future__ import annotations

import math
import re
import unicodedata

from rapidfuzz.distance import Indel

from .. import phonetics
from ..analysis import AnalyzedText, Span
from ..index import numbers_in_words
from ..letters import VOWEL_WORDS, said_letters
from ..text import APOSTROPHES, fold
from ..wordfreqs import is_function_word, max_zipf

# Spans longer than this (folded letters) are sentences, not names.
MAX_KEY_LENGTH = 32
# Shorter spans have too many look-alikes to be matched approximately.
MIN_KEY_LENGTH = 4
# A name part this frequent ("son", "will", "mark") anchors a look-up only when capitalised, and a
# word this frequent ("de", "the") is never the misheard half beside a name part.
MAX_ANCHOR_ZIPF = 5.0
# Each word of a name matched word for word must look or sound at least this much like its
# counterpart ("Salman" / "Sam" 0.67, "Jan" / "Yann" 0.57; "Sinner" / "LeCun" 0.18).
MIN_WORD_SIMILARITY = 0.5
# Endings that make words of names, folded (French and English): "googler", "macronie", "tweeting".
DERIVED_ENDINGS = frozenset("er ers eur eurs euse euses ien iens ienne iste isme ie ies ing ings ed ee ees".split())

# Chance look-alikes: the share of pairs of lexicon names that match at similarity s falls about
# e^-32 per unit of s (spelling and sound alike: 7e-5 at 0.8, 3.5e-6 at 0.9, 6.6e-7 at 0.95 in
# spelling; 1.5e-4, 8.3e-6, 1.1e-6 in sound; 400 names against the 100,000-name Faker lexicon's
# forms, 2026-12-05), while the chance that some form matches grows with the number of forms.
CHANCE_DECAY = 32.0
# --min-score was chosen with lexicons up to about this many forms (the shipped one has 695).
REFERENCE_FORMS = 1_000
# A word rewritten into a number must sound like that number said in French or English ("for" /
# "four" 1.0 in "PPT for" -> "GPT-4", "Six" -> "6"; not "Pro" / "three" 0.57 in "Gemini Pro").
NUMBER_MIN_SOUND = 0.75
# A word cut off in speech, as recognisers write it: "Brock- Brockman" (a pause, "Altmann... ", is not).
CUT_OFF = re.compile(r"^[-‐–]\s")


def sure_bound(min_score: float, forms: int) -> float:
    """The score an approximate match needs to be applied on its own, without context, in a lexicon
    of ``forms`` spellings: ``min_score`` up to a thousand forms, then higher, so that a name
    absent from the lexicon finds a look-alike by chance no more often than in a lexicon of a
    thousand ("Suguenot" ~ "Seguin" 0.80, "Patrick Hetzel" ~ "Patrick Yates" among 100,000 names).

    >>> sure_bound(0.8, 500), round(sure_bound(0.8, 10_000), 3), round(sure_bound(0.8, 100_000), 3)
    (0.8, 0.872, 0.944)
    >>> sure_bound(0.8, 0)
    0.8
    """
    # no form at all (an English-only lexicon on a French transcript) is no crowd either
    return min(1.0, min_score + max(0.0, math.log(max(forms, 1) / REFERENCE_FORMS)) / CHANCE_DECAY)


def numbers_heard(heard: str, written: str) -> bool:
    """Whether a rewrite of ``heard`` into ``written`` writes only numbers that were heard: in
    digits, or as words that sound like the number said ("PPT for" -> "GPT-4", "Aryan Six" ->
    "Ariane 6"). A number in a name is its version, what tells "Gemini 3" from "Gemini Pro" or
    "GPT-5" from "GPT-4": it is heard as a number or not at all, never found by a word looking
    like another one."""
    said = numbers_in_words(written)
    if not said or heard == written:
        return True
    return max(phonetics.sound_similarity(heard, form) for form in said) >= NUMBER_MIN_SOUND


def words_align(heard: str, form: str) -> bool:
    """Whether a span said in as many words as the form matches it word by word, not only as a
    whole: "Yannick Sinner" is not "Yann LeCun" (0.82 as a whole, all of it from "Yann"), nor
    "Patrick Ollier" "Patrick Pérez". Spans of another length (merges, splits) are not compared."""
    heard_words, form_words = heard.split(), form.split()
    if len(heard_words) != len(form_words) or len(heard_words) < 2:
        return True
    return all(Indel.normalized_similarity(fold(one), fold(other)) >= MIN_WORD_SIMILARITY
               or phonetics.sound_similarity(one, other) >= MIN_WORD_SIMILARITY
               for one, other in zip(heard_words, form_words))


def is_derived(added: str) -> bool:
    """Whether letters added after a name make a word of it: an ending ("attal-er", "google-urs"
    sharing the name's e) or a long tail ("macron-istes"); "zuckerberg-ue" is only the name misspelled."""
    return len(added) >= 4 or added in DERIVED_ENDINGS or "e" + added in DERIVED_ENDINGS


def has_accents(text: str) -> bool:
    return any(unicodedata.combining(char) for char in unicodedata.normalize("NFKD", text))


def _compact(text: str) -> str:
    # case aside: "Mid Journey" and "Open-AI" are "Midjourney" and "OpenAI" with a space or hyphen added
    return "".join(text.replace("-", " ").split()).casefold()


# Determiners (articles, demonstratives, possessives, quantifiers): before a word, they make it a
# common noun ("une orange", "la notion de", "aucune notion", "the mistral", "every target"), where
# names of companies and products mostly go bare.
DETERMINERS = frozenset(
    "le la les l un une des du ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs "
    "au aux aucun aucune chaque quelque quelques plusieurs "
    "the a an this that these those my your his her its our their no any some every each another several".split())


def after_determiner(text: AnalyzedText, position: int) -> bool:
    """Whether the token at ``position`` follows a determiner of its sentence, with only a space
    between or the apostrophe of an elided article ("une orange", "l'orange")."""
    tokens = text.tokens
    if position == 0 or tokens[position].sentence_start:
        return False
    gap = tokens[position].gap_before
    return (gap.isspace() or gap in APOSTROPHES) and tokens[position - 1].text.lower() in DETERMINERS


def common_noun_here(text: AnalyzedText, span: Span, replacement: str) -> bool:
    """Whether a cased transcript wrote, after a determiner, the ordinary word a name is made of,
    in lower case: "une orange", "aucune notion", "the apple" are the fruit, the idea, the fruit,
    whatever the talk is about elsewhere. The recogniser wrote a common noun and the letters are
    right; only the capital would change, and it would change the meaning. An acronym ("la nasa"
    for la NASA) or a brand with inner capitals is not an ordinary word, so it is not held here."""
    if span.size != 1 or not text.cased or text.capitalised[span.first] or not text.common[span.first]:
        return False
    if replacement != replacement[:1].upper() + replacement[1:].lower():
        return False
    return after_determiner(text, span.first)


def is_ambiguous(text: AnalyzedText, span: Span, replacement: str, approximate: bool = False) -> bool:
    """Whether the span reads as ordinary language, so that only context can justify a rewrite.

    Ordinary words that are not simply the name with its spaces lost: "il y a" (Ilya), "open ai".
    "Open AI" -> "OpenAI", "Open-AI" -> "OpenAI", "Mid Journey" -> "Midjourney" and "Elisabeth
    Borne" -> "Élisabeth Borne" are not ambiguous (same letters, every word capitalised).
    For an approximate match, also any span whose rewritten words are all real words or names
    ("Salman", "Hetzel" ~ "Intel"): a recogniser's garbles are non-words, real names are not.
    """
    if approximate and text.all_known(span):
        return True
    if not text.all_common(span) or (not approximate and spells_letters(text, span)):
        return False
    # a whole name of several words may differ in accents too ("Elisabeth Borne"); a single word
    # may not: "Elisabeth" alone can be another Elisabeth
    same_letters = fold(span.text) == fold(replacement) if span.size > 1 else _compact(span.text) == _compact(replacement)
    # the name's letters split into words, partly written as a name ("open Ai", "Selon Open ai"): a
    # word written like a name mid-sentence says the recogniser heard one, and the words join into it
    joined = span.size > len(replacement.split()) and text.titled_inside(span)
    return not (same_letters and (text.name_like(span) or joined))


def spells_letters(text: AnalyzedText, span: Span) -> bool:
    """Whether the span spells letters out, as recognisers write an acronym they heard letter by
    letter: two consonants or more alone ("chat g p t", "l l m"; not "a i", which are words), or
    letters said by their names where no sentence would have them: joined by hyphens
    ("elle-elle-aime") or beside letters written as such ("our LHF", "see an RS"). Names apart
    ("elle elle aime") may be words: "elle... elle aime"."""
    tokens = text.tokens[span.first : span.last]
    letters = [token.text for token in tokens
               if len(token.text) == 1 and token.text.isalpha() and token.text.casefold() not in VOWEL_WORDS]
    if len(letters) >= 2:
        return True
    said = [said_letters(token.text) for token in tokens]
    if any(reading is None for reading in said) or not any(reading.named for reading in said):
        return False
    # a capital run is a written letter only where the transcript has casing: in one written all
    # in capitals, "DE VIN" is two words
    return any("-" in token.text or (reading.written and text.cased) for token, reading in zip(tokens, said))


def eligible_for_approximate(text: AnalyzedText, span: Span, anchors: frozenset[int] = frozenset()) -> bool:
    """Spans worth an approximate look-up: name-sized, and either written like a name (capitals
    mid-sentence, "Open EA"), holding a non-word ("OpenEye", "satia"), or a name part with the
    word beside it ("jeffrey hinton"; ``anchors`` are the positions of name parts). Known
    lower-case words ("tornade", "hallucinants") are left alone, numbers too, and no other span
    starts or ends on a lower-case ordinary word: "décevier un" is not "Devin", "gilles carrez en"
    is not "Gilles Caron"."""
    if not MIN_KEY_LENGTH <= len(span.key) <= MAX_KEY_LENGTH:
        return False
    # a name part and the word beside it: that word may be the other half misheard ("jeffrey hinton"),
    # unless it is a word as frequent as "de" or "the"
    anchored = span.size == 2 and any(
        part in anchors and (text.capitalised[other] or max_zipf(text.keys[other]) < MAX_ANCHOR_ZIPF)
        for part, other in ((span.first, span.first + 1), (span.first + 1, span.first)))
    if span.size > 1 and not anchored:
        for position in (span.first, span.last - 1):
            if text.common[position] and not text.capitalised[position]:
                return False
    # a rare word capitalised at a sentence start may be a name too ("Altmann said..."): context decides
    capitalised_rare = span.size == 1 and text.capitalised[span.first] and not text.common[span.first]
    if not (anchored or capitalised_rare or text.has_non_word(span) or text.name_like(span)):
        return False
    if span.size > 1 and text.tokens[span.first].sentence_start and is_function_word(text.keys[span.first]):
        return False  # "The Anthropics team": a function word capitalised by the sentence is not part of a name
    if span.last < len(text.tokens) and CUT_OFF.match(text.tokens[span.last].gap_before):
        return False  # "Greg Brock- Brockman": a word the speaker cut off, then said whole
    return not any(token.text.isdigit() for token in text.tokens[span.first : span.last])
