"""An engagement's weekly record as its partner may read it: reviews, decisions, drills and the
latest documentation audit, and nothing else (no contract, knowledge, partner comparison or
internal notes). ``GET /api/engagements/{ref}/journal`` and the partner user's home page show it."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.decisions import DecisionRecord
from inhouse.domain.drills import DrillRecord
from inhouse.domain.engagements import Engagement
from inhouse.domain.review_quality import ReviewAuthorship, authorship
from inhouse.domain.reviews import ReviewRecord
from inhouse.domain.shapes import Shape
from inhouse.services import decisions, drills, lookup, reviews
from inhouse.services.dashboard.exit import DocsAuditSection, docs_audit
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso
from inhouse.store.uow import UnitOfWork

DOCS_AUDIT = "docs_audit"


class EngagementJournal(Shape):
    """One engagement's weekly record: what a partner user reads of it."""

    id: int
    engagement: str
    start_date: date
    reviews: list[ReviewRecord] = Field(description="Newest first, each marked partner-written or internal")
    decisions: list[DecisionRecord] = Field(description="Oldest first")
    drills: list[DrillRecord] = Field(description="Newest first")
    docs_audit: DocsAuditSection = Field(description="The latest documentation audit (measured false: none yet)")
    authorship: ReviewAuthorship = Field(description="Who wrote the reviews and who confirmed them")


def journal_in(uow: UnitOfWork, engagement: Engagement) -> EngagementJournal:
    """The weekly record of ``engagement`` read in the open unit of work."""
    engagement_id = engagement.stored_id
    latest = views.latest_results(uow.session, engagement_id).get((engagement_id, DOCS_AUDIT))
    payload = views.result_payload(uow.session, latest["id"]) if latest else None
    meta = {**latest, "created_at": iso(latest["created_at"])} if latest else None
    return EngagementJournal(
        id=engagement_id,
        engagement=engagement.name,
        start_date=engagement.start_date,
        reviews=list(reversed(reviews.records_in(uow, engagement))),
        decisions=decisions.records_in(uow, engagement),
        drills=list(reversed(drills.records_in(uow, engagement))),
        docs_audit=docs_audit(payload, meta, engagement.name),
        authorship=authorship(uow.reviews.list(engagement_id)),
    )


def journal(ws: Workspace, ref: str | None) -> EngagementJournal:
    """The weekly record of the engagement ``ref`` names (id or name)."""
    with ws.uow() as uow:
        return journal_in(uow, lookup.engagement(uow, ref))
