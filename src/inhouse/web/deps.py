"""Dependencies as aliases: the workspace and the job runner the app factory built."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from inhouse.bootstrap import Workspace
from inhouse.jobs import JobRunner


def _workspace(request: Request) -> Workspace:
    return request.app.state.workspace


def _runner(request: Request) -> JobRunner:
    return request.app.state.runner


WS = Annotated[Workspace, Depends(_workspace)]
Runner = Annotated[JobRunner, Depends(_runner)]
