"""``fuzzy``: spelling similarity (rapidfuzz Indel ratio on folded spellings) over spans of 1 to 4
words, so merges and splits are found too: "Brokman" -> "Brockman", "samalpan" -> "Sam Altman"."""

from __future__ import annotations

from ..candidates import Candidate
from ..index import Surface
from .base import MAX_MATCHES_PER_SPAN, Job, make_candidate

# Short spellings have many near neighbours: "Marc"/"Mark" is one letter, so is "mean"/"Sean".
SHORT_KEY = 6
SHORT_KEY_MIN_SCORE = 0.9


class FuzzyPass:
    name = "fuzzy"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        matches_by_key: dict[str, list[tuple[Surface, float, str]]] = {}
        proposed = []
        for span in job.approximate_spans:
            if span.key not in matches_by_key:
                matches_by_key[span.key] = self._matches(span.key, job)
            for surface, similarity, reason in matches_by_key[span.key]:
                candidate = make_candidate(job, span, surface, similarity, self.name, reason)
                if candidate is not None:
                    proposed.append(candidate)
        return candidates + proposed

    @staticmethod
    def _matches(key: str, job: Job) -> list[tuple[Surface, float, str]]:
        """The best few surfaces spelled like ``key`` (a large lexicon has many near neighbours)."""
        matches = []
        for key_id, similarity in job.index.spelling.search(key, cutoff=job.settings.min_spelling):
            if similarity >= 1.0:
                continue  # same letters: the exact pass's job
            if len(key) < SHORT_KEY and similarity < SHORT_KEY_MIN_SCORE and not job.settings.generous:
                continue
            surface = job.index.spelling_owner(key_id)
            matches.append((surface, similarity, f"spelled like {surface.describe()} ({similarity:.2f})"))
        return matches[:MAX_MATCHES_PER_SPAN]
