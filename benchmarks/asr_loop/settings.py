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

# Spliced sets: sentences written per template (each filled with other entities) and name-free
# sentences mixed in. Whole sets: sentences spoken whole, fewer because each costs ~3.5 s.
# French carriers come back intact less often, so fewer names have a heard form: more fills per
# template keep the French sets as large as the English ones (names recur, as in a podcast).
FILLS_PER_TEMPLATE = {"fr": 24, "en": 7}
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
