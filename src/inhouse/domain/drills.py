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
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from inhouse.domain.shapes import MAX_ITEMS, Hours, Input, Name, PastDate, Shape, Title


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


class DrillIn(Input):
    """One drill as a user records it. The training it requests is either the drill's total
    (``training_hours``) or so many hours for each stuck point (``hours_per_stuck_point``); with
    neither, each stuck point requests the default hours of the settings."""

    performed_on: PastDate = Field(description="The day the drill was done")
    person: Title = Field(description="The internal person who tried the modification (name or email)")
    modification: Name = Field(description="The modification tried without the partner's help")
    outcome: DrillOutcome
    stuck_points: list[Name] = Field(
        default_factory=list, max_length=MAX_ITEMS, validate_default=True, description="Where they got stuck"
    )
    training_hours: Hours | None = Field(None, description="The drill's total training hours")
    hours_per_stuck_point: Hours | None = Field(None, description="Training hours for each stuck point")

    @field_validator("stuck_points")
    @classmethod
    def _fit_the_outcome(cls, points: list[str], info: ValidationInfo) -> list[str]:
        outcome = info.data.get("outcome")
        if outcome is DrillOutcome.STUCK and not points:
            raise PydanticCustomError("stuck_without_points", "must name at least one point when the outcome is stuck")
        if outcome is DrillOutcome.ALONE and points:
            raise PydanticCustomError(
                "alone_with_points", "must be empty when the outcome is alone (with_help or stuck have stuck points)"
            )
        return points

    @field_validator("hours_per_stuck_point")
    @classmethod
    def _one_way_of_counting(cls, hours: float | None, info: ValidationInfo) -> float | None:
        if hours is not None and info.data.get("training_hours") is not None:
            raise PydanticCustomError("hours_twice", "must not be given with training_hours (the drill's total)")
        return hours

    def total_hours(self, default_per_stuck_point: float) -> float:
        """The training this drill requests, in hours."""
        if self.training_hours is not None:
            return round(self.training_hours, 2)
        each = default_per_stuck_point if self.hours_per_stuck_point is None else self.hours_per_stuck_point
        return round(len(self.stuck_points) * each, 2)


class DrillRecord(Shape):
    """A drill as every face lists it (``drill list --json`` rows, the page's drill list)."""

    id: int
    engagement: str
    performed_on: date
    person: str
    modification: str
    outcome: DrillOutcome
    stuck_points: list[str]
    training_hours: float = Field(description="The drill's total training hours")


class TrainingRequest(Shape):
    """One stuck point turned into a request for training."""

    topic: str
    hours: float
    person: str
    requested_on: date
    drill_id: int | None = None


CoverageStatus = Literal["unknown", "covered", "exceeds_contract"]


class TrainingComparison(Shape):
    """The training the drills request against the knowledge-transfer clause of the latest contract review."""

    requests: list[TrainingRequest]
    requested_hours: float
    contract_hours: float | None
    shortfall_hours: float | None
    status: CoverageStatus
    contract: str | None = Field(description="What the contract review read (its subject), if there is one")


class DrillAdded(DrillRecord):
    """A drill just recorded, with the training all the drills now request."""

    training: TrainingComparison


class DrillList(Shape):
    """``drill list``: every drill of one engagement and the training they request."""

    engagement: str
    drills: list[DrillRecord]
    training: TrainingComparison


def training_requests(drills: Iterable[Drill]) -> list[TrainingRequest]:
    """Each stuck point of each drill, with its equal share of the drill's training hours."""
    requests = []
    for drill in drills:
        if not drill.stuck_points:
            continue
        each = round(drill.training_hours / len(drill.stuck_points), 2)
        requests += [
            TrainingRequest(
                topic=point, hours=each, person=drill.person, requested_on=drill.performed_on, drill_id=drill.id
            )
            for point in drill.stuck_points
        ]
    return requests


def total_training_hours(drills: Iterable[Drill]) -> float:
    return round(sum(d.training_hours for d in drills if d.stuck_points), 2)


def training_comparison(
    drills: Iterable[Drill], contract_hours: float | None, contract: str | None = None
) -> TrainingComparison:
    """The drills' requested hours against the knowledge-transfer clause's hours (None: unknown)."""
    drills = list(drills)
    requested = total_training_hours(drills)
    status: CoverageStatus
    if contract_hours is None:
        status, gap = "unknown", None
    else:
        gap = round(requested - float(contract_hours), 2)
        status = "exceeds_contract" if gap > 0 else "covered"
    return TrainingComparison(
        requests=training_requests(drills),
        requested_hours=requested,
        contract_hours=contract_hours,
        shortfall_hours=max(gap, 0.0) if gap is not None else None,
        status=status,
        contract=contract,
    )
