"""The stored word table (correction/wordfreq_table.py) against wordfreq itself: every input the
table answers must get exactly ``wordfreq.zipf_frequency``'s float (compared by ``repr``, so -0.0
is not 0.0); inputs it does not answer go to wordfreq and are only counted.

Inputs, in French and English: every word of both wordfreq lists (as listed, Capitalised and
UPPER); every token of every file under benchmarks/data (split on whitespace, and on whitespace and
punctuation; original case and lower case) and every run of 2 to 4 whitespace-separated words;
every string of one or two characters over the table's letters, digits, space, hyphen, dot and
apostrophe (and look-alikes it must leave alone: ß, ſ, ı, ﬁ, curly apostrophe...); 200,000 random
strings of such characters; 200,000 random phrases of the shapes the table answers (words of
letters and digits, dotted initials, numbers with dots or commas, joined by spaces or hyphens),
half of them made of listed words; numbers 0 to 99,999.

Usage: ``python -m benchmarks.wordfreq_identity`` (about two minutes); exits 1 on any difference.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from wordfreq import get_frequency_list, zipf_frequency

from correction.wordfreq_table import LANGUAGES, load_or_build

DATA = Path(__file__).resolve().parent / "data"
ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâäçéèêëîïôöùûüÿæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
            "áíóúñãõåøðþÁÍÓÚÑÃÕÅØÐÞßẞıİſﬁ0123456789 -.'’")


def inputs() -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {}
    words = {word for lang in LANGUAGES for bucket in get_frequency_list(lang) for word in bucket}
    sample = sorted(word for word in words if word.isalpha())[::50]
    sets["wordfreq lists"] = words | {word.capitalize() for word in words} | {word.upper() for word in words}
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(DATA.rglob("*")) if path.is_file()]
    tokens: set[str] = set()
    runs: set[str] = set()
    for text in texts:
        split = text.split()
        tokens.update(split)
        tokens.update(re.split(r"[\W_]+", text))
        for size in (2, 3, 4):
            runs.update(" ".join(split[start : start + size]) for start in range(len(split) - size + 1))
    sets["benchmark tokens"] = tokens | {token.lower() for token in tokens}
    sets["benchmark word runs"] = runs | {run.lower() for run in runs}
    sets["1-2 characters"] = {first + second for first in ["", *ALPHABET] for second in ALPHABET}
    rng = random.Random(12)
    sets["random strings"] = {"".join(rng.choices(ALPHABET, k=rng.randint(1, 12))) for _ in range(200_000)}
    sets["random phrases"] = {random_phrase(rng, sample) for _ in range(200_000)}
    sets["numbers"] = {str(number) for number in range(100_000)}
    return sets


LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœáíóúñãõåøðþ"
DIGITS = "0123456789"


def random_word(rng: random.Random, sample: list[str]) -> str:
    shape = rng.randrange(6)
    if shape == 0:
        return rng.choice(sample)
    if shape == 1:
        return "".join(rng.choices(LETTERS + DIGITS, k=rng.randint(1, 6)))
    if shape == 2:  # dotted initials, sometimes with a last dot
        dotted = ".".join("".join(rng.choices(LETTERS, k=rng.randint(1, 2))) for _ in range(rng.randint(2, 4)))
        return dotted + "." * rng.randint(0, 1)
    if shape == 3:  # a number with dots or commas
        return rng.choice(".,").join("".join(rng.choices(DIGITS, k=rng.randint(1, 4))) for _ in range(rng.randint(2, 3)))
    if shape == 4:
        return str(rng.randint(0, 10 ** rng.randint(1, 22)))
    return rng.choice(sample) + "".join(rng.choices(DIGITS, k=rng.randint(1, 4)))


def random_phrase(rng: random.Random, sample: list[str]) -> str:
    words = [random_word(rng, sample) for _ in range(rng.randint(1, 4))]
    phrase = words[0] + "".join(rng.choice(" -") + word for word in words[1:])
    case = rng.randrange(3)
    return phrase.upper() if case == 0 else phrase.title() if case == 1 else phrase


def main() -> int:
    started = time.perf_counter()
    table = load_or_build(Path(tempfile.mkdtemp()))
    if table is None:
        print("the table failed its own check against wordfreq")
        return 1
    differences = []
    print(f"{'inputs':22} {'distinct':>9} {'lang':>4} {'table':>9} {'wordfreq':>9} {'differ':>6}")
    for name, texts in inputs().items():
        for lang in LANGUAGES:
            count: Counter[str] = Counter()
            for text in texts:
                value = table.zipf(text, lang)
                if value is None:
                    count["wordfreq"] += 1
                    continue
                count["table"] += 1
                if repr(value) != repr(expected := zipf_frequency(text, lang)):
                    count["differ"] += 1
                    differences.append((text, lang, value, expected))
            print(f"{name:22} {len(texts):9,} {lang:>4} {count['table']:9,} {count['wordfreq']:9,} {count['differ']:6}")
    for text, lang, value, expected in differences[:20]:
        print(f"DIFFERENT {text!r} {lang}: table {value!r}, wordfreq {expected!r}")
    print(f"{len(differences)} differences ({time.perf_counter() - started:.0f} s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
