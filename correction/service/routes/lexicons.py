"""``/v1/lexicons``: upload (a new version per upload), list, show, delete, and learn from review."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, UploadFile
from fastapi.responses import JSONResponse, Response

from ...io import decode_text
from ...lexicon import write_table
from ...review.learn import learn
from ..deps import Admin, Editor, StoreDep
from ..lexicons import default_version, entries_of, parse, warnings_of
from ..models import ERRORS, EntryRecord, LearnRequest, Learned, LexiconDetail, LexiconSummary, LexiconVersionInfo
from ..store import LexiconVersion, Store
from ..transcripts import decisions_of
from ..worker import DEFAULT_LEXICON

router = APIRouter(tags=["lexicons"], responses=ERRORS)

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
LexiconName = Annotated[str, Path(pattern=NAME_PATTERN, description="The lexicon's name.")]


def _versions(store: Store, name: str) -> list[LexiconVersion]:
    versions = [default_version()] if name == DEFAULT_LEXICON else store.lexicon_versions(name)
    if not versions:
        raise HTTPException(404, f"no lexicon named {name!r}")
    return versions


def _read_only(name: str) -> None:
    if name == DEFAULT_LEXICON:
        raise HTTPException(403, "the default lexicon is read-only; upload or learn into a lexicon of your own")


def _detail(name: str, versions: list[LexiconVersion], shown: LexiconVersion) -> LexiconDetail:
    entries = entries_of(shown)
    return LexiconDetail(name=name, read_only=name == DEFAULT_LEXICON, version=shown.version,
                         versions=[LexiconVersionInfo.of(v) for v in versions], warnings=warnings_of(entries),
                         entries=[EntryRecord.of(entry) for entry in entries])


@router.get("/v1/lexicons", response_model=list[LexiconSummary], summary="Every lexicon, with its latest version")
def list_lexicons(who: Editor, store: StoreDep) -> list[LexiconSummary]:
    summaries = [LexiconSummary(name=DEFAULT_LEXICON, read_only=True, latest=LexiconVersionInfo.of(default_version()))]
    for name in store.lexicon_names():
        summaries.append(LexiconSummary(name=name, read_only=False, latest=LexiconVersionInfo.of(store.lexicon(name))))
    return summaries


@router.post("/v1/lexicons", response_model=LexiconDetail, status_code=201, summary="Upload a lexicon version")
def post_lexicon(
    who: Editor, store: StoreDep,
    file: Annotated[UploadFile, File(description="A .txt list or a .csv/.tsv table, as --lexicon reads them.")],
    name: Annotated[str | None, Form(pattern=NAME_PATTERN, description="Default: the file name without its "
                                                                       "extension.")] = None,
) -> JSONResponse:
    """Store the file as the next version of lexicon `name` (made if new)."""
    filename = (file.filename or "lexicon.txt").rsplit("/", 1)[-1]
    content = decode_text(file.file.read(), filename)
    entries, sha256 = parse(content, filename)
    name = name or filename.rsplit(".", 1)[0]
    if not _valid(name):
        raise HTTPException(422, f"{filename}: give the lexicon a name (letters, digits, _ . -)")
    _read_only(name)
    stored = store.add_lexicon(name, filename, content, len(entries), sha256)
    detail = _detail(name, store.lexicon_versions(name), stored)
    return JSONResponse(detail.model_dump(), status_code=201, headers={"Location": f"/v1/lexicons/{name}"})


def _valid(name: str) -> bool:
    return re.fullmatch(NAME_PATTERN, name) is not None


@router.get("/v1/lexicons/{name}", response_model=LexiconDetail, summary="A lexicon: versions, entries, warnings")
def get_lexicon(
    who: Editor, store: StoreDep, name: LexiconName,
    version: Annotated[int | None, Query(ge=1, description="Default: the latest.")] = None,
) -> LexiconDetail:
    versions = _versions(store, name)
    shown = versions[-1] if version is None else next((v for v in versions if v.version == version), None)
    if shown is None:
        raise HTTPException(404, f"lexicon {name!r} has no version {version}")
    return _detail(name, versions, shown)


@router.delete("/v1/lexicons/{name}", status_code=204, summary="Delete a lexicon, every version (admin)")
def delete_lexicon(who: Admin, store: StoreDep, name: LexiconName) -> Response:
    _read_only(name)
    if not store.delete_lexicon(name):
        raise HTTPException(404, f"no lexicon named {name!r}")
    return Response(status_code=204)


@router.post("/v1/lexicons/{name}/learn", response_model=Learned, summary="Learn from a job's decisions")
def learn_from_job(who: Editor, store: StoreDep, name: LexiconName, body: LearnRequest) -> Learned:
    """`correction lexicon learn DECISIONS --into NAME`: accepted fixes become aliases, rejected ones
    negatives, in a new version of `name` (made if new; saved as CSV)."""
    _read_only(name)
    job = store.job(body.job)
    if job is None:
        raise HTTPException(404, f"no job {body.job!r}")
    latest = store.lexicon(name)
    decisions = decisions_of(job)
    result = learn(entries_of(latest) if latest else [], decisions)
    version = None
    if result.learned:
        content = write_table(result.entries)
        entries, sha256 = parse(content, f"{name}.csv")
        version = store.add_lexicon(name, f"{name}.csv", content, len(entries), sha256).version
    summary = (f"{result.summary} from {len(decisions)} decision(s)" if result.learned
               else f"nothing learned from {len(decisions)} decision(s); no new version")
    return Learned(name=name, version=version, summary=summary, notes=list(result.notes))
