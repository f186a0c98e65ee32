"""B-WER and U-WER: the word error rate split between lexicon terms and all other words.

After Le et al. 2021, "Contextualized streaming end-to-end speech recognition with trie-based
deep biasing and shallow fusion" (Interspeech), and their scorer (fbai-speech,
``is21_deep_bias/score.py``): one alignment of reference and hypothesis, each aligned word then
counted in exactly one class.

* A reference word is *biased* when it is part of an occurrence of a lexicon term or alias in the
  reference (normalised like the texts; leftmost-longest, non-overlapping matches). Sound-alike
  spellings (``sounds_like``) are misrecognitions, not terms, and never make a word biased.
* Hits, substitutions and deletions of biased reference words count towards B-WER, those of
  other reference words towards U-WER.
* An insertion counts towards B-WER when the inserted hypothesis word is a word of some lexicon
  term or alias, towards U-WER otherwise.
* B-WER = (S + D + I)_biased / biased reference words, U-WER likewise, so the two split the
  errors and the reference words of the WER exactly.

Differences from the paper's scorer: the alignment is jiwer's (unit costs, as for the WER printed
beside it) rather than insertion/deletion 3 and substitution 4, so on ties an error may fall in
the other class; and "biased" is decided per occurrence of a term, not per word of a list (a
lone "Sam" is not biased by the term "Sam Altman"; add "Sam" as an alias if it should be).

>>> from correction.lexicon import Lexicon
>>> from correction.scoring.normalize import NORMALIZERS
>>> index = TermIndex.build(Lexicon.from_terms(["Sam Altman", "OpenAI"]), NORMALIZERS["fr"])
>>> index.find("le pdg d' openai sam altman".split())
[Occurrence(start=3, end=4, entity='OpenAI'), Occurrence(start=4, end=6, entity='Sam Altman')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..lexicon import Lexicon
from .alignment import EQUAL, INSERT, Counts, Step, count_steps
from .normalize import Normalizer


@dataclass(frozen=True)
class Term:
    """A lexicon term or alias as normalised words, with the canonical entity it names."""

    words: tuple[str, ...]
    entity: str
    kind: str


@dataclass(frozen=True)
class Occurrence:
    """Words ``start:end`` of a unit are an occurrence of ``entity``."""

    start: int
    end: int
    entity: str


LANGUAGE_NORMALIZERS = ("fr", "en")


@dataclass(frozen=True)
class TermIndex:
    """Terms keyed by their first word, longest first; built once per lexicon and normaliser."""

    by_first: dict[str, tuple[Term, ...]]
    words: frozenset[str]
    kinds: dict[str, str] = field(compare=False)

    @classmethod
    def build(cls, lexicon: Lexicon, normalizer: Normalizer) -> "TermIndex":
        """Index the lexicon's terms and aliases as ``normalizer`` writes them. A language's own
        normaliser also drops the other language's entries: "AI" is not a term of French speech,
        where the normalised "j' ai" would otherwise count it."""
        if normalizer.name in LANGUAGE_NORMALIZERS:
            lexicon = lexicon.restricted_to(normalizer.name)
        buckets: dict[str, dict[tuple[str, ...], Term]] = {}
        kinds: dict[str, str] = {}
        for entry in lexicon:
            kinds[entry.term] = entry.kind
            for spelling in (entry.term, *entry.aliases):
                words = tuple(normalizer(spelling).split())
                if words:
                    # setdefault: when two entries share a spelling, the first one keeps it,
                    # as Lexicon.from_entries already decided (and warned about).
                    buckets.setdefault(words[0], {}).setdefault(words, Term(words, entry.term, entry.kind))
        by_first = {
            first: tuple(sorted(terms.values(), key=lambda term: -len(term.words)))
            for first, terms in buckets.items()
        }
        words = frozenset(word for terms in by_first.values() for term in terms for word in term.words)
        return cls(by_first, words, kinds)

    def find(self, words: Sequence[str]) -> list[Occurrence]:
        """Leftmost-longest, non-overlapping occurrences of terms in ``words``."""
        found: list[Occurrence] = []
        position = 0
        while position < len(words):
            for term in self.by_first.get(words[position], ()):
                end = position + len(term.words)
                if tuple(words[position:end]) == term.words:
                    found.append(Occurrence(position, end, term.entity))
                    position = end
                    break
            else:
                position += 1
        return found


@dataclass(frozen=True)
class EntityScore:
    """Occurrences of one entity in the reference, how many the hypothesis has right, and in it."""

    entity: str
    kind: str
    reference: int
    right: int
    hypothesis: int

    def to_dict(self) -> dict:
        return {"entity": self.entity, "kind": self.kind, "reference": self.reference, "right": self.right,
                "hypothesis": self.hypothesis}


@dataclass(frozen=True)
class BiasedScore:
    """Counts of the biased (lexicon) and unbiased words, and per-entity occurrence counts."""

    biased: Counts
    unbiased: Counts
    entities: tuple[EntityScore, ...]

    @property
    def b_wer(self) -> float | None:
        """Error rate on biased words; ``None`` when the reference has no lexicon term."""
        return self.biased.rate

    @property
    def u_wer(self) -> float | None:
        return self.unbiased.rate

    def to_dict(self) -> dict:
        return {
            "b_wer": self.b_wer,
            "u_wer": self.u_wer,
            "biased": self.biased.to_dict(),
            "unbiased": self.unbiased.to_dict(),
            "entities": [entity.to_dict() for entity in self.entities],
        }


def _is_right(occurrence: Occurrence, step_of_ref: dict[int, Step]) -> bool:
    """Every word of the occurrence is a hit, on consecutive hypothesis words (nothing inserted)."""
    steps = [step_of_ref[index] for index in range(occurrence.start, occurrence.end)]
    if any(step.op != EQUAL for step in steps):
        return False
    return all(after.hyp_index == before.hyp_index + 1 for before, after in zip(steps, steps[1:]))


def score_biased(
    alignment: Sequence[Sequence[Step]],
    references: Sequence[Sequence[str]],
    hypotheses: Sequence[Sequence[str]],
    index: TermIndex,
) -> BiasedScore:
    """Split the errors of an alignment (one step tuple per unit) into B-WER and U-WER classes."""
    biased_steps: list[Step] = []
    unbiased_steps: list[Step] = []
    in_reference: Counter[str] = Counter()
    right: Counter[str] = Counter()
    in_hypothesis: Counter[str] = Counter()
    for steps, ref_words, hyp_words in zip(alignment, references, hypotheses):
        occurrences = index.find(ref_words)
        biased = [False] * len(ref_words)
        for occurrence in occurrences:
            biased[occurrence.start : occurrence.end] = [True] * (occurrence.end - occurrence.start)
        step_of_ref = {step.ref_index: step for step in steps if step.ref_index is not None}
        for step in steps:
            if step.op == INSERT:
                is_biased = step.hyp in index.words
            else:
                is_biased = biased[step.ref_index]
            (biased_steps if is_biased else unbiased_steps).append(step)
        for occurrence in occurrences:
            in_reference[occurrence.entity] += 1
            right[occurrence.entity] += _is_right(occurrence, step_of_ref)
        for occurrence in index.find(hyp_words):
            in_hypothesis[occurrence.entity] += 1
    names = sorted(set(in_reference) | set(in_hypothesis), key=lambda name: (-in_reference[name], name))
    entities = tuple(
        EntityScore(name, index.kinds.get(name, ""), in_reference[name], right[name], in_hypothesis[name])
        for name in names
    )
    return BiasedScore(count_steps(biased_steps), count_steps(unbiased_steps), entities)
