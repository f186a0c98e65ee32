"""Review on the server: the review page, the decisions saved as the editor clicks, and apply.

The page is the one `correction review --html` writes, given a link back here
(:class:`~correction.review.html.ServerLink`); decisions are read, checked and applied with
the functions `correction apply` uses.
"""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ...edits import text_sha256
from ...errors import InputError
from ...io import decode_text
from ...review.decisions import Decision, accepted_edits, read_decisions, write_decisions
from ...review.html import ServerLink, render_report
from ..deps import JobDep, StoreDep
from ..models import ERRORS, Applied, DecisionRecord, Decisions, DecisionsIn
from ..transcripts import decisions_of, document_of, proposals_of
from .common import not_done

router = APIRouter(tags=["review"], responses=ERRORS)

DECISIONS_BODY = {"requestBody": {"required": False, "content": {
    "application/x-ndjson": {"schema": {"type": "string", "description": "A decisions file (JSON Lines), as "
                                        "`review --interactive` or the page's export writes it."}}}}}


@router.get("/review/{job_id}", summary="The review page of a job",
            responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "The page."}})
def review_page(job: JobDep) -> HTMLResponse:
    """The page `review --html` writes, saving each decision here as the editor clicks, with a
    button that applies the accepted fixes and a link to the result.

    Open it with the link in the job's `review_url` (it carries the job's review key)."""
    if job.state != "done":
        raise not_done(job)
    document = document_of(job)
    link = ServerLink(f"/v1/jobs/{job.id}/decisions", job.review_key, tuple(decisions_of(job)),
                      apply_url=f"/v1/jobs/{job.id}/apply", result_url=f"/v1/jobs/{job.id}/result")
    page = render_report(document.text, proposals_of(job), job.input_name, text_sha256(document.source), server=link)
    # The URL holds the review key: keep it out of Referer headers and caches.
    return HTMLResponse(page, headers={"Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
                                       "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"})


def _decisions(job_id: str, decisions: list[Decision]) -> Decisions:
    return Decisions(job=job_id, decisions=[DecisionRecord.of_decision(d) for d in decisions])


@router.get("/v1/jobs/{job_id}/decisions", response_model=Decisions, summary="The decisions saved on a job")
def get_decisions(job: JobDep) -> Decisions:
    if job.state != "done":
        raise not_done(job)
    return _decisions(job.id, decisions_of(job))


@router.put("/v1/jobs/{job_id}/decisions", response_model=Decisions, summary="Save every decision on a job")
def put_decisions(job: JobDep, store: StoreDep, body: DecisionsIn) -> Decisions:
    """Replace the job's decisions (a later one on the same proposal wins). An accepted
    replacement must fit the transcript (no line break inside a subtitle cue...)."""
    if job.state != "done":
        raise not_done(job)
    proposals = {proposal.id: proposal for proposal in proposals_of(job)}
    decisions = {}
    for item in body.decisions:
        proposal = proposals.get(item.id)
        if proposal is None:
            raise HTTPException(422, f"decision on proposal {item.id}: job {job.id} has {len(proposals)} proposal(s)")
        decisions[item.id] = Decision(proposal, item.decision, proposal.edit.replacement if item.replacement is None
                                      else item.replacement)
    chosen = list(decisions.values())
    edits = [replace(d.proposal.edit, replacement=d.replacement) for d in chosen if d.accepted]
    try:
        document_of(job).render(edits)
    except ValueError as error:
        raise InputError(f"{job.input_name}", f"{error}; decisions not saved") from None
    store.save_decisions(job.id, write_decisions(chosen))
    return _decisions(job.id, sorted(chosen, key=lambda d: d.proposal.id))


@router.post("/v1/jobs/{job_id}/apply", response_model=Applied, openapi_extra=DECISIONS_BODY,
             summary="Apply the accepted fixes")
async def apply(job: JobDep, store: StoreDep, request: Request) -> Applied:
    """Write the transcript with the accepted fixes, as `correction apply` does: the saved
    decisions, or a decisions file in the body (checked against the job's input checksum)."""
    if job.state != "done":
        raise not_done(job)
    raw = await request.body()
    name = "decisions" if raw.strip() else f"{job.id}.decisions.jsonl"
    decisions = read_decisions(decode_text(raw, name), name) if raw.strip() else decisions_of(job)
    document = document_of(job)
    edits = accepted_edits(decisions, document.source, name)
    try:
        rendered = document.render(edits)
    except ValueError as error:
        raise InputError(name, f"{error}; nothing written") from None
    store.save_applied(job.id, rendered)
    decided = len({decision.proposal.id for decision in decisions})
    return Applied(job=job.id, applied=len(edits), rejected=decided - len(edits),
                   result_url=f"/v1/jobs/{job.id}/result")
