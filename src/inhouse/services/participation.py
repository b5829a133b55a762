"""Participation: tracker tasks imported from CSV, the weekly participation table and the
"delegate and wait" alert.

``alert_in(uow, engagement)`` (or ``delegate_and_wait(ws, ...)``) is what other screens call: it
returns ``{"threshold_weeks", "active", "message", "current": [...], "periods": [...]}``, each period
``{"kind": "no_review" | "no_internal_participation", "from", "to", "weeks", "ongoing"}``.
"""

from __future__ import annotations

from datetime import date

from inhouse.analysis.journal.tracker import read_tracker_csv
from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side
from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import (
    Task,
    WeekParticipation,
    summarise,
    tracking_start,
    weekly_participation,
)
from inhouse.domain.participation import (
    delegate_and_wait as find_alerts,
)
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.services.reviews import read_input
from inhouse.store.uow import UnitOfWork


def task_dict(task: Task, side: Side | None) -> dict:
    return {
        "key": task.key,
        "title": task.title,
        "assignee": task.assignee,
        "side": side.value if side else None,
        "status": task.status,
        "worked_on": task.worked_on.isoformat(),
        "source": task.source,
    }


def import_tasks(ws: Workspace, path: str, engagement: str | None = None, fmt: str = "auto") -> dict:
    """Import a tracker's CSV export, all or nothing; re-importing updates tasks by their key."""
    file, data = read_input(ws, path)
    used, rows = read_tracker_csv(data, file.name, fmt)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for row in rows:
            task = Task(
                engagement_id=found.id,
                key=row.key,
                title=row.title,
                worked_on=row.worked_on,
                assignee=row.assignee,
                status=row.status,
                source=used,
            )
            counts[uow.tasks.save(task)] += 1
        uow.commit()
    sides = [roster.side_of(r.assignee) if r.assignee else None for r in rows]
    unknown = sorted({r.assignee for r, s in zip(rows, sides, strict=False) if r.assignee and s is None})
    return {
        "engagement": found.name,
        "file": str(file),
        "format": used,
        "tasks": len(rows),
        **counts,
        "internal": sum(1 for s in sides if s is Side.INTERNAL),
        "partner": sum(1 for s in sides if s is Side.PARTNER),
        "unassigned": sum(1 for r in rows if not r.assignee),
        "unknown_assignees": unknown,
    }


def list_tasks(ws: Workspace, engagement: str | None = None) -> list[dict]:
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        return [task_dict(t, roster.side_of(t.assignee) if t.assignee else None) for t in uow.tasks.list(found.id)]


def weeks_in(uow: UnitOfWork, engagement: Engagement, today: date) -> list[WeekParticipation]:
    """Participation per week from the first record (or the engagement's start) to ``today``'s week."""
    roster = lookup.roster(uow, engagement)
    reviews = uow.reviews.list(engagement.id)
    decisions = uow.decisions.list(engagement.id)
    tasks = uow.tasks.list(engagement.id)
    start = tracking_start(engagement.start_date, reviews, decisions, tasks)
    return weekly_participation(start, today, reviews, decisions, tasks, roster.side_of)


def _threshold(ws: Workspace, weeks: int | None) -> int:
    value = ws.settings.delegate_alert_weeks if weeks is None else weeks
    if value < 1:
        raise InvalidInput(f"--weeks must be at least 1, not {value}")
    return value


def alert_in(uow: UnitOfWork, engagement: Engagement, today: date | None = None, weeks: int = 2) -> dict:
    """The "delegate and wait" alert of one engagement (see the module docstring for its shape)."""
    today = today or date.today()
    return find_alerts(weeks_in(uow, engagement, today), weeks, today).to_dict()


def delegate_and_wait(
    ws: Workspace, engagement: str | None = None, today: date | None = None, weeks: int | None = None
) -> dict:
    with ws.uow() as uow:
        return alert_in(uow, lookup.engagement(uow, engagement), today, _threshold(ws, weeks))


def participation(
    ws: Workspace, engagement: str | None = None, weeks: int | None = None, last: int = 12, today: date | None = None
) -> dict:
    """Weekly participation of one engagement (the last ``last`` weeks; 0 for all) and its alert."""
    today = today or date.today()
    threshold = _threshold(ws, weeks)
    if last < 0:
        raise InvalidInput(f"--last must not be negative, not {last}")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        rows = weeks_in(uow, found, today)
        roster = lookup.roster(uow, found)
    alert = find_alerts(rows, threshold, today)
    shown = rows[-last:] if last else rows
    return {
        "engagement": found.name,
        "as_of": today.isoformat(),
        "tracking_since": rows[0].week_of.isoformat() if rows else None,
        "internal_people": roster.names(Side.INTERNAL),
        "weeks": [w.to_dict() for w in shown],
        "summary": summarise(shown),
        "alert": alert.to_dict(),
    }
