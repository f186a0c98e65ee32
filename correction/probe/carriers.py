"""Carrier phrases: a name said inside a short everyday sentence, and its heard form taken back out.

Whisper base garbles whole French sentences spoken by espeak-ng, but a short carrier around one
name often comes back with its ordinary words intact, and then what it heard between them is a
real recogniser's mishearing of the name. Carriers use common words on both sides of the name (two
at least, or the sentence's start), so that the words around it are heard exactly and the name's
boundary is sure: French carriers were chosen among a dozen tried for how often their words come
back intact from espeak-ng's French voices.

>>> fill("Je pense que {name} est là.", "OpenAI", "fr")
"Je pense qu'OpenAI est là."
"""

from __future__ import annotations

import re

from .heard import HeardSpan, heard_span, name_range, tokenize

SLOT = "{name}"

CARRIERS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Et là, {name} nous a dit bonjour.",
        "Oui, {name} est très connu.",
        "Et là, {name} est très connu.",
        "Oui, {name} nous a dit bonjour.",
    ),
    "en": (
        "And then, {name} said it right away.",
        "Yesterday we talked about {name} for an hour.",
        "I think {name} is really important.",
        "Honestly, {name} has changed a lot of things.",
    ),
}

# French words that elide before a vowel or a mute h: "de OpenAI" is written and said "d'OpenAI".
_ELIDING = {"de": "d'", "que": "qu'", "le": "l'", "la": "l'", "je": "j'", "ne": "n'", "se": "s'"}
_ELIDABLE = re.compile(r"(?i)\b(de|que|le|la|je|ne|se) $")
_VOWEL_START = re.compile(r"(?i)^[aeiouyhàâäéèêëîïôöùûü]")


def elides_before(word: str, lang: str) -> bool:
    """Whether a French word before ``word`` elides ("d'OpenAI", "l'Élysée"; not "de Meta").

    >>> elides_before("Élisabeth", "fr"), elides_before("Borne", "fr"), elides_before("Élisabeth", "en")
    (True, False, False)
    """
    return lang == "fr" and bool(_VOWEL_START.match(word))


def elide(before: str, word: str, lang: str) -> str:
    """``before`` with its last French word elided when ``word`` starts with a vowel sound.

    >>> elide("le patron de ", "OpenAI", "fr"), elide("le patron de ", "Meta", "fr")
    ("le patron d'", 'le patron de ')
    """
    if not elides_before(word, lang):
        return before
    match = _ELIDABLE.search(before)
    if not match:
        return before
    elided = _ELIDING[match.group(1).lower()]
    if match.group(1)[0].isupper():
        elided = elided.capitalize()
    return before[: match.start()] + elided


# ...and back: "d'" -> "de " (the first word that elides so: "l'" -> "le ").
_UNELIDED = {elided: word + " " for word, elided in reversed(_ELIDING.items())}


def unelide(before: str) -> str:
    """``before`` with a trailing French elision written out in full ("d'" -> "de ").

    >>> unelide("le patron d'"), unelide("Qu'")
    ('le patron de ', 'Que ')
    """
    for elided, full in _UNELIDED.items():
        if before.lower().endswith(elided):
            cut = before[: -len(elided)]
            return cut + (full.capitalize() if before[-len(elided)].isupper() else full)
    return before


def carriers_for(lang: str, voice: int, per_voice: int, offset: int = 0) -> list[str]:
    """The carriers the ``voice``-th voice says a name in: ``per_voice`` of them, taken in turn so
    that the voices (and, with ``offset``, the names) do not all use the same ones.

    >>> carriers_for("en", 1, 2) == list(CARRIERS["en"][2:4])
    True
    """
    carriers = CARRIERS[lang]
    return [carriers[(offset + per_voice * voice + turn) % len(carriers)] for turn in range(per_voice)]


def fill(carrier: str, name: str, lang: str) -> str:
    """The carrier with the name in its slot (French elision applied before it)."""
    before, _, after = carrier.partition(SLOT)
    return elide(before, name, lang) + name + after


def heard_name(carrier: str, name: str, lang: str, heard: str) -> HeardSpan | None:
    """What was heard for ``name`` in ``heard``, the recognised ``carrier``; None if unsure.

    >>> heard_name("Et là, {name} nous a dit bonjour.", "Emmett Shear", "fr",
    ...            "et la, à mettre chez nous a dit bonjour.")
    HeardSpan(text='à mettre chez', start=7, end=20)
    """
    spoken = fill(carrier, name, lang)
    start = len(spoken) - len(carrier.partition(SLOT)[2]) - len(name)
    written = tokenize(spoken)
    return heard_span(written, name_range(written, start, start + len(name)), heard)
