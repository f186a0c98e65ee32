"""Request and response bodies, as typed models: the OpenAPI schema at /openapi.json is built from them.

Records that mirror the library's (an edit, a proposal, a decision) carry exactly the fields the
CLI writes in its JSON Lines files, so a client can feed them to the CLI and back.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal, get_type_hints

from pydantic import BaseModel, Field, create_model

from ..edits import Edit
from ..lexicon import Entry
from ..review.decisions import Decision, Proposal
from .store import Job, LexiconVersion


class ErrorBody(BaseModel):
    """Every 4xx answer: one line naming what is wrong (the CLI's wording: file, line)."""

    detail: str


ERRORS = {status: {"model": ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422, 503)}
"""The error answers every route documents (422 replaces FastAPI's list-shaped validation error)."""


class TokenRequest(BaseModel):
    role: Literal["editor", "admin"]


class TokenCreated(BaseModel):
    id: int
    role: str
    token: str = Field(description="Shown once; only its hash is kept.")


class TokenInfo(BaseModel):
    id: int
    role: str
    created: str


EditFields = create_model("EditFields", **{name: (hint, ...) for name, hint in get_type_hints(Edit).items()})
"""The fields of :class:`correction.edits.Edit`, as a model (one list of fields, the dataclass's)."""


class EditRecord(EditFields):
    """One edit, as a line of `correct --edits` (offsets in the transcript's corrected text unit)."""

    input_sha256: str

    @classmethod
    def of(cls, edit: Edit, input_sha256: str) -> "EditRecord":
        return cls(**asdict(edit), input_sha256=input_sha256)


class ProposalRecord(EditRecord):
    """An edit numbered for review (1, 2, ... in text order)."""

    id: int

    @classmethod
    def of_proposal(cls, proposal: Proposal) -> "ProposalRecord":
        return cls(**asdict(proposal.edit), input_sha256=proposal.input_sha256, id=proposal.id)


class DecisionIn(BaseModel):
    id: int = Field(ge=1, description="The proposal's number.")
    decision: Literal["accept", "reject"]
    replacement: str | None = Field(None, max_length=1000,
                                    description="What an accepted fix writes; default: the proposed text.")


class DecisionsIn(BaseModel):
    """Every decision on the job (they replace those saved before); undecided proposals are left out."""

    decisions: list[DecisionIn] = Field(max_length=100_000)


class DecisionRecord(ProposalRecord):
    """A decision, as a line of the decisions file (`review --interactive`, the page's export)."""

    decision: str
    proposed: str

    @classmethod
    def of_decision(cls, decision: Decision) -> "DecisionRecord":
        edit = decision.proposal.edit
        return cls(**dict(asdict(edit), replacement=decision.replacement), id=decision.proposal.id,
                   decision=decision.verdict, proposed=edit.replacement, input_sha256=decision.proposal.input_sha256)


class Decisions(BaseModel):
    job: str
    decisions: list[DecisionRecord]


class CorrectionResult(BaseModel):
    """What `correct INPUT --edits LOG` writes: the corrected transcript and its edit log."""

    id: str
    format: str
    text: str = Field(description="The corrected transcript, in its own format.")
    edits: list[EditRecord]
    proposals: list[ProposalRecord]
    signature: str
    review_url: str


class JobStatus(BaseModel):
    id: str
    state: Literal["queued", "running", "done", "failed"]
    progress: float = Field(description="0 until done (or failed), then 1.")
    input_name: str
    format: str
    lexicons: list[str]
    batch: str | None
    created: str
    updated: str
    edits: int | None
    error: str | None
    reviewed: bool = Field(description="Whether the accepted fixes were applied (`POST .../apply`).")
    result_url: str
    review_url: str

    @classmethod
    def of(cls, job: Job, review_url: str) -> "JobStatus":
        return cls(
            id=job.id, state=job.state, progress=1.0 if job.state in ("done", "failed") else 0.0,
            input_name=job.input_name, format=job.format,
            lexicons=[f"{name}@v{version}" for name, version in job.options.lexicons] or ["default@v1"],
            batch=job.batch_id, created=job.created, updated=job.updated, edits=job.edit_count, error=job.error,
            reviewed=job.applied is not None, result_url=f"/v1/jobs/{job.id}/result", review_url=review_url,
        )


class JobAccepted(BaseModel):
    id: str
    state: str
    location: str


class Applied(BaseModel):
    job: str
    applied: int = Field(description="Accepted fixes written.")
    rejected: int
    result_url: str


class EntryRecord(BaseModel):
    term: str
    aliases: list[str]
    sounds_like: list[str]
    kind: str
    lang: str
    context: list[str]
    negatives: list[str]
    line: int

    @classmethod
    def of(cls, entry: Entry) -> "EntryRecord":
        return cls(term=entry.term, aliases=list(entry.aliases), sounds_like=list(entry.sounds_like), kind=entry.kind,
                   lang=entry.lang, context=list(entry.context), negatives=list(entry.negatives), line=entry.source[1])


class LexiconVersionInfo(BaseModel):
    version: int
    filename: str
    entries: int
    sha256: str
    created: str

    @classmethod
    def of(cls, stored: LexiconVersion) -> "LexiconVersionInfo":
        return cls(version=stored.version, filename=stored.filename, entries=stored.entries, sha256=stored.sha256,
                   created=stored.created)


class LexiconSummary(BaseModel):
    name: str
    read_only: bool
    latest: LexiconVersionInfo


class LexiconDetail(BaseModel):
    name: str
    read_only: bool
    version: int = Field(description="The version whose entries and warnings are shown.")
    versions: list[LexiconVersionInfo]
    warnings: list[str] = Field(description="What `correction lexicon check` reports for this version.")
    entries: list[EntryRecord]


class LearnRequest(BaseModel):
    job: str = Field(max_length=64, description="The job whose saved decisions teach the lexicon.")


class Learned(BaseModel):
    name: str
    version: int | None = Field(description="The new version; null when nothing was learned.")
    summary: str
    notes: list[str]


class BatchCreated(BaseModel):
    id: str
    jobs: list[str]
    location: str


class BatchJob(BaseModel):
    id: str
    input_name: str
    state: str


class BatchStatus(BaseModel):
    id: str
    total: int
    states: dict[str, int]
    progress: float = Field(description="The share of jobs done or failed.")
    jobs: list[BatchJob]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    workers: int
    waiting_jobs: int
