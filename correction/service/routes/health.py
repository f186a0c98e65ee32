"""``/healthz`` (no token needed) and ``/metrics`` (Prometheus text format)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from ... import __version__
from ..deps import Editor, RunnerDep, SettingsDep, StoreDep
from ..models import ERRORS, Health

router = APIRouter(tags=["health"], responses=ERRORS)


@router.get("/healthz", response_model=Health, summary="Is the service up?")
def healthz(settings: SettingsDep, runner: RunnerDep) -> Health:
    return Health(status="ok", version=__version__, workers=settings.workers, waiting_jobs=runner.waiting)


@router.get("/metrics", summary="Counters, Prometheus text format",
            responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "Counters."}})
def metrics(who: Editor, store: StoreDep, runner: RunnerDep) -> PlainTextResponse:
    text = runner.metrics.render(store.jobs_by_state(), store.edits_made())
    return PlainTextResponse(text, media_type="text/plain; version=0.0.4; charset=utf-8")
