"""Queuing a scan of an engagement's git repository: a typed payload, the repository's lock (never
two scans of one repository at once) and its queueing lock (one waiting rescan at most)."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord, ScanPayload, repository_lock
from inhouse.services import repos
from inhouse.services.queue import JobQueue


def submit_scan(
    runner: JobQueue, ws: Workspace, engagement: str, repo: str | None = None, commit: str | None = None
) -> JobRecord:
    """Queue a scan of the engagement's repository ``repo`` (id or name; its first one when empty);
    answers the rescan already waiting for it, if any."""
    engagement_id, target = repos.of_engagement(ws, engagement, repo)
    assert target.id is not None, "a linked repository has an id"
    key = repository_lock(target.id)
    return runner.enqueue(
        ws,
        "scan",
        ScanPayload(engagement_id=engagement_id, repo_id=target.id, commit=commit),
        subject=f"{target.name} ({target.path})",
        engagement_id=engagement_id,
        lock=key,
        queueing_lock=key,
    )
