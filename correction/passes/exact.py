"""``exact``: a term, alias or sound-alike spelled with the same letters, whatever the case,
accents, spaces or hyphens: "Open AI" / "open-ai" -> "OpenAI", "Miramurati" -> "Mira Murati"; and
an acronym's letters said by their names: "elle-elle-aime" -> "LLM"."""

from __future__ import annotations

from ..candidates import Candidate
from .base import Job, make_candidate

ROLE_SCORES = {"term": 1.0, "alias": 1.0, "sounds_like": 0.98, "part": 0.97}
# The forms that are the name's own letters; an alias or a sounds-like is what the lexicon's author
# wrote for the entity, so it is proposed even where it is a grammar word.
OWN_LETTERS = ("term", "part")


class ExactPass:
    name = "exact"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        proposed = []
        for span, surfaces in job.exact_hits:
            # one word of the transcript's own grammar is that word, whatever name has its letters
            # ("ces" is not CES, "ai" not AI); grammar words whose letters join into a name ("il y a"
            # for Ilya) may be the name heard in pieces, which the decision weighs
            grammar = span.size == 1 and job.only_grammar(span)
            # one candidate per replacement: "petit" is the surname of many people in a big lexicon
            for surface in {surface.replacement: surface for surface in reversed(surfaces)}.values():
                if grammar and surface.role in OWN_LETTERS:
                    continue
                reason = f"same letters as {surface.describe()}"
                candidate = make_candidate(job, span, surface, ROLE_SCORES[surface.role], self.name, reason,
                                           approximate=False)
                if candidate is not None:
                    proposed.append(candidate)
        for span, surfaces in job.spelled_hits:
            for surface in surfaces:
                reason = f"letters said one by one: {span.text!r} spells {surface.describe()}"
                candidate = make_candidate(job, span, surface, ROLE_SCORES["sounds_like"], self.name, reason,
                                           approximate=False)
                if candidate is not None:
                    proposed.append(candidate)
        return candidates + proposed
