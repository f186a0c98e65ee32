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
from functools import cached_property
from typing import Callable

from rapidfuzz.distance import Indel

from .. import phonetics
from ..candidates import Candidate
from ..index import name_parts
from ..passes.base import Job
from ..passes.context import FILLERS, ROLE_WORDS, WINDOW, _half_named, _respaced, same_word_inflected
from ..text import fold
from ..wordfreqs import COMMON_ZIPF, is_function_word, zipf


class FeatureTable:
    """The features of every candidate of one transcript, computed from one :class:`Job`.

    What is shared between candidates (where each entity is named, how often each raw form
    occurs, which entities compete for a span) is computed once here.
    """

    def __init__(self, job: Job, candidates: list[Candidate]):
        self.job = job
        self.text = job.text
        self.candidates = candidates

    @cached_property
    def named_at(self) -> dict[str, list[int]]:
        """Token positions where each entity is spelled right (distinctively) or fixed by a sure match."""
        found: dict[str, list[int]] = {}
        for span, surface in self.job.mentions:
            if not self.text.all_common(span) or (span.size > 1 and self.text.name_like(span)):
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
    def competitors(self) -> Counter[tuple[int, int]]:
        """Distinct entities proposed for each span."""
        entities: dict[tuple[int, int], set[str]] = {}
        for candidate in self.candidates:
            entities.setdefault((candidate.span.first, candidate.span.last), set()).add(candidate.entity)
        return Counter({span: len(found) for span, found in entities.items()})

    def value(self, candidate: Candidate, name: str) -> float:
        return FEATURES[name](self, candidate)

    def vector(self, candidate: Candidate, names: tuple[str, ...]) -> list[float]:
        return [FEATURES[name](self, candidate) for name in names]

    def elsewhere(self, candidate: Candidate) -> list[int]:
        span = candidate.span
        return [at for at in self.named_at.get(candidate.entity, ()) if not span.first <= at < span.last]


def _words(table: FeatureTable, candidate: Candidate) -> list[str]:
    return list(table.text.keys[candidate.span.first : candidate.span.last])


def _zipf(word: str, lang: str) -> float:
    """A word's Zipf frequency; a hyphenated word counts as its rarest part ("moment-là" as "moment")."""
    parts = [part for part in word.replace("'", "-").split("-") if part]
    return min((zipf(part, lang) for part in parts), default=0.0) if len(parts) > 1 else zipf(word, lang)


def _ordinary(word: str) -> bool:
    return max(_zipf(word, "fr"), _zipf(word, "en")) >= COMMON_ZIPF


def spelling(table: FeatureTable, candidate: Candidate) -> float:
    """Spelling similarity of the span and the lexicon form (Indel ratio of folded letters, 0..1)."""
    return Indel.normalized_similarity(candidate.span.key, candidate.surface.key)


def sound(table: FeatureTable, candidate: Candidate) -> float:
    """Sound similarity of the span and the form: the best of the French and English readings, 0..1."""
    return phonetics.sound_similarity(candidate.span.text, candidate.surface.text)


def pass_score(table: FeatureTable, candidate: Candidate) -> float:
    """The proposing pass's own score (1.0 for an exact spelling)."""
    return candidate.score


def exact_letters(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span has the form's very letters (any spacing, case or accents: "open ai")."""
    return float(candidate.pass_name == "exact")


def ordinary_in_language(table: FeatureTable, candidate: Candidate) -> float:
    """How ordinary the span's rarest word is in the transcript's language (Zipf frequency, 0..8)."""
    return min(_zipf(word, table.text.lang) for word in _words(table, candidate))


def ordinary_in_other_language(table: FeatureTable, candidate: Candidate) -> float:
    """How ordinary the span's rarest word is in the other language (French or English)."""
    other = "en" if table.text.lang == "fr" else "fr"
    return min(_zipf(word, other) for word in _words(table, candidate))


def most_ordinary(table: FeatureTable, candidate: Candidate) -> float:
    """The Zipf frequency of the span's most frequent word, in either language."""
    return max(max(_zipf(word, "fr"), _zipf(word, "en")) for word in _words(table, candidate))


def ordinary_share(table: FeatureTable, candidate: Candidate) -> float:
    """Share of the span's words that are ordinary words of French or English (Zipf >= 3.5)."""
    words = _words(table, candidate)
    return sum(map(_ordinary, words)) / len(words)


def ordinary_edges(table: FeatureTable, candidate: Candidate) -> float:
    """Ends of the span (0, 1 or 2) that are ordinary words in lower case: "a rumour that Iliosot"
    reaches past the name into the sentence."""
    span, text = candidate.span, table.text
    if span.size == 1:
        return 0.0
    return float(sum(_ordinary(text.keys[at]) and not text.capitalised[at] for at in (span.first, span.last - 1)))


def one_ordinary_word(table: FeatureTable, candidate: Candidate) -> float:
    """1 for a single ordinary word ("art" for Arte, "cloud" for Claude): usually just the word."""
    return float(candidate.span.size == 1 and _ordinary(table.text.keys[candidate.span.first]))


def case_only(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the rewrite only changes case ("hugging" -> "Hugging")."""
    source = table.text.source
    return float(all(source[start:end].casefold() == new.casefold() for start, end, new in candidate.changes))


def inflection_only(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the rewrite only adds or drops an inflection ("Podcast" -> "Podcasts")."""
    source = table.text.source
    return float(any(same_word_inflected(source[start:end], new) for start, end, new in candidate.changes))


def function_words(table: FeatureTable, candidate: Candidate) -> float:
    """Share of the span's words that are function words ("il", "y", "a", "the")."""
    words = _words(table, candidate)
    return sum(map(is_function_word, words)) / len(words)


def written_like_a_name(table: FeatureTable, candidate: Candidate) -> float:
    """1 when every word is capitalised beyond a sentence start, in a transcript that writes capitals."""
    return float(table.text.cased and table.text.name_like(candidate.span))


def uncased_transcript(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the transcript is written all in lower case or capitals: case says nothing there."""
    return float(not table.text.cased)


def lower_case_span(table: FeatureTable, candidate: Candidate) -> float:
    """1 when a cased transcript wrote the span all in lower case, as ordinary words."""
    span = candidate.span
    return float(table.text.cased and not any(table.text.capitalised[span.first : span.last]))


def span_words(table: FeatureTable, candidate: Candidate) -> float:
    """Words in the span (1 to 5)."""
    return float(candidate.span.size)


def word_count_difference(table: FeatureTable, candidate: Candidate) -> float:
    """How many more (or fewer) words the span has than the form: names heard as several words."""
    return float(abs(candidate.span.size - len(candidate.surface.text.split())))


def letters_respaced(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span is the form's letters with spaces, not all function words ("open ai")."""
    return float(_respaced(table.text, candidate))


def elided_before(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the span follows an elision ("d'OpenEye", but also "qu'il y a")."""
    return float(table.text.tokens[candidate.span.first].after_apostrophe)


def named_elsewhere(table: FeatureTable, candidate: Candidate) -> float:
    """How often the entity is named right elsewhere in the transcript (log of 1 + count)."""
    return math.log1p(len(table.elsewhere(candidate)))


def named_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the entity is named right within the window (20 words) of the span."""
    at = candidate.span.first
    return float(any(abs(place - at) <= WINDOW for place in table.elsewhere(candidate)))


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


def context_word_nearby(table: FeatureTable, candidate: Candidate) -> float:
    """1 when one of the entry's ``context`` words is within 20 words."""
    context = set(candidate.surface.entry.context)
    if not context:
        return 0.0
    span, tokens = candidate.span, table.text.tokens
    window = tokens[max(0, span.first - WINDOW) : span.first] + tokens[span.last : span.last + WINDOW]
    return float(any(token.text.lower() in context for token in window))


def role_word_before(table: FeatureTable, candidate: Candidate) -> float:
    """1 after a role word ("le PDG", "founder of", "le fondateur de"), for any kind of entry."""
    tokens, first = table.text.tokens, candidate.span.first
    for position in range(first - 1, max(-1, first - 4), -1):
        if tokens[position].text.lower() in ROLE_WORDS:
            return 1.0
        if tokens[position].sentence_start:
            break
    return 0.0


def set_off_by_comma(table: FeatureTable, candidate: Candidate) -> float:
    """1 when a comma follows the span (a name slot), not before a filler."""
    tokens, last = table.text.tokens, candidate.span.last
    if last >= len(tokens):
        return 0.0
    return float(tokens[last].gap_before.strip() == "," and tokens[last].text.lower() not in FILLERS)


def half_name_right(table: FeatureTable, candidate: Candidate) -> float:
    """1 for a name of several words with one half right and the other sounding like it ("Emmett's share")."""
    return float(_half_named(table.text, candidate))


def person(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the entry is a person (a kind of "person", or a name with a first name)."""
    entry = candidate.surface.entry
    return float(entry.kind == "person" or bool(name_parts(entry)))


def name_part_alone(table: FeatureTable, candidate: Candidate) -> float:
    """1 when the match is a first name or surname alone ("Ilya" for Ilya Sutskever)."""
    return float(candidate.surface.role == "part")


def form_repeats(table: FeatureTable, candidate: Candidate) -> float:
    """How often the same raw form occurs as a candidate in the transcript (log of count)."""
    return math.log(table.form_counts[candidate.span.key])


def competing_entities(table: FeatureTable, candidate: Candidate) -> float:
    """How many entities are proposed for the same span (log of count): a crowded neighbourhood."""
    return math.log(table.competitors[(candidate.span.first, candidate.span.last)])


def lexicon_size(table: FeatureTable, candidate: Candidate) -> float:
    """The lexicon's size (log10 of its number of spellings): a big lexicon has a look-alike for anything."""
    return math.log10(max(1, len(table.job.index.surfaces)))


def form_length(table: FeatureTable, candidate: Candidate) -> float:
    """Letters in the form (log): short forms have many look-alikes."""
    return math.log(max(1, len(candidate.surface.key)))


FEATURES: dict[str, Callable[[FeatureTable, Candidate], float]] = {
    function.__name__: function for function in (
        spelling, sound, pass_score, exact_letters, ordinary_in_language, ordinary_in_other_language,
        most_ordinary, ordinary_share, ordinary_edges, one_ordinary_word, case_only, inflection_only,
        function_words, written_like_a_name, uncased_transcript, lower_case_span, span_words,
        word_count_difference, letters_respaced, elided_before, named_elsewhere, named_nearby,
        other_entities_nearby, context_word_nearby, role_word_before, set_off_by_comma, half_name_right,
        person, name_part_alone, form_repeats, competing_entities, lexicon_size, form_length,
    )
}
"""Feature name -> function(table, candidate) -> float, in the order of the weights file."""


def phrase(name: str, value: float, candidate: Candidate, table: FeatureTable) -> str:
    """A feature's value in words, for an explanation ("sounds like 'OpenAI' (0.97)")."""
    term = candidate.entity
    lang = table.text.lang.upper()
    other = "EN" if lang == "FR" else "FR"
    phrases = {
        "spelling": f"spelled like {candidate.surface.text!r} ({value:.2f})",
        "sound": f"sounds like {candidate.surface.text!r} ({value:.2f})",
        "pass_score": f"{candidate.pass_name} match ({value:.2f})",
        "exact_letters": "the name's own letters" if value else "not the name's letters",
        "ordinary_in_language": f"span {'is' if value >= 3.5 else 'is not'} ordinary {lang} (Zipf {value:.1f})",
        "ordinary_in_other_language": f"span {'is' if value >= 3.5 else 'is not'} ordinary {other} (Zipf {value:.1f})",
        "most_ordinary": f"most frequent word Zipf {value:.1f}",
        "function_words": f"{value:.0%} function words",
        "ordinary_share": f"{value:.0%} ordinary words",
        "ordinary_edges": f"{value:.0f} end(s) of the span ordinary words",
        "one_ordinary_word": "one ordinary word" if value else "not one ordinary word",
        "case_only": "only the case changes" if value else "more than the case changes",
        "inflection_only": "only an inflection changes" if value else "not only an inflection",
        "written_like_a_name": "written like a name" if value else "not written like a name",
        "uncased_transcript": "transcript without casing" if value else "cased transcript",
        "lower_case_span": "written in lower case" if value else "not in lower case",
        "span_words": f"{value:.0f} word(s)",
        "word_count_difference": f"{value:.0f} word(s) more or fewer than the name",
        "letters_respaced": "the name's letters respaced" if value else "not the name respaced",
        "elided_before": "after an elision" if value else "no elision before",
        "named_elsewhere": f"{term} named {round(math.expm1(value))} time(s) elsewhere",
        "named_nearby": f"{term} named nearby" if value else f"{term} not named nearby",
        "other_entities_nearby": f"{round(math.expm1(value))} other entities nearby",
        "context_word_nearby": "a context word nearby" if value else "no context word nearby",
        "role_word_before": "after a role word" if value else "no role word before",
        "set_off_by_comma": "set off by a comma" if value else "no comma after",
        "half_name_right": "half the name right" if value else "no half of the name right",
        "person": "a person's name" if value else "not a person",
        "name_part_alone": "a first name or surname alone" if value else "the whole name",
        "form_repeats": f"form seen {round(math.exp(value))} time(s)",
        "competing_entities": f"{round(math.exp(value))} entities compete for the span",
        "lexicon_size": f"lexicon of {round(10 ** value):,} spellings",
        "form_length": f"{round(math.exp(value))}-letter form",
    }
    return phrases.get(name, f"{name} = {value:.2f}")


def fold_form(candidate: Candidate) -> str:
    """The raw form of a candidate as the per-form decision groups it (folded letters)."""
    return fold(candidate.span.text)
