"""``fuzzy``: spelling similarity (rapidfuzz Indel ratio on folded spellings) over spans of 1 to 4
words, so merges and splits are found too: "Brokman" -> "Brockman", "samalpan" -> "Sam Altman"."""

from __future__ import annotations

from ..candidates import Candidate
from .base import Job, make_candidate

# Short spellings have many near neighbours: "Marc"/"Mark" is one letter, so is "mean"/"Sean".
SHORT_KEY = 6
SHORT_KEY_MIN_SCORE = 0.9


class FuzzyPass:
    name = "fuzzy"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        text, index, settings = job.text, job.index, job.settings
        hits_by_key: dict[str, list[tuple[int, float]]] = {}
        proposed = []
        for span in job.approximate_spans:
            if span.key not in hits_by_key:
                hits_by_key[span.key] = index.spelling.search(span.key, cutoff=settings.min_score)
            for surface_id, similarity in hits_by_key[span.key]:
                if similarity >= 1.0:
                    continue  # same letters: the exact pass's job
                if len(span.key) < SHORT_KEY and similarity < SHORT_KEY_MIN_SCORE:
                    continue
                surface = index.spelling_owner(surface_id)
                reason = f"spelled like {surface.describe()} ({similarity:.2f})"
                candidate = make_candidate(job, span, surface, similarity, self.name, reason)
                if candidate is not None:
                    proposed.append(candidate)
        return candidates + proposed
