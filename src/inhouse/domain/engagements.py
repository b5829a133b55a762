"""An engagement: one client working with one partner, phase by phase, against a plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from inhouse.domain.common import Phase
from inhouse.domain.plans import DependencyPlan, engagement_year
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
            raise InvalidInput("a phase change needs its reason (--reason), e.g. which advisory scope was proven")
        change = PhaseChange(phase=phase, started_on=on, reason=reason.strip())
        self.phases.append(change)
        self.phase = phase
        return change
