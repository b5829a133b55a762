"""Decisions as they cross the layers: what a user records, what every face lists, ADR files in and out.

The decision itself (:class:`~inhouse.domain.reviews.Decision`) and who decided
(:class:`~inhouse.domain.reviews.DecidedBy`) live with the weekly reviews they are taken in.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field

from inhouse.domain.reviews import DecidedBy, WrittenBy
from inhouse.domain.shapes import MAX_ITEMS, Input, Name, OptionalBody, PastDate, Shape, Title

AdrFormat = Literal["madr", "adr-tools"]
ADR_FORMATS: tuple[AdrFormat, ...] = get_args(AdrFormat)


class DecisionIn(Input):
    """One decision as a user records it; ``decided_by`` may be left out when the deciders say it."""

    title: Name = Field(description="What was decided")
    decided_by: DecidedBy | None = Field(None, description="Who decided; default: from the deciders' sides")
    decided_on: PastDate = Field(description="The day it was decided")
    rationale: OptionalBody = Field("", description="Why it was decided")
    deciders: list[Title] = Field(default_factory=list, max_length=MAX_ITEMS, description="People who decided")
    status: Title = Field("accepted", description="proposed, accepted, rejected, deprecated or superseded")


class DecisionRecord(Shape):
    """A decision as every face lists it (``decision list --json`` rows, the page's decision list)."""

    id: int
    engagement: str
    title: str
    decided_by: DecidedBy
    decided_on: date
    rationale: str
    deciders: list[str]
    status: str
    review_week: date | None = Field(description="The week of the review it was recorded in")
    written_by: WrittenBy = Field("internal", description="partner: recorded by a partner user")
    author: str = Field("", description="Who recorded it: the account's name, or the CLI operator's login name")
    author_user_id: int | None = Field(
        None, description="The account that recorded it (None: the CLI or a local server)"
    )


class AdrDefaults(Input):
    """What an ADR import assumes for records that do not say it themselves."""

    decided_by: DecidedBy | None = Field(None, description="For records whose deciders are missing or unknown")
    decided_on: PastDate | None = Field(None, description="For records without a date")


class AdrImport(Shape):
    """What ``decision import`` stored: the files added and those already recorded."""

    engagement: str
    files: int
    added: list[str]
    unchanged: list[str]


class AdrFile(Shape):
    """One architecture decision record to write: its file name and Markdown text."""

    name: str
    text: str


class AdrExport(Shape):
    """Every decision of an engagement rendered as ADR files, in decision order."""

    engagement: str
    format: AdrFormat
    records: list[AdrFile]


class AdrWritten(Shape):
    """What ``decision export`` wrote, and where."""

    engagement: str
    folder: str
    format: AdrFormat
    files: list[str]
