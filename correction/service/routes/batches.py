"""``/v1/batches``: many transcripts at once (several files, or zips of them), one job each."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..auth import new_secret
from ..deps import Editor, RunnerDep, SettingsDep, StoreDep
from ..models import ERRORS, BatchCreated, BatchJob, BatchStatus
from ..transcripts import job_options, read_transcript, store_jobs, zip_members
from .common import CorrectionQuery, correction_query, too_busy

router = APIRouter(tags=["batches"], responses=ERRORS)


@router.post("/v1/batches", status_code=202, response_model=BatchCreated, summary="Correct many transcripts")
async def post_batch(
    who: Editor, store: StoreDep, runner: RunnerDep, settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="Transcript files, or .zip files of transcripts.")],
    query: Annotated[CorrectionQuery, Depends(correction_query)],
) -> JSONResponse:
    """One job per transcript, run by the worker pool. Every file is read first: one bad file
    refuses the batch (naming the file and line) and nothing is queued, as `correct DIR` does."""
    named = []
    for number, upload in enumerate(files, 1):
        name = upload.filename or f"file-{number}.txt"
        data = await upload.read()
        if PurePath(name).suffix.lower() == ".zip":
            named += zip_members(data, name, settings.max_body_bytes * 10)
        else:
            named.append((name, data))
    documents = await run_in_threadpool(lambda: [(name, read_transcript(data, name, query.format))
                                                 for name, data in named])
    options = job_options(store, query.lexicons, query.passes, query.min_score, query.lang)
    if not runner.room_for(len(documents)):
        raise too_busy(runner, len(documents))
    batch_id = new_secret()[:22]
    job_ids = store_jobs(store, documents, options, batch_id)
    for job_id in job_ids:
        runner.submit(job_id)
    location = f"/v1/batches/{batch_id}"
    body = BatchCreated(id=batch_id, jobs=job_ids, location=location)
    return JSONResponse(body.model_dump(), status_code=202, headers={"Location": location})


@router.get("/v1/batches/{batch_id}", response_model=BatchStatus, summary="A batch's progress")
def get_batch(who: Editor, store: StoreDep, batch_id: str) -> BatchStatus:
    if not store.batch_exists(batch_id):
        raise HTTPException(404, f"no batch {batch_id!r}")
    jobs = [BatchJob(id=job_id, input_name=name, state=state) for job_id, name, state in store.batch_jobs(batch_id)]
    states: dict[str, int] = {}
    for job in jobs:
        states[job.state] = states.get(job.state, 0) + 1
    finished = states.get("done", 0) + states.get("failed", 0)
    return BatchStatus(id=batch_id, total=len(jobs), states=states, progress=finished / len(jobs) if jobs else 1.0,
                       jobs=jobs)
