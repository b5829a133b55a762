"""The weekly record: reviews (done / why / next) and the decisions taken in them."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, Field, model_validator

from inhouse.domain.common import Side, parse_date
from inhouse.domain.shapes import MAX_ITEMS, Body, Input, OptionalBody, PastDate, Shape, Title
from inhouse.errors import InvalidInput

Section = Literal["done", "why", "next"]
SECTIONS: tuple[Section, ...] = get_args(Section)
FlagKind = Literal["empty", "boilerplate", "same_as_last_week", "no_internal_attendee"]
FLAGS: tuple[FlagKind, ...] = get_args(FlagKind)
WrittenBy = Literal["internal", "partner"]
"""Who wrote a review or a decision: an internal account (or the operator), or a partner user."""
ConfirmAction = Literal["confirm", "comment"]
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


Monday = Annotated[PastDate, AfterValidator(week_start)]
"""A week, as the Monday it starts on: from 1970 up to this week."""


class ReviewIn(Input):
    """One weekly review as a user writes it: the week (any day of it), the three sections, who attended."""

    week_of: Monday = Field(description="Any day of the week reviewed; the review is filed under its Monday")
    done: Body = Field(description="What was done")
    why: Body = Field(description="Why those decisions were made")
    next: Body = Field(description="What's next")
    attendees: list[Title] = Field(default_factory=list, max_length=MAX_ITEMS, description="Names or emails")


class ReviewFlag(Shape):
    """A quality flag on a review: a section that says nothing, or nobody internal there."""

    flag: FlagKind
    section: Section | None = None
    detail: str = ""


class ReviewRecord(Shape):
    """A weekly review as every face shows it (``review list --json`` rows, the page's timeline)."""

    id: int
    engagement: str
    week_of: date
    done: str
    why: str
    next: str
    attendees: list[str]
    internal_attendees: list[str]
    decisions: list[str] = Field(description="Titles of the decisions recorded in this review")
    flags: list[ReviewFlag]
    written_by: WrittenBy = Field("internal", description="partner: written by a partner user, to be confirmed")
    author: str = Field("", description="Who wrote it: the account's name, or the CLI operator's login name")
    author_user_id: int | None = Field(None, description="The account that wrote it (None: the CLI or a local server)")
    confirmed_by: str | None = Field(None, description="Who confirmed a partner-written review (an internal account)")
    confirmed_on: date | None = None
    confirmation_note: str = Field("", description="The confirmer's comment (a comment alone does not confirm)")

    @property
    def awaiting_confirmation(self) -> bool:
        return self.written_by == "partner" and self.confirmed_on is None


class ConfirmationIn(Input):
    """An internal participant's answer to a partner-written review: confirm it, or only comment."""

    action: ConfirmAction = Field("confirm", description="confirm: the review is right; comment: a note only")
    note: OptionalBody = Field("", description="A comment (required to comment)")

    @model_validator(mode="after")
    def _comment_says_something(self) -> ConfirmationIn:
        if self.action == "comment" and not self.note:
            raise ValueError("a comment needs a note")
        return self


class ReviewImport(Shape):
    """What ``review import`` stored: the weeks added, those already stored, the new reviews."""

    engagement: str
    folder: str
    files: int
    added: list[date]
    unchanged: list[date]
    flags: int
    reviews: list[ReviewRecord]


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
    written_by: WrittenBy = "internal"
    author: str = ""
    author_user_id: int | None = None
    confirmed_by: str | None = None
    confirmed_by_user_id: int | None = None
    confirmed_on: date | None = None
    confirmation_note: str = ""

    @property
    def awaiting_confirmation(self) -> bool:
        """A partner-written review not yet confirmed by an internal participant."""
        return self.written_by == "partner" and self.confirmed_on is None

    def submitted_on(self) -> date:
        """The day it was written (its week's Monday when that is not known)."""
        return self.created_at.date() if self.created_at else self.week_of

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
    written_by: WrittenBy = "internal"
    author: str = ""
    author_user_id: int | None = None
