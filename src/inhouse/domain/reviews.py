"""The weekly record: reviews (done / why / next) and the decisions taken in them."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inhouse.domain.common import Side, parse_date
from inhouse.errors import InvalidInput

SECTIONS = ("done", "why", "next")
_ISO_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})(?:-?(\d))?\s*$", re.IGNORECASE)


class DecidedBy(str, enum.Enum):
    INTERNAL = "internal"
    PARTNER = "partner"
    JOINT = "joint"


def week_start(day: date) -> date:
    """The Monday of ``day``'s week: reviews are keyed by the week they cover."""
    return day - timedelta(days=day.weekday())


def parse_week(value: str | date, what: str = "week") -> date:
    """``2026-01-07`` or ``2026-W02`` -> the Monday of that week, or InvalidInput naming ``what``."""
    if isinstance(value, date):
        return week_start(value)
    match = _ISO_WEEK.match(str(value))
    if match:
        try:
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            raise InvalidInput(f"invalid {what} {value!r}: no such ISO week") from None
    try:
        return week_start(parse_date(value, what))
    except InvalidInput:
        raise InvalidInput(f"invalid {what} {value!r}: expected YYYY-MM-DD or YYYY-Www") from None


def decided_by_from_sides(sides: Iterable[Side | None]) -> DecidedBy | None:
    """Internal people only -> internal; partner only -> partner; both -> joint; nobody known -> None."""
    known = {s for s in sides if s in (Side.INTERNAL, Side.PARTNER)}
    if known == {Side.INTERNAL}:
        return DecidedBy.INTERNAL
    if known == {Side.PARTNER}:
        return DecidedBy.PARTNER
    if known:
        return DecidedBy.JOINT
    return None


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

    def same_content(self, other: WeeklyReview) -> bool:
        return (self.done, self.why, self.next, sorted(self.attendees)) == (
            other.done,
            other.why,
            other.next,
            sorted(other.attendees),
        )


@dataclass
class Decision:
    engagement_id: int
    title: str
    decided_by: DecidedBy
    decided_on: date
    rationale: str = ""
    review_id: int | None = None
    status: str = "accepted"
    deciders: list[str] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None
