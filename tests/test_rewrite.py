import pytest

from correction.rewrite import only_case_changes, plan_changes
from correction.text import tokenize


@pytest.mark.parametrize(
    "source, replacement, changes",
    [
        ("Salman\nAltman", "Sam Altman", ((0, 6, "Sam"),)),
        ("Marc Zuckerberg", "Mark Zuckerberg", ((0, 4, "Mark"),)),
        ("Open EA", "OpenAI", ((0, 7, "OpenAI"),)),
        ("Miramurati", "Mira Murati", ((0, 10, "Mira Murati"),)),
        ("OpenAI", "OpenAI", ()),
        ("D'Angelo", "D'Angelo", ()),  # two tokens, "D" and "Angelo", already as written
        ("de Microsoft", "Microsoft", None),  # would delete "de"
        ("à Sam Altman tu", "Sam Altman", None),
        ("Open\nAI", "OpenAI", None),  # would join two lines
        ("musk ox", "Musk", None),  # would delete "ox": words align whatever their case
        ("sam altmann", "Sam Altman", ((0, 3, "Sam"), (4, 11, "Altman"))),  # "sam" only gains its capital
    ],
)
def test_plan_changes(source, replacement, changes):
    assert plan_changes(source, tokenize(source), replacement) == changes


@pytest.mark.parametrize("source, replacement, case_only", [
    ("hugging face", "Hugging Face", True),
    ("Open Eye", "OpenAI", False),
    ("notion", "Notion", True),
    ("reconquete", "Reconquête", False),  # an accent is more than the case
])
def test_only_case_changes(source, replacement, case_only):
    changes = plan_changes(source, tokenize(source), replacement)
    assert only_case_changes(source, changes) is case_only
