"""What several routers share: the correction settings of a request, and a few answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query

from ...formats import FORMATS
from ...passes import DEFAULT_PASSES, PASSES
from ..runner import JobRunner
from ..store import Job
from ..transcripts import DEFAULT_MIN_SCORE

FORMAT_PATTERN = "^(" + "|".join(FORMATS) + ")$"


@dataclass(frozen=True)
class CorrectionQuery:
    """The options of `correction correct`, as query parameters."""

    lexicons: list[str]
    passes: str
    min_score: float
    lang: str
    format: str | None


def correction_query(
    lexicon: Annotated[list[str], Query(description="Lexicon name; repeat to merge several (as --lexicon). "
                                                    "Default: the shipped lexicon, `default`.",
                                        max_length=20)] = [],
    passes: Annotated[str, Query(description=f"Comma-separated passes, in order. Known: {', '.join(PASSES)}.",
                                 max_length=200)] = ",".join(DEFAULT_PASSES),
    min_score: Annotated[float, Query(gt=0, le=1, description="Lowest score an approximate match needs.")]
    = DEFAULT_MIN_SCORE,
    lang: Annotated[str, Query(pattern="^(auto|fr|en)$", description="Transcript language.")] = "auto",
    format: Annotated[str | None, Query(pattern=FORMAT_PATTERN, description="Transcript format. Default: from the "
                                        "file name's extension; plain text without one.")] = None,
) -> CorrectionQuery:
    return CorrectionQuery(list(lexicon), passes, min_score, lang, format)


def too_busy(runner: JobRunner, adding: int) -> HTTPException:
    return HTTPException(503, f"the queue holds {runner.settings.max_queued_jobs} job(s): {runner.waiting} waiting, "
                              f"this request adds {adding}; try again later", headers={"Retry-After": "10"})


def review_url(job: Job) -> str:
    return f"/review/{job.id}?key={job.review_key}"


def not_done(job: Job) -> HTTPException:
    if job.state == "failed":
        return HTTPException(409, f"job {job.id} failed: {job.error}")
    return HTTPException(409, f"job {job.id} is {job.state}; poll GET /v1/jobs/{job.id} until it is done")
