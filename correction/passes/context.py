"""``context``: decide the ambiguous candidates, spans of ordinary words ("il y a" for Ilya,
"open ai" for OpenAI), from the words around them.

Five clues, each for or not. A run of ordinary words needs three of them, and so does a word
that would only gain capitals ("llama" in a transcript that writes names with capitals); a rare
word or name that merely looks like the entity ("Emet Scheer", "Korah") needs two:

* capitalised: every word capitalised, and not just because a sentence starts;
* named: the transcript names the entity elsewhere (spelled right, or fixed by a sure match);
* near: within ``WINDOW`` words, another lexicon entity or one of the entry's ``context`` words;
* half the name right: a person's full name with its first name or surname spelled right and
  the other half sounding like it (or another name with a distinctive half right);
* slot: for a person, the place a name goes: after a role word ("le PDG ..."), or set off by a
  comma ("..., il y a, donc celui qui...") rather than followed by its ordinary complement.

Half the name right, with the half heard right no other entry's ("Thomas" of Thomas Pesquet
alone in the lexicon), pins the span to that person: ordinary words then need two clues, as a
rare word does; so does a person's whole name heard as words written as a name and sounding all
but the same ("Brett Tailor" for Bret Taylor). A half shared by other entries does not pin it,
and one that many share (a common first name in a lexicon of thousands of people) is no clue at
all.

Capitals and a comma fit any real name, so at least one clue must tie the span to the domain
(named elsewhere, near, or half the name right). Ordinary phrases win ties: "il y a tout le
board" has the entity named and a term nearby, but neither capital nor slot, so it stays as it
is. Every decision and its clues go in the record.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Iterator

from rapidfuzz.distance import Indel

from .. import phonetics
from ..analysis import MAX_SPAN_TOKENS, AnalyzedText
from ..candidates import Candidate
from ..index import name_parts
from ..rewrite import only_case_changes, rewritten_tokens
from ..text import fold
from ..wordfreqs import is_common, is_function_word, max_zipf
from .base import Job

WINDOW = 20
# A match at least this close may be tied to the domain by another entity nearby (see _decide)...
NEAR_MIN_SCORE = 0.9
# ...if it is also this close on paper: a span that only sounds like the name, under some pairing
# of French and English readings, is a loose match, and a broad lexicon has one for many a rare
# word, itself a name ("Ritter" ~ Reuters 1.00, spelled 0.62, after "Eurovision").
NEAR_MIN_SPELLING = 0.75
# Inflectional endings of French and English words, folded: "podcast-s", "cook-ed", "tweet-er".
INFLECTIONS = frozenset("s es e d ed x ing er ee ees".split())
# The misheard half of a half-right name must sound like the real half ("Wang" / "Huang" 0.86,
# "Reed" / "Reid" 1.0): "Jake Sullivan" is not James Sullivan (0.57), "Patrick Ollier" not Pérez.
HALF_NAME_MIN_SOUND = 0.75
# A person's whole name said in ordinary words ("Brett Tailor") must sound all but the same.
FULL_NAME_MIN_SOUND = 0.95
# For a name other than a person's, the half heard right must be a word rarer than this: "goldman"
# (3.6) or "hugging" (3.5) point at their names, "federal" (5.1) or "google" (4.9) at many.
DISTINCTIVE_ZIPF = 4.5
MAX_ROUNDS = 4
# A person's first name or surname heard right is a clue while fewer other entries share it: about
# 1% of pairs of surnames sound alike (>= 0.75; 28 of 2,996 pairs of 1,505 Faker surnames,
# 2026-12-05), so with five other Patricks a real "Patrick X" finds a look-alike 5% of the time,
# with the 300 of a 100,000-name lexicon almost always.
MAX_OTHERS_SHARING_HALF = 5
# How many clues each shape of candidate needs, in a cased transcript and in one without casing.
REQUIRED_CLUES = {
    "ordinary words": 3,
    "rare words": 2,
    "words in lower case": 3,  # a cased transcript wrote them in lower case, as words: "a llama"
    "the name's letters, spaced": 3,  # "open ai" for OpenAI: capitalised ("Open AI") it is sure
}
# A transcript all in lower case or capitals cannot show the capitalised clue: a rare word then
# needs one clue, about the entity itself ("mira moratti": half the name right; "openeye": OpenAI
# named elsewhere), and the name's letters with spaces ("open ai") two, unless every word is a
# function word as "il", "y", "a" are (Ilya); ordinary words still need three.
UNCASED_REQUIRED_CLUES = {**REQUIRED_CLUES, "rare words": 1, "the name's letters, spaced": 2}
ROLE_WORDS = frozenset(
    "pdg ceo cto coo cfo dg directeur directrice président présidente fondateur fondatrice cofondateur "
    "cofondatrice co-fondateur membre chercheur chercheuse patron patronne ingénieur investisseur board "
    "founder cofounder co-founder president director researcher scientist member chief head engineer "
    "investor chairman chairwoman".split()
)
FILLERS = frozenset("euh heu bah ben hum hein quoi um uh er erm like".split())


def same_word_inflected(old: str, new: str) -> bool:
    """An ordinary word and the same word with an inflection added or dropped: "Podcast" /
    "Podcasts", "cooked" / "Cook" (not "Buffet" / "Buffett": a "t" is no ending; nor a name:
    "Altmann" / "Altman" is a misspelling, not an inflection)."""
    if not is_common(old):
        return False
    old, new = fold(old), fold(new)
    shorter, longer = sorted((old, new), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter) and longer[len(shorter):] in INFLECTIONS


@dataclass(frozen=True)
class Mentions:
    """Token positions where entities are named: spelled right (and distinctive), or by a candidate
    that is sure (unambiguous) or already kept. Sorted, so a window is a bisection, not a scan.

    ``heard`` is the folded text a candidate kept on context rewrites ("" for a name spelled right
    or fixed by a sure match, "Open AI" capitalised): the same ambiguous words repeated are not
    independent evidence for themselves.
    """

    positions: tuple[int, ...]
    terms: tuple[str, ...]
    by_entity: dict[str, list[tuple[int, str]]]

    @classmethod
    def of(cls, job: Job, candidates: list[Candidate]) -> "Mentions":
        found: list[tuple[int, str, str]] = []
        for span, surface in job.distinctive_mentions:
            found.append((span.first, surface.entry.term, ""))
        for candidate in candidates:
            if not candidate.ambiguous:
                found.append((candidate.span.first, candidate.entity, ""))
            elif candidate.decision.startswith("kept"):
                found.append((candidate.span.first, candidate.entity, candidate.span.key))
        found.sort()
        by_entity: dict[str, list[tuple[int, str]]] = {}
        for at, term, heard in found:
            by_entity.setdefault(term, []).append((at, heard))
        return cls(tuple(at for at, _, _ in found), tuple(term for _, term, _ in found), by_entity)

    def between(self, low: int, high: int) -> list[tuple[int, str]]:
        first, last = bisect_left(self.positions, low), bisect_left(self.positions, high)
        return list(zip(self.positions[first:last], self.terms[first:last]))

    def of_entity(self, term: str, heard: str) -> Iterator[int]:
        """Where ``term`` is named, other than by the same mishearing ``heard``."""
        return (at for at, other in self.by_entity.get(term, ()) if not heard or other != heard)


def _within(places: list[int], at: int) -> bool:
    """Whether a sorted list of token positions has one close enough to ``at`` to be "near" it."""
    reach = WINDOW + MAX_SPAN_TOKENS  # the window counts from the span's ends
    index = bisect_left(places, at - reach)
    return index < len(places) and places[index] <= at + reach


def respaced(text: AnalyzedText, candidate: Candidate) -> bool:
    """Words that spell the name with spaces in it, not all of them function words: "open ai",
    "deep mind" (not "il y a" for Ilya)."""
    span = candidate.span
    words = text.keys[span.first : span.last]
    return span.size > 1 and span.key == candidate.surface.key and not all(map(is_function_word, words))


def _said_as_full_name(candidate: Candidate) -> bool:
    """A person's whole name, word for word, sounding all but the same: "Brett Tailor" for Bret Taylor."""
    entry, span = candidate.surface.entry, candidate.span
    return (candidate.surface.replacement == entry.term and bool(name_parts(entry))
            and span.size == len(entry.term.split()) >= 2 and candidate.score >= FULL_NAME_MIN_SOUND)


def half_named_candidate(text: AnalyzedText, candidate: Candidate) -> bool:
    """A person's full name with its first name or surname right and the other half misheard as
    something that sounds like it: "Helen Tonner", "Jensen Wang" for Jensen Huang (not "Patrick
    Ollier" for Patrick Pérez); or another name of several words with a distinctive half right
    ("Goldman Sacks"). The right half ties the span to this entity, as a mention would."""
    return bool(right_half(text, candidate))


def right_half(text: AnalyzedText, candidate: Candidate) -> str:
    """The half heard right (folded) of a half-named candidate (see :func:`half_named_candidate`),
    or "" when the candidate is not one."""
    entry = candidate.surface.entry
    heard = [fold(token.text) for token in text.tokens[candidate.span.first : candidate.span.last]]
    name = [fold(word) for word in entry.term.split()]
    if candidate.surface.replacement != entry.term or len(heard) < 2 or len(name) < 2:
        return ""
    person = bool(name_parts(entry))
    for right in (1, -1):  # the first name right, or the surname
        word = heard[0 if right == 1 else -1]
        if word != name[0 if right == 1 else -1]:
            continue
        if not person and max_zipf(word) >= DISTINCTIVE_ZIPF:
            continue  # "Goldman Sacks" has a distinctive half right; "Federal Preserve" does not
        misheard = " ".join(heard[1:] if right == 1 else heard[:-1])
        rest = " ".join(name[1:] if right == 1 else name[:-1])
        if misheard != rest and phonetics.sound_similarity(misheard, rest) >= HALF_NAME_MIN_SOUND:
            return word
    return ""


def others_sharing(job: Job, candidate: Candidate, half: str) -> int | None:
    """How many other entries have the half heard right as a first name or surname: 0 when it
    belongs to this entity alone ("Bernard" of Bernard Arnault in a few hundred names), dozens in
    100,000 names ("Xavier Breton" has dozens of Xaviers to be half right about). None when it
    cannot be counted: only a person's first names and surnames are indexed."""
    if not half or not name_parts(candidate.surface.entry):
        return None
    return len({surface.entry.term for surface in job.index.exact.get(half, ())} - {candidate.entity})


def shape_of(text: AnalyzedText, candidate: Candidate) -> str:
    """Which row of :data:`REQUIRED_CLUES` a candidate's span falls in."""
    span = candidate.span
    shape = "ordinary words" if text.all_common(span) else "rare words"
    if text.written_lower(span) and only_case_changes(text.source, candidate.changes):
        # "a llama at the farm": a cased transcript wrote the word in lower case, as a word
        return "words in lower case"
    if shape == "ordinary words" and not text.cased and respaced(text, candidate):
        return "the name's letters, spaced"
    return shape


# Shapes whose verdict, reached on clues in one place, holds wherever the same form recurs.
POOLED_SHAPES = ("rare words", "the name's letters, spaced")


def pooled(text: AnalyzedText, candidate: Candidate) -> bool:
    """Whether the candidate's verdict is its form's: rare words, the name's letters spaced in a
    transcript without casing, or ordinary words written as a name mid-sentence ("Justin Trier"
    for Justine Triet), which are no ordinary phrase whatever follows them."""
    shape = shape_of(text, candidate)
    return shape in POOLED_SHAPES or (shape == "ordinary words" and text.cased and text.name_like(candidate.span))


def one_verdict_per_form(text: AnalyzedText, decided: list[Candidate], pending: list[int]) -> list[Candidate]:
    """The occurrences of one form with one entity, kept by their clues in one place, are kept
    everywhere in the transcript: a recogniser mishears a name the same way again, and the clues
    of one place (the entity named, another nearby) are about what the talk is about, which the
    other places share. This holds for rare words, for the name's letters spaced in a transcript
    without casing ("open ai" kept near Sam Altman is the recogniser's spelling of OpenAI on every
    line) and for ordinary words capitalised mid-sentence (see :func:`pooled`). Ordinary words
    otherwise keep each their own verdict: their context decides ("il y a" followed by its
    complement is ordinary speech wherever Ilya is named)."""
    kept: dict[tuple[str, str], Candidate] = {}
    for position in pending:
        candidate = decided[position]
        if candidate.decision.startswith("kept") and pooled(text, candidate):
            kept.setdefault((candidate.span.key, candidate.entity), candidate)
    for position in pending:
        candidate = decided[position]
        source = kept.get((candidate.span.key, candidate.entity))
        if source is None or candidate.decision.startswith("kept") or not pooled(text, candidate):
            continue
        line, _ = text.line_and_column(source.span.start)
        decision = (f"kept: {shape_of(text, candidate)}; the same form is kept on line {line} "
                    f"({source.decision.split('; ', 1)[1]})")
        decided[position] = replace(candidate, decision=decision, reason=f"{candidate.reason}; {decision}")
    return decided


class ContextPass:
    name = "context"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        if job.settings.model is not None:
            from ..decision.decide import decide  # the fitted decision replaces the clue counting

            return decide(job, candidates, job.settings.model, job.settings.min_confidence)
        text = job.text
        decided = list(candidates)
        pending = []  # positions of candidates whose verdict rests on clues, which mentions can change
        # half the name right depends on the candidate alone: found once, not again in every round
        halves = {position: right_half(text, candidate)
                  for position, candidate in enumerate(candidates) if candidate.ambiguous}
        sharing = {position: others_sharing(job, candidates[position], half) for position, half in halves.items()}
        for position, candidate in enumerate(candidates):
            if candidate.ambiguous:
                refused = self._refusal(text, candidate, bool(halves[position]))
                if refused:
                    decided[position] = candidate.decided(f"dropped: {refused}")
                else:
                    pending.append(position)
        # A kept candidate names its entity too ("ILIA" kept makes a later "il y a" likelier): after
        # each round, decide again the candidates a new verdict can reach (same entity, or nearby).
        to_decide = pending
        for _ in range(MAX_ROUNDS):
            mentions = Mentions.of(job, decided)
            flipped = []
            for position in to_decide:
                before = decided[position]
                decided[position] = self._decide(text, candidates[position], mentions, halves[position],
                                                 sharing[position])
                if decided[position].decision.startswith("kept") != before.decision.startswith("kept"):
                    flipped.append(decided[position])
            if not flipped:
                break
            entities = {candidate.entity for candidate in flipped}
            places = sorted(candidate.span.first for candidate in flipped)
            to_decide = [position for position in pending
                         if candidates[position].entity in entities or _within(places, candidates[position].span.first)]
        return one_verdict_per_form(text, decided, pending)

    @staticmethod
    def _refusal(text: AnalyzedText, candidate: Candidate, half_named: bool) -> str:
        """Why an ambiguous candidate is refused whatever the context, or "" when clues decide."""
        span, tokens = candidate.span, text.tokens
        if tokens[span.first].after_apostrophe and text.all_common(span) and is_function_word(text.keys[span.first]):
            # "qu'il y a", "j'ai": a function word glued to another; "d'open ai" is not one
            return "follows an elision (\"qu'il y a\", \"j'ai\")"
        if candidate.pass_name == "exact":
            return ""
        if span.size == 1 and text.all_common(span):
            return "a known word is not rewritten for looking like a name"
        # "Reed Hoffman" -> "Reid Hoffman" swaps a word for a word, but in a name with its other half
        # right; "Brett Tailor" -> "Bret Taylor" swaps both, but written as a name and said as one
        renamed = ((text.name_like(span) or not text.cased) and half_named) or (
            text.name_like(span) and _said_as_full_name(candidate))
        changed = rewritten_tokens(tokens[span.first : span.last], candidate.changes)
        if not renamed and any(is_common(word) for _, _, new in candidate.changes for word in new.split()) and all(
                text.common[token.index] for token in changed):
            return "would swap ordinary words for other ordinary words"
        if any(same_word_inflected(text.source[start:end], new) for start, end, new in candidate.changes):
            return "only the inflection differs (\"Podcast\" / \"Podcasts\")"
        return ""

    def _decide(self, text: AnalyzedText, candidate: Candidate, mentions: "Mentions", half: str,
                others: int | None) -> Candidate:
        """The verdict on clues; ``half`` is the half of the name heard right ("" if none, see
        :func:`right_half`), ``others`` how many other entries share it (see :func:`others_sharing`)."""
        span, entry = candidate.span, candidate.surface.entry
        pinned = others == 0
        # A half that many entries share ties the span to none of them: in 100,000 names "Patrick
        # Hetzel" is half right about 300 Patricks, and one of them sounds like "Hetzel".
        crowded = others is not None and others >= MAX_OTHERS_SHARING_HALF
        half_named = bool(half) and not crowded
        tokens = text.tokens
        shape = shape_of(text, candidate)
        clues = []
        if text.name_like(span):
            clues.append("capitalised")
        changed = {token.index for token in rewritten_tokens(tokens[span.first : span.last], candidate.changes)}
        elsewhere = next((at for at in mentions.of_entity(entry.term, span.key) if at not in changed), None)
        if elsewhere is not None:
            line, _ = text.line_and_column(tokens[elsewhere].start)
            clues.append(f"named elsewhere (line {line})")
        if half_named:
            clues.append("half the name right")
        required = (REQUIRED_CLUES if text.cased else UNCASED_REQUIRED_CLUES)[shape]
        said_as_name = text.name_like(span) and _said_as_full_name(candidate)
        if pinned or (half_named and not text.cased) or said_as_name:
            # Half the name right stands in for the capitals a transcript without casing cannot
            # show; and a half that is this entity's alone in the lexicon pins the span to it, as
            # the name said elsewhere would: "Bernard Arnold" then needs one clue more, as a rare
            # word does, not two ("Xavier Breton" in 100,000 names is half right about dozens).
            # So does a person's whole name heard as words written as a name and sounding all but
            # the same ("Brett Tailor" for Bret Taylor): the recogniser's spelling of a name it
            # did not know, not a phrase; it still needs a clue that ties it to the domain.
            required = min(required, 2)
        if len(clues) + 2 < required:
            # "petit" for a Mr Petit: not capitalised, not named, no half of a name; near and slot
            # cannot make up for all three
            summary = ", ".join(clues) or "no clue"
            decision = f"dropped: {shape}; {len(clues)} of 5 clues ({summary}), too few to go on"
            return replace(candidate, decision=decision, reason=f"{candidate.reason}; {decision}")
        near = self._near(text, candidate, mentions)
        if near:
            clues.append(f"near {near!r}")
        is_person = entry.kind == "person" or bool(name_parts(entry))
        slot = self._slot(text, candidate) if is_person else ""
        if slot:
            clues.append(slot)
        # Capitals and a comma fit any real name: at least one clue must tie the span to the domain.
        specific = elsewhere is not None or half_named  # about this entity, not just the domain
        # Another entity nearby ties a close match to the domain, not a loose one: in a conversation
        # about tech every capitalised surname is near some entity ("Hetzel" ~ Intel, 0.80). Without
        # capitals a rare word has one clue to show, and it must be about this entity: "ennemez"
        # near a mention of Sam Altman is not ERNIE.
        far_on_paper = Indel.normalized_similarity(span.key, candidate.surface.key) < NEAR_MIN_SPELLING
        close_enough = (candidate.score >= NEAR_MIN_SCORE and (text.cased or shape != "rare words")
                        and not far_on_paper)
        tied_by_near = bool(near) and close_enough
        domain = specific or tied_by_near
        verdict = "kept" if len(clues) >= required and domain else "dropped"
        summary = ", ".join(clues) or "no clue"
        decision = f"{verdict}: {shape}; {len(clues)} of 5 clues ({summary})"
        if verdict == "dropped" and crowded:
            decision += f"; {half!r} is {others} other entries' too, no clue"
        elif verdict == "dropped" and half_named and not pinned and text.cased:
            decision += f"; {half!r} is another entry's too"
        elif verdict == "dropped" and near and not domain and far_on_paper:
            decision += f"; {span.text!r} is too far from {candidate.surface.text!r} on paper for an entity nearby to tie it"
        return replace(candidate, decision=decision, reason=f"{candidate.reason}; {decision}")

    @staticmethod
    def _near(text: AnalyzedText, candidate: Candidate, mentions: "Mentions") -> str:
        span, entry = candidate.span, candidate.surface.entry
        low, high = span.first - WINDOW, span.last + WINDOW
        for at, term in mentions.between(low, high):
            if term != entry.term and not span.first <= at < span.last:
                return term
        context_words = set(entry.context)
        for token in text.tokens[max(0, low) : span.first] + text.tokens[span.last : high]:
            if token.text.lower() in context_words:
                return token.text
        return ""

    @staticmethod
    def _slot(text: AnalyzedText, candidate: Candidate) -> str:
        span, tokens = candidate.span, text.tokens
        for position in range(span.first - 1, max(-1, span.first - 3), -1):
            if tokens[position].text.lower() in ROLE_WORDS:
                return "after a role word"
            if tokens[position].sentence_start or not tokens[position + 1].gap_before.isspace():
                break  # a role word in another sentence or clause says nothing about this one
        if span.last < len(tokens):
            following = tokens[span.last]
            if following.gap_before.strip() == "," and following.text.lower() not in FILLERS:
                return "set off by a comma"
        return ""
