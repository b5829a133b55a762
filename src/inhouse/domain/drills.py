""" "Can we modify this alone?" drills: an internal person changes the system without the partner.

Where they get stuck, the playbook says, request additional training: every stuck point becomes a
training request of some hours (``training_hours`` is the drill's total, shared equally by its
stuck points), and their sum is what the knowledge-transfer clause should at least cover.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from inhouse.errors import InvalidInput

DEFAULT_HOURS_PER_STUCK_POINT = 4.0


class DrillOutcome(str, enum.Enum):
    ALONE = "alone"
    WITH_HELP = "with_help"
    STUCK = "stuck"


@dataclass
class Drill:
    engagement_id: int
    performed_on: date
    person: str
    modification: str
    outcome: DrillOutcome
    stuck_points: list[str] = field(default_factory=list)
    training_hours: float = 0.0
    id: int | None = None
    created_at: datetime | None = None

    def validate(self) -> None:
        if not self.modification.strip():
            raise InvalidInput("a drill needs the modification that was tried")
        if not self.person.strip():
            raise InvalidInput("a drill needs the person who tried it")
        if self.outcome is DrillOutcome.STUCK and not self.stuck_points:
            raise InvalidInput("a stuck drill needs at least one --stuck point: where did they get stuck?")
        if self.outcome is DrillOutcome.ALONE and self.stuck_points:
            raise InvalidInput("a drill done alone has no stuck points: use --outcome with_help or stuck")
        if self.training_hours < 0:
            raise InvalidInput("training hours must not be negative")


@dataclass(frozen=True)
class TrainingRequest:
    """One stuck point turned into a request for training."""

    topic: str
    hours: float
    person: str
    requested_on: date
    drill_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "hours": round(self.hours, 2),
            "person": self.person,
            "requested_on": self.requested_on.isoformat(),
            "drill_id": self.drill_id,
        }


def hours_for(stuck_points: list[str], hours_each: float) -> float:
    if hours_each < 0:
        raise InvalidInput("training hours must not be negative")
    return round(len(stuck_points) * hours_each, 2)


def training_requests(drills: Iterable[Drill]) -> list[TrainingRequest]:
    requests = []
    for drill in drills:
        if not drill.stuck_points:
            continue
        each = drill.training_hours / len(drill.stuck_points)
        requests += [
            TrainingRequest(point, each, drill.person, drill.performed_on, drill.id) for point in drill.stuck_points
        ]
    return requests


def total_training_hours(drills: Iterable[Drill]) -> float:
    return round(sum(r.hours for r in training_requests(drills)), 2)


def compare_with_contract(requested: float, contract_hours: float | None) -> dict[str, Any]:
    """The drills' requested hours against the knowledge-transfer clause's hours (None: unknown)."""
    if contract_hours is None:
        status, gap = "unknown", None
    else:
        gap = round(requested - float(contract_hours), 2)
        status = "exceeds_contract" if gap > 0 else "covered"
    return {
        "requested_hours": round(requested, 2),
        "contract_hours": contract_hours,
        "shortfall_hours": max(gap, 0.0) if gap is not None else None,
        "status": status,
    }
