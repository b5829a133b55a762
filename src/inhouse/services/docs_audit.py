"""The documentation audit as a use case: audit a repository, store the result with its engagement.

The repository is a registered one (named as ``inhouse repo add`` linked it, within the
engagement when one is named) or a local git repository's path: a repository stays on disk,
the audit reads it with git.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from inhouse.analysis.docs import AuditOptions, audit_repository
from inhouse.bootstrap import Workspace
from inhouse.domain.docs_audit import DocsAuditIn, DocsAuditResult
from inhouse.domain.engagements import Engagement
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.services import lookup, mirrors
from inhouse.services.repos import git_dir_of
from inhouse.store.uow import UnitOfWork

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

KIND = "docs_audit"


def _registered(uow: UnitOfWork, name: str, engagement: str | None) -> Repo | None:
    """The registered repository called ``name`` or linked by the URL ``name`` (None: no one repository)."""
    engagement_id = lookup.engagement(uow, engagement).id if engagement else None
    found = {r.id: r for r in uow.repos.list(engagement_id) if name.lower() in (r.name.lower(), r.path.lower())}
    return found.popitem()[1] if len(found) == 1 else None


def audit(
    ws: Workspace, request: DocsAuditIn, *, progress: Callable[[str, int, int], None] | None = None
) -> DocsAuditResult:
    """Audit the documentation of a repository and store it (kind ``docs_audit``); ``progress``
    hears ``(stage, done, total)``: the history read, then the documentation items judged.

    A path on disk wins over a registered repository of the same name; a repository linked by
    URL is audited in this machine's mirror of it, fetched first."""
    ws.require_ready()  # a missing workspace fails before the (longer) audit runs
    where = Path(request.repo).expanduser()
    linked: Repo | None = None
    if not where.exists():
        with ws.uow() as uow:
            linked = _registered(uow, request.repo, request.engagement)
        if linked is not None:
            where = mirrors.refresh(ws, linked).path if linked.url is not None else Path(linked.path)
    top = git_dir_of(where)  # the repository's top folder, as `inhouse repo add` links it
    report = audit_repository(top, AuditOptions(rev=request.rev, rule=request.rule()), progress)
    if linked is not None and linked.url is not None:
        report = report.model_copy(update={"repo": linked.name})  # a mirror's folder name says nothing
    with ws.uow() as uow:
        found: Engagement | None
        repo: Repo | None
        if linked is not None and linked.url is not None:
            found, repo = uow.engagements.get(linked.engagement_id), linked
        else:
            found, repo = lookup.repo_target(uow, report.repo, request.engagement)
        result = uow.results.add(
            AnalysisResult(
                kind=KIND,
                subject=report.repo,
                payload=report.model_dump(mode="json"),
                summary=report.headline(),
                engagement_id=found.id if found else None,
                repo_id=repo.id if repo else None,
            )
        )
        uow.commit()
    assert result.id is not None, "a stored result has an id"
    return DocsAuditResult(
        **dict(report),
        summary=report.headline(),
        engagement=found.name if found else None,
        result_id=result.id,
    )


def demo_step(context: DemoContext) -> str:
    """The demo's documentation audit of its generated repository (listed in ``services/demo/steps.py``)."""
    data = audit(context.ws, DocsAuditIn(repo=str(context.repo_path), engagement=str(context.engagement_id)))
    return data.summary
