"""The progress callback every job runs with: it stores progress (a heartbeat too), keeps the
job's time budget and stops the work at its next checkpoint once a cancel was asked.

Each job has a wall-clock budget (the ``job_seconds`` setting) from the moment it starts: the
reporter stops the work at its next progress call once the budget is spent (a scan reports often;
a document's reader has its own, shorter deadline), and a job that ends past its budget anyway is
recorded failed. A worker thread cannot be killed from outside, so budget and cancel are kept
cooperatively.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import OVER_BUDGET
from inhouse.errors import InhouseError
from inhouse.services import job_runs
from inhouse.services import jobs as job_service


class OverBudget(InhouseError):
    """The job ran past its time budget (``job_seconds``) and was stopped."""


class Cancelled(InhouseError):
    """The job was cancelled while it ran: it stopped at a progress checkpoint."""


class Reporter:
    """Progress callback ``(stage, done, total)`` that stores the job's progress, throttled; raises
    :class:`OverBudget` once the time budget is spent and :class:`Cancelled` once a cancel was asked
    (``abort``: the engine's own cancel signal, besides the job's ``cancel_requested``)."""

    def __init__(
        self,
        ws: Workspace,
        job_id: int,
        interval: float = 0.5,
        seconds: float | None = None,
        abort: Callable[[], bool] | None = None,
    ) -> None:
        self.ws, self.job_id, self.interval = ws, job_id, interval
        self.seconds = seconds if seconds is not None else ws.settings.job_seconds
        self.deadline = time.monotonic() + self.seconds
        self.abort = abort
        self._last = 0.0
        self._checked = 0.0

    def over_budget(self) -> bool:
        return time.monotonic() > self.deadline

    def cancelled(self) -> bool:
        """Whether a cancel was asked (read at most every ``interval`` seconds)."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return False
        self._checked = now
        return (self.abort is not None and self.abort()) or job_runs.cancel_requested(self.ws, self.job_id)

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.over_budget():
            raise OverBudget(OVER_BUDGET.format(seconds=self.seconds))
        if self.cancelled():
            raise Cancelled("cancelled")
        now = time.monotonic()
        if now - self._last < self.interval and not (total and done >= total):
            return
        self._last = now
        fraction = done / total if total else 0.0
        message = f"{stage}: {done:,} of {total:,}" if total else stage
        job_service.progress(self.ws, self.job_id, fraction, message)
