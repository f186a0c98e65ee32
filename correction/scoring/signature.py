"""Signatures: the settings a score depends on, as one string, so that a number can be reproduced.

Modelled on sacrebleu's ``nrefs:1|case:mixed|tok:13a|version:2.0.0``: ``key:value`` pairs joined by
``|``, fixed key order, and only the keys that apply to the score.

>>> str(Signature(metric="wer", normalize="basic", unit="line", version="0.1.0", jiwer="4.0.0"))
'metric:wer|norm:basic|lex:none|unit:line|jiwer:4.0.0|version:0.1.0'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from .. import __version__
from ..lexicon import Lexicon

SHA_PREFIX = 12


@lru_cache(maxsize=None)
def library_version(name: str) -> str:
    """Installed version of a distribution (the alignment, hence B-WER ties, depends on jiwer's)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Signature:
    """Settings behind a score. ``metric`` is ``wer`` (transcripts) or ``edits`` (P/R/F1)."""

    metric: str
    normalize: str | None = None
    lexicon: str | None = None
    lexicon_sha256: str | None = None
    unit: str | None = None
    match: str | None = None
    jiwer: str | None = None
    version: str = __version__

    @classmethod
    def for_wer(cls, normalize: str, unit: str, lexicon: Lexicon | None = None) -> "Signature":
        return cls(
            metric="wer",
            normalize=normalize,
            lexicon=lexicon.name if lexicon is not None else None,
            lexicon_sha256=lexicon.sha256[:SHA_PREFIX] if lexicon is not None else None,
            unit=unit,
            jiwer=library_version("jiwer"),
        )

    @classmethod
    def for_edits(cls, match: str) -> "Signature":
        return cls(metric="edits", match=match)

    def pairs(self) -> list[tuple[str, str]]:
        pairs = [("metric", self.metric)]
        if self.metric == "wer":
            pairs.append(("norm", self.normalize or "none"))
            lexicon = f"{self.lexicon}@{self.lexicon_sha256}" if self.lexicon else "none"
            pairs.append(("lex", lexicon))
            pairs.append(("unit", self.unit or "text"))
        if self.match is not None:
            pairs.append(("match", self.match))
        if self.jiwer is not None:
            pairs.append(("jiwer", self.jiwer))
        pairs.append(("version", self.version))
        return pairs

    def __str__(self) -> str:
        return "|".join(f"{key}:{value}" for key, value in self.pairs())

    def to_dict(self) -> dict:
        """The settings as an object, plus ``text``: the one-line form to quote with a number."""
        data = {key: value for key, value in vars(self).items() if value is not None}
        data["text"] = str(self)
        return data
