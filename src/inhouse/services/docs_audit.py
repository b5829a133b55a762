"""The documentation audit as a use case: audit a repository, store the result with its engagement."""

from __future__ import annotations

from pathlib import Path

from inhouse.analysis.docs import AuditOptions, audit_repository
from inhouse.bootstrap import Workspace
from inhouse.domain.docs_audit import CurrencyRule
from inhouse.domain.results import AnalysisResult
from inhouse.services import lookup
from inhouse.services.repos import git_dir_of

KIND = "docs_audit"


def audit(
    ws: Workspace,
    path: str,
    engagement: str | None = None,
    rev: str = "HEAD",
    min_commits: int | None = None,
    stale_share: float | None = None,
) -> dict:
    """Audit the documentation of the repository at ``path`` and store it (kind ``docs_audit``).

    Returns the ``DocsAudit.to_dict()`` shape plus ``summary``, ``engagement`` (name or None) and
    ``result_id``.
    """
    defaults = CurrencyRule()
    rule = CurrencyRule(
        min_commits if min_commits is not None else defaults.min_commits,
        stale_share if stale_share is not None else defaults.max_unseen_share,
    )
    ws.require_ready()  # a missing workspace fails before the (longer) audit runs
    top = git_dir_of(Path(path).expanduser())  # the repository's top folder, as `inhouse repo add` links it
    report = audit_repository(top, AuditOptions(rev=rev, rule=rule))
    with ws.uow() as uow:
        found, repo = lookup.repo_target(uow, report.repo, engagement)
        result = uow.results.add(
            AnalysisResult(
                kind=KIND,
                subject=report.repo,
                payload=report.to_dict(),
                summary=report.summary(),
                engagement_id=found.id if found else None,
                repo_id=repo.id if repo else None,
            )
        )
        uow.commit()
    return {
        **report.to_dict(),
        "summary": report.summary(),
        "engagement": found.name if found else None,
        "result_id": result.id,
    }


def demo_step(context) -> str:
    """The demo's documentation audit of its generated repository (listed in ``services/demo/steps.py``)."""
    data = audit(context.ws, str(context.repo_path), engagement=str(context.engagement_id))
    return data["summary"]
