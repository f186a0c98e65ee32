"""A transcript prepared for the passes: tokens, candidate spans and what each token is.

Spans are runs of 1 to ``MAX_SPAN_TOKENS`` tokens separated only by spaces or line breaks: a
name is never matched across punctuation or an apostrophe ("y'a" is not "IA").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator, NamedTuple

from .text import APOSTROPHES, FRENCH_ELIDING_WORDS, NAME_PARTICLES, Token, fold, joinable, tokenize
from .wordfreqs import detect_language, is_common, is_function_word, is_known

MAX_SPAN_TOKENS = 4
ELIDED_WORDS = frozenset(FRENCH_ELIDING_WORDS)


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
    """The source text with its tokens, their folded keys, language and what each token is.

    Per-token facts are tuples indexed like ``tokens``: ``keys`` (folded spelling), ``joins``
    (only spaces before it, so it may continue a span), ``common`` (an ordinary word), ``known``
    (a word or name of French or English, not a garble), ``capitalised``; ``cased`` is false for a
    transcript written all in lower case or all in capitals, where case says nothing. Spans are enumerated
    on demand (:meth:`span_ranges`): a transcript has four times more spans than words, and a
    pass needs only the few that hit the lexicon.
    """

    source: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    joins: tuple[bool, ...]
    common: tuple[bool, ...]
    known: tuple[bool, ...]
    capitalised: tuple[bool, ...]
    cased: bool
    lang: str
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, source: str, lang: str | None = None) -> "AnalyzedText":
        tokens = tuple(tokenize(source))
        words = [token.text.lower() for token in tokens]
        capitalised, cased = _capitals(tokens)
        return cls(
            source=source,
            tokens=tokens,
            keys=tuple(fold(token.text) for token in tokens),  # fold is cached per distinct word
            joins=tuple(joinable(token.gap_before) for token in tokens),
            common=tuple(is_common(word) for word in words),
            known=tuple(is_known(word) for word in words),
            capitalised=capitalised,
            cased=cased,
            lang=lang or detect_language(words),
            line_starts=(0,) + tuple(match.end() for match in _NEWLINE.finditer(source)),
        )

    def in_transcript_case(self, replacement: str) -> str:
        """A replacement written the way this transcript writes: as is, or all in lower case or
        capitals when the transcript is (a fix does not break a recogniser's casing style)."""
        if self.cased:
            return replacement
        return replacement.upper() if self._writes_capitals else replacement.lower()

    @cached_property
    def _writes_capitals(self) -> bool:
        sample = self.source[:20_000]
        return sum(char.isupper() for char in sample) > sum(char.islower() for char in sample)

    @cached_property
    def elided(self) -> tuple[bool, ...]:
        """Whether each token is a French elided word joined to the next ("l" in "l'Ostinine")."""
        tokens, keys = self.tokens, self.keys
        return tuple(position + 1 < len(tokens) and tokens[position + 1].after_apostrophe
                     and keys[position] in ELIDED_WORDS for position in range(len(tokens)))

    @cached_property
    def loose_joins(self) -> tuple[bool, ...]:
        """Like ``joins``, and also across a comma (a recogniser writes one where the speaker
        paused, inside a misheard name too: "tout à l'heure, il") and after a French elided word
        ("pierre de l'Ostinine"); never across the end of a sentence or a line."""
        joins, elided = self.joins, self.elided
        return tuple(joined or (position > 0 and elided[position - 1]) or bool(_COMMA_GAP.fullmatch(token.gap_before))
                     for position, (joined, token) in enumerate(zip(joins, self.tokens)))

    @cached_property
    def apostrophe_joins(self) -> tuple[bool, ...]:
        """Like ``joins``, and also across a bare apostrophe ("L'Oréal", "O’Brien"): for forms that
        have one, which the tokens split; an elision is no part of a name spelled without one."""
        return tuple(joined or token.gap_before in APOSTROPHES for joined, token in zip(self.joins, self.tokens))

    def span_ranges(self, max_tokens: int = MAX_SPAN_TOKENS,
                    joins: tuple[bool, ...] | None = None) -> Iterator[tuple[int, int, str]]:
        """``(first, last, key)`` of every span: runs of 1 to ``max_tokens`` tokens, each joined to
        the one before it (by ``joins``: by default only spaces between them). No span ends with a
        French elided word: it belongs to the word after it ("elle n'a" is no "Ellen")."""
        keys, count, elided = self.keys, len(self.tokens), self.elided
        joins = self.joins if joins is None else joins
        for first in range(count):
            key = keys[first]
            if not elided[first]:
                yield first, first + 1, key
            for last in range(first + 2, min(first + max_tokens, count) + 1):
                if not joins[last - 1]:
                    break
                key += keys[last - 1]
                if not elided[last - 1]:
                    yield first, last, key

    def span(self, first: int, last: int, key: str) -> Span:
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        return Span(first, last, start, end, self.source[start:end], key)

    def all_common(self, span: Span) -> bool:
        return all(self.common[span.first : span.last])

    def all_known(self, span: Span) -> bool:
        return all(self.known[span.first : span.last])

    def written_lower(self, span: Span, but_sentence_start: bool = False) -> bool:
        """No token of the span written with a capital ("le monde", "a llama"); in a transcript
        without casing, every span (see :func:`_capitals`). With ``but_sentence_start``, the capital
        that only opens a sentence does not count ("Le monde entier")."""
        first = span.first
        token = self.tokens[first]
        if but_sentence_start and token.sentence_start and token.is_titled and not token.has_inner_capital:
            first += 1
        return not any(self.capitalised[first : span.last])

    def has_non_word(self, span: Span) -> bool:
        return not all(self.known[span.first : span.last])

    def name_like(self, span: Span) -> bool:
        """Every token capitalised, but for particles inside ("Charles de Gaule"), and not only
        because a sentence starts here ("Open EA", "OpenEye", not "Et même" or a lone "Samedi"
        opening a sentence). Never in a transcript written in capitals throughout (see :func:`_capitals`)."""
        capitalised, keys = self.capitalised, self.keys
        if not (capitalised[span.first] and capitalised[span.last - 1]) or not all(
                capitalised[position] or keys[position] in NAME_PARTICLES for position in range(span.first + 1, span.last - 1)):
            return False
        token = self.tokens[span.first]
        return span.size > 1 or not token.sentence_start or token.has_inner_capital

    def titled_inside(self, span: Span) -> bool:
        """Some token of the span written like "Word" mid-sentence ("open Ai", "Selon Open ai"): the
        recogniser wrote part of it as a name. An acronym in capitals does not count ("open AI
        models" is English for open models), nor anything in an uncased transcript (see :func:`_capitals`),
        nor a function word after a comma: recognisers capitalise where they begin a segment
        after a pause, and "..., Il y a de la tempête" is a clause, not Ilya."""
        tokens = self.tokens
        return any(self.capitalised[position] and tokens[position].is_titled and not tokens[position].sentence_start
                   and not (_CLAUSE_GAP.search(tokens[position].gap_before) and is_function_word(self.keys[position]))
                   for position in range(span.first, span.last))

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """1-based line and 0-based column of a character offset."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1]


_NEWLINE = re.compile("\n")
_COMMA_GAP = re.compile(r",[ \t]+")
_CLAUSE_GAP = re.compile(r"[,;:\u2013\u2014]")  # a comma, semicolon, colon or dash between words
# Below this many words a text is too short to tell its casing style (a title is all capitals).
CASING_SAMPLE = 20
# A cased transcript capitalises at least its sentence starts, one word in 15 or so; fewer words
# written like "Word" than this share, and the capitals are stray ("Ça" in a lower-case text).
MIN_CAPITALISED_SHARE = 0.01


def _capitals(tokens: tuple[Token, ...]) -> tuple[tuple[bool, ...], bool]:
    """Which tokens start with a capital, and whether capitals mean anything in this transcript.

    Some recognisers write everything in lower case, others everything in capitals: there case
    says nothing about names, so no token counts as capitalised (nothing looks like a name by its
    case) and the text is not ``cased`` (rewrites that only change case are formatting, not fixes).
    A transcript is cased when between 1% and half of its words are written like "Word": words in
    capitals ("IA", "CEO") do not count, so acronyms in a lower-case transcript do not make it cased.
    """
    capitalised = tuple(token.text[:1].isupper() for token in tokens)
    words = [token.text for token in tokens if token.text[:1].isalpha()]
    if len(words) < CASING_SAMPLE:
        return capitalised, True
    titled = sum(token.is_titled for token in tokens)
    if MIN_CAPITALISED_SHARE * len(words) <= titled <= len(words) / 2:
        return capitalised, True
    return (False,) * len(tokens), False
