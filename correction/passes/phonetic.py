"""``phonetic``: sound-alike matching on coarse phoneme keys from espeak-ng, each side read in
French and in English: "OpenEye" ~ "OpenAI", "ImageShare" ~ "Emmett Shear", "Korah" ~ "Quora".

A French recogniser often spells an English name the French way, so every pairing of readings is
tried and the best one counts. Guards keep the bold matches to names: the first sound must agree
(vowel with vowel, or the same consonant), and short spans must also look alike on paper.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Indel

from .. import phonetics
from ..candidates import Candidate
from ..index import LexiconIndex, Surface
from .base import MAX_MATCHES_PER_SPAN, Job, Settings, make_candidate
from .echoes import echoes

VOWELS = set("aeiouy")
# Below this many coarse phonemes a sound match is a coin toss ("me" ~ "Meet").
MIN_SOUND_LENGTH = 4
# A span not written like a name (lower case: "satia", "dégociation"), or a match on a first name
# or surname alone, must also be close on paper: recognisers capitalise the names they hear, and a
# lower-case non-word is more often a garbled ordinary word than a name.
PLAIN_MIN_SPELLING = 0.75
# Even a name-shaped span must share half its letters with the term: "Tuaiva" is not "Twitter".
MIN_SPELLING = 0.5
# ...and be about as long on paper: "Suguenot" (8 letters) is not "Suno" (4).
MIN_LENGTH_RATIO = 0.6


def same_onset(first: str, second: str) -> bool:
    a, b = first[:1], second[:1]
    return a == b or (a in VOWELS and b in VOWELS)


class PhoneticPass:
    name = "phonetic"

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]:
        text = job.text
        spans = job.approximate_spans
        spoken = {span.text: " ".join(span.text.split()) for span in spans}
        hits_by_text = self._search(phonetics.readings(set(spoken.values())), job.index, job.settings)
        matches_by_span: dict[tuple[str, bool, bool], list[tuple[Surface, float, str]]] = {}
        proposed = []
        for span in spans:
            said = spoken[span.text]
            shape = (span.text, text.name_like(span), text.has_non_word(span))
            if shape not in matches_by_span:
                matches_by_span[shape] = (self._generous_matches(hits_by_text[said], job.index)
                                          if job.settings.generous else
                                          self._matches(span.key, shape[1], text.cased and not shape[2], hits_by_text[said], job.index))
            for surface, similarity, reason, unsure in matches_by_span[shape]:
                candidate = make_candidate(job, span, surface, similarity, self.name, reason)
                if candidate is not None:
                    proposed.append(replace(candidate, ambiguous=True) if unsure else candidate)
        if not job.settings.generous:  # generous proposing weighs every run of words already
            proposed += self._heard_in_pieces(job, {(c.span.first, c.span.last, c.entity): c.ambiguous
                                                    for c in proposed})
        return candidates + proposed

    def _heard_in_pieces(self, job: Job, proposed: dict[tuple[int, int, str], bool]) -> list[Candidate]:
        """Runs of words that sound like a whole name, heard as words the recogniser knew (see
        :mod:`correction.passes.echoes`): sure when the transcript names the entity right elsewhere
        or the run is foreign and written as a name; otherwise left to the ``context`` pass."""
        found = []
        for span, surface, similarity, named, sure in echoes(job):
            unsure_there = proposed.get((span.first, span.last, surface.entry.term))  # None: nothing there
            if unsure_there is False or (unsure_there is not None and not sure):
                continue  # the look-up's own candidate there is as sure
            reason = f"sounds like {surface.describe()} ({similarity:.2f})"
            if named is not None:
                reason += f", a name the transcript says right (line {job.text.line_and_column(named.start)[0]})"
            reason += ", heard in words foreign to its language"
            candidate = make_candidate(job, span, surface, similarity, self.name, reason)
            if candidate is not None:
                found.append(replace(candidate, ambiguous=not sure, reason=reason))
        return found

    @staticmethod
    def _matches(key: str, name_like: bool, cased: bool, hits: list[tuple[int, float, str, str]],
                 index: LexiconIndex) -> list[tuple[Surface, float, str, bool]]:
        """The sound hits that also pass the spelling guards, best first, at most a few; each says
        whether it is unsure (left to the context pass).

        Without casing (a transcript all in lower case or capitals) no span can look like a name,
        so none is refused for being plain: a span far from the name on paper ("openeye" for
        OpenAI, 0.62) is unsure instead, for it may as well be a rare word ("caricaturez"). So is a
        non-word in lower case in a transcript with casing ("minjune" for Midjourney, 0.71): no word
        of either language, the recogniser wrote what it heard, a name it did not know or a
        garbled word, and only the context can tell (``cased`` is False for it)."""
        matches = []
        for surface_id, similarity, lang, term_lang in sorted(hits, key=lambda hit: -hit[1]):
            surface = index.surfaces[surface_id]
            spelling = Indel.normalized_similarity(key, surface.key)
            plain = surface.role == "part" or not name_like
            close = spelling >= (PLAIN_MIN_SPELLING if plain else MIN_SPELLING) - 1e-9
            unsure = not close and not cased and surface.role != "part" and spelling >= MIN_SPELLING - 1e-9
            if not close and not unsure:
                continue
            lengths = sorted((len(key), len(surface.key)))
            if lengths[0] < MIN_LENGTH_RATIO * lengths[1]:
                continue
            reason = (f"sounds like {surface.describe()} ({similarity:.2f}, "
                      f"{lang.upper()} reading vs {term_lang.upper()} reading)")
            matches.append((surface, similarity, reason, unsure))
        return matches[:MAX_MATCHES_PER_SPAN]

    @staticmethod
    def _generous_matches(hits: list[tuple[int, float, str, str]], index: LexiconIndex
                          ) -> list[tuple[Surface, float, str, bool]]:
        """The best few sound hits, unguarded: spelling and onset are the decision's features."""
        matches = []
        for surface_id, similarity, lang, term_lang in sorted(hits, key=lambda hit: -hit[1])[:MAX_MATCHES_PER_SPAN]:
            surface = index.surfaces[surface_id]
            reason = (f"sounds like {surface.describe()} ({similarity:.2f}, "
                      f"{lang.upper()} reading vs {term_lang.upper()} reading)")
            matches.append((surface, similarity, reason, False))
        return matches

    @staticmethod
    def _search(readings_by_text: dict[str, dict[str, str]], index: LexiconIndex, settings: Settings
                ) -> dict[str, list[tuple[int, float, str, str]]]:
        """Each text's sound hits ``(surface id, similarity, its reading's language, the term's)``,
        the best reading per surface; every reading of every span looked up in one batch."""
        found = index.sound.search_many({key for readings in readings_by_text.values() for key in readings.values()
                                         if len(key) >= MIN_SOUND_LENGTH}, cutoff=settings.min_sound)
        hits_by_text = {}
        for said, readings in readings_by_text.items():
            best: dict[int, tuple[int, float, str, str]] = {}
            for lang, key in readings.items():
                for key_id, similarity in found.get(key, ()):  # keys too short to look up have none
                    if not settings.generous and not same_onset(key, index.sound.keys[key_id]):
                        continue
                    for surface, term_lang in index.sound_owners(key_id):
                        if surface.id not in best or similarity > best[surface.id][1]:
                            best[surface.id] = (surface.id, similarity, lang, term_lang)
            hits_by_text[said] = list(best.values())
        return hits_by_text
