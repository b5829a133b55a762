"""Engagements: the client working with a partner, phase by phase, against a dependency plan."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus, Phase, parse_date, parse_enum
from inhouse.domain.engagements import Engagement, PhaseChange
from inhouse.domain.organisations import require_name
from inhouse.domain.plans import DependencyPlan
from inhouse.errors import Conflict
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def engagement_dict(engagement: Engagement, partner_name: str, today: date | None = None) -> dict:
    today = today or date.today()
    return {
        "id": engagement.id,
        "name": engagement.name,
        "partner": partner_name,
        "start_date": engagement.start_date.isoformat(),
        "phase": engagement.phase.value,
        "phase_since": engagement.phase_since().isoformat(),
        "year": engagement.year_on(today),
        "plan": [{"year": i + 1, "internal_share": share} for i, share in enumerate(engagement.plan.internal_shares)],
        "planned_internal_share_now": engagement.planned_share_on(today),
        "description": engagement.description,
    }


def _phase_dict(change: PhaseChange, ended_on: date | None = None) -> dict:
    return {
        "phase": change.phase.value,
        "started_on": change.started_on.isoformat(),
        "ended_on": ended_on.isoformat() if ended_on else None,
        "reason": change.reason,
    }


def add(
    ws: Workspace,
    name: str,
    partner: str,
    start: str,
    phase: str = "advisory",
    plan: str | None = None,
    description: str = "",
    client: str | None = None,
) -> dict:
    name = require_name(name, "engagement")
    start_date = parse_date(start, "start date")
    engagement_phase = parse_enum(Phase, phase, "phase")
    dependency_plan = DependencyPlan.parse(plan) if plan else DependencyPlan()
    with ws.uow() as uow:
        owner = lookup.the_client(uow, client)
        found_partner = lookup.partner(uow, partner, owner)
        if any(e.client_id == owner.id for e in uow.engagements.by_name(name)):
            raise Conflict(f"engagement {name!r} already exists")
        engagement = Engagement(
            name=name,
            client_id=owner.id,
            partner_id=found_partner.id,
            start_date=start_date,
            phase=engagement_phase,
            plan=dependency_plan,
            description=description,
            phases=[PhaseChange(engagement_phase, start_date, "engagement started")],
        )
        uow.engagements.add(engagement)
        if found_partner.status is PartnerStatus.CANDIDATE:
            found_partner.status = PartnerStatus.ENGAGED
            uow.partners.update(found_partner)
        uow.commit()
        return engagement_dict(engagement, found_partner.name)


def list_all(ws: Workspace, today: date | None = None) -> list[dict]:
    with ws.uow() as uow:
        names = {p.id: p.name for p in uow.partners.list()}
        return [engagement_dict(e, names[e.partner_id], today) for e in uow.engagements.list()]


def change_phase(ws: Workspace, ref: str, phase: str, on: str, reason: str = "") -> dict:
    """Record a phase change, e.g. converting proven advisory scope to a project."""
    new_phase = parse_enum(Phase, phase, "phase")
    day = parse_date(on, "phase date")
    with ws.uow() as uow:
        engagement = lookup.engagement(uow, ref)
        engagement.change_phase(new_phase, day, reason)
        uow.engagements.update(engagement)
        uow.commit()
        return show_in(uow, engagement)


def show(ws: Workspace, ref: str | None, today: date | None = None) -> dict:
    with ws.uow() as uow:
        return show_in(uow, lookup.engagement(uow, ref), today)


def show_in(uow: UnitOfWork, engagement: Engagement, today: date | None = None) -> dict:
    """Everything stored about one engagement, summarised."""
    partner = uow.partners.get(engagement.partner_id)
    client = uow.clients.get(engagement.client_id)
    people = uow.people.for_engagement(engagement.client_id, engagement.partner_id)
    reviews = uow.reviews.list(engagement.id)
    results = uow.results.list(engagement_id=engagement.id)
    latest: dict[str, dict] = {}
    for result in results:  # ordered by id: the last one of each kind wins
        latest[result.kind] = {
            "kind": result.kind,
            "subject": result.subject,
            "summary": result.summary,
            "created_at": result.created_at.isoformat(timespec="seconds") if result.created_at else None,
            "id": result.id,
        }
    data = engagement_dict(engagement, partner.name, today)
    data.update(
        {
            "client": client.name,
            "phases": [
                _phase_dict(p, nxt.started_on if nxt else None)
                for p, nxt in zip(engagement.phases, engagement.phases[1:] + [None], strict=False)
            ],
            "people": {
                "internal": [p.name for p in people if p.side.value == "internal"],
                "partner": [p.name for p in people if p.side.value == "partner"],
            },
            "repos": [{"id": r.id, "name": r.name, "path": r.path} for r in uow.repos.list(engagement.id)],
            "documents": [
                {"id": d.id, "kind": d.kind.value, "filename": d.filename}
                for d in uow.documents.list(engagement_id=engagement.id)
            ],
            "reviews": {
                "count": len(reviews),
                "first": reviews[0].week_of.isoformat() if reviews else None,
                "last": reviews[-1].week_of.isoformat() if reviews else None,
            },
            "decisions": len(uow.decisions.list(engagement.id)),
            "drills": len(uow.drills.list(engagement.id)),
            "analyses": list(latest.values()),
        }
    )
    from inhouse.services.knowledge import latest_summary  # the latest git scan, in a few figures

    data["knowledge"] = latest_summary(uow, engagement.id)
    return data
