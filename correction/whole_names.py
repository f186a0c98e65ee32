"""A first name or surname fixed alone, beside the rest of the name misheard, becomes the whole name.

A person said whole is often misheard in both halves, one close enough to be fixed alone and one
not: "Ensen Quad" for Jensen Huang, "anton bupont" for Antoine Dupont. Fixing the close half
("Jensen Quad") leaves a name that is no name. So after the resolver, each winning name part is
weighed against the whole name over the words beside it, on the side where the rest of the name
goes; the whole replaces the part when it is close enough and each word it adds may be part of a
name: not an everyday word ("the main aspect" is no "Alain Aspect", "between DuPont" no "Antoine
Dupont"), unless it is written as a name or sounds like the part of the name it stands for ("Emmitt
share" for Emmett Shear). Whether the entity is there was decided on the part; this only decides
how much of the text its fix covers.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Indel

from .analysis import Span
from .candidates import Candidate
from .index import Surface
from .passes.base import Job, make_candidate
from .passes.echoes import whole_forms
from .passes.guards import MAX_ANCHOR_ZIPF
from .phonetics import sound_similarity
from .wordfreqs import max_zipf

# How alike the words with the part must be to the whole name, in spelling or sound: about the
# generous proposing bounds (a whole name heard in two garbled halves is far from exact).
MIN_WHOLE_SIMILARITY = 0.75
# The rest of the name may be heard as one word more than it has ("Sonder pitch eye").
EXTRA_WORDS = 1


def completed(job: Job, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` (the resolver's winners, in text order) with each name part that has the rest of
    its name misheard beside it widened to the whole name."""
    taken = {position for candidate in chosen for position in range(candidate.span.first, candidate.span.last)}
    result = []
    for candidate in chosen:
        whole = _whole_name(job, candidate, taken) if candidate.surface.role == "part" else None
        if whole is not None:
            taken.update(range(whole.span.first, whole.span.last))
        result.append(whole or candidate)
    return result


def _whole_name(job: Job, part: Candidate, taken: set[int]) -> Candidate | None:
    surface = _term_surface(job, part)
    if surface is None:
        return None
    words, own = surface.text.split(), part.surface.text.split()
    at = next((i for i in range(len(words)) if words[i : i + len(own)] == own), None)
    if at is None:
        return None
    missing_before, missing_after = words[:at], words[at + len(own):]
    best: tuple[float, Span] | None = None
    for left in _widths(len(missing_before)):
        for right in _widths(len(missing_after)):
            first, last = part.span.first - left, part.span.last + right
            if first < 0 or last > len(job.text.tokens) or not all(job.text.joins[first + 1 : last]):
                continue  # an edit never crosses a line break or punctuation
            added = [*range(first, part.span.first), *range(part.span.last, last)]
            if taken.intersection(added) or not all(
                    _may_be_heard_for(job, position, " ".join(missing_before if position < part.span.first
                                                              else missing_after)) for position in added):
                continue
            span = job.text.span(first, last, "".join(job.text.keys[first:last]))
            similarity = max(sound_similarity(span.text, surface.text), Indel.normalized_similarity(span.key, surface.key))
            if similarity >= MIN_WHOLE_SIMILARITY and (best is None or similarity > best[0]):
                best = (similarity, span)
    if best is None:
        return None
    similarity, span = best
    reason = (f"{part.reason}; the rest of the name heard beside it: {span.text!r} is like "
              f"{surface.text!r} ({similarity:.2f})")
    whole = make_candidate(job, span, surface, similarity, part.pass_name, reason)
    if whole is None:
        return None
    return replace(whole, reason=reason, ambiguous=part.ambiguous, decision=part.decision, probability=part.probability)


def _widths(missing: int) -> range:
    """How many words the missing words of the name may have been heard as: none if none is missing."""
    return range(1, missing + EXTRA_WORDS + 1) if missing else range(0, 1)


def _may_be_heard_for(job: Job, position: int, missing: str) -> bool:
    """Whether the word at ``position`` may be (a piece of) the ``missing`` words of the name as
    heard: not an elided word (it belongs to the next one), and not an everyday word unless written
    as a name (a capital that grammar does not explain: "When" only starts a sentence) or sounding
    like them as closely as an approximate match must (``min_score``)."""
    text = job.text
    if text.elided[position]:
        return False
    token = text.tokens[position]
    if (text.capitalised[position] and not token.sentence_start) or max_zipf(token.text.lower()) < MAX_ANCHOR_ZIPF:
        return True
    return sound_similarity(token.text, missing) >= job.settings.min_score


def _term_surface(job: Job, part: Candidate) -> Surface | None:
    """The surface of the part's whole name as the lexicon writes it (the canonical term)."""
    return next((surface for surface in whole_forms(job, part.surface.entry) if surface.role == "term"), None)
