"""The latest stored evidence about one engagement.

Used by exit readiness and status: the latest contract review, the latest scan and
documentation audit of each repository, the drills, the assets and the linked repositories.
Each stored payload is read into its model once (:class:`ContractReview`, :class:`ScanResult`,
:class:`DocsAudit`). A kind of result nobody has stored yet is simply absent (the rules then say
"not measured yet"); a stored payload that is not a valid instance of its model (written by an
older version, say) is skipped rather than trusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from inhouse.domain.assets import Asset
from inhouse.domain.contracts import ContractReview
from inhouse.domain.docs_audit import DocsAudit
from inhouse.domain.drills import Drill, total_training_hours
from inhouse.domain.engagements import Engagement
from inhouse.domain.exit_readiness import PayloadT, StoredResult
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.repos import Repo
from inhouse.domain.results import AnalysisResult
from inhouse.services import contracts
from inhouse.store.uow import UnitOfWork


@dataclass
class EngagementEvidence:
    engagement: Engagement
    partner: str
    contract: StoredResult[ContractReview] | None = None
    scans: list[StoredResult[ScanResult]] = field(default_factory=list)
    audits: list[StoredResult[DocsAudit]] = field(default_factory=list)
    drills: list[Drill] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)
    repos: list[str] = field(default_factory=list)

    @property
    def training_hours(self) -> float:
        """The training the drills asked for."""
        return total_training_hours(self.drills)


def read_payload(model: type[PayloadT], payload: Any) -> PayloadT | None:
    """The stored ``payload`` as ``model``, or None for a payload that is not one."""
    try:
        return model.model_validate(payload)
    except ValidationError:
        return None


def _latest_per_subject(
    uow: UnitOfWork, model: type[PayloadT], results: Iterable[AnalysisResult]
) -> list[tuple[AnalysisResult, PayloadT]]:
    """The latest result of each subject whose payload is a ``model``, in subject order (``results``
    come without their payloads: each subject's are read newest first, until one is a ``model``)."""
    newest_first: dict[str, list[AnalysisResult]] = {}
    for result in sorted(results, key=lambda r: r.id or 0, reverse=True):
        newest_first.setdefault(result.subject, []).append(result)
    latest = []
    for subject in sorted(newest_first):
        for result in newest_first[subject]:
            full = uow.results.get(result.id) if result.id is not None else None
            payload = read_payload(model, full.payload) if full is not None else None
            if full is not None and payload is not None:
                latest.append((full, payload))
                break
    return latest


def _repo_results(
    uow: UnitOfWork, model: type[PayloadT], kind: str, engagement: Engagement, repos: Iterable[Repo]
) -> list[tuple[AnalysisResult, PayloadT]]:
    listed = uow.results.list
    found = {r.id: r for r in listed(kind=kind, engagement_id=engagement.id, with_payload=False)}
    for repo in repos:  # results stored for a linked repository without the engagement
        for result in listed(kind=kind, repo_id=repo.id, with_payload=False) + listed(
            kind=kind, subject=repo.path, with_payload=False
        ):
            if result.engagement_id in (None, engagement.id):
                found.setdefault(result.id, result)
    return _latest_per_subject(uow, model, found.values())


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
    for result in contracts.current_results(uow, engagement.id):  # the current version's first
        review = read_payload(ContractReview, result.payload)
        if review is not None:
            name = PurePath(review.file or result.subject).name  # a file name, not where it was read from
            evidence.contract = StoredResult(review, result.id, result.subject, name)
            break

    def name_of(result: AnalysisResult) -> str:
        return names.get(result.repo_id) or names.get(result.subject) or PurePath(result.subject).name

    evidence.scans = [
        StoredResult(scan, result.id, result.subject, name_of(result))
        for result, scan in _repo_results(uow, ScanResult, "scan", engagement, repos)
    ]
    evidence.audits = [
        StoredResult(audit, result.id, result.subject, name_of(result))
        for result, audit in _repo_results(uow, DocsAudit, "docs_audit", engagement, repos)
    ]
    return evidence
