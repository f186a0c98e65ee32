"""Runs jobs on a pool of worker processes, and picks up the jobs a stopped service left behind.

CPU-bound correction runs in worker processes (``--workers N``), so the event loop that answers
requests stays free while a long transcript is corrected. At most ``workers`` jobs are handed
to the pool at once: the others stay ``queued`` (in the database and here), so a job's state
says what it is doing, and the number of waiting jobs is known for the queue limit.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .metrics import Metrics
from .settings import Settings
from .store import Store
from .transcripts import default_options
from .worker import Outcome, Task, run_task, warm_up


class JobRunner:
    """Hands stored jobs to the pool and stores their outcomes."""

    def __init__(self, settings: Settings, metrics: Metrics):
        self.settings = settings
        self.metrics = metrics
        self.database: Path = settings.database
        self.pool: Executor | None = None
        self.slots = asyncio.Semaphore(max(settings.workers, 1))
        self.tasks: dict[str, asyncio.Task] = {}

    async def start(self) -> None:
        """Start the pool, warm every worker up, and rerun (or fail) the jobs left unfinished."""
        self.pool = self._new_pool()
        loop = asyncio.get_running_loop()
        warm = [loop.run_in_executor(self.pool, warm_up, str(self.database), default_options())
                for _ in range(max(self.settings.workers, 1))]
        warmed = await asyncio.gather(*warm)
        self.metrics.index_builds += sum(warmed)
        self._recover()

    def _new_pool(self) -> Executor:
        if self.settings.workers == 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="correction-worker")
        # spawn, not fork: the server process has threads and an event loop that a fork would copy
        return ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=multiprocessing.get_context("spawn"))

    async def stop(self) -> None:
        """Stop taking jobs; a job still running is left "running" in the database, to be run
        again at the next start. Waits for the workers to end (a running task ends first)."""
        for task in list(self.tasks.values()):
            task.cancel()
        if self.pool is not None:
            await asyncio.to_thread(self.pool.shutdown, wait=True, cancel_futures=True)

    @property
    def waiting(self) -> int:
        """Jobs accepted and not finished (queued or running)."""
        return len(self.tasks)

    def room_for(self, count: int) -> bool:
        return self.waiting + count <= self.settings.max_queued_jobs

    def submit(self, job_id: str) -> asyncio.Task:
        """Run the stored job ``job_id``; the task ends when its outcome is stored."""
        task = asyncio.get_running_loop().create_task(self._run(job_id))
        self.tasks[job_id] = task
        task.add_done_callback(lambda _: self.tasks.pop(job_id, None))
        return task

    async def _run(self, job_id: str) -> None:
        async with self.slots:
            with Store(self.database) as store:
                job = store.job(job_id)
                if job is None or job.state != "queued":
                    return
                store.start_job(job_id)
            task = Task(str(self.database), job.id, job.input_name, job.format, job.source, job.options)
            pool = self.pool
            try:
                outcome = await asyncio.get_running_loop().run_in_executor(pool, run_task, task)
            except asyncio.CancelledError:
                raise  # shutting down: the job stays "running" and is picked up at the next start
            except BrokenProcessPool:  # a worker died (killed, out of memory): a new pool for the next jobs
                if self.pool is pool:  # the first job to find it broken replaces it
                    pool.shutdown(wait=False, cancel_futures=True)
                    self.pool = self._new_pool()
                outcome = Outcome(job_id, error="the worker process running this job stopped; post it again to retry")
            self._store(outcome)

    def _store(self, outcome: Outcome) -> None:
        with Store(self.database) as store:
            if outcome.error is not None:
                store.fail_job(outcome.job_id, outcome.error)
            else:
                store.finish_job(outcome.job_id, outcome.result, outcome.edits, outcome.edit_count,
                                 outcome.signature)
        self.metrics.index_builds += outcome.index_builds

    def _recover(self) -> None:
        """Jobs a stopped service left queued or running run again, unless they were already
        interrupted ``max_attempts`` times while running: those are failed, with the reason."""
        with Store(self.database) as store:
            for job in store.unfinished_jobs():
                if job.attempts >= self.settings.max_attempts:
                    store.fail_job(job.id, f"the service stopped {job.attempts} times while this job ran; "
                                           "not run again (post it again to retry)")
                    continue
                store.requeue_job(job.id)
                self.submit(job.id)
