"""Names heard in pieces: runs of words that sound like a whole name of the lexicon.

A recogniser that does not know a name writes it as words it knows: "Mid journée" for
Midjourney, "Sonder pitch eye" for Sundar Pichai, "chat jay pity" for ChatGPT. Such spans are
made of real words, so the approximate look-up passes them by (it looks at spans written like a
name or holding a non-word). A run of two to four words is that name heard in pieces when it
sounds all but the same (``ECHO_MIN_SOUND``) and is not language of the transcript: one of its
words is rare or foreign there ("pity", "eye" in French); runs of the transcript's own words
("il y a", "open the eye" in English) stay as they are.

How sure such a run is depends on the transcript. One that names the entity right elsewhere is
about it: the run is that entity. Otherwise the run stands alone only when the words at both its
ends are foreign and, in a transcript with casing, one is written like a name ("Maillain chun"
for Mélenchon); else the ``context`` pass weighs it ("early heartland" for Erling Haaland, kept
beside other footballers; "chez minjune" beside AI names is not Gemini). Entities not named are
found through the sound index from a bound that rises with the lexicon's size, as for any sure
approximate match, so 100,000 names add few chance look-alikes.

Measured 2026-12-05 against every entity of the shipped lexicon, on the ordinary speech corpora
in every casing (a test): no edit.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from rapidfuzz.distance import Indel

from .. import phonetics
from ..analysis import MAX_SPAN_TOKENS, AnalyzedText, Span
from ..given_names import is_given_name
from ..index import Entry, Surface
from ..text import fold
from ..wordfreqs import COMMON_ZIPF, is_function_word, zipf
from .base import Job
from .guards import sure_bound

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


# Runs are scored this many at a time: their keys and similarity matrices stay small.
CHUNK_RUNS = 20_000


class Runs(NamedTuple):
    """Runs of words as token ranges ``firsts[row]:lasts[row]``, ordered by first then last token:
    a transcript has some four runs a word, and few are ever looked at closer (see
    :func:`_contested_sounds`), so they are two arrays rather than a Span each."""

    firsts: np.ndarray
    lasts: np.ndarray

    def __contains__(self, ends: object) -> bool:
        first, last = ends  # type: ignore[misc]
        at = int(np.searchsorted(self.firsts, first))
        while at < len(self.firsts) and self.firsts[at] == first:
            if self.lasts[at] == last:
                return True
            at += 1
        return False


def _runs(job: Job) -> tuple[Runs, list[str]]:
    """Runs of one to four words with a word foreign to the transcript's language, no digits, not
    starting or ending with an elided word, and not over a whole form of the lexicon spelled out
    (right, or as one of its sounds-like forms), though over a first name or surname alone
    ("Satya and Adela" for Satya Nadella: the first name heard right, the surname in pieces); and,
    by token, the entry whose name part is written there ("" elsewhere)."""
    text, count = job.text, len(job.text.tokens)
    whole = [False] * count
    part_of = [""] * count
    for span, surface in job.mentions:
        if surface.role == "part":
            part_of[span.first : span.last] = [surface.entry.term] * span.size
    # a whole form spelled out is the exact pass's, written right or heard as its sounds-like form
    for span, surfaces in job.exact_hits:
        if any(surface.role != "part" for surface in surfaces):
            whole[span.first : span.last] = [True] * span.size
    # by token: how many foreign words, and words no run may hold (a whole form, digits), come
    # before it, and how many breaks (anything but spaces before a word); runs found all at once,
    # in the order of text.span_ranges (a transcript has some four a word)
    foreign = np.cumsum([0] + [foreign_here(text, position) for position in range(count)])
    barred = np.cumsum([0] + [whole[position] or token.text.isdigit() for position, token in enumerate(text.tokens)])
    breaks = np.cumsum([0] + [not joined for joined in text.joins])
    elided = np.array(text.elided + (False,), dtype=bool)
    firsts = np.arange(count)
    found = []
    for size in range(1, min(MAX_SPAN_TOKENS, count) + 1):
        first, last = firsts[: count - size + 1], firsts[: count - size + 1] + size
        keep = ((foreign[last] > foreign[first]) & (barred[last] == barred[first]) & ~elided[first] & ~elided[last - 1]
                & (breaks[last] == breaks[first + 1]))
        found.append(np.stack([first[keep], last[keep]], axis=1))
    ranges = np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)
    ranges = ranges[np.lexsort((ranges[:, 1], ranges[:, 0]))]
    return Runs(ranges[:, 0].copy(), ranges[:, 1].copy()), part_of


Echo = tuple[Span, Surface, float, "Span | None", bool]


def echoes(job: Job) -> list[Echo]:
    """Runs of words that sound like a whole name of the lexicon, with the form they sound like,
    how much, where the transcript first names it right (``None``: nowhere) and whether the run is
    sure (see :func:`_sure_unnamed`). Against a named entity a run needs ``ECHO_MIN_SOUND``,
    against any other ``unnamed_bound``. The closest-sounding run over some words wins them, so a
    run that reaches past the name, or falls short of it, loses to the one that does not."""
    runs, part_of = _runs(job)
    if not len(runs.firsts):
        return []
    entries = named_entries(job)
    best = _contested_sounds(job, runs, entries)
    found: list[Echo] = []
    won: list[Span] = []
    # the closest runs first, the shorter on a tie
    for row in sorted(sorted(best), key=lambda row: (-best[row][1], best[row][0].size)):
        span, score, surface = best[row]
        if any(span.first < other.last and other.first < span.last for other in won):
            continue
        won.append(span)
        # a single word is the approximate passes' to weigh; it still wins its word from longer runs
        if span.size < 2 or not _bounded(job.text, span, surface, score, runs):
            continue
        if any(term and term != surface.entry.term for term in part_of[span.first : span.last]):
            continue  # a name part written right is kept for its own entity: "Satya" is no one else's
        if not part_of[span.first] and _someones_name(job.text, span):
            continue  # "Jim Kenney" is written as someone's name: not Gemini in pieces
        named = entries.get(surface.entry.term)
        found.append((span, surface, score, named[1] if named else None, bool(named) or _sure_unnamed(job.text, span)))
    return found


def _contested_sounds(job: Job, runs: Runs, entries: dict[str, tuple[Entry, Span]]
                      ) -> dict[int, tuple[Span, float, Surface]]:
    """By run (its row in ``runs``), its span, the whole form it sounds most like and how much,
    for the runs that reach their bound and bear on a run that may be found.

    Why not every run: a run competes only with the runs over its words that reach their bound, so
    which runs win is settled within each group of such overlapping runs, and a group without a run
    that may be found (two words or more, no function word at an edge: see :func:`_bounded`) finds
    nothing. Those runs are scored first; then, group by group, the runs over the words of the ones
    that reached their bound. Looking up every run's sound took three quarters of the engine's time
    (48,659 look-ups on 30,000 words of distinct text, 2026-12-06); the same echoes are found."""
    bound = unnamed_bound(job)
    text, firsts, lasts = job.text, runs.firsts, runs.lasts
    scored = np.zeros(len(firsts), dtype=bool)
    passing: dict[int, tuple[Span, float, Surface]] = {}
    # what a run needs before its sound is known to become an echo: two words or more, and no
    # function word at an edge (see _bounded)
    function = np.array([is_function_word(key) for key in text.keys] + [False], dtype=bool)
    rows = np.flatnonzero((lasts - firsts >= 2) & ~function[firsts] & ~function[lasts - 1]).tolist()
    words = [token.text for token in text.tokens]
    while rows:
        scored[rows] = True
        for start in range(0, len(rows), CHUNK_RUNS):
            chunk = rows[start : start + CHUNK_RUNS]
            ranges = list(zip(firsts[chunk].tolist(), lasts[chunk].tolist()))
            for at, (score, surface) in _best_sounds(job, words, ranges, entries, bound).items():
                if score >= (ECHO_MIN_SOUND if surface.entry.term in entries else bound) - 1e-9:
                    passing[chunk[at]] = (_span(text, *ranges[at]), score, surface)
        # the runs over the words of those that passed, not scored yet
        overlapping = set()
        for row in rows:
            if row in passing:
                first, last = int(firsts[row]), int(lasts[row])
                low, high = np.searchsorted(firsts, [first - MAX_SPAN_TOKENS + 1, last]).tolist()
                overlapping.update(other for other in range(low, high) if not scored[other] and lasts[other] > first)
        rows = sorted(overlapping)
    return passing


def _span(text: AnalyzedText, first: int, last: int) -> Span:
    return text.span(first, last, "".join(text.keys[first:last]))


def _best_sounds(job: Job, words: list[str], runs: list[tuple[int, int]], entries: dict[str, tuple[Entry, Span]],
                 bound: float) -> dict[int, tuple[float, Surface]]:
    """By run (its row in ``runs``, ranges of ``words``), the whole form it sounds most like and
    how much, where that may reach a bound: a named entity's from ``ECHO_MIN_SOUND``, any other
    entity's from ``bound``."""
    keys = phonetics.run_readings(words, runs)
    best = _named_sounds(job, keys, entries) if entries else {}
    unnamed = _unnamed_sounds(job, {key for lang_keys in keys.values() for key in lang_keys}, set(entries), bound)
    if unnamed:
        for lang_keys in keys.values():
            for row, key in enumerate(lang_keys):
                if key in unnamed and unnamed[key][0] > best.get(row, (0.0,))[0]:
                    best[row] = unnamed[key]
    return best


def unnamed_bound(job: Job) -> float:
    """How alike a run must sound to an entity the transcript does not name: ``ECHO_MIN_SOUND``
    raised with the lexicon's size as a sure approximate match is (see
    :func:`~correction.passes.guards.sure_bound`), for every form is a chance to find a look-alike."""
    return sure_bound(ECHO_MIN_SOUND, job.index.approximate_forms)


def _named_sounds(job: Job, keys: dict[str, list[str]], entries: dict[str, tuple[Entry, Span]]
                  ) -> dict[int, tuple[float, Surface]]:
    """By run (its row in the runs' ``keys`` by language) that sounds like a named entity's whole
    form from ``ECHO_MIN_SOUND``, that form and how much (all pairs at once: a transcript names a
    few entities)."""
    forms = [surface for entry, _ in entries.values() for surface in whole_forms(job, entry)]
    if not forms:
        return {}
    readings = phonetics.readings(surface.text for surface in forms)
    similarity = phonetics.key_similarity_matrix(
        keys, {lang: [readings[surface.text][lang] for surface in forms] for lang in keys}, ECHO_MIN_SOUND - 1e-6)
    columns = similarity.argmax(axis=1)
    scores = similarity[np.arange(len(columns)), columns]
    close = np.flatnonzero(scores >= ECHO_MIN_SOUND - 1e-9).tolist()
    return {row: (float(scores[row]), forms[columns[row]]) for row in close}


def _unnamed_sounds(job: Job, keys: set[str], named: set[str], bound: float) -> dict[str, tuple[float, Surface]]:
    """By sound key (of those that have one), the whole form of an entity the transcript does not
    name that it sounds most like from ``bound`` up, through the sound index (a lexicon may hold
    100,000 names), all keys in one batch."""
    from .phonetic import MIN_SOUND_LENGTH  # the phonetic pass imports this module

    found: dict[str, tuple[float, Surface]] = {}
    searched = job.index.sound.search_many((key for key in keys if len(key) >= MIN_SOUND_LENGTH), bound)
    for key, hits in searched.items():
        for key_id, similarity in hits:
            for surface, _ in job.index.sound_owners(key_id):
                whole_unnamed = surface.role != "part" and surface.entry.term not in named
                if whole_unnamed and similarity > found.get(key, (0.0,))[0]:
                    found[key] = (similarity, surface)
    return found


def _said(span: Span) -> str:
    return " ".join(span.text.split())


def _sure_unnamed(text: AnalyzedText, span: Span) -> bool:
    """Whether a run that sounds like an entity the transcript does not name is that entity on its
    own: the words at both its ends are foreign to the transcript's language, and, where the
    transcript has casing, one is written like a name (recognisers capitalise the names they hear:
    "Maillain chun"; "brett tailor" may be a tailor). Otherwise the ``context`` pass decides."""
    if not _foreign_ends(text, span):
        return False
    return not text.cased or not text.written_lower(span)


def _foreign_ends(text: AnalyzedText, span: Span) -> bool:
    """Whether the words at both ends of the run are foreign to the transcript's language: without
    the transcript naming the entity, an ordinary word at an edge was as likely heard right ("chez
    minjune" is not Gemini, "three tiers" not Reuters)."""
    return foreign_here(text, span.first) and foreign_here(text, span.last - 1)


def _someones_name(text: AnalyzedText, span: Span) -> bool:
    """Whether the run is written as a person's name: a given name, then words capitalised (in a
    transcript with casing) or rare (without it: "jim kenney")."""
    if not is_given_name(text.tokens[span.first].text):
        return False
    if text.cased:
        return text.name_like(span)
    return not any(text.common[position] for position in range(span.first + 1, span.last))


def _bounded(text: AnalyzedText, span: Span, form: Surface, score: float,
             runs: Runs) -> bool:
    """Whether the run's ends are the name's: never a function word of either language, which the
    recogniser wrote because it heard one (though its sound may fit the name's: "and tropic",
    "dimoté chalame et"); an ordinary word of the transcript must sound like that end of the name
    (see ``ECHO_EDGE_MIN_SOUND``); and a word beside the run must not sound as right ("a ren
    messenger": is "a" part of the name?). ``score`` is the run's own similarity to the form,
    ``runs`` all the runs."""
    for position, left in ((span.first, True), (span.last - 1, False)):
        if is_function_word(text.keys[position]):
            return False  # "PPT for", "chalame et", "Malka RAM has": the sound may fit, the word was heard
        if not foreign_here(text, position) and not _sounds_like_end(text.tokens[position].text, form.text, left):
            return False
    longer = [_span(text, *ends) for ends in ((span.first - 1, span.last), (span.first, span.last + 1)) if ends in runs]
    return all(phonetics.sound_similarity(_said(other), form.text) < score for other in longer)


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
