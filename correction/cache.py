"""The on-disk cache: parsed lexicon files and their indexes, kept between runs.

A lexicon of 100,000 names takes seconds to parse and index (espeak-ng readings of every name,
n-gram postings); the cache keeps both as flat arrays (:mod:`correction.arrayfile`) under the
user's cache directory, so the next run maps them in a fraction of a second.

* ``lexicon/<key>.arrays``: the entries of a set of lexicon files, keyed by the files' names and
  the sha256 of their bytes (any edit to a file is a new key);
* ``index/<key>.arrays``: the index of a lexicon for a transcript language, keyed by the lexicon's
  content hash (:attr:`Lexicon.sha256`), the language and the engine fingerprint;
* ``wordfreq/<key>.arrays``: wordfreq's word lists as a table (:mod:`correction.wordfreq_table`,
  which keys and checks it; the command line points :mod:`correction.wordfreqs` at this folder).

Every other key includes :data:`ENGINE`: the package version, the storage format and a hash of the source
of the modules that build an index, so a code change never reuses an index built the old way. A
file that fails its checksum or was made for other settings is rebuilt, never trusted; files are
written through a temporary file and a rename, so concurrent runs never see half a file.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from . import __version__
from .arrayfile import StaleFile, gc_paused, read_arrays, write_arrays
from .index import READING_LANGS, LexiconIndex
from .lexicon import Entry, Lexicon, default_lexicon_path

CACHE_ENV = "CORRECTION_CACHE_DIR"
# Bump when what is stored changes shape; source changes are caught by the fingerprint below.
STORE_FORMAT = 1
# The modules whose code decides what an index holds.
INDEX_MODULES = ("index.py", "index_store.py", "arrayfile.py", "phonetics.py", "text.py", "lexicon.py",
                 "given_names.py", "wordfreqs.py", "wordfreq_table.py", "cache.py", "versions.py")
# Libraries whose data changes readings, word frequencies or given names.
INDEX_LIBRARIES = ("espeakng-loader", "phonemizer-fork", "wordfreq", "faker", "num2words")
# About 20 MB of readings; a run on new text adds a few thousand words.
MAX_READINGS = 1_000_000
ENTRY_FIELDS = ("term", "aliases", "sounds_like", "kind", "lang", "context", "negatives")


def default_cache_dir() -> Path:
    """``$CORRECTION_CACHE_DIR``, else the platform's user cache folder + ``correction``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "correction"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Package version, storage format, index-building sources and library versions, hashed."""
    from .versions import installed_version

    digest = hashlib.sha256(f"{__version__}|{STORE_FORMAT}".encode())
    here = Path(__file__).resolve().parent
    for name in INDEX_MODULES:
        digest.update((here / name).read_bytes())
    for library in INDEX_LIBRARIES:
        digest.update(f"{library}={installed_version(library) or 'none'}".encode())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class IndexCache:
    """Lexicons and indexes stored under ``directory``; ``Corrector(index_source=cache.index_for)``."""

    directory: Path

    def index_path(self, lexicon: Lexicon, lang: str) -> Path:
        # without entries marked fr or en, every language gets the same entries: one file serves all
        lang = lang if any(entry.lang for entry in lexicon) else ""
        return self.directory / "index" / f"{_key(lexicon.sha256, lang, engine_fingerprint())}.arrays"

    def index_for(self, lexicon: Lexicon, lang: str) -> LexiconIndex:
        """The index of ``lexicon``'s entries for ``lang``: loaded if stored and sound, else built and stored."""
        from .index_store import load_index, save_index

        restricted = lexicon.restricted_to(lang)
        path, meta = self.index_path(lexicon, lang), self._index_meta(lexicon)
        try:
            return load_index(path, restricted, meta)
        except StaleFile:
            pass
        index = LexiconIndex(restricted)
        _store(lambda: save_index(index, path, meta))
        return index

    def stored(self, lexicon: Lexicon, lang: str) -> bool:
        """Whether a sound index of ``lexicon`` for ``lang`` is stored (checked whole: checksum too)."""
        try:
            read_arrays(self.index_path(lexicon, lang), self._index_meta(lexicon))
        except StaleFile:
            return False
        return True

    @staticmethod
    def _index_meta(lexicon: Lexicon) -> dict:
        return {"engine": engine_fingerprint(), "lexicon": lexicon.sha256}

    def readings(self) -> StoredReadings:
        """The stored espeak-ng readings, as a context (see :class:`StoredReadings`)."""
        return StoredReadings(self.directory / "readings" / f"{_key(engine_fingerprint())}.arrays")

    def lexicon_path(self, paths: Sequence[str | os.PathLike]) -> Path:
        parts = [f"{path}:{hashlib.sha256(Path(path).read_bytes()).hexdigest()}" for path in paths]
        return self.directory / "lexicon" / f"{_key(engine_fingerprint(), *parts)}.arrays"

    def lexicon(self, *paths: str | os.PathLike) -> Lexicon:
        """``Lexicon.load(*paths)``, from the stored entries when these files were loaded before."""
        paths = paths or (default_lexicon_path(),)
        try:
            path = self.lexicon_path(paths)
        except OSError:
            return Lexicon.load(*paths)  # a missing file: let the loader say so
        meta = {"engine": engine_fingerprint()}
        try:
            return _read_lexicon(path, meta)
        except StaleFile:
            pass
        lexicon = Lexicon.load(*paths)
        _store(lambda: _write_lexicon(lexicon, path, meta))
        return lexicon


class StoredReadings:
    """espeak-ng readings of words kept between runs: ``with cache.readings():`` loads them into
    :mod:`correction.phonetics` and, on the way out, stores what the run added (merged with what
    other runs stored meanwhile)."""

    def __init__(self, path: Path):
        self.path = path
        self.loaded = 0

    def _read(self) -> list[tuple[tuple[str, str], str]]:
        try:
            stored = read_arrays(self.path, {"engine": engine_fingerprint()})
        except StaleFile:
            return []
        langs = [READING_LANGS[code] for code in stored.arrays["lang"].tolist()]
        return list(zip(zip(stored.strings["text"], langs), stored.strings["ipa"]))

    def load(self) -> None:
        """Give :mod:`correction.phonetics` the stored readings (without storing anything later)."""
        from . import phonetics

        known = self._read()
        phonetics.learn_ipa(known)
        self.loaded = len(known)

    def __enter__(self) -> "StoredReadings":
        self.load()
        return self

    def __exit__(self, *error) -> None:
        from . import phonetics

        known = phonetics.known_ipa()
        if len(known) <= self.loaded or error[0] is not None:
            return
        merged = dict(self._read())
        merged.update(known)
        # this run's readings first: when the file is full, the oldest go
        kept = list(known.items()) + [item for item in merged.items() if item[0] not in known]
        kept = kept[:MAX_READINGS]
        _store(lambda: write_arrays(
            self.path, {"engine": engine_fingerprint()},
            {"lang": np.array([READING_LANGS.index(lang) for (_, lang), _ in kept], dtype=np.uint8)},
            {"text": [text for (text, _), _ in kept], "ipa": [ipa for _, ipa in kept]}))


def _store(write) -> None:
    """Write a cache file; a cache folder that cannot be written only costs the next run time."""
    try:
        write()
    except OSError as error:
        print(f"warning: cache not written ({error})", file=sys.stderr)


# A stored lexicon is one text: an entry per record, its fields (ENTRY_FIELDS, then the index of its
# source file) split by unit separators, tuples joined by "|" as in the CSV. Splitting one string is
# C work; 100,000 entries load in a tenth of a second rather than column by column in Python.
RECORD, UNIT = "\x1e", "\x1f"


def _write_lexicon(lexicon: Lexicon, path: Path, meta: dict) -> None:
    sources = list(dict.fromkeys(entry.source[0] for entry in lexicon))
    where = {source: str(number) for number, source in enumerate(sources)}
    records = []
    for entry in lexicon:
        values = ["|".join(value) if isinstance(value, tuple) else value
                  for value in (getattr(entry, name) for name in ENTRY_FIELDS)]
        records.append(UNIT.join([*values, where[entry.source[0]]]))
    text = RECORD.join(records)
    if text.count(UNIT) != len(records) * len(ENTRY_FIELDS) or text.count(RECORD) != max(0, len(records) - 1):
        return  # a separator inside a value (no lexicon file has one): parsed anew every time, not stored
    lines = np.array([entry.source[1] for entry in lexicon], dtype=np.int64)
    write_arrays(path, {**meta, "name": lexicon.name, "warnings": list(lexicon.warnings), "sha256": lexicon.sha256,
                        "sources": sources}, {"source_line": lines}, {"entries": [text]})


def _read_lexicon(path: Path, meta: dict) -> Lexicon:
    stored = read_arrays(path, meta)
    sources, lines = stored.meta["sources"], stored.arrays["source_line"].tolist()
    text = stored.strings["entries"][0]
    with gc_paused():
        entries = _entries(text, lines, sources)
    lexicon = Lexicon(tuple(entries), name=stored.meta["name"], warnings=tuple(stored.meta["warnings"]))
    lexicon.__dict__["sha256"] = stored.meta["sha256"]  # the cached_property, as computed when stored
    return lexicon


def _entries(text: str, lines: list[int], sources: list[str]) -> list[Entry]:
    def split(value: str) -> tuple[str, ...]:
        return tuple(value.split("|")) if value else ()

    entries = []
    for record, line in zip(text.split(RECORD) if text else [], lines):
        term, aliases, sounds_like, kind, lang, context, negatives, source = record.split(UNIT)
        # The entries were validated when the files were parsed; a frozen dataclass's __init__
        # costs 3 µs, 0.3 s for 100,000 entries, so their fields are set directly.
        entry = Entry.__new__(Entry)
        entry.__dict__.update(term=term, aliases=split(aliases), sounds_like=split(sounds_like), kind=kind, lang=lang,
                              context=split(context), negatives=split(negatives), source=(sources[int(source)], line))
        entries.append(entry)
    return entries
