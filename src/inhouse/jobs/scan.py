"""The scan job: scanning an engagement's git repository in the background, with progress."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord, JobResult
from inhouse.domain.knowledge import ScanIn
from inhouse.jobs.runner import JobRunner, Reporter
from inhouse.services import repos
from inhouse.services.knowledge import scan


def submit_scan(runner: JobRunner, ws: Workspace, engagement: str, repo: str | None = None) -> JobRecord:
    """Queue a scan of the engagement's repository ``repo`` (id or name; its first one when empty)."""
    engagement_id, target = repos.of_engagement(ws, engagement, repo)

    def work(report: Reporter) -> JobResult:
        report("starting the scan", 0, 0)
        stored = scan(ws, str(engagement_id), ScanIn(repository=target.path), progress=report)
        return JobResult(
            result_id=stored.result_id,
            repo=stored.repo,
            commits=stored.commits,
            head=stored.head,
            summary=stored.summary(),
        )

    return runner.submit("scan", work, subject=f"{target.name} ({target.path})", engagement_id=engagement_id, ws=ws)
