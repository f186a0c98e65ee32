"""The resolver: choose non-overlapping candidates. A pure function, swappable in ``Corrector``.

Higher score first; on a tie the longer span (it explains more of the text), then the earlier
pass (``exact`` before ``fuzzy`` before ``phonetic``). But an entity the transcript names right
goes before one it never names that is at most :data:`NAMED_MARGIN` closer: a recogniser mishears
the names of what the talk is about, and a broad lexicon has a slightly closer look-alike for many
mishearings ("OpaneAie" sounds a little more like Oppenheimer, 0.83, than like OpenAI, 0.80, in a
transcript that says "OpenAI" forty times: one sense per discourse). A perfect match (text spelled
or sounding exactly as a form) is never outranked. Candidates the decision model decided go
by its probability before their score: it weighed the score with everything else (a sure exact
spelling, not decided, counts as certain), and among those it kept, an entity the transcript
names goes before one it never names, whatever their probabilities: both cleared the bound, and
the talk is about the named one ("OpaneAie" is OpenAI in that transcript, though the model may
give Oppenheimer 0.86 and OpenAI 0.81). A first name or surname matched alone
yields to the whole name matched around it: "Marc Zuckerbergue" is "Mark Zuckerberg", though
"Zuckerbergue" alone sounds a little more like "Zuckerberg" than the pair like the pair.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Collection, Sequence

from .candidates import Candidate

# How much closer a look-alike the transcript never names must be to win over an entity it names:
# one sound in ten (a coarse key of ten sounds with one changed is 0.9 alike).
NAMED_MARGIN = 0.1


def resolve(candidates: Sequence[Candidate], pass_order: Sequence[str] = (),
            named: Collection[str] = ()) -> list[Candidate]:
    """The winners among ``candidates``; ``named`` holds the entities (terms) the transcript names:
    spelled right, or fixed from the name's own letters ("Open AI")."""
    rank = {name: position for position, name in enumerate(pass_order)}
    wholes: dict[str, list[tuple[int, int]]] = {}
    for candidate in candidates:
        if candidate.surface.role != "part":
            wholes.setdefault(candidate.entity, []).append((candidate.span.first, candidate.span.last))
    candidates = [c for c in candidates if not (c.surface.role == "part" and _inside_whole(c, wholes))]
    ordered = sorted(
        candidates,
        key=lambda c: (c.probability is not None, c.probability is not None and c.entity not in named,
                       -(1.0 if c.probability is None else c.probability), -_weight(c, named), -c.span.size,
                       rank.get(c.pass_name, len(rank)), c.span.first),
    )
    # where each candidate for an entity the transcript never names lies, to tell a winner what it beat
    unnamed_at: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.entity not in named:
            for position in range(candidate.span.first, candidate.span.last):
                unnamed_at.setdefault(position, []).append(candidate)
    taken: set[int] = set()
    chosen = []
    for candidate in ordered:
        positions = range(candidate.span.first, candidate.span.last)
        if taken.isdisjoint(positions):
            taken.update(positions)
            chosen.append(_noting_closer_rivals(candidate, unnamed_at, named))
    return sorted(chosen, key=lambda c: c.span.first)


def _weight(candidate: Candidate, named: Collection[str]) -> float:
    """The score, raised by :data:`NAMED_MARGIN` for an entity the transcript names, short of a perfect match."""
    if candidate.entity in named and candidate.score < 1.0:
        return min(candidate.score + NAMED_MARGIN, 0.999)
    return candidate.score


def _noting_closer_rivals(winner: Candidate, unnamed_at: dict[int, list[Candidate]], named: Collection[str]) -> Candidate:
    """The winner, its reason saying which closer (or, decided by the model, likelier) candidates it
    beat for being named in the transcript."""
    if winner.entity not in named:
        return winner
    positions = range(winner.span.first, winner.span.last)
    others = {other for position in positions for other in unnamed_at.get(position, ())}
    if winner.probability is None:
        # the closer ones it beat by being named, not those that lost to something else
        rivals = sorted({other.entity for other in others
                         if other.probability is None and winner.score < other.score <= _weight(winner, named)})
        why = "closer"
    else:
        rivals = sorted({other.entity for other in others
                         if other.probability is not None and other.probability > winner.probability})
        why = "likelier"
    if not rivals:
        return winner
    note = f"; chosen over {', '.join(map(repr, rivals))}, {why} but never named in the transcript"
    return replace(winner, reason=winner.reason + note)


def _inside_whole(part: Candidate, wholes: dict[str, list[tuple[int, int]]]) -> bool:
    span = part.span
    return any(first <= span.first and span.last <= last and last - first > span.size
               for first, last in wholes.get(part.entity, ()))
