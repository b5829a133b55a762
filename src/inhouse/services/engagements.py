"""Engagements: the client working with a partner, phase by phase, against a dependency plan."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus, Side
from inhouse.domain.engagements import (
    AnalysisRef,
    DocumentRef,
    Engagement,
    EngagementDetail,
    EngagementIn,
    EngagementRecord,
    PeopleBySide,
    PhaseChange,
    PhaseChangeIn,
    RepoRef,
    ReviewSpan,
    phase_history,
)
from inhouse.errors import Conflict
from inhouse.services import lookup
from inhouse.services.knowledge import latest_summary
from inhouse.store.uow import UnitOfWork


def add(ws: Workspace, new: EngagementIn, today: date | None = None) -> EngagementRecord:
    """Start an engagement with a partner (a candidate partner becomes engaged)."""
    name = new.name
    with ws.uow() as uow:
        owner = lookup.the_client(uow, new.client)
        found_partner = lookup.partner(uow, new.partner, owner)
        assert owner.id is not None and found_partner.id is not None, "stored records have ids"
        if any(e.client_id == owner.id for e in uow.engagements.by_name(name)):
            raise Conflict(f"engagement {name!r} already exists")
        engagement = Engagement(
            name=name,
            client_id=owner.id,
            partner_id=found_partner.id,
            start_date=new.start_date,
            phase=new.phase,
            plan=new.dependency_plan(),
            description=new.description,
            phases=[PhaseChange(new.phase, new.start_date, "engagement started")],
        )
        uow.engagements.add(engagement)
        if found_partner.status is PartnerStatus.CANDIDATE:
            found_partner.status = PartnerStatus.ENGAGED
            uow.partners.update(found_partner)
        uow.commit()
        return EngagementRecord.of(engagement, found_partner.name, today or date.today())


def list_all(ws: Workspace, today: date | None = None) -> list[EngagementRecord]:
    day = today or date.today()
    with ws.uow() as uow:
        names = {p.id: p.name for p in uow.partners.list()}
        return [EngagementRecord.of(e, names[e.partner_id], day) for e in uow.engagements.list()]


def change_phase(ws: Workspace, ref: str | None, change: PhaseChangeIn) -> EngagementDetail:
    """Record a phase change, e.g. converting proven advisory scope to a project."""
    with ws.uow() as uow:
        engagement = lookup.engagement(uow, ref)
        engagement.change_phase(change.phase, change.started_on, change.reason)
        uow.engagements.update(engagement)
        uow.commit()
        return show_in(uow, engagement)


def show(ws: Workspace, ref: str | None, today: date | None = None) -> EngagementDetail:
    with ws.uow() as uow:
        return show_in(uow, lookup.engagement(uow, ref), today)


def show_in(uow: UnitOfWork, engagement: Engagement, today: date | None = None) -> EngagementDetail:
    """Everything stored about one engagement, summarised."""
    assert engagement.id is not None, "a stored engagement has an id"
    partner = uow.partners.get(engagement.partner_id)
    client = uow.clients.get(engagement.client_id)
    assert partner is not None and client is not None, "an engagement's partner and client exist"
    people = uow.people.for_engagement(engagement.client_id, engagement.partner_id)
    reviews = uow.reviews.list(engagement.id)
    latest: dict[str, AnalysisRef] = {}
    for result in uow.results.list(engagement_id=engagement.id):  # ordered by id: the last of each kind wins
        assert result.id is not None, "a stored result has an id"
        latest[result.kind] = AnalysisRef(
            kind=result.kind, subject=result.subject, summary=result.summary, created_at=result.created_at, id=result.id
        )
    return EngagementDetail.of_parts(
        engagement,
        partner.name,
        today or date.today(),
        client=client.name,
        phases=phase_history(engagement),
        people=PeopleBySide(
            internal=[p.name for p in people if p.side is Side.INTERNAL],
            partner=[p.name for p in people if p.side is Side.PARTNER],
        ),
        repos=[RepoRef(id=r.id, name=r.name, path=r.path) for r in uow.repos.list(engagement.id) if r.id is not None],
        documents=[
            DocumentRef(id=d.id, kind=d.kind, filename=d.filename)
            for d in uow.documents.list(engagement_id=engagement.id)
            if d.id is not None
        ],
        reviews=ReviewSpan(
            count=len(reviews),
            first=reviews[0].week_of if reviews else None,
            last=reviews[-1].week_of if reviews else None,
        ),
        decisions=len(uow.decisions.list(engagement.id)),
        drills=len(uow.drills.list(engagement.id)),
        analyses=list(latest.values()),
        knowledge=latest_summary(uow, engagement.id),
    )
