"""Reading inputs safely and writing outputs atomically.

Inputs are checked before anything is written: a missing, binary or non-UTF-8 file raises
:class:`InputError` naming the file (and the line of the first bad byte). Outputs go to a
temporary file in the target folder and are renamed into place, so a failed run never leaves a
half-written file behind.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import deque
from pathlib import Path

from .errors import InputError


def decode_text(data: bytes, path: str) -> str:
    """Decode UTF-8 bytes (a leading BOM is kept as text) or raise an InputError naming the line."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(path, "binary file (NUL byte), expected UTF-8 text", line=line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})", line=line
        ) from None


def read_text(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file, or stdin when ``path`` is ``-``, exactly as stored (no newline translation)."""
    name = str(path)
    if name == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>")
    file = Path(name)
    if not file.exists():
        raise InputError(name, "no such file")
    if file.is_dir():
        raise InputError(name, "is a directory, expected a file")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror}") from None
    return decode_text(data, name)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: all or nothing."""
    with StagedWrites() as staged:
        staged.write(path, text)
        staged.commit()


class StagedWrites:
    """Several files written all or nothing: ``write`` puts each in a temporary file beside its
    target as soon as it is ready, ``commit`` renames them all into place. Leaving the ``with``
    block by an error removes the temporaries not yet renamed, so a run that fails half way (a
    bad file, a crash, Ctrl-C) writes none of its outputs, however many were ready."""

    def __init__(self) -> None:
        self._staged: deque[tuple[str, Path]] = deque()

    def __enter__(self) -> "StagedWrites":
        return self

    def write(self, path: str | os.PathLike, text: str) -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        self._staged.append((temp_name, target))
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        # mkstemp makes the file owner-only; give it the permissions a plain open() would
        os.chmod(temp_name, 0o666 & ~_umask())

    def commit(self) -> None:
        while self._staged:
            temp_name, target = self._staged[0]
            os.replace(temp_name, target)
            self._staged.popleft()

    def __exit__(self, *error: object) -> None:
        for temp_name, _ in self._staged:
            Path(temp_name).unlink(missing_ok=True)
        self._staged.clear()


def _umask() -> int:
    umask = os.umask(0)  # the only way to read it is to set it
    os.umask(umask)
    return umask


def loads_json(text: str):
    """``json.loads``, except that nesting too deep for Python's parser (``[[[[...`` thousands of
    levels) is a :class:`json.JSONDecodeError`, like any other unreadable JSON, not a RecursionError.

    >>> loads_json('{"a": [1]}')
    {'a': [1]}
    >>> loads_json("[" * 5000 + "]" * 5000)
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: nested too deeply (more levels than the parser can hold): line 1 column 1 (char 0)
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply (more levels than the parser can hold)", text, 0) from None


def json_record(text: str) -> dict:
    """One JSON Lines record: a JSON object, or a ``ValueError`` saying what was found instead
    (a list or a number there would otherwise fail later as an AttributeError, not as bad input).

    >>> json_record('[1, 2]')
    Traceback (most recent call last):
    ValueError: expected a JSON object, found a list
    """
    record = loads_json(text)
    if not isinstance(record, dict):
        found = {list: "a list", str: "a string", bool: "true or false", type(None): "null"}.get(
            type(record), "a number")
        raise ValueError(f"expected a JSON object, found {found}")
    return record
