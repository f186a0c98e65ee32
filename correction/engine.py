"""The corrector: runs the passes over a text, resolves their candidates and applies the edits.

>>> from correction import Corrector, Lexicon
>>> result = Corrector(Lexicon.from_terms(["Sam Altman", "OpenAI"])).correct("Salman Altman quitte OpenEye.")
>>> result.text
'Sam Altman quitte OpenAI.'
>>> [(edit.original, edit.replacement, edit.pass_name) for edit in result.edits]
[('Salman', 'Sam', 'fuzzy'), ('OpenEye', 'OpenAI', 'phonetic')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from . import __version__
from .analysis import AnalyzedText
from .candidates import Candidate
from .edits import Edit, apply_edits
from .errors import UsageError
from .index import LexiconIndex, build_index
from .lexicon import Lexicon
from .passes import DEFAULT_PASSES, PASSES, Settings
from .passes.base import Job
from .resolve import resolve
from .whole_names import completed
from .wordfreqs import LANGUAGES


@dataclass(frozen=True)
class CorrectionResult:
    """The corrected text, the edits that produce it from the input, and every candidate weighed."""

    text: str
    edits: tuple[Edit, ...]
    candidates: tuple[Candidate, ...]
    lang: str
    signature: str


def parse_passes(names: str | Sequence[str]) -> tuple[str, ...]:
    """``"exact,fuzzy"`` -> ``("exact", "fuzzy")``; unknown names raise UsageError listing the known ones."""
    if isinstance(names, str):
        names = [name.strip() for name in names.split(",") if name.strip()]
    unknown = [name for name in names if name not in PASSES]
    if unknown or not names:
        raise UsageError("--passes", f"unknown pass {', '.join(unknown) or '(none)'}; choose from {', '.join(PASSES)}")
    return tuple(names)


# How candidates are decided: "rules" counts context clues (the hand-written decision);
# "model" weighs every candidate's features with the fitted model (correction/decision/).
DECISIONS = ("rules", "model")


class Corrector:
    """Correct transcripts against one lexicon. Build once, call :meth:`correct` many times."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        passes: str | Sequence[str] = DEFAULT_PASSES,
        min_score: float = 0.8,
        lang: str | None = None,
        resolver: Callable[..., list[Candidate]] = resolve,
        decision: str = "rules",
        min_confidence: float | None = None,
        model_path: str | None = None,
        generous: bool | None = None,
        index_source: Callable[[Lexicon, str], LexiconIndex] = build_index,
    ):
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.pass_names = parse_passes(passes)
        if decision not in DECISIONS:
            raise UsageError("--decision", f"unknown decision {decision!r}; choose from {', '.join(DECISIONS)}")
        if lang is not None and lang not in LANGUAGES:  # word frequencies and readings exist for these only
            raise UsageError("--lang", f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
        self.decision = decision
        model = None
        if decision == "model":
            from .decision.model import DecisionModel

            model = DecisionModel.load(model_path)
        try:
            self.settings = Settings(min_score=min_score, model=model,
                                     generous=decision == "model" if generous is None else generous,
                                     min_confidence=min_confidence if min_confidence is not None
                                     else (model.min_confidence if model else 0.5))
        except ValueError as error:
            option = "--min-confidence" if "min_confidence" in str(error) else "--min-score"
            raise UsageError(option, str(error)) from None
        self.lang = lang
        self.resolver = resolver
        self._passes = [PASSES[name]() for name in self.pass_names]
        self._indexes: dict[str, LexiconIndex] = {}
        self._last_job: Job | None = None  # the job of the text proposed last, which apply reads again
        self._index_source = index_source  # build_index, or a cache's index_for (correction.cache)

    def index_for(self, lang: str) -> LexiconIndex:
        """The index of the entries that fit a transcript in ``lang``, built on first use."""
        if lang not in self._indexes:
            self._indexes[lang] = self._index_source(self.lexicon, lang)
        return self._indexes[lang]

    @property
    def signature(self) -> str:
        decision = "rules"
        if self.settings.model is not None:
            decision = f"model:{self.settings.model.signature}|min_confidence={self.settings.min_confidence}"
        return (f"correction {__version__}|passes={','.join(self.pass_names)}|min_score={self.settings.min_score}"
                f"|decision={decision}|lexicon={self.lexicon.signature}")

    def job_for(self, text: AnalyzedText) -> Job:
        """The job the passes read for an analysed text (the decision's features and :meth:`apply`
        read it too: the last one is kept, so its mentions are not looked up again)."""
        last = self._last_job
        if last is not None and last.text is text:
            return last
        job = Job(text, self.index_for(text.lang), self.settings)
        self._last_job = job
        return job

    def propose(self, source: str) -> tuple[AnalyzedText, list[Candidate]]:
        """Every candidate the passes propose for ``source``, with the context decisions made."""
        text = AnalyzedText.of(source, self.lang)
        job = self.job_for(text)
        candidates: list[Candidate] = []
        for correction_pass in self._passes:
            candidates = correction_pass.run(job, candidates)
        return text, candidates

    def correct(self, source: str) -> CorrectionResult:
        text, candidates = self.propose(source)
        return self.apply(text, candidates)

    def apply(self, text: AnalyzedText, candidates: list[Candidate]) -> CorrectionResult:
        """Resolve decided candidates and apply the winners to the text."""
        source = text.source
        # Approximate passes only propose matches above min_score; an ambiguous candidate is
        # applied only when the context pass kept it (without that pass, never).
        usable = [c for c in candidates if not c.ambiguous or c.decision.startswith("kept")]
        # the entities the transcript names, spelled right or with the name's own letters ("Open
        # AI"): what the talk is about (see correction.resolve)
        job = self.job_for(text)
        named = {surface.entry.term for _, surface in job.distinctive_mentions}
        named.update(c.entity for c in candidates if c.pass_name == "exact" and not c.ambiguous)
        # a first name or surname fixed alone takes in the rest of its name misheard beside it
        chosen = completed(job, self.resolver(usable, self.pass_names, named=named))
        edits = tuple(edit for candidate in chosen for edit in edits_of(text, candidate))
        return CorrectionResult(
            text=apply_edits(source, edits),
            edits=edits,
            candidates=tuple(candidates),
            lang=text.lang,
            signature=f"{self.signature}|lang={text.lang}",
        )


def edits_of(text: AnalyzedText, candidate: Candidate) -> list[Edit]:
    edits = []
    for start, end, replacement in candidate.changes:
        line, column = text.line_and_column(start)
        edits.append(Edit(
            start=start, end=end, original=text.source[start:end], replacement=replacement,
            line=line, column=column, entity=candidate.entity, pass_name=candidate.pass_name,
            score=candidate.score, reason=candidate.reason,
        ))
    return edits
