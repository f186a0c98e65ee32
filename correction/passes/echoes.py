"""Names heard in pieces, found against the names the transcript says right.

A recogniser that does not know a name writes it as words it knows: "Mid journée" for
Midjourney, "Sonder pitch eye" for Sundar Pichai, "chat jay pity" for ChatGPT. Such spans are
made of real words, so the approximate look-up passes them by (it looks at spans written like a
name or holding a non-word, and weighing every run of words against a whole lexicon would find
look-alikes everywhere). But a transcript that names an entity right is about it, and mishears it
elsewhere too: against the few entities it names, a run of words can be weighed. It is that
entity heard in pieces when it sounds all but the same (``ECHO_MIN_SOUND``) and is not language
of the transcript: one of its words is rare or foreign there ("pity", "eye" in French). Runs of
the transcript's own words ("il y a", "open the eye" in English) stay as they are.

Only the named entities are compared, so a lexicon of 100,000 names adds no chance look-alikes.
Measured 2026-12-05 against every entity of the shipped lexicon as if all were named (the worst
case), on the ordinary speech corpora: 0 runs in 9,042 + 4,313 French words, 1 in 8,584 + 4,415
English ones ("three tiers" ~ Reuters).
"""

from __future__ import annotations

import numpy
from rapidfuzz.distance import Indel

from .. import phonetics
from ..analysis import MAX_SPAN_TOKENS, AnalyzedText, Span
from ..given_names import is_given_name
from ..index import Entry, Surface
from ..text import fold
from ..wordfreqs import COMMON_ZIPF, is_function_word, zipf
from .base import Job

# How alike a run of words must sound to a named entity's whole name ("Mid journée" / Midjourney
# 0.93, "Sonder pitch eye" / Sundar Pichai 0.91). On the asr-loop sets made to name each entity
# right one time in three, no span at 0.85 or above was another entity or no entity at all.
ECHO_MIN_SOUND = 0.85
# An ordinary word of the transcript's language at a run's end must sound like that end of the
# name (its reading against as many sounds of the name's): it is there for its sound ("journée" /
# Midjourney's "Sorne" 1.0, "manual" / Emmanuelle Charpentier's "emanelS" 0.71), not just beside
# it ("veut" in "minjune veut" 0.50). A word of one sound matches any name ending in a vowel, so
# it is never taken for part of one.
ECHO_EDGE_MIN_SOUND = 0.6


def foreign_here(text: AnalyzedText, position: int) -> bool:
    """Whether the word is not an ordinary word of the transcript's language ("pity" in French)."""
    return zipf(text.tokens[position].text.lower(), text.lang) < COMMON_ZIPF


def named_entries(job: Job) -> dict[str, tuple[Entry, Span]]:
    """The entries the transcript names right, distinctively (see ``Job.distinctive_mentions``), by
    term, each with where it is first named."""
    named: dict[str, tuple[Entry, Span]] = {}
    for span, surface in job.distinctive_mentions:
        named.setdefault(surface.entry.term, (surface.entry, span))
    return named


def whole_forms(job: Job, entry: Entry) -> list[Surface]:
    """The entry's spellings of its whole name (not a first name or surname alone)."""
    forms = {}
    for written in (entry.term, *entry.aliases, *entry.sounds_like):
        for surface in job.index.exact.get(fold(written), ()):
            if surface.entry.term == entry.term and surface.role != "part":
                forms[surface.id] = surface
    return list(forms.values())


def _runs(job: Job) -> tuple[list[Span], list[str]]:
    """Runs of one to four words with a word foreign to the transcript's language, no digits, not
    starting or ending with an elided word, and not over a name already right but a first name or
    surname alone ("Satya and Adela" for Satya Nadella: the first name heard right, the surname in
    pieces); and, by token, the entry whose name part is written there ("" elsewhere)."""
    text, runs = job.text, []
    whole = [False] * len(text.tokens)
    part_of = [""] * len(text.tokens)
    for span, surface in job.mentions:
        if surface.role == "part":
            part_of[span.first : span.last] = [surface.entry.term] * span.size
        else:
            whole[span.first : span.last] = [True] * span.size
    foreign = [foreign_here(text, position) for position in range(len(text.tokens))]
    for first, last, key in text.span_ranges(MAX_SPAN_TOKENS):
        if text.elided[first] or text.elided[last - 1] or not any(foreign[first:last]) or any(whole[first:last]):
            continue
        if not any(token.text.isdigit() for token in text.tokens[first:last]):
            runs.append(text.span(first, last, key))
    return runs, part_of


def echoes(job: Job) -> list[tuple[Span, Surface, float, Span]]:
    """Runs of words that sound like a whole name the transcript says elsewhere, with the form they
    sound like, how much, and where the transcript first names it. The closest-sounding run over
    some words wins them, so a run that reaches past the name, or falls short of it, loses to the
    one that does not."""
    entries = named_entries(job)
    if not entries:
        return []
    forms = [surface for entry, _ in entries.values() for surface in whole_forms(job, entry)]
    runs, part_of = _runs(job)
    if not runs or not forms:
        return []
    similarity = phonetics.similarity_matrix([" ".join(span.text.split()) for span in runs],
                                             [surface.text for surface in forms])
    columns = similarity.argmax(axis=1)
    row_of = {(span.first, span.last): row for row, span in enumerate(runs)}

    def sounds(first: int, last: int, column: int) -> float:
        row = row_of.get((first, last))
        return 0.0 if row is None else float(similarity[row, column])

    found: list[tuple[Span, Surface, float, Span]] = []
    won: list[Span] = []
    # the closest runs first, the shorter on a tie
    for row in sorted(range(len(runs)), key=lambda row: (-similarity[row, columns[row]], runs[row].size)):
        column = int(columns[row])
        score, span = float(similarity[row, column]), runs[row]
        if score < ECHO_MIN_SOUND:
            break
        if any(span.first < other.last and other.first < span.last for other in won):
            continue
        won.append(span)
        surface = forms[column]
        # a single word is the approximate passes' to weigh; it still wins its word from longer runs
        if span.size < 2 or not _bounded(job.text, span, surface, lambda first, last: sounds(first, last, column)):
            continue
        if any(term and term != surface.entry.term for term in part_of[span.first : span.last]):
            continue  # a name part written right is kept for its own entity: "Satya" is no one else's
        if not part_of[span.first] and _someones_name(job.text, span):
            continue  # "Jim Kenney" is written as someone's name: not Gemini in pieces
        found.append((span, surface, score, entries[surface.entry.term][1]))
    return found


def _someones_name(text: AnalyzedText, span: Span) -> bool:
    """Whether the run is written as a person's name: a given name, then words capitalised (in a
    transcript with casing) or rare (without it: "jim kenney")."""
    if not is_given_name(text.tokens[span.first].text):
        return False
    if text.cased:
        return text.name_like(span)
    return not any(text.common[position] for position in range(span.first + 1, span.last))


def _bounded(text: AnalyzedText, span: Span, form: Surface, sounds) -> bool:
    """Whether the run's ends are the name's: never a function word of either language, which the
    recogniser wrote because it heard one (though its sound may fit the name's: "and tropic",
    "dimoté chalame et"); an ordinary word of the transcript must sound like that end of the name
    (see ``ECHO_EDGE_MIN_SOUND``); and a function word beside the run must not sound as right ("a
    ren messenger": is "a" part of the name?). ``sounds(first, last)`` is another run's similarity
    to the same form."""
    for position, left in ((span.first, True), (span.last - 1, False)):
        if is_function_word(text.keys[position]):
            return False  # "PPT for", "chalame et", "Malka RAM has": the sound may fit, the word was heard
        if not foreign_here(text, position) and not _sounds_like_end(text.tokens[position].text, form.text, left):
            return False
    score = sounds(span.first, span.last)
    return all(sounds(*longer) < score for longer in ((span.first - 1, span.last), (span.first, span.last + 1)))


def _sounds_like_end(word: str, name: str, left: bool) -> bool:
    """Whether ``word`` sounds like the start (``left``) or the end of ``name``, in any reading."""
    keys = phonetics.readings([word, name])
    for heard in keys[word].values():
        if len(heard) < 2:
            continue
        for said in keys[name].values():
            end = said[: len(heard)] if left else said[-len(heard) :]
            if Indel.normalized_similarity(heard, end) >= ECHO_EDGE_MIN_SOUND:
                return True
    return False
