"""A real `correction serve` process on 127.0.0.1: restarted, it finds its jobs and decisions again;
killed mid-job (SIGKILL), it reruns the job at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

from correction.service.auth import create_token  # noqa: E402
from correction.service.settings import Settings  # noqa: E402

from .conftest import TALK, free_port  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "seed" / "raw.txt"


class Server:
    """`correction serve` in its own process group (so that its workers go with it)."""

    def __init__(self, data: Path, workers: int):
        self.data = data
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Server":
        command = [sys.executable, "-c", "from correction.cli import main; main()", "serve", "--host", "127.0.0.1",
                   "--port", str(self.port), "--data", str(self.data), "--workers", str(self.workers)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        start_new_session=True)
        for _ in range(600):  # bounded: up to 60 s on a busy machine
            if self.process.poll() is not None:
                pytest.fail(f"correction serve exited: {self.process.stderr.read().decode()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        pytest.fail("correction serve did not start")

    def stop(self, sig: int = signal.SIGTERM) -> str:
        """Stop the server with ``sig`` (SIGKILL: the whole group at once); its stderr."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            if sig == signal.SIGKILL:
                os.killpg(self.process.pid, sig)
            else:  # uvicorn shuts down (and stops the pool), then exits by the same signal
                self.process.send_signal(sig)
            self.process.wait(timeout=30)
        errors = self.process.stderr.read().decode()
        self.process.stderr.close()
        self.process = None
        return errors


@pytest.fixture
def server(tmp_path):
    servers = []

    def start(workers: int) -> Server:
        servers.append(Server(tmp_path / "data", workers).start())
        return servers[-1]

    yield start
    for running in servers:
        running.stop(signal.SIGKILL)  # what a test left running


def wait_for(client: httpx.Client, job_id: str, states: tuple[str, ...]) -> dict:
    for _ in range(1200):
        status = client.get(f"/v1/jobs/{job_id}").json()
        if status["state"] in states:
            return status
        time.sleep(0.05)
    pytest.fail(f"job {job_id} never reached {states}: {status}")


def test_restart_finds_the_job_and_its_decisions(server, tmp_path):
    token = create_token(Settings(data_dir=tmp_path / "data").database, "editor")[1]
    headers = {"Authorization": f"Bearer {token}"}
    first = server(workers=0)  # corrects in the server process; the pool is in the next test
    with httpx.Client(base_url=first.url, headers=headers, timeout=60) as client:
        answer = client.post("/v1/corrections", content=TALK.encode(), params={"name": "talk.txt"})
        assert answer.status_code == 200, answer.text
        job = answer.json()
        saved = client.put(f"/v1/jobs/{job['id']}/decisions", json={"decisions": [{"id": 1, "decision": "reject"}]})
        assert saved.status_code == 200
    assert "Traceback" not in first.stop()

    second = server(workers=0)
    with httpx.Client(base_url=second.url, headers=headers, timeout=60) as client:
        status = client.get(f"/v1/jobs/{job['id']}").json()
        assert status["state"] == "done" and status["input_name"] == "talk.txt"
        decisions = client.get(f"/v1/jobs/{job['id']}/decisions").json()["decisions"]
        assert [(d["id"], d["decision"]) for d in decisions] == [(1, "reject")]
        assert client.get(f"/v1/jobs/{job['id']}/result").text == job["text"]
        assert client.get(job["review_url"], headers={"Authorization": ""}).status_code == 200


def test_a_job_killed_mid_run_is_run_again_at_the_next_start(server, tmp_path):
    token = create_token(Settings(data_dir=tmp_path / "data").database, "editor")[1]
    headers = {"Authorization": f"Bearer {token}"}
    long_talk = SEED.read_text(encoding="utf-8") * 8  # about 25,000 words: long enough to be caught running
    first = server(workers=1)
    with httpx.Client(base_url=first.url, headers=headers, timeout=60) as client:
        answer = client.post("/v1/corrections", content=long_talk.encode(), params={"async": "true"})
        assert answer.status_code == 202
        job_id = answer.json()["id"]
        assert wait_for(client, job_id, ("running", "done"))["state"] == "running"
    first.stop(signal.SIGKILL)

    second = server(workers=1)
    with httpx.Client(base_url=second.url, headers=headers, timeout=60) as client:
        status = wait_for(client, job_id, ("done", "failed"))
        assert status["state"] == "done", status
        assert status["edits"] > 0
        result = client.get(f"/v1/jobs/{job_id}/result").text
        edits = client.get(f"/v1/jobs/{job_id}/corrections").json()["edits"]
        # every edit applied once, no more
        assert len(result) == len(long_talk) - sum(len(e["original"]) - len(e["replacement"]) for e in edits)
