"""Every failure answers with one line, ``{"detail": "..."}``: never a traceback, never a list.

The library's typed errors are bad input (``talk.srt:12: malformed timing line ...``, the CLI's
own wording) and answer 422; FastAPI's validation errors are turned into one line naming the
field; anything unexpected is logged with its traceback and answers a bare 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import CorrectionError

log = logging.getLogger("correction.service")


def error_response(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": " ".join(detail.split())}, status_code=status, headers=headers)


TOO_DEEP = "body: invalid JSON: nested too deeply (more levels than the parser can hold)"


def one_line(error: RequestValidationError) -> str:
    """The first problem FastAPI found, as ``query min_score: Input should be ...``."""
    first = error.errors()[0]
    if first.get("type") == "json_invalid":  # loc is ("body", offset): say it as the CLI says a JSON error
        return f"body: invalid JSON: {first.get('ctx', {}).get('error', 'cannot parse')} (character {first['loc'][-1]})"
    where = " ".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid request"))


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(CorrectionError)
    async def bad_input(request: Request, error: CorrectionError) -> JSONResponse:
        return error_response(422, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(422, one_line(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        if isinstance(error.__cause__, RecursionError):  # FastAPI's own JSON parsing, of a body nested too deep
            return error_response(422, TOO_DEEP)
        return error_response(error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error; the service log has the details")
