"""``POST /v1/corrections``: correct one transcript; ``/v1/jobs/{id}``: its state and result."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ...errors import FormatError, InputError
from ...formats.convert import convert
from ..deps import Editor, JobDep, RunnerDep, SettingsDep, StoreDep
from ..models import ERRORS, CorrectionResult, EditRecord, JobAccepted, JobStatus, ProposalRecord
from ..store import Job
from ..transcripts import document_of, job_options, proposals_of, read_transcript, store_jobs
from .common import FORMAT_PATTERN, CorrectionQuery, correction_query, not_done, review_url, too_busy

router = APIRouter(tags=["corrections"], responses=ERRORS)

MEDIA_TYPES = {"txt": "text/plain; charset=utf-8", "srt": "application/x-subrip; charset=utf-8",
               "vtt": "text/vtt; charset=utf-8", "json": "application/json; charset=utf-8"}

TRANSCRIPT_BODY = {"requestBody": {"required": False, "content": {  # no body: an empty transcript
    "text/plain": {"schema": {"type": "string"}},
    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "The transcript file (its name's "
                 "extension gives the format)."}}}},
}}}


async def transcript_upload(request: Request, name: str) -> tuple[str, bytes]:
    """The transcript's name and bytes: a file upload (multipart, field ``file``) or the whole body."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InputError("file", "expected a file upload in the form field 'file'")
        return upload.filename or name, await upload.read()
    return name, await request.body()


@router.post("/v1/corrections", response_model=CorrectionResult, openapi_extra=TRANSCRIPT_BODY,
             responses={202: {"model": JobAccepted, "description": "Accepted: poll the job at Location."}},
             summary="Correct a transcript (txt, SRT, WebVTT, Whisper JSON)")
async def post_correction(
    request: Request, who: Editor, store: StoreDep, runner: RunnerDep, settings: SettingsDep,
    query: Annotated[CorrectionQuery, Depends(correction_query)],
    name: Annotated[str, Query(max_length=255, description="The transcript's name, for messages and, by its "
                                                           "extension, its format (a file upload has its own).")]
    = "transcript.txt",
    run_async: Annotated[bool, Query(alias="async", description="Answer 202 at once, even for a short one.")] = False,
):
    """Correct the transcript in the body as `correction correct` would.

    A short transcript answers 200 with the corrected text, the edit log and the numbered
    proposals; a long one (over the service's word limit), or any with `async=true`, answers
    202 with the job's id and its `Location`."""
    upload_name, data = await transcript_upload(request, name)
    document = await run_in_threadpool(read_transcript, data, upload_name, query.format)
    options = job_options(store, query.lexicons, query.passes, query.min_score, query.lang)
    if not runner.room_for(1):
        raise too_busy(runner, 1)
    [job_id] = store_jobs(store, [(upload_name, document)], options)
    task = runner.submit(job_id)
    if run_async or len(document.text.split()) > settings.sync_max_words:
        location = f"/v1/jobs/{job_id}"
        body = JobAccepted(id=job_id, state="queued", location=location)
        return JSONResponse(body.model_dump(), status_code=202, headers={"Location": location})
    await asyncio.shield(task)  # a client that goes away does not cancel the job
    job = store.job(job_id)
    if job.state != "done":
        raise HTTPException(422, job.error or f"job {job_id} is {job.state}")
    return result_of(job)


def result_of(job: Job) -> CorrectionResult:
    proposals = proposals_of(job)
    return CorrectionResult(
        id=job.id, format=job.format, text=job.result or "", signature=job.signature or "",
        edits=[EditRecord.of(p.edit, p.input_sha256) for p in proposals],
        proposals=[ProposalRecord.of_proposal(p) for p in proposals], review_url=review_url(job),
    )


@router.get("/v1/jobs/{job_id}", response_model=JobStatus, summary="A job's state")
def get_job(job: JobDep) -> JobStatus:
    return JobStatus.of(job, review_url(job))


@router.get("/v1/jobs/{job_id}/corrections", response_model=CorrectionResult,
            summary="A finished job's corrected text, edits and proposals (what the 200 answer holds)")
def get_job_corrections(job: JobDep) -> CorrectionResult:
    if job.state != "done":
        raise not_done(job)
    return result_of(job)


@router.get("/v1/jobs/{job_id}/result", summary="The corrected transcript (after review, once applied)",
            responses={200: {"content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()},
                             "description": "The transcript, in its own format or converted (timed formats "
                                            "from timed transcripts only)."}})
def get_result(
    job: JobDep,
    format: Annotated[str | None, Query(pattern=FORMAT_PATTERN, description="The job's own format (default); "
                                        "txt for the corrected text alone; srt, vtt or json from a timed "
                                        "transcript (its segments' timings and texts).")] = None,
) -> Response:
    """The transcript with the accepted fixes once `apply` was called, else with every fix."""
    if job.state != "done":
        raise not_done(job)
    wanted = format or job.format
    content = job.applied if job.applied is not None else job.result
    if wanted != job.format:  # written from the corrected file's segments (timings kept)
        try:
            content = convert(document_of(replace(job, source=content)), wanted, job.input_name)
        except FormatError as error:
            raise HTTPException(422, str(error)) from None
    return Response(content, media_type=MEDIA_TYPES[wanted],
                    headers={"X-Correction-Reviewed": "yes" if job.applied is not None else "no"})
