"""The stored scan (a :class:`~inhouse.domain.knowledge.ScanResult`) turned into what the
engagement page and the report draw: the internal share against the plan, and the knowledge at
risk. A section without a scan says why it is not measured."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side
from inhouse.domain.knowledge import (
    DirectoryOrphans,
    FileSuccessors,
    FolderRisk,
    Forecast,
    KnowledgeMap,
    Offboarding,
    PeriodKind,
    ScanResult,
    Share,
    Successor,
    TailRisk,
    TruckFactor,
)
from inhouse.domain.shapes import Shape
from inhouse.services import lookup

NOT_SCANNED = "no scan stored yet: scan the engagement's repository (Scan on the engagement page)"

ScanPayload = ScanResult | Mapping[str, Any] | None
"""A stored scan, as read back from ``analysis_results`` or already validated."""


class NotScanned(Shape):
    """A section that has no scan to draw from."""

    measured: Literal[False] = False
    why: str = NOT_SCANNED


class SharePoint(Shape):
    """One period of the share chart."""

    period: str
    start: date
    end: date
    commits: int
    internal_share: Share | None
    internal_line_share: Share | None
    plan: Share | None
    gap: float | None
    internal_file_share: Share | None = None  # the plan measure (None in scans stored before it)
    changes: int = 0
    low_activity: bool = False


class MeasuredShare(Shape):
    """Internal share against the plan, period by period."""

    measured: Literal[True] = True
    points: list[SharePoint]
    latest: SharePoint | None
    forecast: Forecast | None
    period: PeriodKind
    plan: str | None
    repo: str
    scanned_at: datetime | None


ShareSeries = Annotated[MeasuredShare | NotScanned, Field(discriminator="measured")]
"""The engagement page's ``share`` section."""


class DirectoryRisk(DirectoryOrphans):
    """A directory's orphaned files, with their share of the directory's files."""

    orphaned_share: Share


class OffboardingRisk(Shape):
    side: Side
    files: int
    orphaned_files: int
    orphaned_share: Share
    orphaned_lines: int | None
    by_directory: list[DirectoryRisk]  # most orphaned files first


class PersonKnowledge(Shape):
    name: str
    side: Side
    commits: int
    files_authored: int


class MeasuredKnowledge(Shape):
    """Truck factor (authors by name) and the off-boarding simulation."""

    measured: Literal[True] = True
    truck_factor: TruckFactor
    offboarding: OffboardingRisk
    people: list[PersonKnowledge]  # the twelve with the most commits
    commits: int
    head: str | None
    warnings: list[str]
    scanned_at: datetime | None
    # per-folder risk and the knowledge map's files (left out of the JSON when the scan has none)
    folders: list[FolderRisk] = Field(default_factory=list, exclude_if=lambda v: not v)
    knowledge_map: KnowledgeMap | None = Field(default=None, exclude_if=lambda v: v is None)
    leavers: Offboarding | None = Field(default=None, exclude_if=lambda v: v is None)
    tail_risk: TailRisk | None = Field(default=None, exclude_if=lambda v: v is None)
    # who knows a file: the scan's knowledge model (docs/knowledge-models.md; left out of the JSON
    # when it is the default) and the recency model's half-life
    knowledge_model: Literal["avelino2016", "recency"] = Field(
        default="avelino2016", exclude_if=lambda v: v == "avelino2016"
    )
    knowledge_half_life_days: float | None = Field(default=None, exclude_if=lambda v: v is None)
    # the files orphaned if the partner left, each with the internal people best placed to take it over (by name)
    successors: list[FileSuccessors] = Field(default_factory=list, exclude_if=lambda v: not v)


KnowledgeAtRisk = Annotated[MeasuredKnowledge | NotScanned, Field(discriminator="measured")]
"""The engagement page's ``knowledge`` section."""


def scan_result(payload: ScanPayload) -> ScanResult | None:
    """The stored payload as a :class:`ScanResult` (None when nothing is stored)."""
    if payload is None or isinstance(payload, ScanResult):
        return payload
    return ScanResult.model_validate(payload) if payload else None


def _scanned_at(meta: Mapping[str, Any] | None) -> datetime | None:
    value = (meta or {}).get("created_at")
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _names(scan: ScanResult) -> dict[str, str]:
    return {i.id: (i.names or i.emails or (i.id,))[0] for i in scan.identities}


def share_series(payload: ScanPayload, meta: Mapping[str, Any] | None = None) -> MeasuredShare | NotScanned:
    """Internal share against the plan, period by period."""
    scan = scan_result(payload)
    if scan is None or not scan.trajectory:
        return NotScanned()
    points = [
        SharePoint(
            period=p.period,
            start=p.start,
            end=p.end,
            commits=p.commits,
            internal_share=p.internal_commit_share,
            internal_line_share=p.internal_line_share,
            plan=p.plan_internal_share,
            gap=p.gap,
            internal_file_share=p.internal_file_share,
            changes=p.changes,
            low_activity=p.low_activity,
        )
        for p in scan.trajectory
    ]
    return MeasuredShare(
        points=points,
        latest=next((p for p in reversed(points) if p.commits), None),
        forecast=scan.forecast,
        period=scan.period,
        plan=scan.plan,
        repo=scan.repo,
        scanned_at=_scanned_at(meta),
    )


def _named_leavers(leavers: Offboarding | None, names: Mapping[str, str]) -> Offboarding | None:
    """The chosen leavers' off-boarding with each leaver by name (the scan keeps identity ids)."""
    if leavers is None:
        return None
    return leavers.model_copy(update={"people": tuple(names.get(p, p) for p in leavers.people)})


def knowledge_at_risk(payload: ScanPayload, meta: Mapping[str, Any] | None = None) -> MeasuredKnowledge | NotScanned:
    """Truck factor and the off-boarding simulation (files orphaned by directory)."""
    scan = scan_result(payload)
    if scan is None:
        return NotScanned()
    names = _names(scan)
    off = scan.offboarding
    directories = sorted(off.by_directory, key=lambda d: (-d.orphaned_files, d.path))
    people = sorted(scan.identities, key=lambda i: -i.commits)
    return MeasuredKnowledge(
        truck_factor=TruckFactor(
            value=scan.truck_factor.value, authors=tuple(names.get(a, a) for a in scan.truck_factor.authors)
        ),
        offboarding=OffboardingRisk(
            side=off.side,
            files=off.files,
            orphaned_files=off.orphaned_files,
            orphaned_share=off.orphaned_share,
            orphaned_lines=off.orphaned_lines,
            by_directory=[
                DirectoryRisk(
                    path=d.path,
                    files=d.files,
                    orphaned_files=d.orphaned_files,
                    orphaned_lines=d.orphaned_lines,
                    orphaned=d.orphaned,
                    orphaned_share=round(d.orphaned_files / d.files, 4) if d.files else 0.0,
                )
                for d in directories
            ],
        ),
        people=[
            PersonKnowledge(name=names.get(p.id, "?"), side=p.side, commits=p.commits, files_authored=p.files_authored)
            for p in people[:12]
        ],
        commits=scan.commits,
        head=scan.head,
        warnings=scan.warnings,
        scanned_at=_scanned_at(meta),
        folders=scan.folders,
        knowledge_map=scan.knowledge_map,
        leavers=_named_leavers(scan.leavers, names),
        tail_risk=scan.tail_risk,
        successors=[
            FileSuccessors(
                path=f.path,
                successors=tuple(
                    Successor(identity=names.get(c.identity, c.identity), score=c.score) for c in f.successors
                ),
            )
            for f in scan.successors
        ],
        knowledge_model=scan.knowledge_model,
        knowledge_half_life_days=scan.knowledge_half_life_days,
    )


def files_at_risk(ws: Workspace, ref: str | None) -> list[DirectoryRisk]:
    """The files at risk of engagement ``ref``: each directory's files that would have no internal
    author if the partner left, most orphaned first, from its latest scan (none without a scan). The
    rows of the engagement page's ``knowledge.offboarding.by_directory``."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, ref)
        stored = uow.results.latest("scan", engagement_id=found.stored_id)
        payload = stored.payload if stored is not None else None
    knowledge = knowledge_at_risk(payload)
    return knowledge.offboarding.by_directory if isinstance(knowledge, MeasuredKnowledge) else []
