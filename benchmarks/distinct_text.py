"""Distinct text for the speed benchmark: real French and English transcripts plus Faker sentences,
shuffled by line, no line twice, so that no span is a cache hit for having been seen before.

The real lines come from benchmarks/data/ordinary/*.txt, the probe sets' raw transcripts and the
dev transcript; Faker's sentence provider (``fr_FR`` and ``en_US``, seeded) fills the rest up to
the wanted number of words. The same arguments give the same text.

>>> lines = distinct_lines(1_000)
>>> len(lines) == len(set(lines)), sum(len(line.split()) for line in lines) >= 1_000
(True, True)
"""

from __future__ import annotations

import random
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
REAL = ("ordinary/fr.txt", "ordinary/en.txt", "probes-fr/raw.txt", "probes-en/raw.txt", "seed/raw.txt")
SEED = 20261203
LOCALES = ("fr_FR", "en_US")


def distinct_lines(words: int, seed: int = SEED) -> list[str]:
    """Lines of at least ``words`` words in all, none repeated, in a seeded shuffled order."""
    seen: dict[str, None] = {}
    for name in REAL:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(line.strip())
    count = sum(len(line.split()) for line in seen)
    if count < words:
        from faker import Faker  # imported here: only the benchmark needs it

        fakers = []
        for offset, locale in enumerate(LOCALES):
            faker = Faker(locale)
            faker.seed_instance(seed + offset)
            fakers.append(faker)
        turn = 0
        while count < words:
            line = fakers[turn % len(fakers)].sentence(nb_words=12)
            turn += 1
            if line not in seen:
                seen.setdefault(line)
                count += len(line.split())
    lines = list(seen)
    random.Random(seed).shuffle(lines)
    return lines


def distinct_text(words: int, seed: int = SEED) -> str:
    """:func:`distinct_lines` joined, one per line."""
    return "\n".join(distinct_lines(words, seed)) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(distinct_text(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000))
