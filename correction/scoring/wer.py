"""WER, CER, MER and WIL of a hypothesis transcript against a reference, with jiwer.

Both texts go through the same named normaliser, then jiwer aligns them: unit by unit when given
as sequences of lines (line 3 of the hypothesis is only aligned with line 3 of the reference),
as one sequence of words when given as strings. With a lexicon, the errors are also split into
B-WER and U-WER (see :mod:`correction.scoring.biased`).

>>> score = score_texts("Le PDG d'OpenAI.", "le PDG de open AI", normalize="basic")
>>> round(score.wer, 3), score.words.substitutions, score.words.insertions
(1.0, 1, 2)
>>> str(score.signature).split("|")[:4]
['metric:wer', 'norm:basic', 'lex:none', 'unit:text']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import jiwer

from ..errors import InputError, UsageError
from ..lexicon import Lexicon
from .alignment import Counts, Step, steps_from_chunks
from .biased import BiasedScore, TermIndex, score_biased
from .normalize import DEFAULT_NORMALIZER, Normalizer, get_normalizer
from .signature import Signature


@dataclass(frozen=True)
class WerScore:
    """Word and character error rates of one hypothesis against one reference.

    ``wer``/``mer``/``wil`` are jiwer's word measures and ``cer`` its character error rate (spaces
    included), all fractions (0.25 = 25 %). ``unit`` is ``line`` (aligned line by line) or
    ``text`` (one sequence); ``alignment`` holds the word steps of each unit, for display.
    """

    wer: float
    mer: float
    wil: float
    cer: float
    words: Counts
    characters: Counts
    hypothesis_words: int
    unit: str
    units: int
    normalize: str
    signature: Signature
    biased: BiasedScore | None = None
    alignment: tuple[tuple[Step, ...], ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "wer": self.wer,
            "mer": self.mer,
            "wil": self.wil,
            "cer": self.cer,
            "words": {**self.words.to_dict(), "hypothesis": self.hypothesis_words},
            "characters": self.characters.to_dict(),
            "unit": self.unit,
            "units": self.units,
            "normalize": self.normalize,
            "biased": self.biased.to_dict() if self.biased is not None else None,
            "signature": self.signature.to_dict(),
        }


def _counts(output) -> Counts:
    return Counts(output.hits, output.substitutions, output.deletions, output.insertions)


def score_texts(
    reference: str | Sequence[str],
    hypothesis: str | Sequence[str],
    *,
    normalize: str | Normalizer = DEFAULT_NORMALIZER,
    lexicon: Lexicon | None = None,
    names: tuple[str, str] = ("<reference>", "<hypothesis>"),
) -> WerScore:
    """Score ``hypothesis`` against ``reference``: two strings, or two line lists of equal length.

    ``names`` (the two file names) are only used in error messages. Raises UsageError when the
    line counts differ and InputError when the reference has no word after normalisation.
    """
    normalizer = get_normalizer(normalize)
    unit = "text" if isinstance(reference, str) else "line"
    ref_units = [reference] if isinstance(reference, str) else list(reference)
    hyp_units = [hypothesis] if isinstance(hypothesis, str) else list(hypothesis)
    if len(ref_units) != len(hyp_units):
        raise UsageError(
            names[0],
            f"{len(ref_units)} lines, but {names[1]} has {len(hyp_units)}: line-aligned texts need "
            "the same number of lines (score them as one text each with --whole)",
        )
    ref_norm = normalizer.many(ref_units)
    hyp_norm = normalizer.many(hyp_units)
    if not any(text.split() for text in ref_norm):
        raise InputError(names[0], f"empty reference: no word to score after {normalizer.name!r} normalisation")
    words = jiwer.process_words(ref_norm, hyp_norm)
    characters = jiwer.process_characters(ref_norm, hyp_norm)
    alignment = tuple(
        steps_from_chunks(ref_words, hyp_words, chunks)
        for ref_words, hyp_words, chunks in zip(words.references, words.hypotheses, words.alignments)
    )
    biased = None
    if lexicon is not None:
        biased = score_biased(alignment, words.references, words.hypotheses, TermIndex.build(lexicon, normalizer))
    return WerScore(
        wer=words.wer,
        mer=words.mer,
        wil=words.wil,
        cer=characters.cer,
        words=_counts(words),
        characters=_counts(characters),
        hypothesis_words=sum(len(unit_words) for unit_words in words.hypotheses),
        unit=unit,
        units=len(ref_units),
        normalize=normalizer.name,
        signature=Signature.for_wer(normalizer.name, unit, lexicon),
        biased=biased,
        alignment=alignment,
    )
