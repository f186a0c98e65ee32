"""``lexicon probe``: how a recogniser hears each term of a lexicon, before any transcript exists.

Each term is spoken in a few carrier phrases by a few espeak-ng voices and heard by Whisper base;
what was heard in the name's place (when the words around it were heard exactly) is a mishearing
to expect, and becomes a ``sounds_like`` spelling of the term, with how often it was heard.

A heard form made only of ordinary words ("il y a" for Ilya) is reported but not added: as a
``sounds_like`` it would be rewritten wherever it occurs, and ordinary speech is full of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from ..lexicon import Entry
from ..wordfreqs import is_common
from .carriers import carriers_for, fill, heard_name
from .heard import fold, tokenize
from .recognizer import Voice

DEFAULT_VOICES = {
    "fr": (Voice("fr-fr", 150), Voice("fr-be+m3", 160)),
    "en": (Voice("en-us", 160), Voice("en-gb+m3", 150)),
}


@dataclass(frozen=True)
class TermProbe:
    """What was heard for one term: each heard form (the term itself when heard right) and its count."""

    term: str
    lang: str
    probes: int
    heard: tuple[tuple[str, int], ...]
    unsure: int

    @property
    def mishearings(self) -> tuple[tuple[str, int], ...]:
        return tuple((form, count) for form, count in self.heard if form != self.term)

    def summary(self) -> str:
        """``Emmett Shear (fr): 'à mettre chez' 2/4, right 1/4, unsure 1/4``."""
        parts = [f"{form!r} {count}/{self.probes}" for form, count in self.mishearings]
        right = dict(self.heard).get(self.term, 0)
        if right:
            parts.append(f"right {right}/{self.probes}")
        if self.unsure:
            parts.append(f"unsure {self.unsure}/{self.probes}")
        return f"{self.term} ({self.lang}): " + (", ".join(parts) or "nothing heard")


def probe_term(term: str, lang: str, hear: Callable[[str, Voice, str], str],
               voices: Iterable[Voice], carriers_per_voice: int = 2) -> TermProbe:
    """Speak ``term`` in carriers with each voice and collect what was heard in its place."""
    counts: Counter[str] = Counter()
    probes = unsure = 0
    for which, voice in enumerate(voices):
        for carrier in carriers_for(lang, which, carriers_per_voice):
            span = heard_name(carrier, term, lang, hear(fill(carrier, term, lang), voice, lang))
            probes += 1
            if span is None:
                unsure += 1
            else:
                counts[span.text] += 1
    return TermProbe(term, lang, probes, tuple(counts.most_common()), unsure)


def ordinary_words(form: str) -> bool:
    """True when every word of ``form`` is an ordinary word ("il y a", "Emmett's share" is not).

    >>> ordinary_words("il y a"), ordinary_words("Mimamour")
    (True, False)
    """
    words = [token.text for token in tokenize(form)]
    return bool(words) and all(is_common(word) for word in words)


def with_mishearings(entry: Entry, probe: TermProbe) -> tuple[Entry, list[str]]:
    """The entry with the probe's mishearings added as ``sounds_like``; and the forms left out."""
    known = {fold(form) for form in (entry.term, *entry.aliases, *entry.sounds_like, *entry.negatives)}
    added, left_out = [], []
    for form, _count in probe.mishearings:
        if fold(form) in known:
            continue
        if ordinary_words(form):
            left_out.append(form)
            continue
        known.add(fold(form))
        added.append(form)
    return replace(entry, sounds_like=entry.sounds_like + tuple(added)), left_out
