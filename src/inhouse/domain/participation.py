"""Participation week by week, and the "delegate and wait" alert.

The playbook wants an internal person "not as observer but participant: join meetings, share in
decisions, perform simple tasks directly". For each week this counts the internal attendees of the
weekly review, the share of decisions that were internal or joint, and the share of tracker tasks
done by internal people. A week has *internal participation* when any of the three is non-zero.

"Delegate and wait" is the structure that fails most: ``delegate_and_wait`` finds every run of at
least N weeks (default 2) with no weekly review, or with no internal participation. A run that
reaches the latest week is *ongoing*; the current week only counts once something happened in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from inhouse.domain.common import Side
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview, week_start
from inhouse.errors import InvalidInput

ALERT_KINDS = ("no_review", "no_internal_participation")
DEFAULT_ALERT_WEEKS = 2


@dataclass
class Task:
    """A tracker item (a Jira issue, a row of a plain CSV) and who worked on it, dated by its last work."""

    engagement_id: int
    key: str
    title: str
    worked_on: date
    assignee: str = ""
    status: str = ""
    source: str = "plain"
    id: int | None = None
    created_at: datetime | None = None


def _share(part: int, total: int) -> float | None:
    return round(part / total, 4) if total else None


@dataclass
class WeekParticipation:
    week_of: date
    reviewed: bool = False
    attendees: int = 0
    internal_attendees: list[str] = field(default_factory=list)
    decisions: dict[str, int] = field(default_factory=lambda: {d.value: 0 for d in DecidedBy})
    tasks: dict[str, int] = field(default_factory=lambda: {"internal": 0, "partner": 0, "unknown": 0})

    @property
    def decisions_total(self) -> int:
        return sum(self.decisions.values())

    @property
    def decisions_internal_or_joint(self) -> int:
        return self.decisions["internal"] + self.decisions["joint"]

    @property
    def tasks_total(self) -> int:
        return sum(self.tasks.values())

    @property
    def internal_participation(self) -> bool:
        return bool(self.internal_attendees or self.decisions_internal_or_joint or self.tasks["internal"])

    @property
    def any_activity(self) -> bool:
        return self.reviewed or bool(self.decisions_total or self.tasks_total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "week_of": self.week_of.isoformat(),
            "review": self.reviewed,
            "attendees": self.attendees,
            "internal_attendees": list(self.internal_attendees),
            "decisions": {
                **self.decisions,
                "total": self.decisions_total,
                "internal_or_joint_share": _share(self.decisions_internal_or_joint, self.decisions_total),
            },
            "tasks": {
                **self.tasks,
                "total": self.tasks_total,
                "internal_share": _share(self.tasks["internal"], self.tasks_total),
            },
            "internal_participation": self.internal_participation,
        }


def tracking_start(
    engagement_start: date, reviews: Iterable[WeeklyReview], decisions: Iterable[Decision], tasks: Iterable[Task]
) -> date:
    """The first week with a record (reviews, decisions, tasks), else the engagement's first week.

    Records often start when a client adopts the tool mid-engagement; weeks before the first record
    are unknown, not empty.
    """
    days = [r.week_of for r in reviews] + [d.decided_on for d in decisions] + [t.worked_on for t in tasks]
    return week_start(min(days) if days else engagement_start)


def weekly_participation(
    start: date,
    end: date,
    reviews: Iterable[WeeklyReview],
    decisions: Iterable[Decision],
    tasks: Iterable[Task],
    side_of: Callable[[str], Side | None],
) -> list[WeekParticipation]:
    """One row per week from ``start``'s week to ``end``'s week, both included."""
    first, last = week_start(start), week_start(end)
    if last < first:
        return []
    weeks: dict[date, WeekParticipation] = {}
    day = first
    while day <= last:
        weeks[day] = WeekParticipation(day)
        day += timedelta(days=7)
    for review in reviews:
        row = weeks.get(week_start(review.week_of))
        if row is None:
            continue
        row.reviewed = True
        row.attendees = len(review.attendees)
        for attendee in review.attendees:
            if side_of(attendee) is Side.INTERNAL and attendee not in row.internal_attendees:
                row.internal_attendees.append(attendee)
    for decision in decisions:
        row = weeks.get(week_start(decision.decided_on))
        if row is not None:
            row.decisions[decision.decided_by.value] += 1
    for task in tasks:
        row = weeks.get(week_start(task.worked_on))
        if row is not None:
            side = side_of(task.assignee) if task.assignee else None
            row.tasks[side.value if side in (Side.INTERNAL, Side.PARTNER) else "unknown"] += 1
    return list(weeks.values())


def summarise(weeks: list[WeekParticipation]) -> dict[str, Any]:
    decisions = sum(w.decisions_total for w in weeks)
    tasks = sum(w.tasks_total for w in weeks)
    return {
        "weeks": len(weeks),
        "weeks_with_review": sum(1 for w in weeks if w.reviewed),
        "weeks_with_internal_attendance": sum(1 for w in weeks if w.internal_attendees),
        "weeks_with_internal_participation": sum(1 for w in weeks if w.internal_participation),
        "decisions": decisions,
        "decisions_internal_or_joint_share": _share(sum(w.decisions_internal_or_joint for w in weeks), decisions),
        "tasks": tasks,
        "tasks_internal_share": _share(sum(w.tasks["internal"] for w in weeks), tasks),
    }


@dataclass(frozen=True)
class AlertPeriod:
    kind: str  # one of ALERT_KINDS
    start: date  # first week (Monday) of the run
    end: date  # last week (Monday) of the run
    weeks: int
    ongoing: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "weeks": self.weeks,
            "ongoing": self.ongoing,
        }

    def describe(self) -> str:
        what = "no weekly review" if self.kind == "no_review" else "no internal participation"
        when = (
            f"since {self.start.isoformat()}" if self.ongoing else f"{self.start.isoformat()} .. {self.end.isoformat()}"
        )
        return f"{what} for {self.weeks} week{'s' if self.weeks != 1 else ''} ({when})"


@dataclass(frozen=True)
class DelegateAndWait:
    threshold: int
    periods: tuple[AlertPeriod, ...]

    @property
    def active(self) -> tuple[AlertPeriod, ...]:
        return tuple(p for p in self.periods if p.ongoing)

    def to_dict(self) -> dict[str, Any]:
        active = self.active
        return {
            "threshold_weeks": self.threshold,
            "active": bool(active),
            "message": "; ".join(p.describe() for p in active) if active else None,
            "current": [p.to_dict() for p in active],
            "periods": [p.to_dict() for p in self.periods],
        }


def delegate_and_wait(
    weeks: list[WeekParticipation], threshold: int = DEFAULT_ALERT_WEEKS, today: date | None = None
) -> DelegateAndWait:
    """Runs of ``threshold`` or more weeks with no review, or with no internal participation."""
    if threshold < 1:
        raise InvalidInput(f"the alert needs at least 1 week, not {threshold}")
    current = week_start(today) if today else None
    periods: list[AlertPeriod] = []
    tests = {"no_review": lambda w: w.reviewed, "no_internal_participation": lambda w: w.internal_participation}
    for kind in ALERT_KINDS:
        ok = tests[kind]
        rows = list(weeks)
        if rows and rows[-1].week_of == current and not ok(rows[-1]):
            rows = rows[:-1]  # the current week is not over: absence does not count yet
        run: list[WeekParticipation] = []
        for row in rows + [None]:  # a sentinel closes the last run
            if row is not None and not ok(row):
                run.append(row)
                continue
            if len(run) >= threshold:
                periods.append(AlertPeriod(kind, run[0].week_of, run[-1].week_of, len(run), ongoing=row is None))
            run = []
    periods.sort(key=lambda p: (p.start, ALERT_KINDS.index(p.kind)))
    return DelegateAndWait(threshold, tuple(periods))
