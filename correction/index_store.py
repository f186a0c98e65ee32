"""A lexicon's index saved as flat arrays (:mod:`correction.arrayfile`) and loaded without rebuilding.

Everything :class:`~correction.index.LexiconIndex` holds is stored: the surfaces (as columns: entry
position, role, text, replacement, folded key), the exact table (keys and the surface ids of each),
both n-gram indexes and the sound keys' owners. Loading maps the file and makes Python objects only
for what the passes read in their inner loops: the surfaces (one C-level pass), and the exact
table's dict of keys on first use.

>>> import tempfile
>>> from correction.lexicon import Lexicon
>>> lexicon = Lexicon.from_terms(["OpenAI", "Sam Altman"])
>>> path = tempfile.mkdtemp() + "/index.arrays"
>>> save_index(LexiconIndex(lexicon), path, {"key": "k"})
>>> loaded = load_index(path, lexicon, {"key": "k"})
>>> [surface.text for surface in loaded.exact["altman"]], loaded.spelling.search("openaii", cutoff=0.8)
(['Altman'], [(0, 0.923...)])
"""

from __future__ import annotations

import os
from typing import Iterator, Mapping, Sequence

import numpy as np

from .arrayfile import StringTable, gc_paused, read_arrays, write_arrays
from .index import LexiconIndex, NgramIndex, SoundOwners, Surface
from .lexicon import Entry, Lexicon

ROLES = ("term", "alias", "sounds_like", "part")
NGRAM_INDEXES = ("spelling", "sound")


def surfaces_from(entries: Sequence[Entry], columns: Mapping[str, np.ndarray],
                  strings: Mapping[str, StringTable]) -> list[Surface]:
    """The stored surfaces as a list, made in one pass of C-level iteration (about 0.1 s for 250,000).

    A plain list because the passes index it in their innermost loops (a phonetic look-up in a large
    lexicon reads thousands of surfaces): a lazy sequence cost more in calls than this in making."""
    with gc_paused():
        owners = list(map(entries.__getitem__, columns["surface_entry"].tolist()))
        roles = list(map(ROLES.__getitem__, columns["surface_role"].tolist()))
        return list(map(Surface._make, zip(range(len(owners)), strings["surface_text"],
                                           strings["surface_replacement"], owners, roles, strings["surface_key"])))


class ExactTable(Mapping[str, list]):
    """Folded spelling -> surfaces, over stored keys and ids; the dict of keys is made on first use."""

    def __init__(self, keys: StringTable, offsets: np.ndarray, ids: np.ndarray, surfaces: Sequence[Surface]):
        self._keys, self._offsets, self._ids, self._surfaces = keys, offsets, ids, surfaces
        self._slots: dict[str, int] | None = None

    @property
    def slots(self) -> dict[str, int]:
        if self._slots is None:
            self._slots = dict(zip(self._keys, range(len(self._keys))))
        return self._slots

    def __getitem__(self, key: str) -> list[Surface]:
        slot = self.slots[key]
        ids = self._ids[self._offsets[slot] : self._offsets[slot + 1]].tolist()
        return [self._surfaces[number] for number in ids]

    def __contains__(self, key: object) -> bool:
        return key in self.slots

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)


def save_index(index: LexiconIndex, path: str | os.PathLike, meta: dict) -> None:
    """Build whatever ``index`` has not built yet and write it all to ``path`` (atomically)."""
    ngrams = {"spelling": index.spelling, "sound": index.sound}  # builds them if needed
    position = {id(entry): number for number, entry in enumerate(index.lexicon.entries)}
    surfaces = list(index.surfaces)
    exact_ids = [[surface.id for surface in found] for found in index.exact.values()]
    arrays = {
        "surface_entry": np.array([position[id(surface.entry)] for surface in surfaces], dtype=np.int32),
        "surface_role": np.array([ROLES.index(surface.role) for surface in surfaces], dtype=np.uint8),
        "exact_offsets": np.cumsum([0] + [len(ids) for ids in exact_ids], dtype=np.int64),
        "exact_ids": np.array([number for ids in exact_ids for number in ids], dtype=np.int32),
        "spelling_owner": np.asarray(index._spelling_owner, dtype=np.int32),
        "sound_owner_offsets": index._sound_owners.offsets,
        "sound_owner_ids": index._sound_owners.surface_ids,
        "sound_owner_langs": index._sound_owners.langs,
    }
    for name, ngram in ngrams.items():
        arrays.update({f"{name}_{array}": values for array, values in ngram.arrays().items()})
    strings = {
        "surface_text": [surface.text for surface in surfaces],
        "surface_replacement": [surface.replacement for surface in surfaces],
        "surface_key": [surface.key for surface in surfaces],
        "exact_keys": list(index.exact),
        **{f"{name}_keys": ngram.keys for name, ngram in ngrams.items()},
    }
    write_arrays(path, {**meta, "surfaces": len(surfaces)}, arrays, strings)


def load_index(path: str | os.PathLike, lexicon: Lexicon, meta: Mapping) -> LexiconIndex:
    """The index saved at ``path`` for ``lexicon`` (the entries it was built from, in the same order).

    Raises :class:`~correction.arrayfile.StaleFile` if the file is damaged or ``meta`` differs."""
    stored = read_arrays(path, meta)
    arrays, strings = stored.arrays, stored.strings
    surfaces = surfaces_from(lexicon.entries, arrays, strings)
    exact = ExactTable(strings["exact_keys"], arrays["exact_offsets"], arrays["exact_ids"], surfaces)
    ngrams = {name: NgramIndex.from_arrays(strings[f"{name}_keys"],
                                           {array: arrays[f"{name}_{array}"] for array in NgramIndex.ARRAYS})
              for name in NGRAM_INDEXES}
    owners = SoundOwners(arrays["sound_owner_offsets"], arrays["sound_owner_ids"], arrays["sound_owner_langs"])
    return LexiconIndex.assembled(lexicon, surfaces, exact, ngrams["spelling"], arrays["spelling_owner"],
                                  ngrams["sound"], owners)
