"""Correcting many texts on several cores (``--jobs N``) or machines (``--dask``): the same corrector,
rebuilt once in every worker process from a small picklable :class:`EngineSpec`.

A worker loads the lexicon and its index from the cache (memory-mapped: processes on one machine
share the pages), so starting one costs a fraction of a second, not an index build. Results come
back in input order, so a parallel run writes exactly what a serial run writes.

>>> spec = EngineSpec.of([], cache=None, passes="exact", lang="fr")
>>> [[edit.replacement for edit in edits] for edits in correct_texts(spec, ["OpenAi", "Anthropic"])]
[['OpenAI'], []]
"""

from __future__ import annotations

import gc
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from .edits import Edit

if TYPE_CHECKING:
    from .cache import IndexCache
    from .engine import Corrector

@dataclass(frozen=True)
class EngineSpec:
    """Everything a worker needs to build the corrector the command line asked for.

    ``lexicons`` are absolute paths (every worker must see the same files); ``options`` the keyword
    arguments of :class:`~correction.engine.Corrector` besides the lexicon (passes, min_score, lang...),
    as sorted pairs; ``cache_dir`` None is ``--no-cache`` (every worker then builds its own index)."""

    lexicons: tuple[str, ...]
    options: tuple[tuple[str, object], ...]
    cache_dir: str | None

    @classmethod
    def of(cls, lexicons: Sequence[str], cache: "IndexCache | None", **options: object) -> "EngineSpec":
        return cls(tuple(str(Path(path).resolve()) for path in lexicons), tuple(sorted(options.items())),
                   str(cache.directory.resolve()) if cache is not None else None)

    @property
    def lang(self) -> str | None:
        return dict(self.options).get("lang")  # type: ignore[return-value]

    @property
    def cache(self) -> "IndexCache | None":
        from .cache import IndexCache

        return IndexCache(Path(self.cache_dir)) if self.cache_dir is not None else None

    def corrector(self, lang: str | None = None) -> "Corrector":
        """This process's corrector for this spec (and ``lang``, if not the spec's), built on first use."""
        key = (self, lang or self.lang)
        if key not in _CORRECTORS:
            _CORRECTORS[key] = self._build(lang or self.lang)
        return _CORRECTORS[key]

    def _build(self, lang: str | None) -> "Corrector":
        from . import wordfreqs
        from .engine import Corrector
        from .lexicon import Lexicon

        cache = self.cache
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the parent process reported the lexicon's warnings
            lexicon = cache.lexicon(*self.lexicons) if cache is not None else Lexicon.load(*self.lexicons)
        if cache is not None:
            wordfreqs.use_table(cache.directory)  # a worker not forked from the command (Dask, spawn)
        if cache is not None and not _READINGS_LOADED:
            # readings stored by earlier runs; a worker does not store its own (the parent run does)
            cache.readings().load()
            _READINGS_LOADED.append(True)
        options = {**dict(self.options), "lang": lang}
        if cache is not None:
            options["index_source"] = cache.index_for
        return Corrector(lexicon, **options)

    def adopt(self, corrector: "Corrector") -> None:
        """Use ``corrector`` (built by the caller, who reported the lexicon's warnings) for this spec
        in this process, and in the worker processes forked from it."""
        _CORRECTORS[(self, self.lang)] = corrector

    def warm(self, langs: Sequence[str] = ("fr", "en")) -> None:
        """Load or build the indexes before workers start: forked workers inherit them, others load
        them from the cache instead of each building its own."""
        from . import phonetics, wordfreqs

        corrector = self.corrector()
        for lang in [self.lang] if self.lang else langs:
            corrector.index_for(lang)
        # espeak-ng and both languages' word frequencies (the stored table, or wordfreq's lists),
        # loaded once here rather than in every worker
        phonetics.readings(["warm"])
        for lang in wordfreqs.LANGUAGES:
            wordfreqs.zipf("warm", lang)


_CORRECTORS: dict[tuple[EngineSpec, str | None], "Corrector"] = {}
_READINGS_LOADED: list[bool] = []


def correct_texts(spec: EngineSpec, texts: Sequence[str], langs: Sequence[str | None] | None = None
                  ) -> list[tuple[Edit, ...]]:
    """The edits of each text, in this process (``langs``: a language per text, None for the spec's)."""
    langs = langs if langs is not None else [None] * len(texts)
    return [spec.corrector(lang).correct(text).edits for text, lang in zip(texts, langs)]


def _correct_one(spec: EngineSpec, text: str) -> tuple[Edit, ...]:
    return spec.corrector().correct(text).edits


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def correct_in_processes(spec: EngineSpec, texts: Sequence[str], jobs: int) -> Iterator[tuple[Edit, ...]]:
    """The edits of each text, in input order, from ``jobs`` worker processes (here when ``jobs`` is 1)."""
    if jobs <= 1 or len(texts) <= 1:
        for text in texts:
            yield _correct_one(spec, text)
        return
    # imported here: a run on one file or with --jobs 1 never starts a process
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    spec.warm()
    # One text per task, longest first: a worker that is free takes the next one, so the last tasks
    # are the shortest and neither worker waits long for the other at the end (chunks of a dozen
    # files left one worker idle for up to a dozen files' time). A task's text and edits are small.
    longest_first = sorted(range(len(texts)), key=lambda number: -len(texts[number]))
    pool = ProcessPoolExecutor(min(jobs, len(texts)), mp_context=multiprocessing.get_context())
    # What the workers inherit is set aside from garbage collection: a forked worker's collections
    # then skip the parent's objects (lexicon, index, modules) instead of walking, and so copying,
    # them (0.05 to 0.15 s of CPU per worker on a folder of 200 transcripts, in collections). The
    # workers start at the first task, so this is before they fork; the finally undoes it.
    gc.freeze()
    try:
        futures = {number: pool.submit(_correct_one, spec, texts[number]) for number in longest_first}
        for number in range(len(texts)):
            yield futures[number].result()
    finally:
        pool.shutdown(cancel_futures=True)  # a consumer that stops early does not wait for the rest
        gc.unfreeze()
