"""The app factory: one FastAPI app per :class:`Settings`, with its store, runner and metrics on
``app.state`` (handed to endpoints by dependencies, see deps.py), its routers and its limits."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from .. import __version__
from . import errors
from .metrics import Metrics
from .middleware import BodyLimit, RequestMetrics
from .routes import batches, corrections, health, lexicons, review, tokens
from .runner import JobRunner
from .settings import Settings
from .store import Store

ROUTERS = (corrections.router, review.router, lexicons.router, batches.router, tokens.router, health.router)

DESCRIPTION = """Repair misheard names in ASR transcripts with a domain lexicon, and review the fixes in a
browser. Send `Authorization: Bearer TOKEN` (make a token with `correction serve token create`);
a job's review link carries its own key. Errors answer `{"detail": "one line"}`."""


def create_app(settings: Settings) -> FastAPI:
    """A service over the database in ``settings.data_dir`` (made if missing). The worker pool
    starts with the app (``with TestClient(app)`` or uvicorn) and stops with it."""
    Store.create(settings.database)
    metrics = Metrics()
    runner = JobRunner(settings, metrics)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Requests open and close their own connections; with this one open all along, closing
        # theirs never checkpoints the WAL (an fsync each, when the last connection closes).
        with Store(settings.database):
            await runner.start()
            yield
            await runner.stop()

    app = FastAPI(title="correction", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.runner = runner
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(RequestMetrics, metrics=metrics)  # added last: runs first, so it sees every answer
    return app
