"""Archives of transcripts as Parquet tables: ``id``, ``text`` and optional ``format`` (txt, srt, vtt,
json; default txt) and ``lang`` (fr, en; empty or missing: guessed) columns in; the same table with
the texts corrected, and an edits table (one row per edit, with the transcript's ``id``), out.

A table is corrected one partition at a time by :func:`correct_partition`, in this process or on
Dask workers (:mod:`correction.dask_run`): the same function, so the same texts and edits.
pyarrow (and Dask) come with the optional extra ``correction[dask]``.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from .edits import Edit
from .errors import InputError, UsageError
from .formats import FORMATS, read_document

if TYPE_CHECKING:
    import pandas as pd

    from .parallel import EngineSpec

REQUIRED = ("id", "text")
EDIT_COLUMNS = ("id", *(field.name for field in fields(Edit)))
EDITS_COLUMN = "__edits__"  # a partition's edits travel beside its texts, as JSON, back to the caller
EXTRA = "pip install 'correction[dask]'"


def require(module: str, what: str) -> None:
    """Import ``module`` or raise a UsageError naming the extra to install."""
    try:
        __import__(module)
    except ImportError:
        raise UsageError(what, f"needs {module}, which is not installed; {EXTRA}") from None


def is_archive(path: str) -> bool:
    return path.lower().endswith(".parquet")


def edits_path_for(output: str) -> str:
    """``OUT.parquet`` -> ``OUT.edits.parquet``."""
    return str(Path(output).with_suffix("")) + ".edits.parquet"


def read_archive(path: str) -> "pd.DataFrame":
    """The table at ``path``, checked: an ``id`` and a ``text`` column, known formats and languages."""
    require("pyarrow", path)
    import pyarrow.parquet as pq

    if not Path(path).exists():
        raise InputError(path, "no such file")
    try:
        frame = pq.read_table(path).to_pandas()
    except Exception as error:  # pyarrow raises several types for a damaged file
        raise InputError(path, f"cannot read Parquet: {error}") from None
    check_columns(frame, path)
    return frame


def check_columns(frame: "pd.DataFrame", path: str) -> None:
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise InputError(path, f"no {', '.join(missing)} column; an archive needs id and text (and may have "
                               "format, lang)")
    if "format" in frame.columns:
        unknown = sorted(set(frame["format"].dropna()) - set(FORMATS) - {""})
        if unknown:
            raise InputError(path, f"unknown format(s) {', '.join(map(str, unknown))}; use {', '.join(FORMATS)}")
    if "lang" in frame.columns:
        unknown = sorted(set(frame["lang"].dropna()) - {"", "fr", "en"})
        if unknown:
            raise InputError(path, f"unknown lang(s) {', '.join(map(str, unknown))}; use fr, en or empty")


def correct_partition(frame: "pd.DataFrame", spec: "EngineSpec", name: str = "<archive>") -> "pd.DataFrame":
    """``frame`` with each text corrected (through its format), and its edits as JSON in EDITS_COLUMN."""
    formats = frame["format"].tolist() if "format" in frame.columns else [None] * len(frame)
    langs = frame["lang"].tolist() if "lang" in frame.columns else [None] * len(frame)
    texts, edits_json = [], []
    for row_id, text, format_name, lang in zip(frame["id"].tolist(), frame["text"].tolist(), formats, langs):
        document = read_document(text, f"{name}[id={row_id}]", _cell(format_name) or "txt")
        edits = spec.corrector(_cell(lang)).correct(document.text).edits
        texts.append(document.render(edits))
        edits_json.append(json.dumps([asdict(edit) for edit in edits], ensure_ascii=False))
    corrected = frame.copy()
    corrected["text"] = texts
    corrected[EDITS_COLUMN] = edits_json
    return corrected


def _cell(value: object) -> str | None:
    """An optional text cell: None for a missing value (None, or NaN from pandas) or an empty string."""
    return value if isinstance(value, str) and value else None


def split_edits(corrected: "pd.DataFrame") -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """The corrected table without its edits column, and the edits table (id first, in row order)."""
    import pandas as pd

    rows = [{"id": row_id, **edit} for row_id, edits in zip(corrected["id"].tolist(), corrected[EDITS_COLUMN].tolist())
            for edit in json.loads(edits)]
    edits = pd.DataFrame(rows, columns=list(EDIT_COLUMNS))
    if rows:
        edits = edits.astype({"start": "int64", "end": "int64", "line": "int64", "column": "int64",
                              "score": "float64"})
    return corrected.drop(columns=[EDITS_COLUMN]).reset_index(drop=True), edits


def write_table(frame: "pd.DataFrame", path: str) -> None:
    """Write ``frame`` as Parquet through a temporary file and a rename (all or nothing)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), temp_name)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
