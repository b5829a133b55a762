"""What an exit needs beyond the checklist: the documentation audit and the asset inventory.

``docs_audit`` turns the latest stored ``docs_audit`` result (a ``DocsAudit`` payload) into the
page's section; ``inventory_in`` lists the engagement's assets with who holds each.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from inhouse.domain.assets import HOLDERS, AssetRecord, HeldBy
from inhouse.domain.docs_audit import DocCounts, DocGroup, DocItem, DocKind, DocsAudit, DocStatus, GuideStatus
from inhouse.domain.engagements import Engagement
from inhouse.domain.shapes import Shape
from inhouse.store.uow import UnitOfWork


class DocsAuditRow(Shape):
    """One documentation item as the page shows it: where it was found, and why in short."""

    kind: DocKind
    title: str
    status: DocStatus
    group: DocGroup
    where: str | None
    line: int | None
    reason: str
    detail: str


class DocsAuditSection(Shape):
    """The page's documentation audit: the latest stored audit (``measured`` false: none yet)."""

    measured: bool
    why: str | None = None
    repo: str | None = None
    repo_path: str | None = None
    head: str | None = None
    result_id: int | None = None
    audited_at: str | None = None
    operations_guide: GuideStatus = "missing"
    counts: DocCounts = DocCounts(present=0, stale=0, missing=0)
    items: list[DocsAuditRow] = []
    rule: str | None = None
    warnings: list[str] = []


class HolderCounts(Shape):
    internal: int = 0
    shared: int = 0
    partner: int = 0


class AssetInventory(Shape):
    """The page's asset inventory: partner-held first (those block an exit), with counts per holder."""

    measured: bool
    why: str | None = None
    assets: list[AssetRecord] = []
    counts: HolderCounts = HolderCounts()


def not_audited(name: str) -> str:
    return f'no documentation audit stored yet: `inhouse docs audit REPO --engagement "{name}"`'


def not_listed(name: str) -> str:
    return f'no asset listed yet: `inhouse asset add NAME --kind model --held-by partner --engagement "{name}"`'


def _detail(item: DocItem) -> str:
    """The audit's reason without what the page shows beside it (where it was found, the verdict)."""
    reason = item.reason
    if reason.startswith("found in ") and "; " in reason:
        reason = reason.split("; ", 1)[1]
    return reason.removesuffix(" - stale")


def _row(item: DocItem) -> DocsAuditRow:
    where = f"{item.file} § {item.section}" if item.file and item.section else item.file
    return DocsAuditRow(
        kind=item.kind,
        title=item.title,
        status=item.status,
        group=item.group,
        where=where,
        line=item.line,
        reason=item.reason,
        detail=_detail(item),
    )


def docs_audit(payload: dict[str, Any] | None, meta: dict[str, Any] | None, engagement: str) -> DocsAuditSection:
    """The documentation audit: the operations guide as a whole, then each item with where it was found.

    ``payload`` is the latest stored ``docs_audit`` result's, ``meta`` its ``id`` and ``created_at``."""
    if payload is None:
        return DocsAuditSection(measured=False, why=not_audited(engagement))
    audit = DocsAudit.model_validate(payload)
    meta = meta or {}
    return DocsAuditSection(
        measured=True,
        repo=PurePath(audit.repo).name or audit.repo,
        repo_path=audit.repo,
        head=audit.head,
        result_id=meta.get("id"),
        audited_at=meta.get("created_at"),
        operations_guide=audit.operations_guide.status,
        counts=audit.counts,
        items=[_row(item) for item in audit.items],
        rule=audit.rule.description,
        warnings=audit.warnings,
    )


def inventory_in(uow: UnitOfWork, engagement: Engagement) -> AssetInventory:
    """Every asset of the engagement (partner-held first: those block an exit), with counts per holder."""
    assert engagement.id is not None, "a stored engagement has an id"
    assets = [AssetRecord.of(asset, engagement.name) for asset in uow.assets.list(engagement.id)]
    if not assets:
        return AssetInventory(measured=False, why=not_listed(engagement.name))
    order = {HeldBy.PARTNER: 0, HeldBy.SHARED: 1, HeldBy.INTERNAL: 2}
    assets.sort(key=lambda a: (order[a.held_by], a.kind.value, a.name.lower()))
    counts = HolderCounts(**{side.value: sum(1 for a in assets if a.held_by is side) for side in HOLDERS})
    return AssetInventory(measured=True, assets=assets, counts=counts)
