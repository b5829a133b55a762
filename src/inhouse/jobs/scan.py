"""The scan job: scanning an engagement's git repository in the background, with progress."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.knowledge import KnowledgeReport
from inhouse.errors import InvalidInput
from inhouse.jobs.runner import JobRunner, Reporter
from inhouse.services import lookup
from inhouse.services.knowledge import scan


def submit_scan(runner: JobRunner, ws: Workspace, engagement: str, repo: str | None = None) -> dict:
    """Queue a scan of ``repo`` (id or name; the engagement's only repository when empty)."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        repos = uow.repos.list(found.id)
    if repo:
        chosen = [r for r in repos if str(r.id) == str(repo) or r.name.lower() == str(repo).lower()]
    else:
        chosen = repos
    if not chosen:
        raise InvalidInput(
            f"engagement {found.name!r} has no repository {repo or ''}".rstrip() + ": link one with `inhouse repo add`"
        )
    target = chosen[0]

    def work(report: Reporter) -> dict:
        report("starting the scan", 0, 0)
        result = scan(ws, target.path, engagement=str(found.id), progress=report)
        return _small(result)

    return runner.submit("scan", work, subject=f"{target.name} ({target.path})", engagement_id=found.id)


def _small(result) -> dict:
    """What the job keeps of the scan's answer: its summary, not the whole payload."""
    if not isinstance(result, dict):
        return {"summary": str(result)}
    keep = ("id", "summary", "result_id", "repo", "commits", "head")
    small = {k: result[k] for k in keep if k in result}
    if "summary" not in small and "truck_factor" in result:
        try:  # the scan's answer is the report's --json shape: say it in one line, as the CLI does
            small["summary"] = KnowledgeReport.from_dict(result).summary()
        except (KeyError, TypeError, ValueError):
            pass
    return small or {"summary": "scan stored"}
