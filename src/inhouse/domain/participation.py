"""Participation week by week, and the "delegate and wait" alert.

The playbook wants an internal person "not as observer but participant: join meetings, share in
decisions, perform simple tasks directly". For each week this counts the internal attendees of the
weekly review, the share of decisions that were internal or joint, and the share of tracker tasks
done by internal people. A week has *internal participation* when any of the three is non-zero.

"Delegate and wait" is the structure that fails most: ``delegate_and_wait`` finds every run of at
least N weeks (default 2) with no weekly review, or with no internal participation. A run that
reaches the latest week is *ongoing*; the current week only counts once something happened in it.
It also fires while a partner-written review has waited N weeks or more (since it was written)
for an internal participant's confirmation: the partner writing alone, unread, is delegating too.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, get_args

from pydantic import ConfigDict, Field

from inhouse.domain.common import Side
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview, WrittenBy, week_start
from inhouse.domain.shapes import Shape
from inhouse.errors import InvalidInput

AlertKind = Literal["no_review", "no_internal_participation", "unconfirmed_review"]
ALERT_KINDS: tuple[AlertKind, ...] = get_args(AlertKind)
RunKind = Literal["no_review", "no_internal_participation"]
RUN_KINDS: tuple[RunKind, ...] = get_args(RunKind)
"""The alerts that are runs of weeks (``unconfirmed_review`` counts the waiting time of reviews)."""
DEFAULT_ALERT_WEEKS = 2
SideName = Literal["internal", "partner"]


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


class TaskRecord(Shape):
    """A tracker task as ``task list --json`` shows it, with its assignee's side."""

    key: str
    title: str
    assignee: str
    side: SideName | None
    status: str
    worked_on: date
    source: str


class TaskImport(Shape):
    """What ``task import`` stored from one tracker export."""

    engagement: str
    file: str
    format: str
    tasks: int
    added: int
    updated: int
    unchanged: int
    internal: int
    partner: int
    unassigned: int
    unknown_assignees: list[str]


def _share(part: int, total: int) -> float | None:
    return round(part / total, 4) if total else None


class WeekDecisions(Shape):
    internal: int = 0
    partner: int = 0
    joint: int = 0
    total: int = 0
    internal_or_joint_share: float | None = None


class WeekTasks(Shape):
    internal: int = 0
    partner: int = 0
    unknown: int = 0
    total: int = 0
    internal_share: float | None = None


class WeekParticipation(Shape):
    """One week: the review held or not, its internal attendees, decisions and tasks by side."""

    week_of: date
    review: bool
    attendees: int
    internal_attendees: list[str]
    decisions: WeekDecisions
    tasks: WeekTasks
    internal_participation: bool = Field(description="An internal attendee, decision (or joint one) or task")
    review_written_by: WrittenBy | None = Field(None, description="Who wrote the week's review (None: no review)")
    review_submitted_on: date | None = Field(None, description="The day the week's review was written")
    review_confirmed_on: date | None = Field(
        None, description="When an internal participant confirmed the week's partner-written review"
    )

    @property
    def awaiting_confirmation(self) -> bool:
        return self.review_written_by == "partner" and self.review_confirmed_on is None

    @property
    def any_activity(self) -> bool:
        return self.review or bool(self.decisions.total or self.tasks.total)


@dataclass
class _Week:
    """A week being counted."""

    week_of: date
    reviewed: bool = False
    attendees: int = 0
    internal_attendees: list[str] = field(default_factory=list)
    decisions: dict[str, int] = field(default_factory=lambda: {d.value: 0 for d in DecidedBy})
    tasks: dict[str, int] = field(default_factory=lambda: {"internal": 0, "partner": 0, "unknown": 0})
    written_by: WrittenBy | None = None
    submitted_on: date | None = None
    confirmed_on: date | None = None

    def counted(self) -> WeekParticipation:
        d, t = self.decisions, self.tasks
        decisions_total, tasks_total = sum(d.values()), sum(t.values())
        shared = d["internal"] + d["joint"]
        return WeekParticipation(
            week_of=self.week_of,
            review=self.reviewed,
            attendees=self.attendees,
            internal_attendees=list(self.internal_attendees),
            decisions=WeekDecisions(
                **d, total=decisions_total, internal_or_joint_share=_share(shared, decisions_total)
            ),
            tasks=WeekTasks(**t, total=tasks_total, internal_share=_share(t["internal"], tasks_total)),
            internal_participation=bool(self.internal_attendees or shared or t["internal"]),
            review_written_by=self.written_by,
            review_submitted_on=self.submitted_on,
            review_confirmed_on=self.confirmed_on,
        )


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
    weeks: dict[date, _Week] = {}
    day = first
    while day <= last:
        weeks[day] = _Week(day)
        day += timedelta(days=7)
    for review in reviews:
        row = weeks.get(week_start(review.week_of))
        if row is None:
            continue
        row.reviewed = True
        row.written_by, row.submitted_on = review.written_by, review.submitted_on()
        row.confirmed_on = review.confirmed_on if review.written_by == "partner" else None
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
    return [week.counted() for week in weeks.values()]


class ParticipationSummary(Shape):
    """Weeks with a review, with internal attendance or participation; decisions and tasks by side."""

    weeks: int
    weeks_with_review: int
    weeks_with_internal_attendance: int
    weeks_with_internal_participation: int
    decisions: int
    decisions_internal_or_joint_share: float | None
    tasks: int
    tasks_internal_share: float | None
    reviews_by_internal: int = Field(0, description="Reviews written by an internal account or the operator")
    reviews_by_partner: int = Field(0, description="Reviews written by a partner user")
    reviews_confirmed: int = Field(0, description="Partner-written reviews an internal participant confirmed")
    reviews_awaiting_confirmation: int = Field(0, description="Partner-written reviews not confirmed yet")
    median_days_to_confirm: float | None = Field(
        None, description="Days from a partner-written review to its confirmation (median; None: none confirmed)"
    )


def days_to_confirm(weeks: Iterable[WeekParticipation]) -> list[int]:
    """For each confirmed partner-written review, the days it waited (0 when confirmed the same day)."""
    return [
        max((w.review_confirmed_on - w.review_submitted_on).days, 0)
        for w in weeks
        if w.review_written_by == "partner" and w.review_confirmed_on and w.review_submitted_on
    ]


def summarise(weeks: list[WeekParticipation]) -> ParticipationSummary:
    waited = days_to_confirm(weeks)
    decisions = sum(w.decisions.total for w in weeks)
    tasks = sum(w.tasks.total for w in weeks)
    shared = sum(w.decisions.internal + w.decisions.joint for w in weeks)
    return ParticipationSummary(
        weeks=len(weeks),
        weeks_with_review=sum(1 for w in weeks if w.review),
        weeks_with_internal_attendance=sum(1 for w in weeks if w.internal_attendees),
        weeks_with_internal_participation=sum(1 for w in weeks if w.internal_participation),
        decisions=decisions,
        decisions_internal_or_joint_share=_share(shared, decisions),
        tasks=tasks,
        tasks_internal_share=_share(sum(w.tasks.internal for w in weeks), tasks),
        reviews_by_internal=sum(1 for w in weeks if w.review_written_by == "internal"),
        reviews_by_partner=sum(1 for w in weeks if w.review_written_by == "partner"),
        reviews_confirmed=len(waited),
        reviews_awaiting_confirmation=sum(1 for w in weeks if w.awaiting_confirmation),
        median_days_to_confirm=float(statistics.median(waited)) if waited else None,
    )


class AlertPeriod(Shape):
    """A run of weeks with no review, or with no internal participation (``from`` and ``to`` are Mondays)."""

    model_config = ConfigDict(serialize_by_alias=True)

    kind: AlertKind
    start: date = Field(alias="from", description="The first week (Monday) of the run")
    end: date = Field(alias="to", description="The last week (Monday) of the run")
    weeks: int
    ongoing: bool = False
    reviews: int = Field(0, description="unconfirmed_review: how many partner-written reviews wait")

    def describe(self) -> str:
        if self.kind == "unconfirmed_review":
            if self.reviews == 1:
                return (
                    f"the partner-written review of the week of {self.start.isoformat()} unconfirmed for "
                    f"{self.weeks} week{'s' if self.weeks != 1 else ''}"
                )
            return (
                f"{self.reviews} partner-written reviews unconfirmed (the oldest, of the week of "
                f"{self.start.isoformat()}, for {self.weeks} week{'s' if self.weeks != 1 else ''})"
            )
        what = "no weekly review" if self.kind == "no_review" else "no internal participation"
        when = (
            f"since {self.start.isoformat()}" if self.ongoing else f"{self.start.isoformat()} .. {self.end.isoformat()}"
        )
        return f"{what} for {self.weeks} week{'s' if self.weeks != 1 else ''} ({when})"


class DelegateAndWait(Shape):
    """The "delegate and wait" alert: every run of ``threshold_weeks`` or more, the ongoing ones first in ``current``."""

    threshold_weeks: int
    active: bool
    message: str | None
    current: list[AlertPeriod]
    periods: list[AlertPeriod]


def delegate_and_wait(
    weeks: list[WeekParticipation], threshold: int = DEFAULT_ALERT_WEEKS, today: date | None = None
) -> DelegateAndWait:
    """Runs of ``threshold`` or more weeks with no review, or with no internal participation, and the
    partner-written reviews that have waited ``threshold`` weeks or more for a confirmation."""
    if threshold < 1:
        raise InvalidInput(f"the alert needs at least 1 week, not {threshold}")
    current = week_start(today) if today else None
    periods: list[AlertPeriod] = []
    tests: dict[RunKind, Callable[[WeekParticipation], bool]] = {
        "no_review": lambda w: w.review,
        "no_internal_participation": lambda w: w.internal_participation,
    }
    for kind in RUN_KINDS:
        ok = tests[kind]
        rows = list(weeks)
        if rows and rows[-1].week_of == current and not ok(rows[-1]):
            rows = rows[:-1]  # the current week is not over: absence does not count yet
        run: list[WeekParticipation] = []
        for row in [*rows, None]:  # a sentinel closes the last run
            if row is not None and not ok(row):
                run.append(row)
                continue
            if len(run) >= threshold:
                periods.append(
                    AlertPeriod(
                        kind=kind, start=run[0].week_of, end=run[-1].week_of, weeks=len(run), ongoing=row is None
                    )
                )
            run = []
    waiting = unconfirmed(weeks, threshold, today)
    if waiting is not None:
        periods.append(waiting)
    periods.sort(key=lambda p: (p.start, ALERT_KINDS.index(p.kind)))
    active = [p for p in periods if p.ongoing]
    return DelegateAndWait(
        threshold_weeks=threshold,
        active=bool(active),
        message="; ".join(p.describe() for p in active) if active else None,
        current=active,
        periods=periods,
    )


def unconfirmed(
    weeks: list[WeekParticipation], threshold: int = DEFAULT_ALERT_WEEKS, today: date | None = None
) -> AlertPeriod | None:
    """The partner-written reviews waiting ``threshold`` weeks or more (since they were written) for an
    internal confirmation, as one ongoing period; None when none waits that long. Without ``today``,
    the end of the last week is taken."""
    if not weeks:
        return None
    now = today or weeks[-1].week_of + timedelta(days=6)
    waits = [
        (w.week_of, (now - (w.review_submitted_on or w.week_of)).days // 7) for w in weeks if w.awaiting_confirmation
    ]
    late = [(week, waited) for week, waited in waits if waited >= threshold]
    if not late:
        return None
    return AlertPeriod(
        kind="unconfirmed_review",
        start=late[0][0],
        end=late[-1][0],
        weeks=max(waited for _, waited in late),
        ongoing=True,
        reviews=len(late),
    )


class ParticipationReport(Shape):
    """``inhouse participation``: the weeks shown, their summary, and the alert over every week."""

    engagement: str
    as_of: date
    tracking_since: date | None
    internal_people: list[str]
    weeks: list[WeekParticipation]
    summary: ParticipationSummary
    alert: DelegateAndWait = Field(description="Over every week since records began, not only those shown")
