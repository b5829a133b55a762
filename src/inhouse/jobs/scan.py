"""Queuing a scan of an engagement's git repository: a typed payload, the repository's lock (never
two scans of one repository at once) and its queueing lock (one waiting rescan at most); and a
scan of every repository of the portfolio or of one engagement (``inhouse scan --all``, the
scheduled rescans)."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord, ScanPayload, repository_lock
from inhouse.domain.knowledge import LeaversIn
from inhouse.domain.repos import QueuedScan, QueuedScans
from inhouse.errors import InhouseError
from inhouse.services import repos
from inhouse.services.queue import JobQueue


def submit_scan(
    runner: JobQueue,
    ws: Workspace,
    engagement: str,
    repo: str | None = None,
    commit: str | None = None,
    leavers: LeaversIn | None = None,
) -> JobRecord:
    """Queue a scan of the engagement's repository ``repo`` (id or name; its first one when empty),
    simulating ``leavers`` leaving when given; a plain rescan answers the one already waiting, if any."""
    engagement_id, target = repos.of_engagement(ws, engagement, repo)
    assert target.id is not None, "a linked repository has an id"
    key = repository_lock(target.id)
    chosen = leavers if leavers is not None and leavers.chosen else None
    return runner.enqueue(
        ws,
        "scan",
        ScanPayload(
            engagement_id=engagement_id,
            repo_id=target.id,
            commit=commit,
            leavers=chosen,
        ),
        subject=f"{target.name} ({target.path})",
        engagement_id=engagement_id,
        lock=key,
        queueing_lock=key if chosen is None else None,  # a simulation asked for is never a waiting rescan
    )


def submit_all(runner: JobQueue, ws: Workspace, engagement: str | None = None) -> QueuedScans:
    """Queue a scan of every linked repository (of ``engagement`` when named): a repository whose
    rescan is already waiting keeps that one; one the queue refuses (full) says why."""
    scans = []
    for linked in repos.list_all(ws, engagement):
        key = repository_lock(linked.id)
        with ws.uow() as uow:
            waiting = uow.jobs.waiting(key)
        try:
            job = submit_scan(runner, ws, str(linked.engagement_id), str(linked.id))
        except InhouseError as exc:
            scans.append(
                QueuedScan(
                    repo_id=linked.id,
                    repo=linked.name,
                    engagement_id=linked.engagement_id,
                    queued=False,
                    error=exc.message,
                )
            )
            continue
        new = waiting is None or waiting.id != job.id
        scans.append(
            QueuedScan(repo_id=linked.id, repo=linked.name, engagement_id=linked.engagement_id, queued=new, job=job)
        )
    return QueuedScans(
        scans=scans,
        queued=sum(s.queued for s in scans),
        waiting=sum(not s.queued and s.job is not None for s in scans),
        refused=sum(s.job is None for s in scans),
    )
