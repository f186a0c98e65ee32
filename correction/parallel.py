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
        from . import wordfreqs

        corrector = self.corrector()
        for lang in [self.lang] if self.lang else langs:
            corrector.index_for(lang)
        # both languages' word frequencies (the stored table, or wordfreq's lists), loaded once here
        # rather than in every worker
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


def _correct_many(spec: EngineSpec, texts: list[str]) -> list[tuple[Edit, ...]]:
    return [_correct_one(spec, text) for text in texts]


def guided_tasks(sizes: Sequence[int], jobs: int) -> list[list[int]]:
    """The texts (by number) of each task, tasks in the order they are handed out: longest texts
    first, each task about 1/(2*jobs) of what is left (guided scheduling). The first tasks are large,
    so the parent's cost per task (sending it, taking back its edits: about 0.5 ms) is paid a few
    dozen times, not once per file; the last are single short texts, so no worker waits long for
    another at the end.

    >>> guided_tasks([5, 1, 9, 3, 3, 7], 2)
    [[2], [5], [0], [3], [4], [1]]
    >>> [len(task) for task in guided_tasks([1000] * 200, 2)]
    [50, 37, 28, 21, 16, 12, 9, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1]
    """
    order = sorted(range(len(sizes)), key=lambda number: -sizes[number])
    left = sum(sizes)
    tasks: list[list[int]] = []
    position = 0
    while position < len(order):
        task, size = [], 0
        share = left / (2 * jobs)
        while position < len(order) and (not task or size + sizes[order[position]] <= share):
            task.append(order[position])
            size += sizes[order[position]]
            position += 1
        tasks.append(task)
        left -= size
    return tasks


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def correct_in_processes(spec: EngineSpec, texts: Sequence[str], jobs: int) -> Iterator[tuple[Edit, ...]]:
    """The edits of each text, in input order, from ``jobs`` worker processes (here when ``jobs`` is 1)."""
    waiting: dict[int, tuple[Edit, ...]] = {}
    following = 0
    for number, edits in correct_as_completed(spec, texts, jobs):
        waiting[number] = edits
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def correct_as_completed(spec: EngineSpec, texts: Sequence[str], jobs: int
                         ) -> Iterator[tuple[int, tuple[Edit, ...]]]:
    """``(number, edits)`` for each text as soon as it is corrected, by ``jobs`` worker processes
    (here, in input order, when ``jobs`` is 1). A caller that writes each result as it comes does
    so while the workers go on, not all at the end."""
    if jobs <= 1 or len(texts) <= 1:
        for number, text in enumerate(texts):
            yield number, _correct_one(spec, text)
        return
    # imported here: a run on one file or with --jobs 1 never starts a process
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    spec.warm()
    tasks = guided_tasks([len(text) for text in texts], jobs)
    pool = ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=multiprocessing.get_context())
    # What the workers inherit is set aside from garbage collection: a forked worker's collections
    # then skip the parent's objects (lexicon, index, modules) instead of walking, and so copying,
    # them (0.05 to 0.15 s of CPU per worker on a folder of 200 transcripts, in collections). The
    # workers start at the first task, so this is before they fork; the finally undoes it.
    gc.freeze()
    try:
        futures = {pool.submit(_correct_many, spec, [texts[number] for number in task]): task for task in tasks}
        for future in as_completed(futures):
            yield from zip(futures[future], future.result())
    finally:
        pool.shutdown(cancel_futures=True)  # a consumer that stops early does not wait for the rest
        gc.unfreeze()
