"""Shared fixtures: a service app on a temporary data folder, driven by FastAPI's TestClient.

Jobs run in a thread of the test process (``workers=0``); the process pool itself is exercised
by the tests that start a real ``correction serve`` (test_process.py).
"""

from __future__ import annotations

import socket
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed (pip install 'correction[serve]')")

with warnings.catch_warnings():  # starlette's note about httpx's successor; the client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from correction.service.app import create_app  # noqa: E402
from correction.service.auth import create_token  # noqa: E402
from correction.service.settings import Settings  # noqa: E402

TALK = "Le PDG d'OpenEye, Salman Altman, parle.\nTout le monde parle d'Open AI.\n"
SRT = "1\n00:00:01,000 --> 00:00:03,000\nle PDG d'OpenEye\n\n2\n00:00:03,500 --> 00:00:05,000\nparle à Salman\nAltman\n"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """A running app with an admin and an editor token; ``as_admin`` / ``as_editor`` are headers."""

    def __init__(self, client: TestClient, settings: Settings):
        self.client = client
        self.settings = settings
        self.as_admin = {"Authorization": f"Bearer {create_token(settings.database, 'admin')[1]}"}
        self.as_editor = {"Authorization": f"Bearer {create_token(settings.database, 'editor')[1]}"}

    def correct(self, text: str = TALK, **params) -> dict:
        """POST a plain-text transcript; the 200 answer's JSON."""
        response = self.client.post("/v1/corrections", content=text.encode("utf-8"), params=params,
                                    headers={**self.as_editor, "Content-Type": "text/plain"})
        assert response.status_code == 200, response.text
        return response.json()

    def wait(self, job_id: str, headers: dict | None = None) -> dict:
        """Poll a job until it is done or failed (bounded: jobs here take well under a second)."""
        for _ in range(600):
            status = self.client.get(f"/v1/jobs/{job_id}", headers=headers or self.as_editor).json()
            if status["state"] in ("done", "failed"):
                return status
            time.sleep(0.02)
        pytest.fail(f"job {job_id} did not finish")


@pytest.fixture
def make_service(tmp_path: Path):
    """Start a service with settings overridden by keyword (``auth``, ``max_body_bytes``...)."""
    clients = []

    def make(**overrides) -> Service:
        settings = Settings(data_dir=tmp_path / f"data{len(clients)}", workers=0, **overrides)
        client = TestClient(create_app(settings))
        client.__enter__()
        clients.append(client)
        return Service(client, settings)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def service(make_service) -> Service:
    return make_service()
