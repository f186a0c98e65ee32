"""Turn a matched span and its replacement into the smallest rewrites of the source text.

Words that already agree are left alone, so "Salman Altman" -> "Sam Altman" rewrites only
"Salman", even when a line break sits between the two words. A match that would delete or add a
whole word ("de Microsoft" -> "Microsoft") or join words across a line break is refused: a name
fix never eats the words around it and never changes the line structure.

>>> from correction.text import tokenize
>>> plan_changes("Salman\\nAltman", tokenize("Salman\\nAltman"), "Sam Altman")
((0, 6, 'Sam'),)
>>> plan_changes("de Microsoft", tokenize("de Microsoft"), "Microsoft") is None
True
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from typing import Optional, Sequence

from .text import Token

Change = tuple[int, int, str]  # (start, end, replacement) in the source text


def plan_changes(source: str, tokens: Sequence[Token], replacement: str) -> Optional[tuple[Change, ...]]:
    """The rewrites that turn ``tokens`` into ``replacement``; ``()`` if already equal, None if refused.

    Words are aligned (difflib); each replaced run of words becomes one change. A word deleted or
    inserted outright, or a replaced run that spans a line break, refuses the whole match.
    """
    operations = _word_operations(tuple(token.text for token in tokens), replacement)
    if operations is None:
        return None
    changes = []
    for old_start, old_end, new_text in operations:
        start, end = tokens[old_start].start, tokens[old_end - 1].end
        if "\n" in source[start:end]:
            return None
        if source[start:end] != new_text:  # "D'Angelo" is the tokens "D", "Angelo": already as written
            changes.append((start, end, new_text))
    return tuple(changes)


def only_case_changes(source: str, changes: Sequence[Change]) -> bool:
    """True when every change rewrites the case of its text and nothing else ("hugging" -> "Hugging")."""
    return all(source[start:end].casefold() == new.casefold() for start, end, new in changes)


def rewritten_tokens(tokens: Sequence[Token], changes: Sequence[Change]) -> list[Token]:
    """The tokens that ``changes`` rewrite, of those given."""
    return [token for token in tokens if any(start <= token.start < end for start, end, _ in changes)]


@lru_cache(maxsize=1 << 16)
def _word_operations(old: tuple[str, ...], replacement: str) -> Optional[tuple[tuple[int, int, str], ...]]:
    """The word alignment of a match, cached: a transcript repeats its names (and their mishearings).

    Words are aligned whatever their case, so "musk ox" -> "Musk" deletes "ox" (refused) rather
    than replacing both; a word that differs only in case is rewritten on its own ("altman" -> "Altman").
    """
    new = replacement.split()
    folded_old, folded_new = [word.casefold() for word in old], [word.casefold() for word in new]
    operations = []
    matcher = SequenceMatcher(None, folded_old, folded_new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":  # the same words but for case: rewrite those whose case differs
            operations += [(position, position + 1, new[match]) for position, match in
                           zip(range(old_start, old_end), range(new_start, new_end)) if old[position] != new[match]]
            continue
        if operation != "replace":
            return None
        operations.append((old_start, old_end, " ".join(new[new_start:new_end])))
    return tuple(operations)
