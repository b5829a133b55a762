""" "Can we modify this alone?" drills, the training requests they raise, and how those hours
compare with the knowledge-transfer clause of the latest contract review."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side, parse_date, parse_enum
from inhouse.domain.drills import (
    Drill,
    DrillOutcome,
    compare_with_contract,
    hours_for,
    total_training_hours,
    training_requests,
)
from inhouse.domain.engagements import Engagement
from inhouse.domain.roster import split_names
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def drill_dict(drill: Drill, engagement: str) -> dict:
    return {
        "id": drill.id,
        "engagement": engagement,
        "performed_on": drill.performed_on.isoformat(),
        "person": drill.person,
        "modification": drill.modification,
        "outcome": drill.outcome.value,
        "stuck_points": list(drill.stuck_points),
        "training_hours": round(drill.training_hours, 2),
    }


def contract_hours_in(uow: UnitOfWork, engagement: Engagement) -> tuple[float | None, str | None]:
    """The knowledge-transfer hours of the latest contract review, and what it reviewed."""
    result = uow.results.latest("contract", engagement_id=engagement.id)
    if result is None:
        return None, None
    payload = result.payload or {}
    clause = (payload.get("clauses") or payload).get("knowledge_transfer") or {}
    hours = clause.get("hours") if isinstance(clause, dict) else None
    return (float(hours) if isinstance(hours, (int, float)) else None), result.subject


def requested_training_hours(uow: UnitOfWork, engagement: Engagement) -> float:
    """Total training hours the drills of ``engagement`` requested."""
    return total_training_hours(uow.drills.list(engagement.id))


def training_in(uow: UnitOfWork, engagement: Engagement) -> dict:
    """Training requests from the drills against the knowledge-transfer clause (for status screens)."""
    drills = uow.drills.list(engagement.id)
    hours, subject = contract_hours_in(uow, engagement)
    return {
        "requests": [r.to_dict() for r in training_requests(drills)],
        **compare_with_contract(total_training_hours(drills), hours),
        "contract": subject,
    }


def add(
    ws: Workspace,
    person: str,
    modification: str,
    outcome: str,
    engagement: str | None = None,
    on: str | None = None,
    stuck: list[str] | tuple = (),
    hours: float | None = None,
    today: date | None = None,
) -> dict:
    """Record a drill; each stuck point requests ``hours`` of training (default from the settings)."""
    drill_outcome = parse_enum(DrillOutcome, outcome.replace("-", "_"), "--outcome")
    day = parse_date(on, "drill date") if on else (today or date.today())
    points = [" ".join(p.split()) for p in stuck if p.strip()]
    each = ws.settings.training_hours_per_stuck_point if hours is None else hours
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        if day < found.start_date:
            raise InvalidInput(f"drill date {day} is before the engagement's start {found.start_date}")
        names = split_names([person])
        match = lookup.roster(uow, found).match(names[0] if names else "")
        if match.side is Side.PARTNER:
            raise InvalidInput(f"{match.name or person} is on the partner side: a drill is done by an internal person")
        drill = Drill(
            engagement_id=found.id,
            performed_on=day,
            person=match.name or " ".join(person.split()),
            modification=" ".join(modification.split()),
            outcome=drill_outcome,
            stuck_points=points,
            training_hours=hours_for(points, each),
        )
        drill.validate()
        uow.drills.add(drill)
        uow.commit()
        result = drill_dict(drill, found.name)
        result["training"] = training_in(uow, found)
        return result


def list_drills(ws: Workspace, engagement: str | None = None) -> dict:
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        return {
            "engagement": found.name,
            "drills": [drill_dict(d, found.name) for d in uow.drills.list(found.id)],
            "training": training_in(uow, found),
        }
