"""The latest stored evidence about one engagement.

Used by exit readiness and status: the latest contract review, the latest scan and
documentation audit of each repository, the drills, the assets and the linked repositories.
A kind of result nobody has stored yet is simply absent (the rules then say "not measured
yet"); a contract payload that is not a :class:`ContractReview` is skipped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from inhouse.domain.assets import Asset
from inhouse.domain.contracts import ContractReview
from inhouse.domain.drills import Drill, total_training_hours
from inhouse.domain.engagements import Engagement
from inhouse.domain.exit_readiness import StoredResult
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.store.uow import UnitOfWork


@dataclass
class EngagementEvidence:
    engagement: Engagement
    partner: str
    contract: StoredResult | None = None
    scans: list[StoredResult] = field(default_factory=list)
    audits: list[StoredResult] = field(default_factory=list)
    drills: list[Drill] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    repos: list[str] = field(default_factory=list)

    @property
    def training_hours(self) -> float:
        """The training the drills asked for."""
        return total_training_hours(self.drills)


def _contract_review(payload: Any) -> ContractReview | None:
    """The stored review, or None for a payload that is not one."""
    try:
        return ContractReview.model_validate(payload)
    except ValidationError:
        return None


def _latest_per_subject(results: list[AnalysisResult]) -> list[AnalysisResult]:
    latest: dict[str, AnalysisResult] = {}
    for result in sorted(results, key=lambda r: r.id or 0):
        latest[result.subject] = result
    return sorted(latest.values(), key=lambda r: r.subject)


def _repo_results(uow: UnitOfWork, kind: str, engagement: Engagement, repos: Iterable[Repo]) -> list[AnalysisResult]:
    found = {r.id: r for r in uow.results.list(kind=kind, engagement_id=engagement.id)}
    for repo in repos:  # results stored for a linked repository without the engagement
        for result in uow.results.list(kind=kind, repo_id=repo.id) + uow.results.list(kind=kind, subject=repo.path):
            if result.engagement_id in (None, engagement.id):
                found.setdefault(result.id, result)
    return _latest_per_subject(list(found.values()))


def gather(uow: UnitOfWork, engagement: Engagement) -> EngagementEvidence:
    assert engagement.id is not None, "a stored engagement has an id"
    partner = uow.partners.get(engagement.partner_id)
    repos = uow.repos.list(engagement.id)
    names = {r.id: r.name for r in repos} | {r.path: r.name for r in repos}
    evidence = EngagementEvidence(
        engagement,
        partner.name if partner else "",
        repos=[r.name for r in repos],
        drills=uow.drills.list(engagement.id),
        assets=uow.assets.list(engagement.id),
    )
    for result in reversed(uow.results.list(kind="contract", engagement_id=engagement.id)):
        review = _contract_review(result.payload)
        if review is not None:
            name = PurePath(review.file or result.subject).name  # a file name, not where it was read from
            evidence.contract = StoredResult(review.model_dump(mode="json"), result.id, result.subject, name)
            break
    for kind, target in (("scan", evidence.scans), ("docs_audit", evidence.audits)):
        for result in _repo_results(uow, kind, engagement, repos):
            name = names.get(result.repo_id) or names.get(result.subject) or PurePath(result.subject).name
            target.append(StoredResult(result.payload, result.id, result.subject, name))
    return evidence
