"""What every pass shares: the protocol, the settings, and the ambiguity rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..analysis import AnalyzedText, Span
from ..candidates import Candidate
from ..index import LexiconIndex, Surface
from ..rewrite import plan_changes

# Spans longer than this (folded letters) are sentences, not names.
MAX_KEY_LENGTH = 32
# Shorter spans have too many look-alikes to be matched approximately.
MIN_KEY_LENGTH = 4


@dataclass(frozen=True)
class Settings:
    """Knobs shared by the passes. ``min_score`` bounds every approximate match."""

    min_score: float = 0.8

    def __post_init__(self) -> None:
        if not 0.0 < self.min_score <= 1.0:
            raise ValueError(f"Settings.min_score: {self.min_score} is outside (0, 1]")


@dataclass(frozen=True)
class Job:
    """What a pass reads: the analysed text, the lexicon index, the settings, and the spans that
    already name a lexicon entry correctly (``mentions``: protected, and evidence for ``context``)."""

    text: AnalyzedText
    index: LexiconIndex
    settings: Settings
    mentions: tuple[tuple[Span, Surface], ...]


class Pass(Protocol):
    """A pass reads the job and the candidates so far and returns the new list of candidates."""

    name: str

    def run(self, job: Job, candidates: list[Candidate]) -> list[Candidate]: ...


def find_mentions(text: AnalyzedText, index: LexiconIndex) -> tuple[tuple[Span, Surface], ...]:
    """Spans written exactly as a lexicon form ("Microsoft", "Altman"): correct text, never rewritten."""
    found = []
    for span in text.spans:
        for surface in index.exact.get(span.key, ()):
            if span.text == surface.replacement and not text.tokens[span.first].after_apostrophe:
                found.append((span, surface))
    return tuple(found)


def _compact(text: str) -> str:
    return "".join(text.split())


def is_ambiguous(text: AnalyzedText, span: Span, replacement: str) -> bool:
    """Ordinary words that are not simply the name with its spaces lost: "il y a" (Ilya), "open ai".

    "Open AI" -> "OpenAI" is not ambiguous (same letters, every word capitalised as in the name);
    "il y a" -> "Ilya" and "Il y a" -> "Ilya" are.
    """
    if not text.all_common(span):
        return False
    return not (_compact(span.text) == _compact(replacement) and text.name_like(span))


def eligible_for_approximate(text: AnalyzedText, span: Span) -> bool:
    """Spans worth an approximate look-up: name-sized, and either written like a name (capitals
    mid-sentence, "Open EA") or holding a non-word ("OpenEye", "satia"). Known lower-case words
    ("tornade", "hallucinants") are left alone, numbers too, and a span never starts or ends on a
    lower-case ordinary word: "décevier un" is not "Devin"."""
    if not MIN_KEY_LENGTH <= len(span.key) <= MAX_KEY_LENGTH:
        return False
    tokens = text.tokens[span.first : span.last]
    if any(token.text.isdigit() for token in tokens):
        return False
    if span.size > 1:
        for position in (span.first, span.last - 1):
            if text.common[position] and not text.tokens[position].is_capitalised:
                return False
    return text.has_non_word(span) or text.name_like(span)


def make_candidate(text: AnalyzedText, span: Span, surface: Surface, score: float, pass_name: str,
                   reason: str) -> Candidate | None:
    """A candidate, or None when the match changes nothing or would eat neighbouring words."""
    changes = plan_changes(text.source, text.tokens[span.first : span.last], surface.replacement)
    if not changes:
        return None
    return Candidate(span, surface, round(score, 4), pass_name, reason,
                     ambiguous=is_ambiguous(text, span, surface.replacement), changes=changes)
