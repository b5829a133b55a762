"""The queue of background jobs as the jobs page and ``GET /api/jobs`` show it: how many are in
each state, the queue's limits, and the latest jobs (of one state when asked), newest first."""

from __future__ import annotations

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord, JobStatus
from inhouse.domain.shapes import Shape
from inhouse.services.jobs import records


class StateCount(Shape):
    state: JobStatus
    jobs: int = Field(ge=0)


class JobQueueView(Shape):
    """The jobs page: every state's count, the limits new jobs meet, and the jobs listed."""

    counts: list[StateCount] = Field(description="How many jobs are in each state, every state listed")
    unfinished: int = Field(ge=0, description="Jobs queued or running, of everyone")
    queued_limit: int = Field(description="Most jobs waiting or running at once (the jobs_queued_limit setting)")
    per_user: int = Field(description="Most jobs one account may have waiting or running (jobs_per_user)")
    state: JobStatus | None = Field(None, description="The state the list is of (None: every state)")
    jobs: list[JobRecord] = Field(description="The latest jobs (in ``state`` when given), newest first")


def job_queue(ws: Workspace, state: JobStatus | None = None, limit: int = 100) -> JobQueueView:
    with ws.uow() as uow:
        counts = uow.jobs.count_by_status()
        listed = records(uow.jobs.list(limit=limit, status=state))
    return JobQueueView(
        counts=[StateCount(state=s, jobs=n) for s, n in counts.items()],
        unfinished=counts[JobStatus.QUEUED] + counts[JobStatus.RUNNING],
        queued_limit=ws.settings.jobs_queued_limit,
        per_user=ws.settings.jobs_per_user,
        state=state,
        jobs=listed,
    )
