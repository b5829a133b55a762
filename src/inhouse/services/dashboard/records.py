"""The engagement page's own records, listed to be edited and deleted where they have no page of
their own: the linked repositories, the people of both sides and the latest tracker tasks."""

from __future__ import annotations

from pydantic import Field

from inhouse.domain.common import Side
from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import SideName, Task, TaskRecord
from inhouse.domain.repos import RepoRecord
from inhouse.domain.roster import PersonRecord, Roster
from inhouse.domain.shapes import Shape
from inhouse.store.uow import UnitOfWork

TASKS_SHOWN = 50
"""Tracker tasks the page lists (an engagement may have thousands: the CSV download has them all)."""


class PageTask(TaskRecord):
    """A tracker task as the page lists it: with its id, which its Delete button names."""

    id: int


class EngagementRecords(Shape):
    """What the engagement page lists to edit and delete."""

    repos: list[RepoRecord]
    people: list[PersonRecord] = Field(description="The client's internal people and the partner's, by side and name")
    tasks: list[PageTask] = Field(description=f"The {TASKS_SHOWN} tasks last worked on, newest first")
    tasks_total: int = Field(description="How many tracker tasks the engagement has")


def _task(task: Task, roster: Roster) -> PageTask:
    assert task.id is not None, "a stored task has an id"
    side = roster.side_of(task.assignee) if task.assignee else None
    named: SideName | None = "internal" if side is Side.INTERNAL else "partner" if side is Side.PARTNER else None
    return PageTask(
        id=task.id,
        key=task.key,
        title=task.title,
        assignee=task.assignee,
        side=named,
        status=task.status,
        worked_on=task.worked_on,
        source=task.source,
    )


def records_in(uow: UnitOfWork, engagement: Engagement, roster: Roster, partner: str) -> EngagementRecords:
    """``engagement``'s repositories, people (``roster``'s, ``partner`` naming the partner's) and
    latest tasks: three queries, whatever their number."""
    tasks, total = uow.tasks.latest(engagement.stored_id, TASKS_SHOWN)
    return EngagementRecords(
        repos=[RepoRecord.of(r) for r in uow.repos.list(engagement.stored_id)],
        people=[PersonRecord.of(p, partner if p.partner_id else None) for p in roster.people],
        tasks=[_task(t, roster) for t in tasks],
        tasks_total=total,
    )
