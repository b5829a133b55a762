"""Engagements: the client working with a partner, phase by phase, against a dependency plan."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus, Side
from inhouse.domain.edits import EngagementPatch, PhasePatch, merged
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
from inhouse.errors import Conflict, InvalidInput, NotFound
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


def edit(ws: Workspace, ref: str | None, changes: EngagementPatch, today: date | None = None) -> EngagementRecord:
    """Change an engagement's name, description, start date or dependency plan (its first phase
    starts on its start date); another engagement of the client so named is a Conflict."""
    with ws.uow() as uow:
        engagement = lookup.engagement(uow, ref)
        new = merged(
            EngagementIn,
            {
                "name": engagement.name,
                "partner": str(engagement.partner_id),
                "start_date": engagement.start_date,
                "phase": engagement.phase,
                "plan": [share * 100.0 for share in engagement.plan.internal_shares] or None,
                "description": engagement.description,
            },
            changes,
        )
        if any(
            e.client_id == engagement.client_id and e.id != engagement.id for e in uow.engagements.by_name(new.name)
        ):
            raise Conflict(f"engagement {new.name!r} already exists")
        later = [p.started_on for p in engagement.phases[1:]]
        if later and new.start_date > min(later):
            raise InvalidInput(f"start_date {new.start_date} is after the phase change of {min(later)}")
        if engagement.phases and engagement.phases[0].started_on == engagement.start_date:
            engagement.phases[0].started_on = new.start_date
        engagement.name, engagement.description, engagement.start_date = new.name, new.description, new.start_date
        if "plan" in changes.given():
            engagement.plan = new.dependency_plan()
        uow.engagements.update(engagement)
        uow.commit()
        partner = uow.partners.get(engagement.partner_id)
        assert partner is not None, "an engagement's partner exists"
        return EngagementRecord.of(engagement, partner.name, today or date.today())


def edit_phase(ws: Workspace, ref: str | None, phase_id: int, changes: PhasePatch) -> EngagementDetail:
    """Change one recorded phase change (its phase, day or reason); the engagement's phase is its
    last one's. The first phase starts with the engagement (change its start date instead)."""
    given = changes.given()
    with ws.uow() as uow:
        engagement = lookup.engagement(uow, ref)
        stored = next((p for p in engagement.phases if p.id == phase_id), None)
        if stored is None:
            raise NotFound(f"no phase change {phase_id} in {engagement.name}")
        opening = engagement.phases[0]
        first = stored is opening
        day = given.get("started_on", stored.started_on)
        if first and day != stored.started_on:
            raise InvalidInput("started_on: the first phase starts with the engagement: change its start_date instead")
        if day < engagement.start_date:
            raise InvalidInput(f"started_on {day} is before the engagement's start {engagement.start_date}")
        stored.phase, stored.started_on = given.get("phase", stored.phase), day
        stored.reason = given.get("reason", stored.reason)
        engagement.phases.sort(key=lambda p: (p.started_on, p is not opening, p.id or 0))
        for before, after in zip(engagement.phases, engagement.phases[1:], strict=False):
            if before.phase is after.phase:
                raise InvalidInput(f"phase: the engagement would enter the {after.phase.value} phase twice in a row")
        engagement.phase = engagement.phases[-1].phase
        uow.engagements.update(engagement)
        uow.commit()
        return show_in(uow, engagement)


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
    for result in uow.results.latest_of_each_kind(engagement.id):
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
            DocumentRef(id=d.id, kind=d.kind, filename=d.filename, uploaded_by=d.uploaded_by)
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
