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
    DrillRow,
    EngagementRow,
    JobRow,
    PartnerRow,
    ReviewRow,
)


def engagements(session: Session) -> list[dict]:
    query = (
        select(EngagementRow.id, EngagementRow.name, EngagementRow.phase, EngagementRow.start_date,
               EngagementRow.plan, PartnerRow.name.label("partner"))
        .join(PartnerRow, PartnerRow.id == EngagementRow.partner_id)
        .order_by(EngagementRow.name, EngagementRow.id)
    )
    return [dict(row._mapping) for row in session.execute(query)]


def latest_results(session: Session, engagement_id: int | None = None) -> dict[tuple[int, str], dict]:
    """The newest result of each kind per engagement: id, summary, created_at (no payload)."""
    newest = select(func.max(AnalysisResultRow.id)).where(AnalysisResultRow.engagement_id.is_not(None))
    if engagement_id is not None:
        newest = newest.where(AnalysisResultRow.engagement_id == engagement_id)
    newest = newest.group_by(AnalysisResultRow.engagement_id, AnalysisResultRow.kind)
    query = select(
        AnalysisResultRow.id, AnalysisResultRow.engagement_id, AnalysisResultRow.kind,
        AnalysisResultRow.summary, AnalysisResultRow.subject, AnalysisResultRow.created_at,
        AnalysisResultRow.document_id, AnalysisResultRow.repo_id,
    ).where(AnalysisResultRow.id.in_(newest))
    return {(r.engagement_id, r.kind): dict(r._mapping) for r in session.execute(query)}


def review_stats(session: Session) -> dict[int, tuple[int, date | None]]:
    query = select(ReviewRow.engagement_id, func.count(), func.max(ReviewRow.week_of)).group_by(
        ReviewRow.engagement_id)
    return {eid: (count, last) for eid, count, last in session.execute(query)}


def drill_stats(session: Session) -> dict[int, dict[str, int]]:
    query = select(DrillRow.engagement_id, DrillRow.outcome, func.count()).group_by(
        DrillRow.engagement_id, DrillRow.outcome)
    out: dict[int, dict[str, int]] = {}
    for eid, outcome, count in session.execute(query):
        out.setdefault(eid, {})[outcome] = count
    return out


def unfinished_jobs(session: Session) -> dict[int, int]:
    query = (
        select(JobRow.engagement_id, func.count())
        .where(JobRow.status.in_(("queued", "running")), JobRow.engagement_id.is_not(None))
        .group_by(JobRow.engagement_id)
    )
    return dict(session.execute(query).all())


def result_payload(session: Session, result_id: int) -> dict | None:
    return session.scalar(select(AnalysisResultRow.payload).where(AnalysisResultRow.id == result_id))


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


#: Engagement-scoped tables whose rows feed the status lights, with the text columns whose
#: total length changes when a row is edited in place (a weekly review rewritten, say).
_FEEDS = {
    "analysis_results": (), "weekly_reviews": ("done", "why", "next"), "decisions": ("title", "rationale", "status"),
    "drills": ("outcome",), "documents": (), "repos": (), "engagement_phases": (), "assets": ("held_by",),
    "tasks": ("status",), "reference_checks": (),
}


def fingerprints(session: Session) -> dict[int, tuple]:
    """Per engagement, a value that changes whenever anything its status is computed from changes."""
    from sqlalchemy import literal

    from inhouse.store.tables import Base

    tables = Base.metadata.tables
    out: dict[int, list] = {eid: [] for eid in session.scalars(select(EngagementRow.id))}
    for name, texts in _FEEDS.items():
        table = tables.get(name)
        if table is None or "engagement_id" not in table.c:
            continue
        size = sum((func.coalesce(func.length(table.c[t]), 0) for t in texts if t in table.c), literal(0))
        query = select(table.c.engagement_id, func.count(), func.max(table.c.id), func.sum(size)).group_by(
            table.c.engagement_id)
        for eid, count, top, length in session.execute(query):
            if eid in out:
                out[eid].append((name, count, top, length))
    shared = []
    for name in ("people", "person_emails", "partners"):
        table = tables.get(name)
        if table is not None:
            shared.append(tuple(session.execute(select(func.count(), func.max(table.c.id))).one()))
    shared.append(tuple(session.execute(select(func.count(), func.sum(func.length(PartnerRow.status)))).one()))
    return {eid: (tuple(parts), tuple(shared)) for eid, parts in out.items()}
