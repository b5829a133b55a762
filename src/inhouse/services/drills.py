""" "Can we modify this alone?" drills, the training requests they raise, and how those hours
compare with the knowledge-transfer clause of the latest contract review."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side
from inhouse.domain.contracts import ContractReview
from inhouse.domain.drills import (
    Drill,
    DrillAdded,
    DrillIn,
    DrillList,
    DrillRecord,
    TrainingComparison,
    total_training_hours,
    training_comparison,
)
from inhouse.domain.edits import DrillPatch, merged
from inhouse.domain.engagements import Engagement
from inhouse.domain.shapes import MAX_ID
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import contracts, lookup
from inhouse.services.evidence import read_payload
from inhouse.store.uow import UnitOfWork


def record(drill: Drill, engagement: str) -> DrillRecord:
    """The drill as every face lists it."""
    assert drill.id is not None  # read from the store
    return DrillRecord(
        id=drill.id,
        engagement=engagement,
        performed_on=drill.performed_on,
        person=drill.person,
        modification=drill.modification,
        outcome=drill.outcome,
        stuck_points=list(drill.stuck_points),
        training_hours=round(drill.training_hours, 2),
    )


def records_in(uow: UnitOfWork, engagement: Engagement) -> list[DrillRecord]:
    """The drills of ``engagement`` in date order."""
    return [record(d, engagement.name) for d in uow.drills.list(engagement.stored_id)]


def contract_hours_in(uow: UnitOfWork, engagement: Engagement) -> tuple[float | None, str | None]:
    """The knowledge-transfer hours of the current contract version's review (None: no hours in it), and what
    it reviewed; both None when there is no review or its stored payload is not a review."""
    result = contracts.current_result(uow, engagement.stored_id)
    review = read_payload(ContractReview, result.payload) if result is not None else None
    if result is None or review is None:
        return None, None
    return review.clauses.knowledge_transfer.hours, result.subject


def requested_training_hours(uow: UnitOfWork, engagement: Engagement) -> float:
    """Total training hours the drills of ``engagement`` requested."""
    return total_training_hours(uow.drills.list(engagement.stored_id))


def _training(uow: UnitOfWork, engagement: Engagement, drills: list[Drill]) -> TrainingComparison:
    """Training requests from ``drills`` (the engagement's) against the knowledge-transfer clause."""
    hours, subject = contract_hours_in(uow, engagement)
    return training_comparison(drills, hours, subject)


def _checked_person(uow: UnitOfWork, engagement: Engagement, drill: DrillIn) -> str:
    """The internal person of ``engagement`` who did ``drill`` (their name as the roster has it)."""
    if drill.performed_on < engagement.start_date:
        raise InvalidInput(
            f"performed_on {drill.performed_on} is before the engagement's start {engagement.start_date}"
        )
    roster = lookup.roster(uow, engagement)
    match = roster.match(drill.person)
    if match.side is Side.PARTNER:
        who = match.name or drill.person
        raise InvalidInput(f"{who} is on the partner side: a drill is done by an internal person")
    if match.name is None or not any(p.name == match.name for p in roster.people):
        raise NotFound(f"no person {drill.person!r} in this engagement")
    return match.name


def add(ws: Workspace, engagement: str | None, drill: DrillIn) -> DrillAdded:
    """Record a drill by an internal person of ``engagement``."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = Drill(
            engagement_id=found.stored_id,
            performed_on=drill.performed_on,
            person=_checked_person(uow, found, drill),
            modification=drill.modification,
            outcome=drill.outcome,
            stuck_points=list(drill.stuck_points),
            training_hours=drill.total_hours(ws.settings.training_hours_per_stuck_point),
        )
        uow.drills.add(stored)
        uow.commit()
        training = _training(uow, found, uow.drills.list(found.stored_id))
        return DrillAdded(**dict(record(stored, found.name)), training=training)


def list_drills(ws: Workspace, engagement: str | None = None) -> DrillList:
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = uow.drills.list(found.stored_id)  # read once: the list and the training share it
        return DrillList(
            engagement=found.name,
            drills=[record(d, found.name) for d in stored],
            training=_training(uow, found, stored),
        )


def edit(ws: Workspace, engagement: str | None, drill_id: int, changes: DrillPatch) -> DrillAdded:
    """Change a drill of ``engagement``: the rules of a new drill hold for the drill as changed (a
    stuck drill names its stuck points, its person is internal); its training hours are the total."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = uow.drills.get(drill_id) if 1 <= drill_id <= MAX_ID else None
        if stored is None or stored.engagement_id != found.stored_id:
            raise NotFound(f"no drill {drill_id} in {found.name}")
        new = merged(
            DrillIn,
            {
                "performed_on": stored.performed_on,
                "person": stored.person,
                "modification": stored.modification,
                "outcome": stored.outcome,
                "stuck_points": stored.stuck_points,
                "training_hours": stored.training_hours,
            },
            changes,
        )
        if new.performed_on < found.start_date:
            raise InvalidInput(f"performed_on {new.performed_on} is before the engagement's start {found.start_date}")
        if "person" in changes.given():  # a drill's person stays as recorded unless it is changed
            stored.person = _checked_person(uow, found, new)
        stored.performed_on, stored.modification, stored.outcome = new.performed_on, new.modification, new.outcome
        stored.stuck_points = list(new.stuck_points)
        stored.training_hours = new.total_hours(ws.settings.training_hours_per_stuck_point)
        uow.drills.update(stored)
        uow.commit()
        training = _training(uow, found, uow.drills.list(found.stored_id))
        return DrillAdded(**dict(record(stored, found.name)), training=training)
