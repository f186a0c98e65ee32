"""What every pass shares: the protocol, the settings, the job, and how a candidate is made."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Protocol

from ..analysis import MAX_SPAN_TOKENS, AnalyzedText, Span
from ..candidates import Candidate
from ..index import LexiconIndex, Surface
from ..letters import is_acronym, said_letters
from ..rewrite import only_case_changes, plan_changes, rewritten_tokens
from ..text import APOSTROPHES, fold
from ..wordfreqs import is_function_word, max_zipf
from .guards import (CUT_OFF, MAX_ANCHOR_ZIPF, MAX_KEY_LENGTH, MIN_KEY_LENGTH, common_noun_here,
                     eligible_for_approximate, has_accents, is_ambiguous, is_derived, numbers_heard, sure_bound,
                     words_align)

if TYPE_CHECKING:
    from ..decision.model import DecisionModel

# Spans looked up by their letters run this long: a name with a version said in words is ("Gemini
# deux point cinq pro", "GPT four point one mini"); a dict look-up per span costs little.
EXACT_MAX_TOKENS = 8
# An approximate pass keeps the best few matches of a span: with a large lexicon a span has many
# neighbours above the bound, and only the best can win the resolver.
MAX_MATCHES_PER_SPAN = 3
# Generous proposing (with the fitted decision): names heard as up to five words ("son or bitch
# I" for Sundar Pichai), and matches down to these bounds: on the English asr-loop sets, 0.83 of
# the mishearings sound at least 0.6 like their name (0.96 at least 0.5, for many more candidates).
GENEROUS_MAX_TOKENS = 5
GENEROUS_MIN_SOUND = 0.6
GENEROUS_MIN_SPELLING = 0.7
GENEROUS_MIN_KEY_LENGTH = 3


def _grammar_word(word: str, lang: str) -> bool:
    """A function word of ``lang`` ("il", "y", "the"; an elided word by its letters: "l'", "qu'") or a number.

    >>> _grammar_word("il", "fr"), _grammar_word("if", "fr"), _grammar_word("if", "en"), _grammar_word("2023", "fr")
    (True, False, True, True)
    """
    word = word.lower().strip("".join(APOSTROPHES))
    return word.isdigit() or is_function_word(word, lang)


@dataclass(frozen=True)
class Settings:
    """Knobs shared by the passes. ``min_score`` bounds every approximate match; with a ``model``
    (a fitted :class:`~correction.decision.model.DecisionModel`) the ``context`` pass decides every
    candidate by its probability, kept from ``min_confidence`` up, instead of counting clues.
    ``generous`` passes propose more (looser bounds, more spans), for the fitted decision to weigh
    what the hand-written guards used to refuse."""

    min_score: float = 0.8
    model: DecisionModel | None = None
    min_confidence: float = 0.5
    generous: bool = False

    def __post_init__(self) -> None:
        if not 0.0 < self.min_score <= 1.0:
            raise ValueError(f"Settings.min_score: {self.min_score} is outside (0, 1]")
        if not 0.0 < self.min_confidence < 1.0:
            raise ValueError(f"Settings.min_confidence: {self.min_confidence} is outside (0, 1)")

    @property
    def min_sound(self) -> float:
        return GENEROUS_MIN_SOUND if self.generous else self.min_score

    @property
    def min_spelling(self) -> float:
        return GENEROUS_MIN_SPELLING if self.generous else self.min_score


@dataclass(frozen=True)
class Job:
    """What a pass reads: the analysed text, the lexicon index and the settings; and, computed
    once for all passes, the spans spelled like a lexicon form (``exact_hits``), the spans that
    already name an entry correctly (``mentions``: protected, and evidence for ``context``) and
    the spans worth an approximate look-up (``approximate_spans``)."""

    text: AnalyzedText
    index: LexiconIndex
    settings: Settings

    @cached_property
    def exact_hits(self) -> tuple[tuple[Span, tuple[Surface, ...]], ...]:
        """Spans spelled like lexicon forms, with those forms. A span across a bare apostrophe
        matches only the forms written with one: "L'Oréal", "Conan O'Brien" are spelled right,
        but "d'Ali" is no spelling of Dalí (an elision stays outside the name), nor "elle n'a" of
        Ellen (no span ends with an elided word: see ``AnalyzedText.span_ranges``)."""
        exact, text, hits = self.index.exact, self.text, []
        joins = text.joins
        for first, last, key in text.span_ranges(EXACT_MAX_TOKENS, text.apostrophe_joins):
            if key not in exact:
                continue
            surfaces = tuple(exact[key])
            if not all(joins[first + 1 : last]):
                surfaces = tuple(surface for surface in surfaces if any(mark in surface.text for mark in APOSTROPHES))
            if surfaces:
                hits.append((text.span(first, last, key), surfaces))
        return tuple(hits)

    @cached_property
    def spelled_hits(self) -> tuple[tuple[Span, tuple[Surface, ...]], ...]:
        """Spans whose words say an acronym's letters by their names ("elle-elle-aime", "our LHF"
        -> LLM, RLHF; see :mod:`correction.letters`): at least one letter said by name, and every
        letter of an acronym of the lexicon, no more. Never a mention: the letters are heard, not written."""
        text, exact = self.text, self.index.exact
        # an elided word or a contraction's end is a letter only in writing: "l'", "it's", "we've"
        said = [None if elided or (token.after_apostrophe and len(token.text) <= 2) else said_letters(token.text)
                for token, elided in zip(text.tokens, text.elided)]
        hits = []
        for first in range(len(said)):
            letters, named = "", False
            for last in range(first + 1, min(first + MAX_SPAN_TOKENS, len(said)) + 1):
                reading = said[last - 1]
                if reading is None or (last > first + 1 and not text.joins[last - 1]):
                    break
                letters, named = letters + reading.letters, named or reading.named
                surfaces = tuple(surface for surface in exact.get(letters, ()) if is_acronym(surface.text))
                if named and surfaces:
                    hits.append((text.span(first, last, "".join(text.keys[first:last])), surfaces))
        return tuple(hits)

    @cached_property
    def mentions(self) -> tuple[tuple[Span, Surface], ...]:
        """Spans written exactly as a lexicon form ("Microsoft", "Altman"; any case in an uncased
        transcript): correct text, never rewritten.

        A first name or surname alone counts only when it is not an ordinary word: "Altman" names Sam
        Altman, but "Sam" or "Marc" name anybody (and must not stop "Marc Zuckerberg" -> "Mark");
        nor inside another name ("Elon University").
        """
        found = []
        for span, surfaces in self.exact_hits:
            for surface in surfaces:
                # in a transcript all in lower case or capitals, "openai" is as right as it can be
                written, form = _apostrophes(span.text), _apostrophes(surface.replacement)
                if self.text.cased and written != form:
                    continue
                if not self.text.cased and written.casefold() != form.casefold():
                    continue
                if surface.role == "part" and (self.text.all_common(span) or self._inside_other_name(span, surface)):
                    continue
                found.append((span, surface))
        return tuple(found)

    @cached_property
    def distinctive_mentions(self) -> tuple[tuple[Span, Surface], ...]:
        """Mentions that say which entity the talk is about: not only ordinary words ("Claude" as a
        first name, "Apple", "Meta" say nothing about the domain), or a name of several words
        written as one ("Emmanuel Macron", "Google Meet"), or an acronym written in capitals in a
        cased transcript ("AGI" is not the French word "agi", nor "ESA" "esa")."""
        text = self.text
        return tuple((span, surface) for span, surface in self.mentions
                     if not text.all_common(span) or (span.size > 1 and text.name_like(span))
                     or (text.cased and is_acronym(span.text)))

    def _inside_other_name(self, span: Span, surface: Surface) -> bool:
        """A first name or surname beside a capitalised word foreign to the name names someone or
        something else: "Elon University", "Kent Brockman", "Uncle Sam" (a sentence's capitalised
        first word counts unless it is a function word: "Et Altman a dit")."""
        text = self.text
        if not text.cased:
            return False
        own = {fold(word) for word in surface.entry.term.split()}
        for position, joined in ((span.first - 1, span.first), (span.last, span.last)):
            if not 0 <= position < len(text.tokens) or not text.joins[joined]:
                continue  # no neighbour on this side, or one across punctuation or a line break
            token = text.tokens[position]
            if not text.capitalised[position] or text.keys[position] in own:
                continue
            sentence_word = position == span.first - 1 and token.sentence_start
            if sentence_word and is_function_word(text.keys[position]):
                continue
            return True
        return False

    @cached_property
    def approximate_spans(self) -> tuple[Span, ...]:
        """The spans the approximate passes look up (see :func:`eligible_for_approximate`)."""
        if self.settings.generous:
            return self._generous_spans()
        text, anchors = self.text, self.name_anchors
        # a span needs a non-word, a capital or a name part somewhere: most spans fail this cheap test
        hopeful = [not known or capital or position in anchors
                   for position, (known, capital) in enumerate(zip(text.known, text.capitalised))]
        hopeful_before = [0, *accumulate(hopeful)]  # hopeful tokens before each position: a span's test is O(1)
        spans = []
        for first, last, key in text.span_ranges():
            if MIN_KEY_LENGTH <= len(key) <= MAX_KEY_LENGTH and hopeful_before[last] > hopeful_before[first]:
                span = text.span(first, last, key)
                if eligible_for_approximate(text, span, anchors):
                    spans.append(span)
        return tuple(spans)

    def _generous_spans(self) -> tuple[Span, ...]:
        """Every span of up to five words that is not only function words of the transcript's
        language or numbers: with the fitted decision, being ordinary words is a feature to weigh,
        not a reason to look away. The grammar that is skipped is the transcript's own ("il y a" in
        French); English function words in a French transcript are what a French recogniser writes
        for an English name ("if on" for iPhone), and the reverse.
        Spans run across a comma and a French elision too ("tout à l'heure, il" for
        TotalEnergies), but never start or end with an elided word: "l'" stays with its word."""
        text, spans, elided = self.text, [], self.text.elided
        grammar = self.grammar
        for first, last, key in text.span_ranges(GENEROUS_MAX_TOKENS, text.loose_joins):
            if not GENEROUS_MIN_KEY_LENGTH <= len(key) <= MAX_KEY_LENGTH or elided[first]:
                continue
            if all(grammar[first:last]):
                continue
            if last < len(text.tokens) and CUT_OFF.match(text.tokens[last].gap_before):
                continue  # "Greg Brock- Brockman": a word cut off, then said whole
            spans.append(text.span(first, last, key))
        return tuple(spans)

    @cached_property
    def grammar(self) -> tuple[bool, ...]:
        """For each token, whether it is a function word of the transcript's language or a number."""
        return tuple(_grammar_word(token.text, self.text.lang) for token in self.text.tokens)

    def only_grammar(self, span: Span) -> bool:
        """Whether every word of ``span`` is the transcript's own grammar ("il y a", "ces")."""
        return all(self.grammar[span.first : span.last])

    @cached_property
    def sure_bound(self) -> float:
        """The score an approximate match needs to stand without context in this lexicon (see
        :func:`~correction.passes.guards.sure_bound`): below it, the ``context`` pass decides."""
        return sure_bound(self.settings.min_score, self.index.approximate_forms)

    @cached_property
    def name_anchors(self) -> frozenset[int]:
        """Tokens spelled as a person's first name or surname, whatever their case ("sam", "Hassabis"):
        the rest of the name may be misheard next to one ("sam altmann"), even in a lower-case
        transcript. Not a very frequent word in lower case: "son" is Masayoshi Son's name, and "his"."""
        capitalised = self.text.capitalised
        return frozenset(span.first for span, surfaces in self.exact_hits
                         if span.size == 1 and any(surface.role == "part" for surface in surfaces)
                         and (capitalised[span.first] or max_zipf(span.key) < MAX_ANCHOR_ZIPF))

    @cached_property
    def _mentions_by_start(self) -> list[Span]:
        return sorted((span for span, _ in self.mentions), key=lambda span: (span.start, span.end))

    @cached_property
    def _protected(self) -> tuple[list[int], list[int]]:
        """The starts and ends of the mentions, in the order of ``_mentions_by_start``."""
        spans = self._mentions_by_start
        return [span.start for span in spans], [span.end for span in spans]

    def holds_the_name(self, span: Span, replacement: str) -> bool:
        """Whether a mention inside ``span`` is already ``replacement`` written right: "Anne
        L'Huillier won" holds the name, and rewriting it would only delete "won"."""
        wanted = _apostrophes(replacement).casefold()
        mentions, (starts, _) = self._mentions_by_start, self._protected
        return any(mention.end <= span.end and _apostrophes(mention.text).casefold() == wanted
                   for mention in mentions[bisect_left(starts, span.start) : bisect_left(starts, span.end)])

    def touches_mention(self, changes: tuple[tuple[int, int, str], ...], span: Span | None = None) -> bool:
        """Whether any change overlaps a span that already names a lexicon entry correctly, other
        than one inside a longer ``span`` rewritten as a whole: "AI" in "Open AI" -> "OpenAI"."""
        starts, ends = self._protected
        for start, end, _ in changes:
            # mentions are at most a few words long: only those starting shortly before `end` can overlap
            position = bisect_left(starts, end)
            for other in range(max(0, position - 8), position):
                inside = span is not None and span.start <= starts[other] and ends[other] <= span.end and (
                    ends[other] - starts[other] < span.end - span.start)
                if ends[other] > start and not inside:
                    return True
        return False


class Pass(Protocol):
    """A pass reads the job and the candidates so far and returns the new list of candidates."""

    name: str

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]: ...


def _apostrophes(text: str) -> str:
    return text.replace("’", "'")


def make_candidate(job: Job, span: Span, surface: Surface, score: float, pass_name: str,
                   reason: str, approximate: bool = True) -> Candidate | None:
    """A candidate, or None when the match changes nothing, would eat neighbouring words, or would
    rewrite a name already spelled right ("Microsoft" is never "Minecraft")."""
    text = job.text
    if span.key in job.index.negatives.get(surface.entry.term, ()):
        return None  # a reviewer rejected this spelling as this term
    if span.key == surface.key + "s":
        return None  # "Altmans comments", "Anthropics model": heard right, only the apostrophe is missing
    if approximate and not words_align(span.text, surface.text):
        return None
    lower_word = span.size == 1 and not text.capitalised[span.first]
    if lower_word and span.key.startswith(surface.key) and is_derived(span.key[len(surface.key):]):
        return None  # "googleurs", "macronistes": a word derived from the name, not the name misheard
    replacement = text.in_transcript_case(surface.replacement)
    if replacement.islower() and span.text[:1].isupper():
        # a term written in lower case ("compute") keeps the capital of a sentence start or title;
        # a brand's own lower-case first letter ("mRNA", "iPhone") stays as the lexicon has it
        replacement = replacement[:1].upper() + replacement[1:]
    if job.holds_the_name(span, replacement):
        return None
    changes = plan_changes(text.source, text.tokens[span.first : span.last], replacement)
    if not changes or job.touches_mention(changes, span):
        return None
    if approximate and not all(numbers_heard(text.source[start:end], new) for start, end, new in changes):
        return None  # "Gemini Pro" is not "Gemini 3": a version is heard as a number
    case_only = only_case_changes(text.source, changes)
    if case_only and not text.cased:
        return None  # "GEMINI" -> "Gemini", "sam altman" -> "Sam Altman" in an uncased transcript: formatting
    if case_only and span.size > 1 and job.grammar[span.first] and text.written_lower(span, but_sentence_start=True):
        # "tout le monde" is not Le Monde, "the economist said" not The Economist: a cased transcript
        # that writes a phrase opening with its own grammar word all in lower case (but for the
        # capital of a sentence start: "Le monde entier") wrote the phrase
        return None
    if case_only and common_noun_here(text, span, replacement):
        return None  # "une orange", "aucune notion": the same reason for one word after its determiner
    tokens = text.tokens[span.first : span.last]
    changed = rewritten_tokens(tokens, changes)
    # "Salman Altman": the unchanged "Altman" already names the entity, only "Salman" is misheard
    partly_right = any(not text.common[token.index] for token in tokens if token not in changed)
    changed_span = span._replace(first=changed[0].index, last=changed[-1].index + 1)
    # "Lecun" -> "LeCun": a capitalised rare word that only changes its inner capitals is the name
    recapitalised = case_only and span.size == 1 and text.capitalised[span.first] and not text.common[span.first]
    # "j'ai googlé", "on a open sourcé le code": a known word in lower case that is the name only
    # once its accents are folded away
    unaccented = not has_accents(surface.replacement) and any(
        not text.capitalised[token.index] and text.known[token.index] and has_accents(token.text) for token in changed)
    # "Jean-Paul" -> "Jean Paul": the hyphen made one compound name (a composite first name, a double
    # surname, a town); the same letters apart are another name, so the split is a judgement call
    split_compound = not approximate and "-" in span.text and span.text.replace("-", " ").casefold() == replacement.casefold()
    # in a lexicon of many thousands of names, a match this loose is as likely a look-alike by chance
    # (the fitted decision weighs the lexicon's size itself)
    by_chance = approximate and job.settings.model is None and score < job.sure_bound
    ambiguous = is_ambiguous(text, span, surface.replacement) or unaccented or split_compound or by_chance or (
        # a real word that only gains a capital may be just the word: "a llama at the farm"
        (approximate or (case_only and span.size == 1 and not recapitalised))
        and not partly_right and is_ambiguous(text, changed_span, surface.replacement, approximate=True))
    if by_chance:
        reason += f"; under {job.sure_bound:.2f}, what {job.index.approximate_forms:,} forms need without context"
    return Candidate(span, surface, round(score, 4), pass_name, reason, ambiguous=ambiguous, changes=changes)
