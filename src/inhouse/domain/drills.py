""""Can we modify this alone?" drills: an internal person changes the system without the partner."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


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
