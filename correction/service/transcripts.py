"""From uploaded bytes to stored jobs, and from a stored job back to the library's objects.

Uploads are read as the CLI reads files (UTF-8 checks, the format from the name's extension or
``format``, the same parser), before any job is stored: bad input is refused with the CLI's
message and nothing is queued.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from ..edits import text_sha256
from ..engine import parse_passes
from ..errors import InputError, UsageError
from ..formats import EXTENSIONS, Document, format_for, read_document
from ..io import decode_text
from ..passes import DEFAULT_PASSES
from ..review.decisions import Decision, Proposal, read_decisions, read_proposals
from ..review.learn import latest
from .auth import new_secret
from .store import Job, JobOptions, Store
from .worker import DEFAULT_LEXICON


def read_transcript(data: bytes, name: str, format_name: str | None) -> Document:
    """Parse an upload named ``name`` as ``correction correct`` parses a file of that name."""
    fmt = format_for(name, format_name)
    return read_document(decode_text(data, name), name, fmt)


def zip_members(data: bytes, name: str, limit: int) -> list[tuple[str, bytes]]:
    """The transcript files of a zip (by extension, as a folder given to `correct`), in name order.

    ``limit`` bounds the unpacked size, so a small zip cannot unpack into gigabytes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(name, "not a zip file") from None
    members = sorted((info for info in archive.infolist() if not info.is_dir()
                      and PurePath(info.filename).suffix.lower() in EXTENSIONS
                      and not info.filename.endswith(".edits.jsonl")), key=lambda info: info.filename)
    if sum(info.file_size for info in members) > limit:
        raise InputError(name, f"unpacks to more than the limit of {limit:,} bytes")
    if not members:
        raise InputError(name, f"no transcript files ({', '.join(EXTENSIONS)}) in this zip")
    try:
        return [(f"{name}/{info.filename}", archive.read(info)) for info in members]
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        raise InputError(name, f"cannot unpack: {error}") from None


DEFAULT_MIN_SCORE = 0.8  # as `correct --min-score`


def default_options() -> JobOptions:
    """The options of a request that names none: what the workers warm up with."""
    return JobOptions(((DEFAULT_LEXICON, 1),), ",".join(DEFAULT_PASSES), DEFAULT_MIN_SCORE, "auto")


def job_options(store: Store, lexicons: list[str], passes: str, min_score: float, lang: str) -> JobOptions:
    """Check the settings as `correct` does and pin each named lexicon to its latest version."""
    parse_passes(passes)
    pinned = []
    for name in lexicons or [DEFAULT_LEXICON]:
        if name == DEFAULT_LEXICON:
            pinned.append((name, 1))
            continue
        stored = store.lexicon(name)
        if stored is None:
            raise UsageError("lexicon", f"no lexicon named {name!r} (GET /v1/lexicons lists them)")
        pinned.append((name, stored.version))
    return JobOptions(tuple(pinned), passes, min_score, lang)


def store_jobs(store: Store, documents: list[tuple[str, Document]], options: JobOptions,
               batch_id: str | None = None) -> list[str]:
    """Store one queued job per ``(name, document)`` (committed before this returns); their ids, in order."""
    rows = [(new_secret()[:22], name, doc.format_name, doc.source, options, new_secret()) for name, doc in documents]
    store.add_jobs(rows, batch_id)
    return [row[0] for row in rows]


def document_of(job: Job) -> Document:
    return read_document(job.source, job.input_name, job.format)


def proposals_of(job: Job) -> list[Proposal]:
    return read_proposals(job.edits or "", job.input_name)


def decisions_of(job: Job) -> list[Decision]:
    """The job's saved decisions, one per proposal."""
    return latest(read_decisions(job.decisions or "", f"{job.id}.decisions.jsonl"))


def checksum_of(job: Job) -> str:
    return text_sha256(job.source)
