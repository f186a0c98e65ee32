"""``exact``: a term, alias or sound-alike spelled with the same letters, whatever the case,
accents, spaces or hyphens: "Open AI" / "open-ai" -> "OpenAI", "Miramurati" -> "Mira Murati"; and
an acronym's letters said by their names: "elle-elle-aime" -> "LLM"."""

from __future__ import annotations

from ..candidates import Candidate
from .base import Job, make_candidate

ROLE_SCORES = {"term": 1.0, "alias": 1.0, "sounds_like": 0.98, "part": 0.97}


class ExactPass:
    name = "exact"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        proposed = []
        for span, surfaces in job.exact_hits:
            # one candidate per replacement: "petit" is the surname of many people in a big lexicon
            for surface in {surface.replacement: surface for surface in reversed(surfaces)}.values():
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
