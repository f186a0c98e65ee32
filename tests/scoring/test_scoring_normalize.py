"""The named normalisations, case by case (each row documents one behaviour of the help text)."""

from __future__ import annotations

import pytest

from correction.errors import UsageError
from correction.scoring.normalize import DEFAULT_NORMALIZER, NORMALIZERS, get_normalizer

CASES = [
    # name, text, expected
    ("none", "  Le PDG d'OpenAI,\n\tSam  ", "Le PDG d'OpenAI, Sam"),
    ("none", "Twitter...", "Twitter..."),
    ("basic", "Le PDG d’OpenAI, Sam Altman…", "le pdg d'openai sam altman"),
    ("basic", "Vous êtes... Vous?", "vous êtes vous"),
    ("basic", "aujourd'hui, peut-être", "aujourd'hui peut-être"),
    ("basic", "GPT-4o et Node.js", "gpt-4o et node.js"),
    ("basic", "Underscore_ et e/acc", "underscore et e acc"),
    ("basic", "C++ et C#, AT&T", "c++ et c# at&t"),
    ("basic", "3,5 millions, 50 %, -10 et 2023.", "3,5 millions 50 % -10 et 2023"),
    ("basic", "«OpenAI» (la boîte)", "openai la boîte"),
    ("basic", "cafe\u0301", "café"),  # decomposed accent composed
    ("basic", "l'OpenAI", "l'openai"),  # basic keeps elision attached
    ("fr", "le PDG d'OpenAI", "le pdg d' openai"),
    ("fr", "l’IA qu'il jusqu'à", "l' ia qu' il jusqu' à"),
    ("fr", "aujourd'hui quelqu'un y'a presqu'île", "aujourd'hui quelqu'un y'a presqu'île"),
    ("fr", "OpenAI's", "openai's"),
    ("fr", "l' OpenAI", "l' openai"),  # a recogniser's stray space after the elision
    ("en", "he said 'sure' at 10 o'clock", "he said sure at 10 o'clock"),
    ("en", "OpenAI's CEO didn't say", "openai 's ceo did n't say"),
    ("en", "we're, they've, I'll, she'd, I'm", "we 're they 've i 'll she 'd i 'm"),
    ("en", "l'OpenAI", "l'openai"),
]


@pytest.mark.parametrize("name, text, expected", CASES)
def test_normalizer(name, text, expected):
    assert NORMALIZERS[name](text) == expected


@pytest.mark.parametrize("name", list(NORMALIZERS))
def test_numbers_are_left_as_they_are(name):
    assert NORMALIZERS[name]("1 2,5 3.14 2023 42") == "1 2,5 3.14 2023 42"


@pytest.mark.parametrize("name", list(NORMALIZERS))
def test_normalizing_twice_changes_nothing(name):
    text = "Le PDG d’OpenAI, Sam Altman… didn't say «GPT-4» -- 3,5 %!"
    once = NORMALIZERS[name](text)
    assert NORMALIZERS[name](once) == once


def test_registry_names_and_default():
    assert list(NORMALIZERS) == ["none", "basic", "fr", "en"]
    assert DEFAULT_NORMALIZER in NORMALIZERS
    assert all(NORMALIZERS[name].name == name and NORMALIZERS[name].summary for name in NORMALIZERS)


def test_unknown_normalizer_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown normalisation 'xx'; choose one of none, basic, fr, en"):
        get_normalizer("xx")
