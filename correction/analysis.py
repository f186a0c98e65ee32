"""A transcript prepared for the passes: tokens, candidate spans and what each token is.

Spans are runs of 1 to ``MAX_SPAN_TOKENS`` tokens separated only by spaces or line breaks: a
name is never matched across punctuation or an apostrophe ("y'a" is not "IA").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .text import Token, fold, joinable, tokenize
from .wordfreqs import detect_language, is_common, is_known

MAX_SPAN_TOKENS = 4


class Span(NamedTuple):
    """Tokens ``first`` to ``last`` (exclusive) and their text. A NamedTuple: a long transcript makes millions."""

    first: int
    last: int
    start: int
    end: int
    text: str
    key: str

    @property
    def size(self) -> int:
        return self.last - self.first


@dataclass(frozen=True)
class AnalyzedText:
    """The source text with its tokens, spans, language and which tokens are ordinary words."""

    source: str
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...]
    common: tuple[bool, ...]
    known: tuple[bool, ...]
    lang: str

    @classmethod
    def of(cls, source: str, lang: str | None = None) -> "AnalyzedText":
        tokens = tuple(tokenize(source))
        spans = []
        for first in range(len(tokens)):
            for last in range(first + 1, min(first + MAX_SPAN_TOKENS, len(tokens)) + 1):
                if last - first > 1 and not joinable(tokens[last - 1].gap_before):
                    break
                start, end = tokens[first].start, tokens[last - 1].end
                text = source[start:end]
                spans.append(Span(first, last, start, end, text, fold(text)))
        words = [token.text.lower() for token in tokens]
        common = tuple(is_common(word) for word in words)
        known = tuple(is_known(word) for word in words)
        lang = lang or detect_language(words)
        return cls(source, tokens, tuple(spans), common, known, lang)

    def all_common(self, span: Span) -> bool:
        return all(self.common[span.first : span.last])

    def all_known(self, span: Span) -> bool:
        return all(self.known[span.first : span.last])

    def has_non_word(self, span: Span) -> bool:
        return not all(self.known[span.first : span.last])

    def name_like(self, span: Span) -> bool:
        """Every token capitalised, and not only because a sentence starts here ("Open EA", "OpenEye",
        not "Et même" or a lone "Samedi" opening a sentence)."""
        tokens = self.tokens[span.first : span.last]
        if not all(token.is_capitalised for token in tokens):
            return False
        return len(tokens) > 1 or not tokens[0].sentence_start or tokens[0].has_inner_capital

    def crosses_line(self, start: int, end: int) -> bool:
        return "\n" in self.source[start:end]

    def line_and_column(self, offset: int) -> tuple[int, int]:
        line = self.source.count("\n", 0, offset) + 1
        column = offset - (self.source.rfind("\n", 0, offset) + 1)
        return line, column
