"""The rows of the benchmark table: the raw transcript, the engine with passes added one at a
time, and the baselines. A registry keyed by the row label, built from the pass and baseline
registries (a new pass or baseline adds a row by itself).

>>> list(SYSTEMS)
['raw', '+exact', '+fuzzy', '+phonetic', '+context', 'flashtext', 'rapidfuzz']
>>> from correction.lexicon import Lexicon
>>> run = SYSTEMS["+exact"](Lexicon.from_terms(["OpenAI"], name="demo"))
>>> run("le PDG d'Open AI").text, run.signature.split("|")[1]
("le PDG d'OpenAI", 'passes=exact')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from typing import Callable, Protocol

from ..edits import Edit, apply_edits
from ..lexicon import Lexicon
from ..passes import DEFAULT_PASSES
from .baselines import BASELINES


@dataclass(frozen=True)
class Output:
    """What one system made of a text: the new text, its edits, and the language it assumed."""

    text: str
    edits: tuple[Edit, ...]
    lang: str | None = None


def run_by_transcript(run: "Run", transcripts) -> Output:
    """``run`` on each of a data set's ``transcripts`` on its own (:meth:`Dataset.transcripts`),
    its outputs joined as one: the edits' offsets and lines counted in the whole data set again."""
    texts, edits, langs, offset, lines = [], [], [], 0, 0
    for part in transcripts:
        output = run(part.raw)
        texts.append(output.text)
        edits += [replace(edit, start=edit.start + offset, end=edit.end + offset, line=edit.line + lines)
                  for edit in output.edits]
        langs.append(output.lang)
        offset += len(part.raw)
        lines += part.raw.count("\n")
    # the language most transcripts were read in (the first of them on a tie)
    return Output("".join(texts), tuple(edits), Counter(langs).most_common(1)[0][0] if langs else None)


class Run(Protocol):
    """A system built for one lexicon: call it on a text. ``timed`` is False for the raw row."""

    signature: str
    timed: bool

    def __call__(self, text: str) -> Output: ...


class RawRun:
    """The transcript as recognised: no edit (the row every other row improves on)."""

    timed = False

    def __init__(self, lexicon: Lexicon):
        self.signature = "raw"

    def __call__(self, text: str) -> Output:
        return Output(text, ())


class EngineRun:
    """The corrector with the given passes, in that order."""

    timed = True

    def __init__(self, passes: tuple[str, ...], lexicon: Lexicon):
        from ..engine import Corrector  # imported here: espeak-ng and wordfreq load with it

        self.corrector = Corrector(lexicon, passes=passes)
        self.signature = self.corrector.signature

    def __call__(self, text: str) -> Output:
        result = self.corrector.correct(text)
        return Output(result.text, result.edits, result.lang)


class BaselineRun:
    """One of :data:`~correction.bench.baselines.BASELINES`, its edits applied to the text."""

    timed = True

    def __init__(self, name: str, lexicon: Lexicon):
        self.baseline = BASELINES[name](lexicon)
        self.signature = f"baseline:{name}|lexicon={lexicon.signature}"

    def __call__(self, text: str) -> Output:
        edits = self.baseline(text)
        return Output(apply_edits(text, edits), edits)


SYSTEMS: dict[str, Callable[[Lexicon], Run]] = {
    "raw": RawRun,
    # cumulative: "+fuzzy" runs exact then fuzzy, "+context" runs every pass
    **{f"+{name}": partial(EngineRun, DEFAULT_PASSES[: position + 1]) for position, name in enumerate(DEFAULT_PASSES)},
    **{name: partial(BaselineRun, name) for name in BASELINES},
}
"""Row label -> ``build(lexicon) -> Run``, in the order of the table."""

BASELINE_ROWS = tuple(BASELINES)
