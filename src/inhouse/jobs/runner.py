"""The job interface as the web server holds it: :class:`~inhouse.services.queue.JobQueue`, with
(on the ``local`` engine) an in-process worker started beside it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from inhouse.bootstrap import Workspace
from inhouse.jobs.reporter import Cancelled, OverBudget, Reporter
from inhouse.jobs.worker import LocalWorker, start_worker
from inhouse.services.queue import JobQueue

if TYPE_CHECKING:
    from inhouse.jobs.engine import ProcrastinateWorker

__all__ = ["Cancelled", "JobRunner", "OverBudget", "Reporter"]


class JobRunner(JobQueue):
    """The queue, and a worker in this process running ``workers`` jobs at once (None: the
    ``job_workers`` setting; 0: none, jobs wait for an ``inhouse worker``): the in-process worker
    on the ``local`` engine, a Procrastinate worker in a thread on ``procrastinate``."""

    def __init__(self, ws: Workspace, workers: int | None = None, interval: float = 0.5, start: bool = True) -> None:
        super().__init__(ws)
        self.count = ws.settings.job_workers if workers is None else workers
        self.interval = interval
        self.worker: LocalWorker | ProcrastinateWorker | None = None
        self._starting = threading.Lock()
        if start:
            self.start()

    def start(self) -> JobRunner:
        """Start the worker (once; a web app starts its own with the server, never at import)."""
        with self._starting:
            if self.worker is None and self.count > 0:
                self.worker = start_worker(self.ws, self.engine, concurrency=self.count, interval=self.interval)
                self.on_enqueue(self.worker.wake)
        return self

    def shutdown(self, wait: bool = True) -> None:
        with self._starting:
            worker = self.worker
        if worker is not None:
            worker.stop(wait=wait, timeout=30)
