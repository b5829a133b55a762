"""Running one started job, whatever the engine: its handler with a reporter, and how it ended
(done, failed, cancelled, or queued again after a transient failure)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import OVER_BUDGET, Job, JobRecord
from inhouse.errors import InhouseError
from inhouse.jobs.handlers import HANDLERS, payload_of
from inhouse.jobs.reporter import Cancelled, OverBudget, Reporter
from inhouse.services import job_runs

log = logging.getLogger(__name__)


def execute(
    ws: Workspace, job: Job, interval: float = 0.5, abort: Callable[[], bool] | None = None, may_retry: bool = True
) -> JobRecord:
    """Run the started ``job`` to its end and record it; answers its final record (queued again
    when a transient failure will be retried)."""
    assert job.id is not None, "a stored job has an id"
    reporter = Reporter(ws, job.id, interval, abort=abort)
    try:
        handler = HANDLERS[job.kind]
        result = handler(ws.acting(job_runs.submitter(ws, job)), payload_of(job.kind, job.payload), reporter)
        if reporter.over_budget():  # it finished, but too late to count
            raise OverBudget(OVER_BUDGET.format(seconds=reporter.seconds))
    except Cancelled:
        return job_runs.end(ws, job.id, cancelled=True)
    except Exception as exc:  # the worker's edge: record the failure instead of losing it
        if not isinstance(exc, InhouseError):
            log.exception("job %s failed", job.id)
        return job_runs.end(ws, job.id, error=exc, may_retry=may_retry)
    return job_runs.end(ws, job.id, result=result)
