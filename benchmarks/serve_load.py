"""Load on `correction serve` (issue 11 targets): N concurrent clients for T seconds, and a batch
of 100 transcripts with 1 and 2 workers against `correction correct` on the same folder.

Everything runs on this machine: the server is started on 127.0.0.1 (a free port, a temporary
--data folder, --no-auth since nothing else can reach it) and stopped at the end; every loop is
bounded by its duration or its count.

Usage::

    python benchmarks/serve_load.py                        # 16 clients for 60 s, batches of 100
    python benchmarks/serve_load.py --clients 8 --seconds 20 --batch 20

Prints a Markdown table (the README's "Service" section) and, to stderr, progress. The short
transcript is the first ~300 words of the dev transcript (benchmarks/data/seed/raw.txt), corrected
with the default lexicon; the batch is that transcript whole (3,085 words), rotated by a different
number of lines in each of the files, so that no two are the same.

Latency is wall-clock time per request as the client sees it (the machine may be running other
jobs; say so with the numbers). The batch is also measured in CPU seconds (the server and its
workers, read from /proc; the CLI's from its rusage), which other jobs on the machine disturb far
less than wall-clock time; the CLI runs before and after the service, and ratios are to its mean.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "benchmarks" / "data" / "seed" / "raw.txt"
HOST = "127.0.0.1"  # never anything else
CLI = [sys.executable, "-c", "from correction.cli import main; main()"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def short_transcript(words: int = 300) -> str:
    """Whole lines of the dev transcript, up to about ``words`` words."""
    lines, count = [], 0
    for line in SEED.read_text(encoding="utf-8").splitlines(keepends=True):
        if count >= words:
            break
        lines.append(line)
        count += len(line.split())
    return "".join(lines)


def batch_files(folder: Path, count: int) -> list[Path]:
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        shift = (number * 7) % len(lines)
        path = folder / f"talk-{number:03d}.txt"
        path.write_text("".join(lines[shift:] + lines[:shift]), encoding="utf-8")
        paths.append(path)
    return paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """`correction serve` on 127.0.0.1, in its own process group."""

    def __init__(self, workers: int, data: Path):
        self.url = f"http://{HOST}:{free_port()}"
        port = self.url.rsplit(":", 1)[1]
        command = CLI + ["serve", "--host", HOST, "--port", port, "--data", str(data), "--workers", str(workers),
                         "--no-auth"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        began = time.perf_counter()
        for _ in range(1200):  # up to 2 minutes on a busy machine
            if self.process.poll() is not None:
                raise SystemExit("correction serve exited at start")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    self.started_in = time.perf_counter() - began
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise SystemExit("correction serve did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@dataclass(frozen=True)
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float]
    errors: int
    server_errors: int

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def load(url: str, text: str, clients: int, seconds: float, max_requests: int) -> LoadResult:
    """``clients`` clients, each posting ``text`` and waiting for the answer, for ``seconds``."""
    latencies: list[float] = []
    errors = server_errors = 0
    deadline = time.perf_counter() + seconds
    body = text.encode("utf-8")

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors, server_errors
        while time.perf_counter() < deadline and len(latencies) + errors < max_requests:
            began = time.perf_counter()
            try:
                response = await http.post("/v1/corrections", content=body, headers={"Content-Type": "text/plain"})
            except httpx.HTTPError:
                errors += 1
                continue
            if response.status_code == 200:
                latencies.append(time.perf_counter() - began)
            else:
                errors += 1
                server_errors += response.status_code >= 500

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - began
    return LoadResult(clients, elapsed, latencies, errors, server_errors)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process ``pid`` and its live children (the workers)."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


@dataclass(frozen=True)
class Timed:
    """Wall-clock and CPU seconds of one run (CPU time holds better on a machine running other jobs)."""

    wall: float
    cpu: float
    failed: int = 0


def time_batch(server: Server, paths: list[Path]) -> Timed:
    """From posting the batch to every job finished; and how many failed."""
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in paths]
    with httpx.Client(base_url=server.url, timeout=120) as http:
        cpu, began = cpu_seconds(server.process.pid), time.perf_counter()
        created = http.post("/v1/batches", files=files)
        created.raise_for_status()
        location = created.headers["Location"]
        for _ in range(36_000):  # bounded: one hour at most
            status = http.get(location).json()
            if status["progress"] >= 1.0:
                return Timed(time.perf_counter() - began, cpu_seconds(server.process.pid) - cpu,
                             status["states"].get("failed", 0))
            time.sleep(0.05)
    raise SystemExit("the batch did not finish within an hour")


def time_cli(folder: Path, output: Path) -> Timed:
    before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(CLI + ["correct", str(folder), "-o", str(output)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timed(wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="Stop the load run after this many.")
    parser.add_argument("--batch", type=int, default=100, help="Transcripts in the batch.")
    parser.add_argument("--load-workers", type=int, default=2, help="Server workers during the load run.")
    args = parser.parse_args()

    text = short_transcript()
    scratch = Path(tempfile.mkdtemp(prefix="serve-load-"))
    rows = []
    try:
        paths = batch_files(scratch / "batch", args.batch)
        log(f"CLI: correction correct on {args.batch} files ...")
        cli_runs = [time_cli(scratch / "batch", scratch / "cli-out")]

        server = Server(args.load_workers, scratch / "data-load")
        try:
            log(f"load: {args.clients} clients for {args.seconds:g} s, {len(text.split())} words each ...")
            load_cpu = cpu_seconds(server.process.pid)
            result = asyncio.run(load(server.url, text, args.clients, args.seconds, args.max_requests))
            load_cpu = cpu_seconds(server.process.pid) - load_cpu
        finally:
            server.stop()

        batches = {}
        for workers in (1, 2):
            server = Server(workers, scratch / f"data-{workers}")
            try:
                log(f"batch of {args.batch} with {workers} worker(s) ...")
                batches[workers] = time_batch(server, paths)
            finally:
                server.stop()
        log("CLI again (the machine's load may have changed) ...")
        cli_runs.append(time_cli(scratch / "batch", scratch / "cli-out-2"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    ms = lambda seconds: f"{seconds * 1000:.0f} ms"  # noqa: E731
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load_avg = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Measured {stamp} by `python benchmarks/serve_load.py --clients {args.clients} --seconds {args.seconds:g} "
          f"--batch {args.batch}` on {os.cpu_count()} cores ({platform.machine()}, Python "
          f"{platform.python_version()}; load average at the end {load_avg}).\n")
    print("| measure | value |\n|---|---|")
    rows = [
        (f"{result.clients} clients for {result.seconds:.0f} s, {len(text.split())}-word transcript "
         f"({args.load_workers} workers)", f"{len(result.latencies):,} requests, "
         f"{len(result.latencies) / result.seconds:.1f} requests/s"),
        ("latency p50 / p95 / p99", f"{ms(result.percentile(0.5))} / {ms(result.percentile(0.95))} / "
                                    f"{ms(result.percentile(0.99))} (mean {ms(statistics.fmean(result.latencies))})"
         if result.latencies else "–"),
        ("errors / 5xx", f"{result.errors} / {result.server_errors}"),
        ("CPU per request (server and workers)", ms(load_cpu / max(len(result.latencies), 1))),
        (f"batch of {args.batch} seed-sized transcripts, `correction correct DIR` (CLI, with its start-up), "
         "run before and after the service's", " and ".join(f"{run.wall:.1f} s ({run.cpu:.1f} s CPU)"
                                                         for run in cli_runs)),
    ]
    cli = Timed(statistics.fmean(run.wall for run in cli_runs), statistics.fmean(run.cpu for run in cli_runs))
    for workers, run in batches.items():
        rows.append((f"the same batch through the service, {workers} worker(s)",
                     f"{run.wall:.1f} s ({run.wall / cli.wall:.2f}x the CLI's mean), {run.cpu:.1f} s CPU "
                     f"({run.cpu / cli.cpu:.2f}x); {run.failed} failed"))
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
