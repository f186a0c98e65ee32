"""ASGI middleware: the request body size limit (413), and request counts and latencies."""

from __future__ import annotations

import time

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response
from .metrics import Metrics


class BodyTooLarge(HTTPException):
    """Raised while the body is read; an HTTPException, so that FastAPI's body parsing passes it on."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body over the limit of {limit:,} bytes")


class _HttpMiddleware:
    """ASGI middleware that acts on HTTP requests (``handle``) and passes the rest (lifespan) on."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class BodyLimit(_HttpMiddleware):
    """Refuse bodies over ``limit`` bytes: by their Content-Length at once, or as they arrive."""

    def __init__(self, app: ASGIApp, limit: int):
        super().__init__(app)
        self.limit = limit

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await error_response(413, BodyTooLarge(self.limit).detail)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as error:
            if started:
                raise
            await error_response(413, error.detail)(scope, receive, send)


class RequestMetrics(_HttpMiddleware):
    """Count every answered request by method, route template and status, with its latency."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        super().__init__(app)
        self.metrics = metrics

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        began = time.perf_counter()
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            route = getattr(scope.get("route"), "path", "(no route)")
            self.metrics.observe(scope["method"], route, status, time.perf_counter() - began)
