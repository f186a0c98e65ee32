"""The settings that make the asr-loop data sets: domains, voices, splits, seed and sizes.

Changing anything here changes the data: the build writes these settings beside the sets
(``benchmarks/data/asr-loop/settings.json``), and the hearing cache is keyed by what was spoken,
the voice and the recogniser's settings, so a rerun hears only what is new.
"""

from __future__ import annotations

SEED = 20261203
LANGS = ("fr", "en")
DOMAINS = ("ai_tech", "politics", "sport", "culture", "business", "science")

# (fr-fr, fr-be and fr-ch speak the same audio at one speed: the variants +m3, +f2... and the
# speeds are what make French voices differ.) The split is by domain AND by voice: the measuring sets are about domains the decision was not
# fitted on, heard in voices it was not fitted on. The dev set (AI/tech) is fitted on too.
FIT_DOMAINS = ("ai_tech", "sport", "culture")
MEASURE_DOMAINS = ("politics", "business", "science")
VOICES = {
    ("fr", "fit"): ("fr-fr+m3@150", "fr-be+f2@165"),
    ("fr", "measure"): ("fr-ch+m7@155", "fr-fr+f4@170"),
    ("en", "fit"): ("en-us@160", "en-gb+m3@150"),
    ("en", "measure"): ("en-gb-scotland+m7@160", "en-us+f2@170"),
}

# Carrier phrases per voice for each name: French carriers come back intact about one time in
# eight (espeak-ng's French garbles), English ones about nine in ten.
CARRIERS_PER_VOICE = {"fr": 4, "en": 2}

# Speech names people by one part as often as by the whole name ("Macron a dit", "Satya said"):
# this share of the person mentions in spliced sets is a first name or a surname alone (either,
# at even odds), heard in carriers of its own, fewer per voice than whole names.
PART_MENTION_SHARE = 0.3
PART_CARRIERS_PER_VOICE = {"fr": 2, "en": 1}

# Spliced sets are episodes, as podcasts are: each a transcript of its own (corrected on its own)
# about a cast of a few entities, named again and again, each mostly heard the same way, with now and
# then a name outside the cast and a name-free sentence. A document-level cue ("named elsewhere in
# this transcript") means something only in such a set. French carriers come back intact less often,
# so fewer names have a heard form: more episodes keep the French sets as large as the English ones,
# up to where a domain's heard forms are used up (an episode that finds less than half its sentences
# not already written ends the set).
EPISODES = {"fr": 36, "en": 11}
SENTENCES_PER_EPISODE = 20
CAST = {"person": 2, "other_kinds": 1, "least": 5}  # persons, each other kind of the domain, at least
OUTSIDE_CAST_SHARE = 0.15  # of the sentences, filled from the whole domain
HEARD_FORMS_PER_EPISODE = 2  # per name: a recogniser tends to mishear a name one way in one recording
WHOLE_SENTENCES_PER_DOMAIN = {"en": 40, "fr": 10}
NAME_FREE_PER_DOMAIN = 20
WHOLE_NAME_FREE_PER_DOMAIN = {"en": 10, "fr": 5}


def split_of(domain: str) -> str:
    """``fit`` or ``measure``."""
    if domain in FIT_DOMAINS:
        return "fit"
    if domain in MEASURE_DOMAINS:
        return "measure"
    raise ValueError(f"unknown domain {domain!r}; expected one of {', '.join(DOMAINS)}")
