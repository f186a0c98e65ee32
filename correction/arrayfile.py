"""One file of named numpy arrays and strings, checksummed, written atomically, read memory-mapped.

What the caches store (a lexicon's index, espeak-ng readings) is a few large arrays: this format
keeps them as raw bytes that ``numpy.frombuffer`` maps back without a copy or a Python object per
item, where a pickle of the same index took about 2 s to load at 100,000 terms.

Layout: ``MAGIC``, the header's length (8 bytes, little-endian), the header (JSON: format version,
the caller's ``meta``, where each array is, and the payload's checksum), then the arrays, each
aligned to 64 bytes. A list of strings is stored as one UTF-8 blob (:class:`StringTable`). A
file that is truncated, altered, of another format version or whose ``meta`` differs from what
the reader expects raises :class:`StaleFile`: the caller rebuilds it.

>>> import tempfile, numpy as np
>>> path = tempfile.mkdtemp() + "/x.arrays"
>>> write_arrays(path, {"v": 1}, {"ids": np.arange(3)}, {"names": ["a", "bé"]})
>>> stored = read_arrays(path, {"v": 1})
>>> stored.arrays["ids"].tolist(), list(stored.strings["names"])
([0, 1, 2], ['a', 'bé'])
"""

from __future__ import annotations

import gc
import hashlib
import json
import mmap
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Sequence

import numpy as np

MAGIC = b"CORRARR1"
FORMAT = 2
ALIGN = 64


@contextmanager
def gc_paused():
    """Make many Python objects from stored arrays without the cyclic collector running: it would
    scan every object made so far each few hundred, and tripled the time to make 250,000 tuples."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class StaleFile(Exception):
    """A stored file that must not be used: missing, corrupt, or made for other settings."""


class StringTable(Sequence[str]):
    """A read-only list of strings over one UTF-8 blob, decoded whole when first read.

    The blob is the strings joined by SEPARATOR (split back in C, the fastest way to make a
    quarter of a million strings), or, when a string holds that character, the strings end to end
    with their byte offsets beside them."""

    SEPARATOR = "\x00"

    def __init__(self, blob: np.ndarray, offsets: np.ndarray | None, count: int):
        self._blob = blob
        self._offsets = offsets  # None: the blob is separated
        self._count = count
        self._decoded: list[str] | None = None

    @classmethod
    def of(cls, strings: Sequence[str]) -> "StringTable":
        joined = cls.SEPARATOR.join(strings)
        if joined.count(cls.SEPARATOR) == max(0, len(strings) - 1):
            return cls(np.frombuffer(joined.encode("utf-8"), dtype=np.uint8), None, len(strings))
        encoded = [text.encode("utf-8") for text in strings]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets, len(strings))

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number):  # type: ignore[override]
        if isinstance(number, slice):
            return [self[item] for item in range(*number.indices(len(self)))]
        if self._decoded is None:
            # decoded whole on the first read (a few tens of ms for 250,000 keys): look-ups read
            # thousands of items, which one by one cost more than that
            self._decoded = list(self)
        return self._decoded[number]

    def __iter__(self) -> Iterator[str]:
        text = self._blob.tobytes().decode("utf-8")
        if self._offsets is None:
            return iter(text.split(self.SEPARATOR) if self._count else [])
        # byte offsets become character offsets by subtracting the UTF-8 continuation bytes
        # (10xxxxxx) before each
        continuation = np.flatnonzero((self._blob & 0xC0) == 0x80)
        offsets = (self._offsets - np.searchsorted(continuation, self._offsets)).tolist()
        return map(text.__getitem__, map(slice, offsets, offsets[1:]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


@dataclass(frozen=True)
class Stored:
    """What :func:`read_arrays` returns: the meta, the arrays (read-only views of the file), the strings."""

    meta: dict
    arrays: Mapping[str, np.ndarray]
    strings: Mapping[str, StringTable]


def write_arrays(path: str | os.PathLike, meta: dict, arrays: Mapping[str, np.ndarray],
                 strings: Mapping[str, Sequence[str]] = {}) -> None:
    """Write ``arrays`` and ``strings`` with ``meta`` to ``path``: a temporary file, then a rename, so
    that a reader never sees half a file and two concurrent writers leave one whole file."""
    parts: dict[str, np.ndarray] = {name: np.ascontiguousarray(array) for name, array in arrays.items()}
    tables = {name: texts if isinstance(texts, StringTable) else StringTable.of(texts)
              for name, texts in strings.items()}
    for name, table in tables.items():
        parts[f"{name}.blob"] = table._blob
        if table._offsets is not None:
            parts[f"{name}.offsets"] = table._offsets
    entries, payload, position = [], [], 0
    for name, array in parts.items():
        padding = -position % ALIGN
        payload.append(b"\0" * padding)
        position += padding
        data = array.tobytes()
        entries.append({"name": name, "dtype": array.dtype.str, "shape": list(array.shape), "offset": position})
        payload.append(data)
        position += len(data)
    digest = hashlib.sha256()
    for chunk in payload:
        digest.update(chunk)
    header = json.dumps({"format": FORMAT, "meta": meta, "arrays": entries, "strings": {name: len(table) for name, table in tables.items()},
                         "sha256": digest.hexdigest(), "size": position}).encode("utf-8")
    header += b" " * (-(len(MAGIC) + 8 + len(header)) % ALIGN)  # the payload starts aligned
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + len(header).to_bytes(8, "little") + header)
            for chunk in payload:
                stream.write(chunk)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def read_arrays(path: str | os.PathLike, expected_meta: Mapping | None = None) -> Stored:
    """Map ``path`` and check it whole (magic, format, checksum, and ``expected_meta`` if given).

    Raises StaleFile when the file cannot be trusted; never returns data from a damaged file."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size < len(MAGIC) + 8:
                raise StaleFile(f"{path}: truncated")
            mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        raise StaleFile(f"{path}: missing") from None
    except (OSError, ValueError) as error:
        raise StaleFile(f"{path}: cannot read ({error})") from None
    view = memoryview(mapped)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise StaleFile(f"{path}: not a {MAGIC.decode()} file")
    length = int.from_bytes(view[len(MAGIC) : len(MAGIC) + 8], "little")
    start = len(MAGIC) + 8 + length
    try:
        header = json.loads(bytes(view[len(MAGIC) + 8 : start]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise StaleFile(f"{path}: damaged header") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise StaleFile(f"{path}: format {header.get('format') if isinstance(header, dict) else '?'}, expected {FORMAT}")
    if expected_meta is not None and any(header["meta"].get(key) != value for key, value in expected_meta.items()):
        raise StaleFile(f"{path}: made for other settings")
    payload = view[start:]
    if len(payload) != header["size"] or hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise StaleFile(f"{path}: checksum mismatch (corrupt or truncated)")
    arrays = {}
    for entry in header["arrays"]:
        dtype = np.dtype(entry["dtype"])
        count = int(np.prod(entry["shape"], dtype=np.int64))
        if not count:  # frombuffer refuses an offset at the very end of the buffer
            arrays[entry["name"]] = np.empty(entry["shape"], dtype=dtype)
            continue
        arrays[entry["name"]] = np.frombuffer(payload, dtype=dtype, count=count,
                                              offset=entry["offset"]).reshape(entry["shape"])
    strings = {name: StringTable(arrays.pop(f"{name}.blob"), arrays.pop(f"{name}.offsets", None), count)
               for name, count in header["strings"].items()}
    return Stored(header["meta"], arrays, strings)
