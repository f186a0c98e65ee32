"""`correction.lexicon_tools.check`: duplicates and contradictions, one line each, and counts."""

from __future__ import annotations

import pytest

from correction import Entry
from correction.lexicon_tools.check import check_entries


def row(term, line, path="a.csv", **fields):
    return Entry(term, source=(path, line), **fields)


@pytest.mark.parametrize("rows, problems", [
    ([row("OpenAI", 2), row("Sam Altman", 3, aliases=("Altmann",))], []),
    # duplicates: same folded term twice in one file, naming both rows
    ([row("OpenAI", 2), row("Open AI", 3)], ["a.csv:3: duplicate term 'Open AI': also at a.csv:2 ('OpenAI')"]),
    ([row("OpenAI", 2), row("OpenAI", 7)], ["a.csv:7: duplicate term 'OpenAI': also at a.csv:2"]),
    # in a later file, a row for a known term extends it: not a problem
    ([row("OpenAI", 2), row("OpenAI", 2, path="b.csv", aliases=("OpenEye",))], []),
    # an alias or sound-alike claimed by two terms
    ([row("Sam Altman", 2, aliases=("Altman",)), row("Altman Corp", 3, sounds_like=("altman",))],
     ["a.csv:3: sound-alike 'altman' of 'Altman Corp' is also alias of 'Sam Altman' (a.csv:2)"]),
    ([row("Sam Altman", 2, aliases=("Altman",)), row("Altman Corp", 2, path="b.csv", aliases=("Altman",))],
     ["b.csv:2: alias 'Altman' of 'Altman Corp' is also alias of 'Sam Altman' (a.csv:2)"]),
    # an alias that is another term
    ([row("OpenAI", 2, aliases=("Open AI", "Anthropic")), row("Anthropic", 3)],
     ["a.csv:2: alias 'Anthropic' of 'OpenAI' is the term 'Anthropic' (a.csv:3)"]),
    # a negative that is an alias of the same term, also across its duplicate rows
    ([row("OpenAI", 2, aliases=("OpenEye",), negatives=("Open Eye",))],
     ["a.csv:2: negative 'Open Eye' of 'OpenAI' is also its alias (a.csv:2)"]),
    ([row("OpenAI", 2, sounds_like=("opène aï",)), row("OpenAI", 4, path="b.csv", negatives=("Opène AÏ",))],
     ["b.csv:4: negative 'Opène AÏ' of 'OpenAI' is also its sound-alike (a.csv:2)"]),
    # a negative of one term that is an alias of another is consistent: not reported
    ([row("OpenAI", 2, negatives=("Anthropic AI",)), row("Anthropic", 3, aliases=("Anthropic AI",))], []),
])
def test_problems(rows, problems):
    assert [str(problem) for problem in check_entries(rows).problems] == problems


def test_counts_are_over_the_merged_lexicon():
    report = check_entries([row("OpenAI", 2, kind="org"), row("Sam Altman", 3, kind="person", lang="en"),
                            row("Ilya Sutskever", 4, kind="person"), row("OpenAI", 2, path="b.csv")])
    assert (report.rows, report.entries, report.extended) == (4, 3, 1)
    assert (report.kinds, report.langs) == ({"person": 2, "org": 1}, {"any": 2, "en": 1})
    assert report.summary(2) == [
        "3 terms in 4 rows of 2 file(s), 1 extended by a later file: 0 duplicate(s), 0 contradiction(s)",
        "kinds: person 2, org 1",
        "langs: any 2, en 1",
    ]


def test_problems_are_listed_by_file_then_line():
    report = check_entries([row("A", 5, path="b.csv"), row("A", 9, path="b.csv"), row("B", 1, aliases=("A",)),
                            row("B", 3)])
    assert [problem.source for problem in report.problems] == [("b.csv", 9), ("a.csv", 1), ("a.csv", 3)]
