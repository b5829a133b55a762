"""The in-process worker (the ``local`` engine, SQLite's): threads that claim queued jobs from the
``jobs`` table, run them, and keep them alive with heartbeats; the same loop recovers jobs whose
worker stopped (their heartbeat older than ``job_stall_seconds``), and queues the periodic rescans
of the ``rescan_schedule`` setting (``jobs/schedule.py``: one worker per due time).

The web server starts one (``job_workers`` threads); ``inhouse worker`` runs one in the
foreground. Any number of them, in any processes, may share a workspace: a job is claimed in a
transaction by exactly one, and a running job's lock keeps the jobs of its repository waiting.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from typing import TYPE_CHECKING

from inhouse.bootstrap import Workspace
from inhouse.errors import InhouseError
from inhouse.jobs.execute import execute
from inhouse.jobs.schedule import RescanScheduler
from inhouse.services import job_runs
from inhouse.services.queue import JobQueue

if TYPE_CHECKING:
    from inhouse.jobs.engine import ProcrastinateWorker

log = logging.getLogger(__name__)


def worker_name() -> str:
    """This worker's name in the jobs it runs: host, process and a short random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class LocalWorker:
    """``concurrency`` threads taking jobs of ``queues`` (every queue when empty) from the jobs table."""

    def __init__(
        self,
        ws: Workspace,
        concurrency: int = 2,
        queues: list[str] | None = None,
        interval: float = 0.5,
        name: str | None = None,
    ) -> None:
        self.ws, self.concurrency, self.queues, self.interval = ws, concurrency, queues or None, interval
        self.name = name or worker_name()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._running: set[int] = set()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.scheduler: RescanScheduler | None = None
        if ws.settings.rescan_schedule:
            queue = JobQueue(ws)
            queue.on_enqueue(self.wake)
            self.scheduler = RescanScheduler(ws, queue, self.name)

    def start(self) -> LocalWorker:
        for n in range(self.concurrency):
            thread = threading.Thread(target=self._loop, name=f"inhouse-job-{n}", daemon=True)
            thread.start()
            self._threads.append(thread)
        beat = threading.Thread(target=self._beat, name="inhouse-job-heartbeat", daemon=True)
        beat.start()
        self._threads.append(beat)
        return self

    def wake(self) -> None:
        """A job was queued: look now instead of at the next poll."""
        self._wake.set()

    def running(self) -> frozenset[int]:
        with self._lock:
            return frozenset(self._running)

    def _loop(self) -> None:
        poll = self.ws.settings.job_poll_seconds
        while not self._stop.is_set():
            try:
                job = job_runs.claim_next(self.ws, self.name, self.queues)
            except InhouseError as exc:  # the database is away for a moment: try again later
                log.warning("worker %s: %s", self.name, exc.message)
                job = None
            if job is None:
                self._wake.wait(poll)
                self._wake.clear()
                continue
            assert job.id is not None, "a claimed job has an id"
            with self._lock:
                self._running.add(job.id)
            try:
                ended = execute(self.ws, job, self.interval)
                if not ended.finished:
                    self._wake.set()  # queued again: another thread may take it when it is due
            except InhouseError as exc:
                log.warning("job %s: %s", job.id, exc.message)
            finally:
                with self._lock:
                    self._running.discard(job.id)

    def _beat(self) -> None:
        """Heartbeats for the running jobs, and the recovery of stalled ones, until stopped."""
        every = self.ws.settings.job_heartbeat_seconds
        while not self._stop.wait(every):
            try:
                job_runs.heartbeat(self.ws, sorted(self.running()), self.name)
                if job_runs.recover_stalled(self.ws):
                    self._wake.set()
            except InhouseError as exc:
                log.warning("worker %s heartbeat: %s", self.name, exc.message)
            self._schedule()

    def _schedule(self) -> None:
        """The periodic rescans (``rescan_schedule``): queued by the first worker to see them due."""
        if self.scheduler is None:
            return
        try:
            self.scheduler.tick()
        except InhouseError as exc:
            log.warning("worker %s scheduler: %s", self.name, exc.message)
        except Exception:  # the scheduler's edge: the worker keeps running its jobs
            log.exception("worker %s scheduler failed", self.name)

    def stop(self, wait: bool = True, timeout: float | None = None) -> None:
        """Stop taking jobs; with ``wait``, let the running ones finish (up to ``timeout``). A job
        left running is recovered from its stale heartbeat by another worker."""
        self._stop.set()
        self._wake.set()
        if wait:
            deadline = time.monotonic() + (timeout if timeout is not None else 3600.0)
            for thread in self._threads:
                thread.join(max(deadline - time.monotonic(), 0))


def start_worker(
    ws: Workspace,
    engine: str,
    concurrency: int = 2,
    queues: list[str] | None = None,
    interval: float = 0.5,
) -> LocalWorker | ProcrastinateWorker:
    """A worker of ``engine`` over ``ws``, started in background threads of this process."""
    if engine == "procrastinate":
        from inhouse.jobs.engine import ProcrastinateWorker

        return ProcrastinateWorker(ws, concurrency, queues, interval).start()
    return LocalWorker(ws, concurrency, queues, interval).start()
