"""The engagement page's weekly record: the reviews' timeline with their quality flags, the
decisions and who took them, the drills, and participation week by week with the "delegate and
wait" alert (``journal_sections``)."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import Field

from inhouse.domain.decisions import DecisionRecord
from inhouse.domain.drills import DrillRecord
from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import DelegateAndWait, ParticipationSummary, WeekParticipation, summarise
from inhouse.domain.participation import delegate_and_wait as find_alerts
from inhouse.domain.review_quality import ReviewAuthorship, authorship
from inhouse.domain.reviews import FLAGS, DecidedBy, FlagKind, ReviewRecord, week_start
from inhouse.domain.roster import Roster
from inhouse.domain.shapes import Shape
from inhouse.services import decisions, drills, lookup, participation, reviews
from inhouse.store.uow import UnitOfWork

SHOWN_WEEKS = 12
NOT_RECORDED = (
    "no weekly review, decision or tracker task recorded yet: add a weekly review below "
    "(weekly notes and tracker exports can be imported too)"
)


class Timeline(Shape):
    """The weekly reviews, newest first, with the weeks that had none and the flags raised."""

    reviews: list[ReviewRecord]
    missed_weeks: list[date] = Field(description="Mondays since the first review without a review")
    flagged: int
    flag_counts: dict[FlagKind, int] = Field(description="Reviews per flag raised, flags not raised left out")
    authorship: ReviewAuthorship | None = Field(None, description="Who wrote the reviews and who confirmed them")


class BySide(Shape):
    internal: int = 0
    joint: int = 0
    partner: int = 0


class DecisionSummary(Shape):
    """Who decides: counts by side and the share internal or joint."""

    total: int
    by_side: BySide
    internal_or_joint_share: float | None


class PageWeek(WeekParticipation):
    """A week of the participation table; ``current`` for the week of today."""

    current: bool


class ParticipationSection(Shape):
    """Participation over the last weeks (newest first) and the alert over all of them; when nothing
    is recorded yet, ``measured`` is false and ``why`` says what to record."""

    measured: bool
    why: str | None = None
    threshold_weeks: int
    alert: DelegateAndWait | None = None
    tracking_since: date | None = None
    weeks: list[PageWeek] = Field(default_factory=list)
    summary: ParticipationSummary | None = None


class JournalSections(Shape):
    """The weekly record's part of the engagement page."""

    timeline: Timeline
    decision_list: list[DecisionRecord] = Field(description="Oldest first")
    drill_list: list[DrillRecord] = Field(description="Newest first")
    decision_summary: DecisionSummary
    participation: ParticipationSection


def missed_weeks(weeks: list[date], until: date) -> list[date]:
    """Mondays between the first review and ``until`` without a review."""
    if not weeks:
        return []
    have = {week_start(w) for w in weeks}
    day, last, missing = min(have), week_start(until), []
    while day <= last:
        if day not in have:
            missing.append(day)
        day += timedelta(days=7)
    return missing


def timeline_in(uow: UnitOfWork, engagement: Engagement, today: date, roster: Roster | None = None) -> Timeline:
    rows = reviews.records_in(uow, engagement, roster=roster)
    counts = {flag: sum(1 for r in rows for f in r.flags if f.flag == flag) for flag in FLAGS}
    return Timeline(
        reviews=list(reversed(rows)),
        missed_weeks=missed_weeks([r.week_of for r in rows], today - timedelta(days=7)),
        flagged=sum(1 for r in rows if r.flags),
        flag_counts={flag: n for flag, n in counts.items() if n},
        authorship=authorship(uow.reviews.list(engagement.stored_id)),
    )


def decision_summary(rows: list[DecisionRecord]) -> DecisionSummary:
    """Who decides: counts by side, the internal-or-joint share."""
    by_side = BySide(
        internal=sum(1 for d in rows if d.decided_by is DecidedBy.INTERNAL),
        joint=sum(1 for d in rows if d.decided_by is DecidedBy.JOINT),
        partner=sum(1 for d in rows if d.decided_by is DecidedBy.PARTNER),
    )
    total = len(rows)
    share = round((by_side.internal + by_side.joint) / total, 4) if total else None
    return DecisionSummary(total=total, by_side=by_side, internal_or_joint_share=share)


def participation_in(
    uow: UnitOfWork,
    engagement: Engagement,
    today: date,
    threshold: int,
    shown: int = SHOWN_WEEKS,
    roster: Roster | None = None,
) -> ParticipationSection:
    """The last ``shown`` weeks of participation (newest first) and the alert over all of them."""
    rows = participation.weeks_in(uow, engagement, today, roster)
    if not any(row.any_activity for row in rows):
        return ParticipationSection(measured=False, why=NOT_RECORDED, threshold_weeks=threshold)
    recent = rows[-shown:]
    this_week = week_start(today)
    return ParticipationSection(
        measured=True,
        threshold_weeks=threshold,
        alert=find_alerts(rows, threshold, today),
        tracking_since=rows[0].week_of,
        weeks=[PageWeek(**dict(row), current=row.week_of == this_week) for row in reversed(recent)],
        summary=summarise(recent),
    )


def journal_sections(
    uow: UnitOfWork, engagement: Engagement, today: date, delegate_alert_weeks: int
) -> JournalSections:
    """The timeline, decisions, drills, who decides and participation of ``engagement``."""
    decision_rows = decisions.records_in(uow, engagement)
    roster = lookup.roster(uow, engagement)  # read once: the timeline and participation share it
    return JournalSections(
        timeline=timeline_in(uow, engagement, today, roster),
        decision_list=decision_rows,
        drill_list=list(reversed(drills.records_in(uow, engagement))),
        decision_summary=decision_summary(decision_rows),
        participation=participation_in(uow, engagement, today, delegate_alert_weeks, roster=roster),
    )
