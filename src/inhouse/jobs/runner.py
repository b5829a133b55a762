"""The job runner: long work runs in worker threads; pages poll the job's stored state.

``work`` is any callable taking a :class:`Reporter`; the reporter has the analyzers'
progress signature ``(stage, done, total)`` and writes at most every ``interval`` seconds.

Each job has a wall-clock budget (the ``job_seconds`` setting) from the moment it starts: the
reporter stops the work at its next progress call once the budget is spent (a scan reports often;
a document's reader has its own, shorter deadline), and a job that ends past its budget anyway is
recorded failed. A thread cannot be killed from outside, so the budget is kept cooperatively.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import OVER_BUDGET, JobKind, JobRecord, JobResult
from inhouse.errors import InhouseError
from inhouse.services import jobs as job_service

log = logging.getLogger(__name__)

Work = Callable[["Reporter"], JobResult | None]


class OverBudget(InhouseError):
    """The job ran past its time budget (``job_seconds``) and was stopped."""


class Reporter:
    """Progress callback ``(stage, done, total)`` that stores the job's progress, throttled, and
    raises :class:`OverBudget` once the job's time budget is spent."""

    def __init__(self, ws: Workspace, job_id: int, interval: float = 0.5, seconds: float | None = None) -> None:
        self.ws, self.job_id, self.interval = ws, job_id, interval
        self.seconds = seconds if seconds is not None else ws.settings.job_seconds
        self.deadline = time.monotonic() + self.seconds
        self._last = 0.0

    def over_budget(self) -> bool:
        return time.monotonic() > self.deadline

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.over_budget():
            raise OverBudget(OVER_BUDGET.format(seconds=self.seconds))
        now = time.monotonic()
        if now - self._last < self.interval and not (total and done >= total):
            return
        self._last = now
        fraction = done / total if total else 0.0
        message = f"{stage}: {done:,} of {total:,}" if total else stage
        job_service.progress(self.ws, self.job_id, fraction, message)


class JobRunner:
    """A small thread pool; ``submit`` returns the queued job at once."""

    def __init__(self, ws: Workspace, workers: int = 2, interval: float = 0.5) -> None:
        self.ws = ws
        self.interval = interval
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="inhouse-job")
        self._futures: dict[int, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(
        self,
        kind: JobKind,
        work: Work,
        subject: str = "",
        engagement_id: int | None = None,
        ws: Workspace | None = None,
    ) -> JobRecord:
        """Queue ``work`` as a job of ``ws.actor`` (the acting workspace of the request; default: the
        runner's), within the queue's limits (``services.jobs.create``)."""
        job = job_service.create(ws or self.ws, kind, subject, engagement_id)
        with self._lock:  # registered before it can finish, so ``active`` and ``wait`` see it
            self._futures[job.id] = self._pool.submit(self._run, job.id, work)
        return job

    def _run(self, job_id: int, work: Work) -> None:
        try:
            job_service.start(self.ws, job_id)
            reporter = Reporter(self.ws, job_id, self.interval)
            result = work(reporter)
            if reporter.over_budget():  # it finished, but too late to count
                raise OverBudget(OVER_BUDGET.format(seconds=reporter.seconds))
        except InhouseError as exc:
            job_service.fail(self.ws, job_id, exc.message)
        except Exception as exc:  # the thread's edge: record the failure instead of losing it
            log.exception("job %s failed", job_id)
            job_service.fail(self.ws, job_id, f"{type(exc).__name__}: {exc}")
        else:
            job_service.finish(self.ws, job_id, result)
        finally:
            with self._lock:
                self._futures.pop(job_id, None)

    def active(self) -> frozenset[int]:
        """Ids of the jobs this runner has queued or is running."""
        with self._lock:
            return frozenset(self._futures)

    def wait(self, job_id: int, timeout: float | None = None) -> JobRecord:
        """Block until the job has finished (for tests and the CLI); returns its final state."""
        with self._lock:
            future = self._futures.get(job_id)
        if future is not None:
            future.result(timeout=timeout)
        return job_service.get(self.ws, job_id)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)
