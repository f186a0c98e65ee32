"""Which words are given names, from the first-name lists of Faker's person providers (86 locales).

A plain list of terms says nothing about which terms are people. "Reid Hoffman" and "Tim Cook"
end in ordinary words ("hoffman" and "cook" are frequent), like "Google Meet" and "Apple
Podcasts" do; a first word that is a given name tells the people apart.

>>> is_given_name("Reid"), is_given_name("Google")
(True, False)
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from .text import fold

_LIST_NAMES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
               "first_romanized_names")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    # imported on first use (about 0.15 s): only plain-list lexicons need it
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module_info in pkgutil.iter_modules(person_providers.__path__):
        try:
            provider = importlib.import_module(f"{person_providers.__name__}.{module_info.name}").Provider
        except (ImportError, AttributeError):
            continue  # a locale this Faker version ships differently: the other 85 still tell names
        for list_name in _LIST_NAMES:
            listed = vars(provider).get(list_name)
            if isinstance(listed, (list, tuple, dict)):
                names.update(fold(name) for name in listed if isinstance(name, str) and name.isalpha())
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of three letters or more ("Le", "Xi" say too little)."""
    key = fold(word)
    return len(key) >= 3 and key in _given_names()
