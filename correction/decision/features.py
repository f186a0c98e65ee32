"""The features of a candidate rewrite: one function each, in one named table (:data:`FEATURES`).

Every candidate the passes propose is described by the same numbers, whatever pass proposed it;
the fitted model (:mod:`correction.decision.model`) weighs them. A feature says what it measures
in its docstring; :data:`PHRASES` says it in words for the edit's explanation.

>>> from correction import Corrector, Lexicon
>>> corrector = Corrector(Lexicon.from_terms(["OpenAI", "Sam Altman"]), decision="rules")
>>> text, candidates = corrector.propose("Le patron d'OpenEye, Sam Altman, parle.")
>>> table = FeatureTable(corrector.job_for(text), candidates)
>>> round(table.value(candidates[-1], "spelling"), 2), table.value(candidates[-1], "named_elsewhere")
(0.62, 0.0)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from functools import cached_property, lru_cache
from typing import Callable

from rapidfuzz.distance import Indel

from .. import phonetics
from ..candidates import Candidate
from ..index import name_parts
from ..passes.base import Job
from ..passes.context import (FILLERS, ROLE_WORDS, WINDOW, half_named_candidate, respaced,
                              same_word_inflected)
from ..passes.guards import DETERMINERS, after_determiner
from ..rewrite import only_case_changes
from ..wordfreqs import COMMON_ZIPF, OTHER_LANGUAGE, is_function_word, zipf


class FeatureTable:
    """The features of every candidate of one transcript, computed from one :class:`Job`.

    What is shared between candidates (where each entity is named, how often each raw form
    occurs, which entities compete for a span) is computed once here.
    """

    def __init__(self, job: Job, candidates: list[Candidate]):
        self.job = job
        self.text = job.text
        self.candidates = candidates
        self.sounds: dict[tuple[str, str], float] = {}  # (span text, form) -> sound similarity

    @cached_property
    def named_at(self) -> dict[str, list[int]]:
        """Token positions where each entity is spelled right (distinctively) or fixed by a sure match."""
        found: dict[str, list[int]] = {}
        for span, surface in self.job.distinctive_mentions:
            found.setdefault(surface.entry.term, []).append(span.first)
        for candidate in self.candidates:
            if candidate.pass_name == "exact" and not candidate.ambiguous:
                found.setdefault(candidate.entity, []).append(candidate.span.first)
        return {term: sorted(places) for term, places in found.items()}

    @cached_property
    def all_named(self) -> list[tuple[int, str]]:
        return sorted((at, term) for term, places in self.named_at.items() for at in places)

    @cached_property
    def form_counts(self) -> Counter[str]:
        """How many candidates share each raw form (folded), whatever their entity."""
        return Counter(candidate.span.key for candidate in self.candidates)

    @cached_property
    def form_places(self) -> Counter[str]:
        """At how many places (spans) each raw form (folded) is a candidate; ``form_counts`` counts
        candidates, where one place proposed by two passes or for two entities counts twice."""
        return Counter(key for key, _, _ in {(c.span.key, c.span.first, c.span.last) for c in self.candidates})

    @cached_property
    def competitors(self) -> Counter[tuple[int, int]]:
        """Distinct entities proposed for each span."""
        entities: dict[tuple[int, int], set[str]] = {}
        for candidate in self.candidates:
            entities.setdefault((candidate.span.first, candidate.span.last), set()).add(candidate.entity)
        return Counter({span: len(found) for span, found in entities.items()})

    @cached_property
    def sounds_by_span(self) -> dict[tuple[int, int, str], dict[str, float]]:
        """The sound similarity of each form of each entity proposed over each span."""
        found: dict[tuple[int, int, str], dict[str, float]] = {}
        for candidate in self.candidates:
            forms = found.setdefault((candidate.span.first, candidate.span.last, candidate.entity), {})
            forms[candidate.surface.text] = max(forms.get(candidate.surface.text, 0.0), sound(self, candidate))
        return found

    def value(self, candidate: Candidate, name: str) -> float:
        return FEATURES[name](self, candidate)

    def vector(self, candidate: Candidate, names: tuple[str, ...]) -> list[float]:
        return [FEATURES[name](self, candidate) for name in names]

    def elsewhere(self, candidate: Candidate) -> list[int]:
        span = candidate.span
        return [at for at in self.named_at.get(candidate.entity, ()) if not span.first <= at < span.last]


def _word(table: FeatureTable, position: int) -> str:
    """The token in lower case with its accents: word frequencies know "reconquête", not the
    folded key "reconquete" (a non-word, Zipf 0)."""
    return table.text.tokens[position].text.lower()


def _words(table: FeatureTable, candidate: Candidate) -> list[str]:
    return [_word(table, position) for position in range(candidate.span.first, candidate.span.last)]


@lru_cache(maxsize=1 << 16)  # asked about 18 times per candidate, for a few hundred distinct words
def _zipf(word: str, lang: str) -> float:
    """A word's Zipf frequency; a hyphenated word counts as its rarest part ("moment-là" as "moment")."""
    parts = [part for part in word.replace("'", "-").split("-") if part]
    return min((zipf(part, lang) for part in parts), default=0.0) if len(parts) > 1 else zipf(word, lang)


def _ordinary(word: str) -> bool:
    return max(_zipf(word, "fr"), _zipf(word, "en")) >= COMMON_ZIPF


FEATURES: dict[str, Callable[[FeatureTable, Candidate], float]] = {}
"""Feature name -> function(table, candidate) -> float, in the order they are defined below."""
PHRASES: dict[str, Callable[[float, Candidate, FeatureTable], str]] = {}
"""Feature name -> how its value reads in an explanation, written beside the feature."""


def feature(phrasing: Callable[[float, Candidate, FeatureTable], str]):
    """Register a feature function with the words that say its value."""
    def register(function: Callable[[FeatureTable, Candidate], float]):
        FEATURES[function.__name__] = function
        PHRASES[function.__name__] = phrasing
        return function
    return register


def flag(yes: str, no: str) -> Callable[[float, Candidate, FeatureTable], str]:
    """The phrasing of a feature that is 1 or 0."""
    return lambda value, candidate, table: yes if value else no


def _ordinariness(value: float, lang: str) -> str:
    return f"span {'is' if value >= COMMON_ZIPF else 'is not'} ordinary {lang.upper()} (Zipf {value:.1f})"


@feature(lambda value, candidate, table: f"spelled like {candidate.surface.text!r} ({value:.2f})")
def spelling(table: FeatureTable, candidate: Candidate) -> float:
    """Spelling similarity of the span and the lexicon form (Indel ratio of folded letters, 0..1)."""
    return Indel.normalized_similarity(candidate.span.key, candidate.surface.key)


@feature(lambda value, candidate, table: f"sounds like {candidate.surface.text!r} ({value:.2f})")
def sound(table: FeatureTable, candidate: Candidate) -> float:
    """Sound similarity of the span and the form: the best of the French and English readings, 0..1."""
    # three features ask, and one pair recurs over a transcript
    return _sounds_like(table, candidate.span.text, candidate.surface.text)


@feature(lambda value, candidate, table: f"{candidate.pass_name} match ({value:.2f})")
def pass_score(table: FeatureTable, candidate: Candidate) -> float:
    """The proposing pass's own score (1.0 for an exact spelling)."""
    return candidate.score


@feature(flag("the name's own letters", "not the name's letters"))
def exact_letters(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span has the form's very letters (any spacing, case or accents: "open ai")."""
    return float(candidate.pass_name == "exact")


@feature(lambda value, candidate, table: _ordinariness(value, table.text.lang))
def ordinary_in_language(table: FeatureTable, candidate: Candidate) -> float:
    """How ordinary the span's rarest word is in the transcript's language (Zipf frequency, 0..8)."""
    return min(_zipf(word, table.text.lang) for word in _words(table, candidate))


@feature(lambda value, candidate, table: _ordinariness(value, OTHER_LANGUAGE[table.text.lang]))
def ordinary_in_other_language(table: FeatureTable, candidate: Candidate) -> float:
    """How ordinary the span's rarest word is in the other language (French or English)."""
    return min(_zipf(word, OTHER_LANGUAGE[table.text.lang]) for word in _words(table, candidate))


@feature(lambda value, candidate, table: f"most frequent word Zipf {value:.1f}")
def most_ordinary(table: FeatureTable, candidate: Candidate) -> float:
    """The Zipf frequency of the span's most frequent word, in either language."""
    return max(max(_zipf(word, "fr"), _zipf(word, "en")) for word in _words(table, candidate))


@feature(lambda value, candidate, table: f"{value:.0%} ordinary words")
def ordinary_share(table: FeatureTable, candidate: Candidate) -> float:
    """Share of the span's words that are ordinary words of French or English (Zipf >= 3.5)."""
    words = _words(table, candidate)
    return sum(map(_ordinary, words)) / len(words)


@feature(lambda value, candidate, table: f"{value:.0f} end(s) of the span ordinary words")
def ordinary_edges(table: FeatureTable, candidate: Candidate) -> float:
    """Ends of the span (0, 1 or 2) that are ordinary words in lower case: "a rumour that Iliosot"
    reaches past the name into the sentence."""
    span, text = candidate.span, table.text
    if span.size == 1:
        return 0.0
    return float(sum(_ordinary(_word(table, at)) and not text.capitalised[at] for at in (span.first, span.last - 1)))


@feature(flag("one ordinary word", "not one ordinary word"))
def one_ordinary_word(table: FeatureTable, candidate: Candidate) -> float:
    """1 for a single ordinary word ("art" for Arte, "cloud" for Claude): usually just the word."""
    return float(candidate.span.size == 1 and _ordinary(_word(table, candidate.span.first)))


@feature(flag("only the case changes", "more than the case changes"))
def case_only(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the rewrite only changes case ("hugging" -> "Hugging")."""
    return float(only_case_changes(table.text.source, candidate.changes))


@feature(flag("only an inflection changes", "not only an inflection"))
def inflection_only(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the rewrite only adds or drops an inflection ("Podcast" -> "Podcasts")."""
    source = table.text.source
    return float(any(same_word_inflected(source[start:end], new) for start, end, new in candidate.changes))


@feature(lambda value, candidate, table: f"{value:.0%} function words")
def function_words(table: FeatureTable, candidate: Candidate) -> float:
    """Share of the span's words that are function words ("il", "y", "a", "the")."""
    words = _words(table, candidate)
    return sum(map(is_function_word, words)) / len(words)


@feature(flag("written like a name", "not written like a name"))
def written_like_a_name(table: FeatureTable, candidate: Candidate) -> float:
    """1 when every word is capitalised beyond a sentence start, in a transcript that writes capitals."""
    return float(table.text.cased and table.text.name_like(candidate.span))


@feature(flag("transcript without casing", "cased transcript"))
def uncased_transcript(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the transcript is written all in lower case or capitals: case says nothing there."""
    return float(not table.text.cased)


@feature(flag("written in lower case", "not in lower case"))
def lower_case_span(table: FeatureTable, candidate: Candidate) -> float:
    """1 when a cased transcript wrote the span all in lower case, as ordinary words."""
    span = candidate.span
    return float(table.text.cased and table.text.written_lower(span))


@feature(lambda value, candidate, table: f"{value:.0f} word(s)")
def span_words(table: FeatureTable, candidate: Candidate) -> float:
    """Words in the span (1 to 5)."""
    return float(candidate.span.size)


@feature(lambda value, candidate, table: f"{value:.0f} word(s) more or fewer than the name")
def word_count_difference(table: FeatureTable, candidate: Candidate) -> float:
    """How many more (or fewer) words the span has than the form: names heard as several words."""
    return float(abs(candidate.span.size - len(candidate.surface.text.split())))


@feature(flag("the name's letters respaced", "not the name respaced"))
def letters_respaced(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span is the form's letters with spaces, not all function words ("open ai")."""
    return float(respaced(table.text, candidate))


@feature(flag("after an elision", "no elision before"))
def elided_before(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span follows an elision ("d'OpenEye", but also "qu'il y a")."""
    return float(table.text.tokens[candidate.span.first].after_apostrophe)


@feature(lambda value, candidate, table: f"{candidate.entity} named {round(math.expm1(value))} time(s) elsewhere")
def named_elsewhere(table: FeatureTable, candidate: Candidate) -> float:
    """How often the entity is named right elsewhere in the transcript (log of 1 + count)."""
    return math.log1p(len(table.elsewhere(candidate)))


@feature(lambda value, candidate, table: f"{candidate.entity} {'named' if value else 'not named'} nearby")
def named_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the entity is named right within the window (20 words) of the span."""
    at = candidate.span.first
    return float(any(abs(place - at) <= WINDOW for place in table.elsewhere(candidate)))


@feature(flag("a name part alone, the name given nearby", "not a name part alone after the name"))
def part_alone_named_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """1 for a first name or surname alone with its entity named within 20 words ("Satya Nadella
    répond. Pour satia..."): speech names someone in full, then by one part. A name part alone is
    mostly wrong (any word looks like some first name), less so right after the name."""
    return named_nearby(table, candidate) if name_part_alone(table, candidate) else 0.0


@feature(lambda value, candidate, table: f"{round(math.expm1(value))} other entities nearby")
def other_entities_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """Other lexicon entities named within 20 words (log of 1 + count): the talk is about the domain."""
    span = candidate.span
    low = bisect_left(table.all_named, (span.first - WINDOW, ""))
    count = 0
    for at, term in table.all_named[low:]:
        if at > span.last + WINDOW:
            break
        count += term != candidate.entity
    return math.log1p(count)


@feature(flag("a context word nearby", "no context word nearby"))
def context_word_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """1 when one of the entry's ``context`` words is within 20 words."""
    context = set(candidate.surface.entry.context)
    if not context:
        return 0.0
    span, tokens = candidate.span, table.text.tokens
    window = tokens[max(0, span.first - WINDOW) : span.first] + tokens[span.last : span.last + WINDOW]
    return float(any(token.text.lower() in context for token in window))


@feature(flag("after a role word", "no role word before"))
def role_word_before(table: FeatureTable, candidate: Candidate) -> float:
    """1 after a role word ("le PDG", "founder of", "le fondateur de"), for any kind of entry."""
    tokens, first = table.text.tokens, candidate.span.first
    for position in range(first - 1, max(-1, first - 4), -1):
        if tokens[position].text.lower() in ROLE_WORDS:
            return 1.0
        if tokens[position].sentence_start:
            break
    return 0.0


# The context: what the transcript says about the entity around the span. Each is evidence for a
# fix by its reason (the talk is about the entity, a role word opens a name slot), which the fitting
# sets cannot teach: the spans of wrong extent beside a right mention ("de Open AI", "chalame et")
# are named nearby as the misheard forms are, and fitted freely these weighed against the fix ("le
# fondateur de Hugging Fesse", "Mid journée" before "Midjourney"). The fit holds their weights at
# zero or above (``training.fit_logistic``).
CONTEXT_EVIDENCE = ("named_elsewhere", "named_nearby", "part_alone_named_nearby", "other_entities_nearby",
                    "context_word_nearby", "role_word_before")


@feature(flag("after a determiner", "no determiner before"))
def determiner_before(table: FeatureTable, candidate: Candidate) -> float:
    """1 right after an article, a demonstrative or a possessive ("une orange", "the mistral")."""
    return float(after_determiner(table.text, candidate.span.first))


def _opens_with_determiner(table: FeatureTable, candidate: Candidate) -> bool:
    """Whether the span is several words and its first is a determiner: "le monde", "la poste"."""
    span = candidate.span
    return span.size > 1 and table.text.tokens[span.first].text.lower() in DETERMINERS


@feature(flag("a lower-case word after a determiner", "not a lower-case word after a determiner"))
def common_noun_phrase(table: FeatureTable, candidate: Candidate) -> float:
    """1 when a cased transcript writes the span in lower case after a determiner, or opening with
    one: "la notion de", "une orange", "tout le monde" are the ordinary words, where "la NASA", "le
    Real Madrid" or "Le Monde" are names."""
    return float(bool(lower_case_span(table, candidate))
                 and (after_determiner(table.text, candidate.span.first) or _opens_with_determiner(table, candidate)))


@feature(flag("set off by a comma", "no comma after"))
def set_off_by_comma(table: FeatureTable, candidate: Candidate) -> float:
    """1 when a comma follows the span (a name slot), not before a filler."""
    tokens, last = table.text.tokens, candidate.span.last
    if last >= len(tokens):
        return 0.0
    return float(tokens[last].gap_before.strip() == "," and tokens[last].text.lower() not in FILLERS)


@feature(flag("half the name right", "no half of the name right"))
def half_name_right(table: FeatureTable, candidate: Candidate) -> float:
    """1 for a name of several words with one half right and the other sounding like it ("Emmett's share")."""
    return float(half_named_candidate(table.text, candidate))


# The word beside must be the name's word heard apart ("an" for "Anne", "I" for "AI": 1.0), not a
# word merely like it ("and" for "Anne": 0.8), which is the sentence going on.
MISSING_WORD_SOUND = 0.9


@feature(flag("the name's missing word heard beside the span", "no missing word of the name beside"))
def missing_word_beside(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span has fewer words than the form and the word just before it (after it), with
    only a space between, sounds like the form's first (last) word: the recogniser heard that
    word apart ("an Idalgo" for Anne Hidalgo), so the span alone is too short, and rewriting it
    would write the word twice ("an Anne Hidalgo")."""
    words, span, tokens = candidate.surface.text.split(), candidate.span, table.text.tokens
    if span.size >= len(words):
        return 0.0
    beside = []
    if span.first > 0 and tokens[span.first].gap_before == " ":
        beside.append((tokens[span.first - 1].text, words[0]))
    if span.last < len(tokens) and tokens[span.last].gap_before == " ":
        beside.append((tokens[span.last].text, words[-1]))
    return float(any(_sounds_like(table, word, piece) >= MISSING_WORD_SOUND for word, piece in beside))


def _sounds_like(table: FeatureTable, heard: str, form: str) -> float:
    if (heard, form) not in table.sounds:
        table.sounds[heard, form] = phonetics.sound_similarity(heard, form)
    return table.sounds[heard, form]


@feature(flag("a person's name", "not a person"))
def person(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the entry is a person (a kind of "person", or a name with a first name)."""
    entry = candidate.surface.entry
    return float(entry.kind == "person" or bool(name_parts(entry)))


@feature(flag("a first name or surname alone", "the whole name"))
def name_part_alone(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the match is a first name or surname alone ("Ilya" for Ilya Sutskever)."""
    return float(candidate.surface.role == "part")


@feature(lambda value, candidate, table: f"form proposed at {table.form_places[candidate.span.key]} place(s) "
         f"({round(math.exp(value))} candidates)")
def form_repeats(table: FeatureTable, candidate: Candidate) -> float:
    """How many candidates share the raw form in the transcript (log of count; a place proposed by
    two passes, or for two entities, counts for each: the explanation says how many places)."""
    return math.log(table.form_counts[candidate.span.key])


@feature(lambda value, candidate, table: f"{round(math.exp(value))} entities compete for the span")
def competing_entities(table: FeatureTable, candidate: Candidate) -> float:
    """How many entities are proposed for the same span (log of count): a crowded neighbourhood."""
    return math.log(table.competitors[(candidate.span.first, candidate.span.last)])


@feature(lambda value, candidate, table: f"lexicon of {round(10 ** value):,} spellings")
def lexicon_size(table: FeatureTable, candidate: Candidate) -> float:
    """The lexicon's size (log10 of its number of spellings): a big lexicon has a look-alike for anything."""
    return math.log10(max(1, len(table.job.index.surfaces)))


@feature(lambda value, candidate, table: f"{round(math.exp(value))}-letter form")
def form_length(table: FeatureTable, candidate: Candidate) -> float:
    """Letters in the form (log): short forms have many look-alikes."""
    return math.log(max(1, len(candidate.surface.key)))


@feature(lambda value, candidate, table: f"{candidate.entity} sounds {value:.2f} closer in these words"
         if value > 0 else f"the closest match of {candidate.entity} in these words")
def closer_form_here(table: FeatureTable, candidate: Candidate) -> float:
    """How much closer in sound the entity is heard within the span: by another of its forms over
    the same words ("Agustini" sounds like "Agostini", not "Pierre Agostini"), or by the same form
    over fewer of them ("at Claire Fontaine" reaches past "Claire Fontaine"); 0 when none is closer.
    A form's parts over fewer words do not count: "marion coating" is Marion Cotillard even though
    "marion" alone is exactly "Marion"."""
    span, own = candidate.span, sound(table, candidate)
    best = own
    for first in range(span.first, span.last):
        for last in range(first + 1, span.last + 1):
            forms = table.sounds_by_span.get((first, last, candidate.entity), {})
            if (first, last) == (span.first, span.last):
                best = max([best, *forms.values()])
            else:
                best = max(best, forms.get(candidate.surface.text, 0.0))
    return best - own


def phrase(name: str, value: float, candidate: Candidate, table: FeatureTable) -> str:
    """A feature's value in words, for an explanation ("sounds like 'OpenAI' (0.97)")."""
    return PHRASES[name](value, candidate, table)
