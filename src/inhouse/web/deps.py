"""Dependencies as aliases: the workspace and the job runner the app factory built, and path ids."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobStatus
from inhouse.domain.shapes import MAX_ID
from inhouse.jobs import JobRunner
from inhouse.web.access import acting_workspace


def _workspace(request: Request) -> Workspace:
    """The app's workspace, its writes attributed to whoever sent the request."""
    return acting_workspace(request)


def _runner(request: Request) -> JobRunner:
    runner: JobRunner = request.app.state.runner
    return runner


WS = Annotated[Workspace, Depends(_workspace)]
Runner = Annotated[JobRunner, Depends(_runner)]
JobId = Annotated[int, Path(ge=1, le=MAX_ID, description="The job's id")]
JobState = Annotated[JobStatus | None, Query(description="Only jobs in this state")]
JobLimit = Annotated[int, Query(ge=1, le=1000, description="Most jobs to list, newest first")]
"""A job's id in a path: a positive 64-bit integer (anything else is a 422, never a 500)."""
