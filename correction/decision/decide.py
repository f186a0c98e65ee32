"""Deciding the candidates: each gets a probability of being a right fix, and the same raw form
with the same entity gets one verdict across the transcript.

What is decided: every candidate but the sure ones (the name's own letters, written as a name:
"Open AI" -> "OpenAI"). The invariants that are not judgement calls stay in the passes (a name
spelled right is never rewritten, an edit never crosses a line break or deletes a word, elisions
and possessives stay outside).

One decision per form: the occurrences of one raw form with one candidate entity pool their
evidence (their log-odds are averaged, so each verdict rests on all of them), unless an
occurrence is clearly ordinary language on its own: its own probability is under
:data:`ORDINARY_FLOOR` ("il y a" followed by its complement stays "il y a" though "ILIA" two
lines up is Ilya). An occurrence that its own place marks wrong is never lifted by the others:
its grammar makes it a common noun (a cased transcript writing it in lower case after a
determiner), or the name's missing word is heard beside it (the span is too short there). It gets
the lower of its own probability and its form's ("tu veux une orange" stays the fruit though
"Oranges" is a company heard as "orange" elsewhere; a name that would only give the word a
capital is not even proposed there: ``passes.guards.common_noun_here``), and it still counts in
its form's evidence, so the others' verdict is the same with or without this exception.
"""

from __future__ import annotations

from dataclasses import replace

from ..candidates import Candidate
from ..passes.base import Job
from .features import FeatureTable, phrase
from .model import DecisionModel, logit, sigmoid

# An occurrence this unlikely on its own evidence is decided alone, whatever its form's others say.
ORDINARY_FLOOR = 0.05
# Features that say an occurrence is wrong in its place, whatever its form is elsewhere: its own
# grammar makes it a common noun ("une orange"), or the name's missing word is heard right beside
# it ("an L.U.E.L.E": the span is too short there). Pooling speaks for the form, not for a place:
# such an occurrence gets the lower of its own probability and its form's.
OWN_PLACE = ("common_noun_phrase", "missing_word_beside")
EXPLAINED = 3  # contributions named in each explanation


def needs_decision(candidate: Candidate) -> bool:
    """Every candidate but an exact spelling that is not ambiguous (the name's letters, as a name)."""
    return candidate.pass_name != "exact" or candidate.ambiguous


def explain(model: DecisionModel, table: FeatureTable, candidate: Candidate, values: list[float]) -> str:
    """The largest contributions, for or against, in words: "sounds like 'OpenAI' (0.97) +2.1; ..."."""
    contributions = model.contributions(values)
    order = sorted(range(len(values)), key=lambda i: -abs(contributions[i]))[:EXPLAINED]
    return "; ".join(f"{phrase(model.features[i], values[i], candidate, table)} ({contributions[i]:+.1f})"
                     for i in order)


def decide(job: Job, candidates: list[Candidate], model: DecisionModel, min_confidence: float,
           table: FeatureTable | None = None, vectors: list[list[float]] | None = None) -> list[Candidate]:
    """The candidates, each one needing a decision marked kept or dropped with its probability.

    ``table`` and ``vectors`` (the features, in the model's order, of the candidates needing a
    decision, in order) may come from the caller when it has them already: fitting does.
    """
    table = table or FeatureTable(job, candidates)
    to_decide = [position for position, candidate in enumerate(candidates) if needs_decision(candidate)]
    if vectors is None:
        vectors = [table.vector(candidates[position], model.features) for position in to_decide]
    values = dict(zip(to_decide, vectors))
    own = dict(zip(to_decide, model.probabilities(vectors)))
    groups: dict[tuple[str, str], list[int]] = {}
    for position in to_decide:
        # the raw form as its folded letters: "OpenEye" and "Open Eye" are one form
        groups.setdefault((candidates[position].span.key, candidates[position].entity), []).append(position)
    decided = list(candidates)
    for members in groups.values():
        # an occurrence is a place in the text; two passes proposing the same span are one occurrence
        places: dict[tuple[int, int], float] = {}
        for position in members:
            place = (candidates[position].span.first, candidates[position].span.last)
            places[place] = max(places.get(place, 0.0), own[position])
        pooled = {place for place, probability in places.items() if probability >= ORDINARY_FLOOR}
        shared = sigmoid(sum(logit(places[place]) for place in pooled) / len(pooled)) if pooled else 0.0
        for position in members:
            candidate = candidates[position]
            # what speaks of this place alone is never outweighed by the others (see OWN_PLACE)
            together = ((candidate.span.first, candidate.span.last) in pooled and len(pooled) > 1
                        and not (own[position] < shared and any(table.value(candidate, name) for name in OWN_PLACE)))
            probability = shared if together else own[position]
            verdict = "kept" if probability >= min_confidence else "dropped"
            why = explain(model, table, candidate, values[position])
            note = f", decided with {len(pooled) - 1} other occurrence(s)" if together else ""
            decision = f"{verdict} (p={probability:.2f}{note}): {why}"
            decided[position] = replace(candidate, ambiguous=True, decision=decision, probability=round(probability, 4),
                                        reason=f"{candidate.reason}; {decision}")
    return decided
