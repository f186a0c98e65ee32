"""The written side of the asr-loop data: per-domain lexicons, sentence templates, name-free sentences.

All of it lives in ``benchmarks/asr_loop/text/`` (see its README) and was written for this project.
A template is a spoken-style sentence with slots (``{person}``, ``{org}``...) filled with entities of
the domain's lexicon; :func:`fill` records where each name landed, which is the gold.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from correction.probe.carriers import elide

from . import settings

TEXT = Path(__file__).resolve().parent / "text"
WORD = re.compile(r"\w+")
SLOT = re.compile(r"\{(person|org|product|place|event|media|term)\}")


@dataclass(frozen=True)
class Entity:
    term: str
    kind: str
    domain: str
    named: bool  # False: a distractor, in the lexicon but never in a sentence


@dataclass(frozen=True)
class Mention:
    """Where an entity sits in a written sentence (character offsets)."""

    entity: Entity
    start: int
    end: int


@dataclass(frozen=True)
class Written:
    """A sentence as written, with its mentions (none for a name-free sentence)."""

    text: str
    domain: str
    mentions: tuple[Mention, ...]


def lexicon(domain: str) -> list[Entity]:
    """The domain's entities, named ones and distractors, in file order."""
    path = TEXT / "lexicons" / f"{domain}.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    entities = []
    for number, row in enumerate(rows, start=2):
        term, kind, role = (row.get(key, "").strip() for key in ("term", "kind", "role"))
        if not term or role not in {"named", "distractor"}:
            raise ValueError(f"{path}:{number}: needs a term and role named|distractor")
        entities.append(Entity(term, kind, domain, role == "named"))
    return entities


@lru_cache(maxsize=None)  # asked for every person mentioned in every sentence built
def name_parts(entity: Entity) -> tuple[str, ...]:
    """The first name and the surname a person is also called by, as speech says them: the surname
    keeps its particles ("von der Leyen", "Le Pen"). Only for names of two or three words."""
    from correction.index import name_parts as parts_of_entry
    from correction.lexicon import Entry

    if entity.kind != "person" or not parts_of_entry(Entry(term=entity.term, kind=entity.kind)):
        return ()
    first, _, surname = entity.term.partition(" ")
    return (first, surname)


def look_alike_domain(sentence: str) -> str | None:
    """The first domain with a lexicon name whose letters are words of ``sentence`` ("orange" for
    Orange, "persévérance" for Perseverance, "le chat" for Le Chat), or None."""
    words = f" {_folded_words(sentence)} "
    for domain in settings.DOMAINS:
        if any(f" {name} " in words for name in _folded_names(domain)):
            return domain
    return None


@lru_cache(maxsize=None)
def _folded_names(domain: str) -> tuple[str, ...]:
    return tuple(_folded_words(entity.term) for entity in lexicon(domain))


def _folded_words(text: str) -> str:
    """The words of ``text`` folded (no case, no accents), one space between them."""
    from correction.text import fold

    return " ".join(fold(word) for word in WORD.findall(text))


def lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a text file."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def templates(lang: str, domain: str) -> list[str]:
    return lines(TEXT / "templates" / lang / f"{domain}.txt")


def name_free(lang: str) -> list[str]:
    return lines(TEXT / "templates" / lang / "name_free.txt")


def fill(template: str, domain: str, lang: str, entities: list[Entity], rng: random.Random,
         usable=lambda entity: True) -> Written | None:
    """The template with each slot filled by a different named entity of its kind, or None.

    ``usable`` narrows the choice (say, to entities with a heard form); None when a slot finds no
    entity left.
    """
    pool: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.named and usable(entity):
            pool.setdefault(entity.kind, []).append(entity)
    taken: set[str] = set()
    text, mentions, position = "", [], 0
    for match in SLOT.finditer(template):
        choices = [entity for entity in pool.get(match.group(1), []) if entity.term not in taken]
        if not choices:
            return None
        entity = rng.choice(choices)
        taken.add(entity.term)
        text = elide(text + template[position:match.start()], entity.term, lang)
        mentions.append(Mention(entity, len(text), len(text) + len(entity.term)))
        text += entity.term
        position = match.end()
    text += template[position:]
    return Written(text, domain, tuple(mentions))
