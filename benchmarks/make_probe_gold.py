"""Write the gold files of a hand-written probe set from its raw and reference transcripts.

A probe folder (``benchmarks/data/probes-*``) is written by hand as four files: ``raw.txt`` (as a
recogniser would write it), ``reference.txt`` (the same lines with the names fixed),
``terms.txt`` (the canonical names, one per line) and ``traps.txt`` (``line<TAB>text<TAB>why``:
words that look like a name but are not one). This script derives what ``correction bench``
and ``benchmarks/quality.py`` read:

* ``edits.jsonl``: each run of words that differs between raw and reference, with its entity
  (the term the fixed words belong to);
* ``correct.jsonl``: every term already spelled right in raw and left alone in the reference;
* ``traps.jsonl``: the traps with their offsets.

Usage: ``python benchmarks/make_probe_gold.py benchmarks/data/probes-en``
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

from correction.text import fold

WORD = re.compile(r"\S+")


def word_spans(line: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in WORD.finditer(line)]


def entity_of(fixed: str, terms: list[str]) -> str:
    """The term the fixed words spell or belong to ("Altman" -> "Sam Altman")."""
    key = fold(fixed)
    for term in terms:
        if fold(term) == key:
            return term
    for term in sorted(terms, key=len, reverse=True):
        if key in fold(term) or fold(term) in key:
            return term
    raise SystemExit(f"no term in terms.txt for the fixed text {fixed!r}")


def line_edits(number: int, raw: str, reference: str, terms: list[str]) -> list[dict]:
    raw_spans, ref_spans = word_spans(raw), word_spans(reference)
    raw_words = [raw[start:end] for start, end in raw_spans]
    ref_words = [reference[start:end] for start, end in ref_spans]
    edits = []
    matcher = difflib.SequenceMatcher(a=raw_words, b=ref_words, autojunk=False)
    for tag, first, last, ref_first, ref_last in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, end = raw_spans[first][0], raw_spans[last - 1][1]
        gold = reference[ref_spans[ref_first][0] : ref_spans[ref_last - 1][1]]
        # punctuation stuck to a word is not part of the name ("Hwang," -> "Huang,")
        while raw[end - 1] in ",.;:!?" and gold.endswith(raw[end - 1]):
            end, gold = end - 1, gold[:-1]
        raw_text = raw[start:end]
        for prefix in ("d'", "l'"):  # a French elision is kept outside the edit
            if raw_text.startswith(prefix) and gold.startswith(prefix):
                start, raw_text, gold = start + len(prefix), raw_text[len(prefix):], gold[len(prefix):]
        edits.append({"line": number, "start": start, "end": end, "raw": raw_text, "gold": gold,
                      "entity": entity_of(gold, terms)})
    return edits


def correct_spans(number: int, raw: str, reference: str, terms: list[str], edited: list[tuple[int, int]]) -> list[dict]:
    found = []
    for term in terms:
        for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", raw):
            inside_edit = any(start < match.end() and match.start() < end for start, end in edited)
            if not inside_edit and reference[match.start() : match.end()] == term:
                found.append({"line": number, "start": match.start(), "end": match.end(), "text": term, "entity": term})
    return sorted(found, key=lambda span: span["start"])


def trap_spans(folder: Path, raw_lines: list[str]) -> list[dict]:
    traps = []
    for row in (folder / "traps.txt").read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        number, text, why = row.split("\t")
        line = raw_lines[int(number) - 1]
        match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", line)
        if match is None:
            raise SystemExit(f"traps.txt: {text!r} is not on line {number}")
        traps.append({"line": int(number), "start": match.start(), "end": match.end(), "text": text, "why": why})
    return traps


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main(folder: Path) -> None:
    raw_lines = (folder / "raw.txt").read_text(encoding="utf-8").split("\n")
    ref_lines = (folder / "reference.txt").read_text(encoding="utf-8").split("\n")
    terms = [line.strip() for line in (folder / "terms.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    if len(raw_lines) != len(ref_lines):
        raise SystemExit("raw.txt and reference.txt are not line-aligned")
    edits, correct = [], []
    for number, (raw, reference) in enumerate(zip(raw_lines, ref_lines), start=1):
        these = line_edits(number, raw, reference, terms)
        edits += these
        correct += correct_spans(number, raw, reference, terms, [(edit["start"], edit["end"]) for edit in these])
    write_jsonl(folder / "edits.jsonl", edits)
    write_jsonl(folder / "correct.jsonl", correct)
    write_jsonl(folder / "traps.jsonl", trap_spans(folder, raw_lines))
    print(f"{folder}: {len(edits)} edits, {len(correct)} names already right")


if __name__ == "__main__":
    for argument in sys.argv[1:] or ["benchmarks/data/probes-en", "benchmarks/data/probes-fr"]:
        main(Path(argument))
