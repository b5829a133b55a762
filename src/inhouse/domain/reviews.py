"""The weekly record: reviews (done / why / next) and the decisions taken in them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class DecidedBy(str, enum.Enum):
    INTERNAL = "internal"
    PARTNER = "partner"
    JOINT = "joint"


@dataclass
class WeeklyReview:
    """One weekly review: what was done, why those decisions were made, what's next."""

    engagement_id: int
    week_of: date
    done: str
    why: str
    next: str
    attendees: list[str] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None


@dataclass
class Decision:
    engagement_id: int
    title: str
    decided_by: DecidedBy
    decided_on: date
    rationale: str = ""
    review_id: int | None = None
    status: str = "accepted"
    id: int | None = None
    created_at: datetime | None = None
