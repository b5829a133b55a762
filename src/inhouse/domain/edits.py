"""What an edit sends: a *patch* of one record, every field optional, only the fields given change.

Each patch takes the value types of the record's create input (``PartnerPatch`` those of
``PartnerIn``...), so a value is checked the same way whether a record is added or edited; a field
sent as null is refused unless the record may hold none (``NULLABLE``). A service applies a patch to
the stored record with :func:`merged`, which checks the rules across fields (a stuck drill names its
stuck points, a partner-side person its partner) on the record as it will be.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from inhouse.domain.accounts import Role
from inhouse.domain.assets import AssetKind, HeldBy, Where, kind_word
from inhouse.domain.common import PartnerStatus, Phase, Side
from inhouse.domain.drills import DrillOutcome
from inhouse.domain.engagements import Percent, plan_text
from inhouse.domain.knowledge import LocalPath
from inhouse.domain.organisations import EmailDomain, Website
from inhouse.domain.partners import AnswerField
from inhouse.domain.reviews import DecidedBy, Monday
from inhouse.domain.roster import Email
from inhouse.domain.shapes import (
    MAX_ITEMS,
    Body,
    CalendarDate,
    Hours,
    Input,
    Name,
    OptionalBody,
    OptionalTitle,
    PastDate,
    Ref,
    Title,
    lowered,
    plain_text,
    validated,
)

InputT = TypeVar("InputT", bound=Input)


class Patch(Input):
    """The base of every patch: the fields given are :meth:`given`; null only where ``NULLABLE`` says."""

    NULLABLE: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.NULLABLE:
            raise PydanticCustomError("not_null", "must not be null (leave the field out to keep it)")
        return value

    def given(self) -> dict[str, Any]:
        """The fields this patch changes, with their validated values."""
        return {name: getattr(self, name) for name in type(self).model_fields if name in self.model_fields_set}


def merged(model: type[InputT], current: Mapping[str, Any], changes: Patch) -> InputT:
    """The record as its create input ``model`` after ``changes``: every rule checked on the whole."""
    return validated(model, {**current, **changes.given()})


class PartnerPatch(Patch):
    """Changes to a partner (``PartnerIn``'s fields); ``website`` null or blank removes it."""

    NULLABLE = frozenset({"website"})

    name: Name | None = Field(None, description="The partner company's name")
    status: Annotated[PartnerStatus, BeforeValidator(lowered)] | None = None
    website: Website = None
    domains: Annotated[list[EmailDomain], Field(max_length=MAX_ITEMS)] | None = Field(
        None, description="E-mail domains of the partner's people (the whole list)"
    )
    notes: OptionalBody | None = None


class ReferencePatch(Patch):
    """Changes to a reference check (``ReferenceIn``'s fields)."""

    name: Name | None = Field(None, description="The client or project the reference is about")
    similar_scale: AnswerField | None = None
    still_running: AnswerField | None = None
    client_contact_offered: AnswerField | None = None
    notes: OptionalBody | None = None


class EngagementPatch(Patch):
    """Changes to an engagement: its name, description, start and dependency plan (its phases change
    through phase changes, its partner never)."""

    name: Name | None = None
    description: OptionalBody | None = None
    start_date: CalendarDate | None = None
    plan: Annotated[list[Percent], Field(min_length=1, max_length=50)] | None = Field(
        None, description="Internal share per engagement year, in percent."
    )

    @field_validator("plan", mode="before")
    @classmethod
    def _plan_text(cls, value: Any) -> Any:
        return plan_text(value)


class PhasePatch(Patch):
    """Changes to one recorded phase change: the phase, the day it started, why."""

    phase: Annotated[Phase, BeforeValidator(lowered)] | None = None
    started_on: PastDate | None = None
    reason: Body | None = None


class PersonPatch(Patch):
    """Changes to a person (``PersonIn``'s fields); ``emails`` is the whole list; ``partner`` null for
    a person moved to the internal side."""

    NULLABLE = frozenset({"partner"})

    name: Name | None = None
    side: Annotated[Side, BeforeValidator(lowered)] | None = None
    emails: Annotated[list[Email], Field(max_length=MAX_ITEMS)] | None = None
    partner: Ref | None = None
    role: OptionalTitle | None = None


class RepoPatch(Patch):
    """Changes to a linked repository: its display name, its folder (moved on disk), the revision scanned."""

    name: Title | None = None
    path: LocalPath | None = Field(None, description="The repository's folder on this machine")
    default_rev: Title | None = None


class DocumentPatch(Patch):
    """Changes to a document: its title only (its bytes never change; a new file is a new version)."""

    title: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(plain_text)] | None
    ) = None


class ReviewPatch(Patch):
    """Changes to a weekly review (``ReviewIn``'s fields); ``attendees`` is the whole list."""

    week_of: Monday | None = Field(None, description="Any day of the week reviewed")
    done: Body | None = None
    why: Body | None = None
    next: Body | None = None
    attendees: Annotated[list[Title], Field(max_length=MAX_ITEMS)] | None = None


class DecisionPatch(Patch):
    """Changes to a decision (``DecisionIn``'s fields); ``decided_by`` null: from the deciders' sides."""

    NULLABLE = frozenset({"decided_by"})

    title: Name | None = None
    decided_by: DecidedBy | None = None
    decided_on: PastDate | None = None
    rationale: OptionalBody | None = None
    deciders: Annotated[list[Title], Field(max_length=MAX_ITEMS)] | None = None
    status: Title | None = None


class DrillPatch(Patch):
    """Changes to a drill (``DrillIn``'s fields); ``training_hours`` is the drill's total."""

    performed_on: PastDate | None = None
    person: Title | None = None
    modification: Name | None = None
    outcome: DrillOutcome | None = None
    stuck_points: Annotated[list[Name], Field(max_length=MAX_ITEMS)] | None = None
    training_hours: Hours | None = Field(None, description="The drill's total training hours")


TaskStatus = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), AfterValidator(plain_text)]
"""A tracker task's status as its tracker names it (``In Progress``): at most 100 characters."""


class TaskPatch(Patch):
    """Changes to a tracker task (a re-import of its tracker's export sets them again)."""

    title: Body | None = None
    assignee: OptionalTitle | None = Field(None, description="Who worked on it: a name or an e-mail (blank: nobody)")
    status: TaskStatus | None = None
    worked_on: PastDate | None = Field(None, description="The day it was last worked on")


class AssetPatch(Patch):
    """Changes to an asset (``AssetIn``'s fields)."""

    name: Title | None = None
    kind: Annotated[AssetKind, BeforeValidator(kind_word)] | None = None
    held_by: Annotated[HeldBy, BeforeValidator(lowered)] | None = None
    holder: OptionalTitle | None = None
    location: Where | None = None
    notes: OptionalBody | None = None


class UserPatch(Patch):
    """Changes to an account: its name, role, and a partner user's organisation and engagements
    (``partner`` null and ``engagements`` empty when it moves to a client role). Never its e-mail."""

    NULLABLE = frozenset({"partner"})

    name: Name | None = None
    role: Annotated[Role, BeforeValidator(lowered)] | None = None
    partner: Ref | None = None
    engagements: Annotated[list[Ref], Field(max_length=MAX_ITEMS)] | None = None
