"""What is spoken, by which voice: the same plan for the hearing stage and the build stage.

Every choice comes from a random generator seeded with (SEED, language, domain, purpose), so the
build finds in the cache exactly what the hearing stage spoke, and a rerun speaks nothing twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from correction.probe.carriers import carriers_for

from . import settings, sources


@dataclass(frozen=True)
class Utterance:
    """One thing to speak: a carrier with a name, or a whole sentence."""

    text: str
    voice: str
    lang: str


def rng_for(lang: str, domain: str, purpose: str) -> random.Random:
    return random.Random(f"{settings.SEED}|{lang}|{domain}|{purpose}")


def voices(lang: str, domain: str) -> tuple[str, ...]:
    return settings.VOICES[(lang, settings.split_of(domain))]


def carrier_plan(lang: str, domain: str) -> list[tuple[sources.Entity, str, str, str]]:
    """(entity, what is said, carrier, voice) for every named entity: its name in a few carriers in
    each voice of its split, and each part of a person's name in fewer."""
    per_voice, per_part = settings.CARRIERS_PER_VOICE[lang], settings.PART_CARRIERS_PER_VOICE[lang]
    plan: list[tuple[sources.Entity, str, str, str]] = []
    for number, entity in enumerate(e for e in sources.lexicon(domain) if e.named):
        for which, voice in enumerate(voices(lang, domain)):
            plan += [(entity, entity.term, carrier, voice)
                     for carrier in carriers_for(lang, which, per_voice, offset=number)]
        for part in sources.name_parts(entity):
            for which, voice in enumerate(voices(lang, domain)):
                plan += [(entity, part, carrier, voice)
                         for carrier in carriers_for(lang, which, per_part, offset=number + 1)]
    return plan


def name_free_share(lang: str, domain: str) -> list[str]:
    """This domain's share of the name-free sentences (each sentence goes to one domain only).

    A trap tests something only where the lexicon has its look-alike: a sentence that uses one of
    a domain's names as an ordinary word ("une orange", "la notion de", "hard labour") goes to
    that domain (the first in :data:`settings.DOMAINS` order) and comes first in its share; the
    others are dealt to the domains in turn.
    """
    sentences = sources.name_free(lang)
    owners = [sources.look_alike_domain(sentence) for sentence in sentences]
    rest = [sentence for sentence, owner in zip(sentences, owners) if owner is None]
    index = settings.DOMAINS.index(domain)
    return ([sentence for sentence, owner in zip(sentences, owners) if owner == domain]
            + rest[index :: len(settings.DOMAINS)])


def whole_plan(lang: str, domain: str) -> list[tuple[sources.Written, str]]:
    """Sentences spoken whole, with their voice: filled templates, then name-free sentences."""
    rng = rng_for(lang, domain, "whole")
    entities = sources.lexicon(domain)
    templates = sources.templates(lang, domain)
    chosen: list[sources.Written] = []
    attempts = 0
    while len(chosen) < settings.WHOLE_SENTENCES_PER_DOMAIN[lang] and attempts < 10_000:
        attempts += 1
        written = sources.fill(templates[len(chosen) % len(templates)], domain, lang, entities, rng)
        if written is not None:
            chosen.append(written)
    free = name_free_share(lang, domain)[: settings.WHOLE_NAME_FREE_PER_DOMAIN[lang]]
    chosen += [sources.Written(text, domain, ()) for text in free]
    spoken_by = voices(lang, domain)
    return [(written, spoken_by[number % len(spoken_by)]) for number, written in enumerate(chosen)]
