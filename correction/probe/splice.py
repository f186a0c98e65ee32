"""Splicing: a written sentence with each name replaced by what a recogniser heard for it.

The ordinary words stay as written (real transcripts get them mostly right) and each name carries
a real mishearing, heard in a carrier phrase. French elision follows the heard form, as a
recogniser would write it: "d'OpenAI", but "de Samaltman".

>>> raw, spans = splice("Le patron d'OpenAI a parlé.", [(12, 18)], ["Open Eye Eye"], "fr")
>>> raw, [raw[start:end] for start, end in spans]
("Le patron d'Open Eye Eye a parlé.", ['Open Eye Eye'])
>>> splice("Le patron d'OpenAI a parlé.", [(12, 18)], ["Samaltman"], "fr")[0]
'Le patron de Samaltman a parlé.'
>>> splice("OpenAI a parlé.", [(0, 6)], ["open eye"], "fr")[0]  # a sentence's first word
'Open eye a parlé.'
>>> splice("Bon. OpenAI a parlé, OpenAI aussi.", [(5, 11), (21, 27)], ["open eye", "open eye"], "fr")[0]
'Bon. Open eye a parlé, open eye aussi.'
"""

from __future__ import annotations

from ..text import SENTENCE_END
from .carriers import elide, unelide


def opens_sentence(before: str) -> bool:
    """Whether text written after ``before`` begins a sentence, as the tokenizer reads one: at the
    start, or after ., !, ? or … (:data:`~correction.text.SENTENCE_END`)."""
    return not before.strip() or bool(SENTENCE_END.search(before))


def splice(written: str, names: list[tuple[int, int]], heard: list[str], lang: str
           ) -> tuple[str, list[tuple[int, int]]]:
    """``written`` with ``names`` (character ranges, in order) replaced by ``heard``; their new ranges."""
    if len(names) != len(heard):
        raise ValueError(f"splice: {len(names)} names but {len(heard)} heard forms")
    raw, spans, position = "", [], 0
    for (start, end), form in zip(names, heard):
        if start < position or end <= start:
            raise ValueError(f"splice: name range {(start, end)} overlaps the one before or is empty")
        before = written[position:start]
        if before.endswith(("'", "’")):
            before = unelide(before.replace("’", "'"))
        raw = elide(raw + before, form, lang)
        if opens_sentence(raw):
            form = form[:1].upper() + form[1:]  # a recogniser capitalises a sentence's first word
        spans.append((len(raw), len(raw) + len(form)))
        raw += form
        position = end
    return raw + written[position:], spans
