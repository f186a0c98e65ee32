"""`correction.lexicon_tools.extract`: which spans of show notes become lexicon rows, and how."""

from __future__ import annotations

from pathlib import Path

import pytest

from correction import Entry, Lexicon
from correction.lexicon_tools.extract import extract, guess_kind

HEADER = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed" / "header.txt"
LEXICON = Lexicon.from_entries([
    Entry("OpenAI", kind="org", context=("chatgpt",)),
    Entry("Sam Altman", kind="person", context=("openai",)),
    Entry("Ilya Sutskever", kind="person"),
    Entry("IA", lang="fr"),
    Entry("Apple", kind="org"),
    Entry("Thinking Machines Lab", kind="org"),
    Entry("GPT-4", kind="model"),
])


def terms(notes: str) -> list[tuple[str, str, bool]]:
    return [(found.entry.term, found.entry.kind, found.known) for found in extract(notes, LEXICON)]


@pytest.mark.parametrize("notes, expected", [
    # known names are copied with their kind; the others are new, kind guessed
    ("Le départ du PDG d'OpenAI, Sam Altman.", [("OpenAI", "org", True), ("Sam Altman", "person", True)]),
    ("Avec Tiffany Souterre et Jean-Baptiste Kempf.", [("Tiffany Souterre", "person", False),
                                                        ("Jean-Baptiste Kempf", "person", False)]),
    # CamelCase, capitals, digits, underscores, whatever their place
    ("VideoLAN et GPT-4 et Underscore_ et H100.", [("VideoLAN", "term", False), ("GPT-4", "model", True),
                                                     ("Underscore_", "term", False), ("H100", "term", False)]),
    # a surname alone names the person; a common first name alone names nobody
    ("On parle d'Ilya et de Sam.", [("Ilya Sutskever", "person", True)]),
    # ordinary words in capitals ("IA", "PDG") are not names; "Apple" mid-sentence is
    ("L'IA du PDG chez Apple, pas apple.", [("Apple", "org", True)]),
    # a phrase of ordinary words is a name when the lexicon knows it
    ("Thinking Machines Lab recrute.", [("Thinking Machines Lab", "org", True)]),
    # capitals explained by a sentence or line start, measures, dates, numbers: nothing
    ("Durée: 32m0s\n\nDate de sortie: 28/11/2023\n\nPensez à noter. Visitez le site en 5G et 3D.", []),
    # a Title Case title: capitals say nothing there, function words never belong to a name
    ("How OpenAI Fired Sam Altman And Why It Matters", [("OpenAI", "org", True), ("Sam Altman", "person", True)]),
    ("Interview With Tiffany Souterre", [("Tiffany Souterre", "person", False)]),
    # a sentence-initial word nobody knows is a name; more than four capitalised words are a title
    ("Acast héberge. La Conférence Nationale Des Entrepreneurs Français Réunis.", [("Acast", "term", False)]),
])
def test_extract(notes, expected):
    assert terms(notes) == expected


def test_each_term_once_at_its_first_mention_with_a_count():
    # lower-case ordinary words ("open ai") are not written like a name: not a mention
    found = extract("OpenAI.\nSam Altman et OpenAI,\net Open AI, pas open ai.", LEXICON)
    assert [(item.entry.term, item.line, item.mentions) for item in found] == [("OpenAI", 1, 3), ("Sam Altman", 2, 1)]


def test_a_known_entry_is_copied_whole():
    [found] = extract("chez OpenAI", LEXICON)
    assert found.entry == LEXICON.entries[0]


def test_the_show_notes_of_the_seed_episode():
    found = extract(HEADER.read_text(encoding="utf-8"), Lexicon.default())
    assert [(item.entry.term, item.entry.kind, item.known) for item in found] == [
        ("OpenAI", "org", True), ("Sam Altman", "person", True), ("Matthieu Lambda", "person", True),
        ("Acast", "term", False)]


@pytest.mark.parametrize("name, kind", [
    ("Tiffany Souterre", "person"), ("Tasha McCauley", "person"), ("Tom O'Reilly", "person"), ("Yann LeCun", "person"),
    ("Thinking Machines", "term"), ("Stability AI", "term"), ("Acast", "term"), ("GPT-4 Turbo", "term"),
    ("Un Deux Trois Quatre", "term"),
])
def test_guess_kind(name, kind):
    assert guess_kind(name) == kind
