"""Schemathesis against the app's own OpenAPI schema: no 5xx, and every answer fits the schema
(status codes, bodies, content types), for a bounded number of generated requests per operation."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import checks  # noqa: E402
from schemathesis.specs.openapi import checks as openapi  # noqa: E402

from correction.service.app import create_app  # noqa: E402
from correction.service.auth import create_token  # noqa: E402
from correction.service.settings import Settings  # noqa: E402

from .conftest import TestClient  # noqa: E402

# A decisions file (JSON Lines) is text: sent as generated.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")

# Made at import, since schemathesis reads the schema when the tests are collected. A small body
# limit, so that generated bodies also meet the 413 path. Requests carry an admin token, so that
# every operation is reached; schemathesis also sends them without it and expects a 401.
DATA = Path(tempfile.mkdtemp(prefix="correction-schema-"))
SETTINGS = Settings(data_dir=DATA, workers=0, max_body_bytes=64 * 1024)
APP = create_app(SETTINGS)
ADMIN = {"Authorization": f"Bearer {create_token(SETTINGS.database, 'admin')[1]}"}
# Revoking tokens by generated ids would revoke the test's own (test_auth.py revokes one).
schema = schemathesis.openapi.from_asgi("/openapi.json", APP).exclude(method="DELETE", path="/v1/tokens/{token_id}")


@pytest.fixture(scope="module", autouse=True)
def running():
    with TestClient(APP):  # runs the lifespan: the job runner is started
        yield
    shutil.rmtree(DATA, ignore_errors=True)


# What the schema promises about answers. Left out: checks of how strict the API is about input
# (a lexicon file without an extension is schema-valid and still refused) and of OPTIONS' Allow.
CHECKS = [checks.not_a_server_error, openapi.status_code_conformance, openapi.content_type_conformance,
          openapi.response_schema_conformance, openapi.response_headers_conformance, openapi.ignored_auth]


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_answer_fits_the_schema(case):
    case.call_and_validate(headers=ADMIN, checks=CHECKS)
