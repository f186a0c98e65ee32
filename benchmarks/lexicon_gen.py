"""Large, realistic lexicons for the scaling benchmark: the shipped default lexicon plus French and
English person and company names from Faker, seeded, so every run builds the same lexicon.

Names are drawn in turn from the ``fr_FR`` and ``en_US`` locales, two persons for one company
(``"Grégoire Colas"``, ``"Coulon SA"``, ``"Pham, Garza and Garcia"``, or a lone surname such as
``"Lacroix"``, as Faker's company formats give). A name whose folded spelling is already taken (by a
default term, alias or sound-alike, or by an earlier name) is skipped, so ``Lexicon.from_entries``
merges nothing and a lexicon of ``size`` has exactly ``size`` entries. Generation is prefix-stable:
the 1,000-term lexicon is the first 1,000 entries of the 100,000-term one.

>>> [entry.term for entry in generated_entries(3, seed=1)]
['Grégoire Colas', 'Stephanie Gould', 'Camille Salmon']
"""

from __future__ import annotations

from typing import Iterable, Iterator

from correction import Entry, Lexicon
from correction.text import fold

SEED = 20261
LOCALES = ("fr_FR", "en_US")
# Two persons for one company: a podcast lexicon names more people than firms.
KINDS = ("person", "person", "org")


def taken_spellings(entries: Iterable[Entry]) -> set[str]:
    """Folded spellings a new name must not repeat: every term, alias and sound-alike."""
    return {fold(text) for entry in entries for text in (entry.term, *entry.aliases, *entry.sounds_like)}


def generated_entries(count: int, seed: int = SEED, taken: set[str] | None = None) -> list[Entry]:
    """``count`` new person and org entries, none folding to a spelling in ``taken``."""
    return list(_names(count, seed, set(taken or ())))


def _names(count: int, seed: int, taken: set[str]) -> Iterator[Entry]:
    from faker import Faker  # imported here: only the benchmark needs it

    fakers = []
    for offset, locale in enumerate(LOCALES):
        faker = Faker(locale)
        faker.seed_instance(seed + offset)  # per instance: independent of Faker's shared random
        fakers.append(faker)
    made, turn = 0, 0
    while made < count:
        faker = fakers[turn % len(fakers)]
        kind = KINDS[(turn // len(fakers)) % len(KINDS)]
        turn += 1
        # first + last rather than faker.name(): name() adds titles ("Dr.", "Mme") now and then
        term = f"{faker.first_name()} {faker.last_name()}" if kind == "person" else faker.company()
        key = fold(term)
        if not key or key in taken:
            continue
        taken.add(key)
        made += 1
        yield Entry(term=term, kind=kind)


def scaled_entries(size: int, seed: int = SEED) -> list[Entry]:
    """The default lexicon's entries followed by generated names, ``size`` entries in all."""
    default = list(Lexicon.load().entries)
    if size < len(default):
        raise ValueError(f"size: {size} is smaller than the default lexicon ({len(default)} entries)")
    return default + generated_entries(size - len(default), seed, taken_spellings(default))


if __name__ == "__main__":
    import sys

    for entry in generated_entries(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(f"{entry.kind}\t{entry.term}")
