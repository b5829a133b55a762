"""The PostgreSQL job engine's queuing side: Procrastinate over the workspace's own database.

Every inhouse job is one Procrastinate job of the task :data:`TASK` (its argument: the job's id),
deferred with the job's ``lock`` and ``queueing_lock`` and queue, so Procrastinate never runs two
jobs of one lock at once nor keeps two waiting with one queueing lock. Its schema is applied by
the workspace's migrations (revision 0013). The worker side (the task itself, retries, stalled
jobs) is ``inhouse.jobs.engine``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord
from inhouse.errors import StorageUnavailable
from inhouse.services import jobs as job_service

if TYPE_CHECKING:
    import procrastinate

TASK = "inhouse.run_job"
"""The one Procrastinate task: run the inhouse job whose id it is given."""

_apps: dict[str, procrastinate.App] = {}
_lock = threading.Lock()


def conninfo(ws: Workspace) -> str:
    """The workspace's database as a libpq connection string (psycopg's, without SQLAlchemy's driver name)."""
    url = make_url(ws.settings.database_url)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def app_for(ws: Workspace, worker: bool = False) -> procrastinate.App:
    """The Procrastinate app over ``ws``'s database: the one that defers and cancels (synchronous,
    opened here, one per database and process), or a new one for a worker (asynchronous, opened
    and closed by that worker on its own event loop)."""
    import procrastinate

    if worker:
        return procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(ws)))
    key = conninfo(ws)
    with _lock:
        if key not in _apps:
            _apps[key] = procrastinate.App(connector=procrastinate.SyncPsycopgConnector(conninfo=key)).open()
        return _apps[key]


def close_apps() -> None:
    """Close this process's deferring apps and their connection pools (before their database goes)."""
    with _lock:
        opened = list(_apps.values())
        _apps.clear()
    for app in opened:
        app.close()


def defer(ws: Workspace, job: JobRecord) -> JobRecord:
    """Hand a stored job to Procrastinate; its record keeps Procrastinate's id. A database that
    refuses fails the job's record (and answers 503)."""
    from procrastinate import exceptions

    stored = job_service.get(ws, job.id)
    with ws.uow() as uow:
        row = uow.jobs.get(job.id)
        lock, queueing_lock, queue = (row.lock, row.queueing_lock, row.queue) if row else (None, None, "default")
    try:
        deferrer = app_for(ws).configure_task(TASK, lock=lock, queueing_lock=queueing_lock, queue=queue)
        engine_id = deferrer.defer(job_id=job.id)
    except exceptions.AlreadyEnqueued:
        job_service.fail(ws, job.id, "a job with the same key is already waiting")
        raise StorageUnavailable("a job with the same key is already waiting: try again later") from None
    except (exceptions.ConnectorException, OSError) as exc:
        job_service.fail(ws, job.id, f"the job engine refused it: {exc}")
        raise StorageUnavailable(f"the job engine is unavailable: {exc}") from None
    job_service.set_engine_id(ws, job.id, engine_id)
    return stored.model_copy()


def cancel(ws: Workspace, job: JobRecord) -> None:
    """Cancel the Procrastinate job of ``job``: a waiting one is dropped, a running one asked to abort."""
    with ws.uow() as uow:
        row = uow.jobs.get(job.id)
        engine_id = row.engine_id if row else None
    if engine_id is not None:
        app_for(ws).job_manager.cancel_job_by_id(engine_id, abort=True)
