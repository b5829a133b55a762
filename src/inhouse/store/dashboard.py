"""Read-models for the dashboard: a few plain queries over many engagements at once.

The portfolio must stay quick with hundreds of engagements and large scan payloads, so
these read summaries and counts only, never the JSON payloads of analysis results.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.store.tables import (
    AnalysisResultRow,
    DocumentRow,
    DrillRow,
    EngagementRow,
    JobRow,
    PartnerRow,
    ReviewRow,
)

CONTRACT = "contract"


def engagements(session: Session) -> list[dict]:
    query = (
        select(
            EngagementRow.id,
            EngagementRow.name,
            EngagementRow.phase,
            EngagementRow.start_date,
            EngagementRow.plan,
            PartnerRow.name.label("partner"),
        )
        .join(PartnerRow, PartnerRow.id == EngagementRow.partner_id)
        .order_by(EngagementRow.name, EngagementRow.id)
    )
    return [dict(row._mapping) for row in session.execute(query)]


def _scoped(query, engagement_id: int | None, engagement_ids: list[int] | None):
    query = query.where(AnalysisResultRow.engagement_id.is_not(None))
    if engagement_id is not None:
        query = query.where(AnalysisResultRow.engagement_id == engagement_id)
    if engagement_ids is not None:
        query = query.where(AnalysisResultRow.engagement_id.in_(engagement_ids))
    return query


def latest_results(
    session: Session, engagement_id: int | None = None, engagement_ids: list[int] | None = None
) -> dict[tuple[int, str], dict]:
    """The newest result of each kind per engagement: id, summary, created_at (no payload; the
    latest confirmation of a result a later run found again, else when it was made).

    A contract's is the latest review of the engagement's *current* contract version, the newest
    reviewed contract document (domain/versions.py): reviewing an older version again does not
    make it the engagement's contract."""
    newest = _scoped(select(func.max(AnalysisResultRow.id)), engagement_id, engagement_ids)
    newest = newest.where(AnalysisResultRow.kind != CONTRACT).group_by(
        AnalysisResultRow.engagement_id, AnalysisResultRow.kind
    )
    current = _scoped(
        select(AnalysisResultRow.engagement_id, func.max(AnalysisResultRow.document_id).label("document_id")),
        engagement_id,
        engagement_ids,
    )
    current = current.where(AnalysisResultRow.kind == CONTRACT).group_by(AnalysisResultRow.engagement_id).subquery()
    contract = (
        select(func.max(AnalysisResultRow.id))
        .join(
            current,
            (current.c.engagement_id == AnalysisResultRow.engagement_id)
            & (current.c.document_id == AnalysisResultRow.document_id),
        )
        .where(AnalysisResultRow.kind == CONTRACT)
        .group_by(AnalysisResultRow.engagement_id)
    )
    no_document = _scoped(select(func.max(AnalysisResultRow.id)), engagement_id, engagement_ids).where(
        AnalysisResultRow.kind == CONTRACT
    )
    no_document = no_document.group_by(AnalysisResultRow.engagement_id).having(
        func.max(AnalysisResultRow.document_id).is_(None)
    )
    newest = newest.union_all(contract, no_document)
    query = select(
        AnalysisResultRow.id,
        AnalysisResultRow.engagement_id,
        AnalysisResultRow.kind,
        AnalysisResultRow.summary,
        AnalysisResultRow.subject,
        func.coalesce(AnalysisResultRow.checked_at, AnalysisResultRow.created_at).label("created_at"),
        AnalysisResultRow.document_id,
        AnalysisResultRow.repo_id,
    ).where(AnalysisResultRow.id.in_(newest))
    return {(r.engagement_id, r.kind): dict(r._mapping) for r in session.execute(query)}


def review_stats(session: Session, engagement_ids: list[int] | None = None) -> dict[int, tuple[int, date | None]]:
    query = select(ReviewRow.engagement_id, func.count(), func.max(ReviewRow.week_of)).group_by(ReviewRow.engagement_id)
    if engagement_ids is not None:
        query = query.where(ReviewRow.engagement_id.in_(engagement_ids))
    return {eid: (count, last) for eid, count, last in session.execute(query)}


def drill_stats(session: Session, engagement_ids: list[int] | None = None) -> dict[int, dict[str, int]]:
    query = select(DrillRow.engagement_id, DrillRow.outcome, func.count()).group_by(
        DrillRow.engagement_id, DrillRow.outcome
    )
    if engagement_ids is not None:
        query = query.where(DrillRow.engagement_id.in_(engagement_ids))
    out: dict[int, dict[str, int]] = {}
    for eid, outcome, count in session.execute(query):
        out.setdefault(eid, {})[outcome] = count
    return out


def unfinished_jobs(session: Session, engagement_ids: list[int] | None = None) -> dict[int, int]:
    query = (
        select(JobRow.engagement_id, func.count())
        .where(JobRow.status.in_(("queued", "running")), JobRow.engagement_id.is_not(None))
        .group_by(JobRow.engagement_id)
    )
    if engagement_ids is not None:
        query = query.where(JobRow.engagement_id.in_(engagement_ids))
    return {int(eid): int(count) for eid, count in session.execute(query).all() if eid is not None}


def partner_documents(session: Session, kinds: list[str]) -> dict[int, list[dict]]:
    """Each partner's documents of ``kinds`` (id, filename, kind), oldest first, without their bytes."""
    query = (
        select(DocumentRow.partner_id, DocumentRow.id, DocumentRow.filename, DocumentRow.kind)
        .where(DocumentRow.partner_id.is_not(None), DocumentRow.kind.in_(kinds))
        .order_by(DocumentRow.id)
    )
    out: dict[int, list[dict]] = {}
    for partner_id, document_id, filename, kind in session.execute(query):
        out.setdefault(partner_id, []).append({"id": document_id, "filename": filename, "kind": kind})
    return out


def result_payload(session: Session, result_id: int) -> dict | None:
    return session.scalar(select(AnalysisResultRow.payload).where(AnalysisResultRow.id == result_id))


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()
