"""An engagement: one client working with one partner, phase by phase, against a plan."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from inhouse.domain.common import Phase
from inhouse.domain.documents import DocumentKind
from inhouse.domain.knowledge import ScanSummary
from inhouse.domain.plans import DependencyPlan, engagement_year
from inhouse.domain.shapes import (
    Body,
    CalendarDate,
    Input,
    Name,
    OptionalBody,
    PastDate,
    Ref,
    Shape,
    Timestamp,
    lowered,
)
from inhouse.errors import InvalidInput


@dataclass
class PhaseChange:
    """The engagement entered ``phase`` on ``started_on`` (e.g. proven scope converted to a project)."""

    phase: Phase
    started_on: date
    reason: str = ""
    id: int | None = None


@dataclass
class Engagement:
    name: str
    client_id: int
    partner_id: int
    start_date: date
    phase: Phase = Phase.ADVISORY
    plan: DependencyPlan = field(default_factory=DependencyPlan)
    description: str = ""
    phases: list[PhaseChange] = field(default_factory=list)
    id: int | None = None
    created_at: datetime | None = None

    def year_on(self, day: date) -> int:
        return engagement_year(day, self.start_date)

    def planned_share_on(self, day: date) -> float:
        return self.plan.target_on(day, self.start_date)

    def phase_since(self) -> date:
        current = [p for p in self.phases if p.phase is self.phase]
        return current[-1].started_on if current else self.start_date

    def change_phase(self, phase: Phase, on: date, reason: str = "") -> PhaseChange:
        """Record a move to ``phase``; the playbook's path is advisory -> project."""
        if phase is self.phase:
            raise InvalidInput(f"engagement {self.name!r} is already in the {phase.value} phase")
        if on < self.start_date:
            raise InvalidInput(f"phase date {on} is before the engagement's start {self.start_date}")
        if self.phases and on < self.phases[-1].started_on:
            raise InvalidInput(f"phase date {on} is before the last phase change {self.phases[-1].started_on}")
        if not reason.strip():
            raise InvalidInput("reason must not be blank: say why, e.g. which advisory scope was proven")
        change = PhaseChange(phase=phase, started_on=on, reason=reason.strip())
        self.phases.append(change)
        self.phase = phase
        return change

    @property
    def stored_id(self) -> int:
        """The id of an engagement read from the store (every one has it)."""
        assert self.id is not None, "a stored engagement has an id"
        return self.id


# --- what the services take ---------------------------------------------------------------------


def _percent(value: float) -> float:
    if not math.isfinite(value) or not 0.0 <= value <= 100.0:
        raise PydanticCustomError("percent", "must be a finite number between 0 and 100")
    return value


Percent = Annotated[float, AfterValidator(_percent), Field(json_schema_extra={"minimum": 0, "maximum": 100})]
"""A share in percent: a finite number from 0 to 100."""


def plan_text(value: Any) -> Any:
    """``"30,60,90"``, ``"30%,60%"`` or ``"0.3,0.6,0.9"`` (fractions when none is above 1) as percents."""
    if not isinstance(value, str):
        return value
    parts = [p.strip().rstrip("%").strip() for p in value.split(",") if p.strip()]
    if not parts:
        raise ValueError("must list yearly internal shares such as 30,60,90")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise ValueError("must be numbers such as 30,60,90") from None
    if "%" not in value and all(math.isfinite(n) and n <= 1.0 for n in numbers):
        numbers = [n * 100.0 for n in numbers]
    return numbers


class EngagementIn(Input):
    """A new engagement: its name, the partner doing the work (name or id), its start and plan."""

    name: Name
    partner: Ref
    start_date: CalendarDate
    phase: Phase = Phase.ADVISORY
    plan: list[Percent] | None = Field(
        default=None, min_length=1, max_length=50, description="Internal share per engagement year, in percent."
    )
    description: OptionalBody = ""
    client: Ref | None = None

    _phase = field_validator("phase", mode="before")(lowered)

    @field_validator("plan", mode="before")
    @classmethod
    def _plan_text(cls, value: Any) -> Any:
        return plan_text(value)

    @field_validator("plan")
    @classmethod
    def _rising(cls, value: list[float] | None) -> list[float] | None:
        if value and any(b < a for a, b in zip(value, value[1:], strict=False)):
            raise ValueError("must not fall from one year to the next")
        return value

    def dependency_plan(self) -> DependencyPlan:
        if not self.plan:
            return DependencyPlan()
        return DependencyPlan(tuple(round(share / 100.0, 4) for share in self.plan))


class PhaseChangeIn(Input):
    """A move to another phase that has happened: when, and why (e.g. which scope was proven)."""

    phase: Phase
    started_on: PastDate
    reason: Body

    _phase = field_validator("phase", mode="before")(lowered)


# --- what the services return -------------------------------------------------------------------


class PlanYear(Shape):
    year: int
    internal_share: float


class EngagementRecord(Shape):
    """One engagement as ``inhouse engagement list --json`` shows it."""

    id: int
    name: str
    partner: str
    start_date: date
    phase: Phase
    phase_since: date
    year: int
    plan: list[PlanYear]
    planned_internal_share_now: float
    description: str

    @classmethod
    def of(cls, engagement: Engagement, partner: str, today: date) -> EngagementRecord:
        return cls(**_record_fields(engagement, partner, today))


def _record_fields(engagement: Engagement, partner: str, today: date) -> dict[str, Any]:
    assert engagement.id is not None, "a stored engagement has an id"
    return {
        "id": engagement.id,
        "name": engagement.name,
        "partner": partner,
        "start_date": engagement.start_date,
        "phase": engagement.phase,
        "phase_since": engagement.phase_since(),
        "year": engagement.year_on(today),
        "plan": [PlanYear(year=i + 1, internal_share=s) for i, s in enumerate(engagement.plan.internal_shares)],
        "planned_internal_share_now": engagement.planned_share_on(today),
        "description": engagement.description,
    }


class PhaseRecord(Shape):
    id: int | None = Field(None, description="The phase change's id (what `engagement phase-edit` names)")
    phase: Phase
    started_on: date
    ended_on: date | None
    reason: str


class PeopleBySide(Shape):
    internal: list[str]
    partner: list[str]


class RepoRef(Shape):
    id: int
    name: str
    path: str


class DocumentRef(Shape):
    id: int
    kind: DocumentKind
    filename: str
    uploaded_by: str = ""


class ReviewSpan(Shape):
    count: int
    first: date | None
    last: date | None


class AnalysisRef(Shape):
    """The latest stored analysis of one kind: what it was about and its one-line summary."""

    kind: str
    subject: str
    summary: str
    created_at: Timestamp | None
    id: int


class EngagementFacts(EngagementRecord):
    """What is stored about one engagement, counted: the part the summary and the page share."""

    client: str
    phases: list[PhaseRecord]
    people: PeopleBySide
    repos: list[RepoRef]
    documents: list[DocumentRef]
    reviews: ReviewSpan
    decisions: int
    drills: int
    analyses: list[AnalysisRef]


class EngagementDetail(EngagementFacts):
    """Everything stored about one engagement, summarised (``inhouse engagement show --json``)."""

    knowledge: ScanSummary | None

    @classmethod
    def of_parts(cls, engagement: Engagement, partner: str, today: date, **parts: Any) -> EngagementDetail:
        return cls(**_record_fields(engagement, partner, today), **parts)


def phase_history(engagement: Engagement) -> list[PhaseRecord]:
    """Each phase with the day the next one started (None for the current one)."""
    ends: list[date | None] = [p.started_on for p in engagement.phases[1:]] + [None]
    return [
        PhaseRecord(id=p.id, phase=p.phase, started_on=p.started_on, ended_on=end, reason=p.reason)
        for p, end in zip(engagement.phases, ends, strict=True)
    ]
