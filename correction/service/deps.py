"""What endpoints are handed by FastAPI's dependencies: the settings, a store, the runner, and
who is calling (checked here, once, for every route that declares it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, AsyncIterator

from fastapi import Depends, Header, HTTPException, Path, Query, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .auth import same_secret, token_hash
from .runner import JobRunner
from .settings import Settings
from .store import Job, Store

bearer = HTTPBearer(auto_error=False, description="A token from `correction serve token create`.")


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


# The dependencies are coroutines, so FastAPI runs them on the event loop rather than handing
# each to a thread (their SQLite reads take microseconds; the hops took milliseconds a request).
async def get_store(request: Request) -> AsyncIterator[Store]:
    with Store(request.app.state.settings.database) as store:
        yield store


async def get_runner(request: Request) -> JobRunner:
    return request.app.state.runner


StoreDep = Annotated[Store, Depends(get_store)]
RunnerDep = Annotated[JobRunner, Depends(get_runner)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@dataclass(frozen=True)
class Caller:
    """Who is calling: the role of their token (``admin`` for everyone without auth)."""

    role: str


async def caller(settings: SettingsDep, store: StoreDep,
           credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None) -> Caller | None:
    if not settings.auth:
        return Caller("admin")
    if credentials is None:
        return None
    role = store.role_of(token_hash(credentials.credentials))
    if role is None:
        raise HTTPException(401, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"})
    return Caller(role)


async def editor(who: Annotated[Caller | None, Depends(caller)]) -> Caller:
    if who is None:
        raise HTTPException(401, "missing token: send 'Authorization: Bearer TOKEN' (make one with "
                                 "`correction serve token create --role editor`)",
                            headers={"WWW-Authenticate": "Bearer"})
    return who


async def admin(who: Annotated[Caller, Depends(editor)]) -> Caller:
    if who.role != "admin":
        raise HTTPException(403, "this needs an admin token: editors cannot manage tokens or delete lexicons")
    return who


Editor = Annotated[Caller, Depends(editor)]
Admin = Annotated[Caller, Depends(admin)]


async def job_access(
    store: StoreDep,
    who: Annotated[Caller | None, Depends(caller)],
    job_id: Annotated[str, Path(description="The job's id.", max_length=64)],
    key: Annotated[str | None, Query(description="The job's review key (from its review link), for editors "
                                                 "without a token.", max_length=128)] = None,
    x_review_key: Annotated[str | None, Header(description="The review key, as a header.", max_length=128)] = None,
) -> Job:
    """The job ``job_id``, for a token holder or for whoever has that job's review key."""
    given = x_review_key or key
    if who is None and given is None:
        await editor(None)
    job = store.job(job_id)
    if who is None and (job is None or not same_secret(given, job.review_key)):
        raise HTTPException(401, "this review key is not for this job", headers={"WWW-Authenticate": "Bearer"})
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job


JobDep = Annotated[Job, Depends(job_access)]
