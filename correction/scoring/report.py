"""Readable tables of scores, for people (programs use the scores' ``to_dict()`` as JSON).

>>> print(table(["measure", "value"], [["WER", "1.79%"], ["CER", "0.50%"]]))
measure  value
WER      1.79%
CER      0.50%
"""

from __future__ import annotations

from typing import Sequence

from .edits import Breakdown, EditScore
from .normalize import get_normalizer
from .wer import WerScore


def percent(value: float | None) -> str:
    """A fraction as a percentage with two decimals; ``n/a`` when undefined."""
    return "n/a" if value is None else f"{value * 100:.2f}%"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns padded to their widest cell; text left-aligned, numbers (and n/a) right-aligned."""
    cells = [[str(cell) for cell in headers]] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(headers))]

    def numeric(column: int) -> bool:
        values = [row[column] for row in cells[1:] if row[column]]
        return bool(values) and all(value.rstrip("%").replace(".", "", 1).isdigit() or value == "n/a"
                                    for value in values)

    right = [numeric(column) for column in range(len(headers))]
    lines = []
    for row in cells:
        padded = [cell.rjust(width) if align else cell.ljust(width) for cell, width, align in zip(row, widths, right)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def render_wer(score: WerScore, reference: str, hypothesis: str) -> str:
    """Measures with their counts, the B-WER/U-WER split and per-entity counts, and the signature."""
    normalizer = get_normalizer(score.normalize)
    unit = f"aligned line by line ({score.units} lines)" if score.unit == "line" else "scored as one text each"
    head = [
        f"reference   {reference}",
        f"hypothesis  {hypothesis}",
        f"unit        {unit}",
        f"normalise   {normalizer.name}: {normalizer.summary}",
    ]
    words, characters = score.words, score.characters
    word_counts = [words.hits, words.substitutions, words.deletions, words.insertions, words.reference]
    rows = [
        ["WER", percent(score.wer), *word_counts],
        ["MER", percent(score.mer), "", "", "", "", ""],
        ["WIL", percent(score.wil), "", "", "", "", ""],
        ["CER", percent(score.cer), characters.hits, characters.substitutions, characters.deletions,
         characters.insertions, characters.reference],
    ]
    if score.biased is not None:
        for name, counts in (("B-WER", score.biased.biased), ("U-WER", score.biased.unbiased)):
            rows.append([name, percent(counts.rate), counts.hits, counts.substitutions, counts.deletions,
                         counts.insertions, counts.reference])
    parts = ["\n".join(head), table(["measure", "value", "hits", "sub", "del", "ins", "ref"], rows)]
    if score.biased is not None:
        if score.biased.entities:
            entity_rows = [[entity.entity, entity.kind, entity.reference, entity.right, entity.hypothesis]
                           for entity in score.biased.entities]
            parts.append(table(["entity", "kind", "in ref", "right", "in hyp"], entity_rows))
        else:
            parts.append("no lexicon term occurs in the reference or the hypothesis")
    parts.append(f"signature   {score.signature}")
    return "\n\n".join(parts) + "\n"


def _breakdown_rows(rows: Sequence[Breakdown], with_gold: bool) -> list[list[object]]:
    result = []
    for row in rows:
        cells: list[object] = [row.name or "(none)"]
        if with_gold:
            cells.append(row.gold)
        cells += [row.predicted, row.right, row.fixed, percent(row.precision), percent(row.recall), percent(row.f1)]
        result.append(cells)
    return result


def render_edits(score: EditScore, gold: str, predicted: str) -> str:
    """Totals, per-entity and per-pass tables, touched traps and names, misses, wrong edits, signature."""
    head = [
        f"gold        {gold}",
        f"predicted   {predicted}",
    ]
    totals = table(
        ["gold", "predicted", "right", "fixed", "precision", "recall", "F1"],
        [[score.gold, score.predicted, score.right, score.fixed, percent(score.precision), percent(score.recall),
          percent(score.f1)]],
    )
    parts = ["\n".join(head), totals]
    guards = []
    if score.traps:
        guards.append(f"traps touched          {len(score.traps_touched)} of {score.traps}")
    if score.correct:
        guards.append(f"correct names touched  {len(score.correct_touched)} of {score.correct}")
    if score.wrong:
        guards.append(f"partial fixes          {len(score.partial)} of the {len(score.wrong)} wrong "
                      "(the right name over part of its misheard words)")
    if guards:
        parts.append("\n".join(guards))
    if score.by_entity:
        parts.append(table(["entity", "gold", "predicted", "right", "fixed", "precision", "recall", "F1"],
                           _breakdown_rows(score.by_entity, with_gold=True)))
    if score.by_pass:
        parts.append(table(["pass", "predicted", "right", "fixed", "precision", "recall (of all gold)", "F1"],
                           _breakdown_rows(score.by_pass, with_gold=False)))
    partial = set(score.partial)
    listings = [
        ("trap touched", [f"{span.line}:{span.start}-{span.end} {span.text!r}" for span in score.traps_touched]),
        ("correct name touched",
         [f"{span.line}:{span.start}-{span.end} {span.text!r}" for span in score.correct_touched]),
        ("missed", [f"{span.line}:{span.start}-{span.end} -> {span.text!r} ({span.entity})" for span in score.missed]),
        ("wrong", [f"{edit.line}:{edit.column}-{edit.column_end} {edit.original!r} -> {edit.replacement!r} "
                   f"[{edit.pass_name}]" + (" (partial fix)" if edit in partial else "") for edit in score.wrong]),
    ]
    for title, items in listings:
        if items:
            parts.append("\n".join(f"{title:<20}  {item}" for item in items))
    parts.append(f"signature   {score.signature}")
    return "\n\n".join(parts) + "\n"
