"""Records of the weekly journal: reviews, decisions, drills and tracker tasks."""

from __future__ import annotations

import builtins
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.participation import Task
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview
from inhouse.store.tables import DecisionRow, DrillRow, ReviewRow, TaskRow


def _review(row: ReviewRow) -> WeeklyReview:
    return WeeklyReview(
        engagement_id=row.engagement_id,
        week_of=row.week_of,
        done=row.done,
        why=row.why,
        next=row.next,
        attendees=list(row.attendees or []),
        id=row.id,
        created_at=row.created_at,
        written_by="partner" if row.written_by == "partner" else "internal",
        author=row.author or "",
        author_user_id=row.author_user_id,
        confirmed_by=row.confirmed_by,
        confirmed_by_user_id=row.confirmed_by_user_id,
        confirmed_on=row.confirmed_on,
        confirmation_note=row.confirmation_note or "",
    )


_REVIEW_FIELDS = (
    "week_of",
    "done",
    "why",
    "next",
    "written_by",
    "author",
    "author_user_id",
    "confirmed_by",
    "confirmed_by_user_id",
    "confirmed_on",
    "confirmation_note",
)
"""What an update writes back (the engagement and the id never change)."""


class ReviewRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, review: WeeklyReview) -> WeeklyReview:
        row = ReviewRow(
            engagement_id=review.engagement_id,
            week_of=review.week_of,
            done=review.done,
            why=review.why,
            next=review.next,
            attendees=list(review.attendees),
            written_by=review.written_by,
            author=review.author,
            author_user_id=review.author_user_id,
            confirmed_by=review.confirmed_by,
            confirmed_by_user_id=review.confirmed_by_user_id,
            confirmed_on=review.confirmed_on,
            confirmation_note=review.confirmation_note,
        )
        self.session.add(row)
        self.session.flush()
        review.id, review.created_at = row.id, row.created_at
        return review

    def get(self, review_id: int) -> WeeklyReview | None:
        row = self.session.get(ReviewRow, review_id)
        return _review(row) if row else None

    def update(self, review: WeeklyReview) -> WeeklyReview:
        """Write ``review``'s week, sections, attendees, authorship and confirmation back to its row."""
        row = self.session.get(ReviewRow, review.id)
        if row is None:
            raise LookupError(f"no weekly review {review.id}")
        for name in _REVIEW_FIELDS:
            setattr(row, name, getattr(review, name))
        row.attendees = list(review.attendees)
        self.session.flush()
        return _review(row)

    def for_week(self, engagement_id: int, week_of: date) -> WeeklyReview | None:
        row = self.session.scalar(
            select(ReviewRow).where(ReviewRow.engagement_id == engagement_id, ReviewRow.week_of == week_of)
        )
        return _review(row) if row else None

    def list(self, engagement_id: int) -> list[WeeklyReview]:
        query = select(ReviewRow).where(ReviewRow.engagement_id == engagement_id).order_by(ReviewRow.week_of)
        return [_review(r) for r in self.session.scalars(query)]


def _decision(row: DecisionRow) -> Decision:
    return Decision(
        engagement_id=row.engagement_id,
        title=row.title,
        decided_by=DecidedBy(row.decided_by),
        decided_on=row.decided_on,
        rationale=row.rationale,
        review_id=row.review_id,
        status=row.status,
        deciders=list(row.deciders or []),
        id=row.id,
        created_at=row.created_at,
        written_by="partner" if row.written_by == "partner" else "internal",
        author=row.author or "",
        author_user_id=row.author_user_id,
    )


class DecisionRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, decision: Decision) -> Decision:
        row = DecisionRow(
            engagement_id=decision.engagement_id,
            review_id=decision.review_id,
            title=decision.title,
            decided_by=decision.decided_by.value,
            decided_on=decision.decided_on,
            rationale=decision.rationale,
            status=decision.status,
            deciders=list(decision.deciders),
            written_by=decision.written_by,
            author=decision.author,
            author_user_id=decision.author_user_id,
        )
        self.session.add(row)
        self.session.flush()
        decision.id, decision.created_at = row.id, row.created_at
        return decision

    def get(self, decision_id: int) -> Decision | None:
        row = self.session.get(DecisionRow, decision_id)
        return _decision(row) if row else None

    def update(self, decision: Decision) -> Decision:
        """Write ``decision``'s fields (its review link included) back to its row."""
        row = self.session.get(DecisionRow, decision.id)
        if row is None:
            raise LookupError(f"no decision {decision.id}")
        row.review_id = decision.review_id
        row.title = decision.title
        row.decided_by = decision.decided_by.value
        row.decided_on = decision.decided_on
        row.rationale = decision.rationale
        row.status = decision.status
        row.deciders = list(decision.deciders)
        self.session.flush()
        return _decision(row)

    def link_week(self, engagement_id: int, week_of: date, review_id: int) -> int:
        """Link the unlinked decisions taken in the week starting ``week_of`` to that week's review."""
        rows = self.session.scalars(
            select(DecisionRow).where(
                DecisionRow.engagement_id == engagement_id,
                DecisionRow.review_id.is_(None),
                DecisionRow.decided_on >= week_of,
                DecisionRow.decided_on < week_of + timedelta(days=7),
            )
        )
        count = 0
        for row in rows:
            row.review_id = review_id
            count += 1
        self.session.flush()
        return count

    def list(self, engagement_id: int) -> list[Decision]:
        query = (
            select(DecisionRow)
            .where(DecisionRow.engagement_id == engagement_id)
            .order_by(DecisionRow.decided_on, DecisionRow.id)
        )
        return [_decision(r) for r in self.session.scalars(query)]


def _drill(row: DrillRow) -> Drill:
    return Drill(
        engagement_id=row.engagement_id,
        performed_on=row.performed_on,
        person=row.person,
        modification=row.modification,
        outcome=DrillOutcome(row.outcome),
        stuck_points=list(row.stuck_points or []),
        training_hours=row.training_hours,
        id=row.id,
        created_at=row.created_at,
    )


class DrillRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, drill: Drill) -> Drill:
        row = DrillRow(
            engagement_id=drill.engagement_id,
            performed_on=drill.performed_on,
            person=drill.person,
            modification=drill.modification,
            outcome=drill.outcome.value,
            stuck_points=list(drill.stuck_points),
            training_hours=drill.training_hours,
        )
        self.session.add(row)
        self.session.flush()
        drill.id, drill.created_at = row.id, row.created_at
        return drill

    def get(self, drill_id: int) -> Drill | None:
        row = self.session.get(DrillRow, drill_id)
        return _drill(row) if row else None

    def update(self, drill: Drill) -> None:
        row = self.session.get_one(DrillRow, drill.id)
        row.performed_on, row.person, row.modification = drill.performed_on, drill.person, drill.modification
        row.outcome, row.stuck_points = drill.outcome.value, list(drill.stuck_points)
        row.training_hours = drill.training_hours

    def list(self, engagement_id: int) -> list[Drill]:
        query = select(DrillRow).where(DrillRow.engagement_id == engagement_id).order_by(DrillRow.performed_on)
        return [_drill(r) for r in self.session.scalars(query)]


def _task(row: TaskRow) -> Task:
    return Task(
        engagement_id=row.engagement_id,
        key=row.key,
        title=row.title,
        worked_on=row.worked_on,
        assignee=row.assignee,
        status=row.status,
        source=row.source,
        id=row.id,
        created_at=row.created_at,
    )


class TaskRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, task: Task) -> str:
        """Insert ``task`` or update the stored one with its key: ``added``, ``updated`` or ``unchanged``."""
        row = self.session.scalar(
            select(TaskRow).where(TaskRow.engagement_id == task.engagement_id, TaskRow.key == task.key)
        )
        values = {
            "title": task.title,
            "assignee": task.assignee,
            "status": task.status,
            "worked_on": task.worked_on,
            "source": task.source,
        }
        if row is None:
            row = TaskRow(engagement_id=task.engagement_id, key=task.key, **values)
            self.session.add(row)
            self.session.flush()
            task.id, task.created_at = row.id, row.created_at
            return "added"
        task.id, task.created_at = row.id, row.created_at
        if all(getattr(row, name) == value for name, value in values.items()):
            return "unchanged"
        for name, value in values.items():
            setattr(row, name, value)
        self.session.flush()
        return "updated"

    def by_key(self, engagement_id: int, key: str) -> Task | None:
        row = self.session.scalar(select(TaskRow).where(TaskRow.engagement_id == engagement_id, TaskRow.key == key))
        return _task(row) if row else None

    def update(self, task: Task) -> None:
        row = self.session.get_one(TaskRow, task.id)
        row.title, row.assignee, row.status, row.worked_on = task.title, task.assignee, task.status, task.worked_on

    def list(self, engagement_id: int) -> list[Task]:
        query = select(TaskRow).where(TaskRow.engagement_id == engagement_id).order_by(TaskRow.worked_on, TaskRow.key)
        return [_task(r) for r in self.session.scalars(query)]

    def latest(self, engagement_id: int, limit: int) -> tuple[builtins.list[Task], int]:
        """The ``limit`` tasks last worked on (newest first) and how many the engagement has."""
        where = TaskRow.engagement_id == engagement_id
        query = select(TaskRow).where(where).order_by(TaskRow.worked_on.desc(), TaskRow.key).limit(limit)
        total = self.session.scalar(select(func.count()).select_from(TaskRow).where(where)) or 0
        return [_task(r) for r in self.session.scalars(query)], total
