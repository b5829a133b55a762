"""The PostgreSQL job engine's worker side: the Procrastinate task that runs an inhouse job, its
retry decision, and the recovery of jobs whose worker died (stalled).

- Retries: a run that ends in a transient failure with attempts left has its record queued again
  (``services.job_runs.end``); the task then raises :class:`RetryLater` and :class:`Retries` has
  Procrastinate run it again after the same backoff. Any other ending is final: user errors
  (``InvalidInput``, ``NotFound``, ``AnalyzerError``...) are never retried.
- Stalled jobs: every worker sends Procrastinate heartbeats (``job_heartbeat_seconds``); each
  worker also looks, as often, for jobs whose worker has not sent one for ``job_stall_seconds``
  (``JobManager.get_stalled_jobs``) and retries them (or fails them after their last attempt).
- Periodic rescans (the ``rescan_schedule`` setting): Procrastinate's periodic task
  ``inhouse.rescan_all``, deferred once per due time whatever the number of workers, queues a scan
  of every linked repository (``jobs/schedule.py``).
- Cancel: a waiting job is cancelled in Procrastinate; a running one is asked to abort and stops
  at its next progress checkpoint (``JobContext.should_abort``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

import procrastinate
from procrastinate import exceptions as pexceptions
from procrastinate import jobs as pjobs
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from inhouse.bootstrap import Workspace
from inhouse.errors import InhouseError, StorageUnavailable
from inhouse.jobs.execute import execute
from inhouse.jobs.schedule import RESCAN, RESCAN_TASK, rescan_all
from inhouse.services import job_runs
from inhouse.services.procrastinate_engine import TASK, app_for

log = logging.getLogger(__name__)


class RetryLater(Exception):
    """The job's record was queued again after a transient failure: Procrastinate runs it again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry in {seconds:g} s")
        self.seconds = seconds


class Retries(BaseRetryStrategy):
    """Retry exactly the runs inhouse queued again, after their backoff."""

    def get_retry_decision(self, *, exception: BaseException, job: pjobs.Job) -> RetryDecision | None:
        if isinstance(exception, RetryLater):
            return RetryDecision(retry_in={"seconds": max(int(round(exception.seconds)), 0)})
        return None


class _Context:
    """What the task needs of the worker running it: the workspace, and the jobs it runs."""

    def __init__(self, ws: Workspace, interval: float) -> None:
        self.ws, self.interval = ws, interval
        self.running: set[int] = set()
        self.lock = threading.Lock()


_contexts: dict[int, _Context] = {}
LOST_RUN_TRIES = 10
"""Times a job is run again when the database was away as its start or end was being recorded."""


def registered(ws: Workspace, interval: float = 0.5) -> procrastinate.App:
    """A Procrastinate app of its own for one worker, over ``ws``'s database, with the task
    registered: a worker opens and closes its app's connection pool on its own event loop, so
    two workers of one process (two web apps in one test process) never share one."""
    app = app_for(ws, worker=True)
    _contexts[id(app)] = _Context(ws, interval)

    @app.task(name=TASK, pass_context=True, retry=Retries())
    def run_job(context: procrastinate.JobContext, job_id: int) -> None:
        here = _contexts[id(context.app)]
        worker = context.worker_name or "procrastinate"
        try:
            job = job_runs.begin(here.ws, job_id, worker, engine_id=context.job.id)
            if job is None:
                return  # gone, finished, or cancelled while it waited
            with here.lock:
                here.running.add(job_id)
            try:
                ended = execute(here.ws, job, here.interval, abort=context.should_abort)
            finally:
                with here.lock:
                    here.running.discard(job_id)
        except StorageUnavailable as exc:
            # the database went away before the run's start or end was recorded: its record still
            # says queued or running, so run it again once the database is back (begin takes it over)
            tries = context.job.attempts or 0
            if tries + 1 >= LOST_RUN_TRIES:
                raise
            raise RetryLater(job_runs.backoff(here.ws, tries + 1)) from exc
        if not ended.finished:
            raise RetryLater(job_runs.backoff(here.ws, ended.attempts))

    @app.task(name=RESCAN_TASK, pass_context=True, queueing_lock=RESCAN_TASK)
    def rescan(context: procrastinate.JobContext, timestamp: int = 0) -> None:
        rescan_all(_contexts[id(context.app)].ws)  # any worker runs it, whoever deferred it

    if ws.settings.rescan_schedule:
        app.periodic(cron=ws.settings.rescan_schedule, periodic_id=RESCAN)(rescan)
    return app


async def _recover(app: procrastinate.App, here: _Context, name: str) -> None:
    """Heartbeats for inhouse's records of the jobs this worker runs; stalled jobs retried."""
    settings = here.ws.settings
    while True:
        await asyncio.sleep(settings.job_heartbeat_seconds)
        try:
            with here.lock:
                running = sorted(here.running)
            await asyncio.to_thread(job_runs.heartbeat, here.ws, running, name)
            stalled = await app.job_manager.get_stalled_jobs(
                task_name=TASK, seconds_since_heartbeat=settings.job_stall_seconds
            )
            for found in stalled:
                await _retry_stalled(app, here.ws, found)
        except (InhouseError, pexceptions.ConnectorException, OSError) as exc:
            log.warning("worker %s: %s", name, exc)


async def _retry_stalled(app: procrastinate.App, ws: Workspace, found: pjobs.Job) -> None:
    value = found.task_kwargs.get("job_id", 0)
    job_id = value if isinstance(value, int) else 0
    again = await asyncio.to_thread(job_runs.requeue_stalled, ws, job_id, True)
    if again is not None and not again.finished:
        await app.job_manager.retry_job(found)
        log.warning("job %s: its worker stalled; queued again", job_id)
    else:
        await app.job_manager.finish_job(found, status=pjobs.Status.FAILED, delete_job=False)


class ProcrastinateWorker:
    """A Procrastinate worker over the workspace: in the foreground (:meth:`run`, ``inhouse
    worker``) or in a thread of a web server (:meth:`start`)."""

    def __init__(
        self,
        ws: Workspace,
        concurrency: int = 2,
        queues: list[str] | None = None,
        interval: float = 0.5,
        name: str | None = None,
        install_signal_handlers: bool = False,
    ) -> None:
        from inhouse.jobs.worker import worker_name

        self.ws, self.concurrency, self.queues, self.interval = ws, concurrency, queues or None, interval
        self.name = name or worker_name()
        self.install_signal_handlers = install_signal_handlers
        self._worker: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    async def run_async(self) -> None:
        from procrastinate.worker import Worker

        app = registered(self.ws, self.interval)
        here = _contexts[id(app)]
        async with app.open_async():
            self._worker = Worker(
                app,
                queues=self.queues,
                name=self.name,
                concurrency=self.concurrency,
                install_signal_handlers=self.install_signal_handlers,
                update_heartbeat_interval=self.ws.settings.job_heartbeat_seconds,
                stalled_worker_timeout=self.ws.settings.job_stall_seconds,
                fetch_job_polling_interval=self.ws.settings.job_poll_seconds,
                abort_job_polling_interval=min(self.ws.settings.job_poll_seconds, 1.0),
                shutdown_graceful_timeout=30,
            )
            self._loop = asyncio.get_running_loop()
            self._ready.set()
            sweep = asyncio.create_task(_recover(app, here, self.name))
            try:
                await self._worker.run()
            finally:
                sweep.cancel()
                _contexts.pop(id(app), None)

    def run(self) -> None:
        """Run until stopped (SIGINT or SIGTERM with ``install_signal_handlers``): running jobs finish first."""
        asyncio.run(self.run_async())

    def start(self) -> ProcrastinateWorker:
        self._thread = threading.Thread(target=self.run, name="inhouse-procrastinate", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        return self

    def wake(self) -> None:
        """Procrastinate's workers hear of new jobs themselves (LISTEN/NOTIFY)."""

    def stop(self, wait: bool = True, timeout: float | None = None) -> None:
        if self._worker is not None and self._loop is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._worker.stop)  # the worker's loop is another thread's
            except RuntimeError:
                pass  # its loop ended meanwhile
        if wait and self._thread is not None:
            self._thread.join(timeout)
