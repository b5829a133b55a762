"""Participation: tracker tasks imported from CSV, the weekly participation table and the
"delegate and wait" alert.

``alert_in(uow, engagement, today, weeks)`` (or ``delegate_and_wait(ws, ...)``) is what other
screens call: a :class:`~inhouse.domain.participation.DelegateAndWait`.
"""

from __future__ import annotations

from datetime import date

from inhouse.analysis.journal.tracker import read_tracker_csv
from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side
from inhouse.domain.edits import TaskPatch
from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import (
    DelegateAndWait,
    ParticipationReport,
    SideName,
    Task,
    TaskImport,
    TaskRecord,
    WeekParticipation,
    summarise,
    tracking_start,
    weekly_participation,
)
from inhouse.domain.participation import (
    delegate_and_wait as find_alerts,
)
from inhouse.domain.roster import Roster
from inhouse.domain.shapes import Upload
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def _side(side: Side | None) -> SideName | None:
    if side is Side.INTERNAL:
        return "internal"
    if side is Side.PARTNER:
        return "partner"
    return None


def import_tasks(ws: Workspace, engagement: str | None, export: Upload, fmt: str = "auto") -> TaskImport:
    """Import a tracker's CSV export, all or nothing; re-importing updates tasks by their key."""
    used, rows = read_tracker_csv(export.content, export.name, fmt)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for row in rows:
            task = Task(
                engagement_id=found.stored_id,
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
    unknown = sorted({r.assignee for r, s in zip(rows, sides, strict=True) if r.assignee and s is None})
    return TaskImport(
        engagement=found.name,
        file=export.name,
        format=used,
        tasks=len(rows),
        **counts,
        internal=sum(1 for s in sides if s is Side.INTERNAL),
        partner=sum(1 for s in sides if s is Side.PARTNER),
        unassigned=sum(1 for r in rows if not r.assignee),
        unknown_assignees=unknown,
    )


def _record(task: Task, roster: Roster) -> TaskRecord:
    return TaskRecord(
        key=task.key,
        title=task.title,
        assignee=task.assignee,
        side=_side(roster.side_of(task.assignee)) if task.assignee else None,
        status=task.status,
        worked_on=task.worked_on,
        source=task.source,
    )


def list_tasks(ws: Workspace, engagement: str | None = None) -> list[TaskRecord]:
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        return [_record(t, roster) for t in uow.tasks.list(found.stored_id)]


def edit_task(ws: Workspace, engagement: str | None, key: str, changes: TaskPatch) -> TaskRecord:
    """Change a tracker task (named by its key); re-importing its tracker's export sets it again."""
    given = changes.given()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = uow.tasks.by_key(found.stored_id, key.strip()) if "\x00" not in key else None
        if stored is None:
            raise NotFound(f"no task {key!r} in {found.name}")
        stored.title = given.get("title", stored.title)
        stored.assignee = given.get("assignee", stored.assignee)
        stored.status = given.get("status", stored.status)
        stored.worked_on = given.get("worked_on", stored.worked_on)
        uow.tasks.update(stored)
        uow.commit()
        return _record(stored, lookup.roster(uow, found))


def weeks_in(
    uow: UnitOfWork, engagement: Engagement, today: date, roster: Roster | None = None
) -> list[WeekParticipation]:
    """Participation per week from the first record (or the engagement's start) to ``today``'s week
    (``roster``: the engagement's, when the caller has read it)."""
    roster = roster or lookup.roster(uow, engagement)
    reviews = uow.reviews.list(engagement.stored_id)
    decisions = uow.decisions.list(engagement.stored_id)
    tasks = uow.tasks.list(engagement.stored_id)
    start = tracking_start(engagement.start_date, reviews, decisions, tasks)
    return weekly_participation(start, today, reviews, decisions, tasks, roster.side_of)


def _threshold(ws: Workspace, weeks: int | None) -> int:
    value = ws.settings.delegate_alert_weeks if weeks is None else weeks
    if value < 1:
        raise InvalidInput(f"weeks must be at least 1, not {value}")
    return value


def alert_in(uow: UnitOfWork, engagement: Engagement, today: date | None = None, weeks: int = 2) -> DelegateAndWait:
    """The "delegate and wait" alert of one engagement."""
    today = today or date.today()
    return find_alerts(weeks_in(uow, engagement, today), weeks, today)


def delegate_and_wait(
    ws: Workspace, engagement: str | None = None, today: date | None = None, weeks: int | None = None
) -> DelegateAndWait:
    with ws.uow() as uow:
        return alert_in(uow, lookup.engagement(uow, engagement), today, _threshold(ws, weeks))


def participation(
    ws: Workspace, engagement: str | None = None, weeks: int | None = None, last: int = 12, today: date | None = None
) -> ParticipationReport:
    """Weekly participation of one engagement (the last ``last`` weeks; 0 for all) and its alert."""
    today = today or date.today()
    threshold = _threshold(ws, weeks)
    if last < 0:
        raise InvalidInput(f"last must not be negative, not {last}")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        rows = weeks_in(uow, found, today, roster)
    shown = rows[-last:] if last else rows
    return ParticipationReport(
        engagement=found.name,
        as_of=today,
        tracking_since=rows[0].week_of if rows else None,
        internal_people=roster.names(Side.INTERNAL),
        weeks=shown,
        summary=summarise(shown),
        alert=find_alerts(rows, threshold, today),
    )
