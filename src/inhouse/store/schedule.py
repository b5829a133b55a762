"""The ticks of scheduled runs: a row per schedule and due time, inserted by the one worker that starts it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inhouse.store.tables import ScheduleTickRow


class ScheduleTicks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def take(self, name: str, due_at: datetime, worker: str) -> bool:
        """Record that ``worker`` starts the run of ``name`` due at ``due_at``; False when another
        worker already did (the unique key refuses the second row). Commits."""
        self.session.add(ScheduleTickRow(name=name, due_at=due_at, worker=worker))
        try:
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            return False
        return True

    def latest(self, name: str) -> datetime | None:
        return self.session.scalar(
            select(ScheduleTickRow.due_at).where(ScheduleTickRow.name == name).order_by(ScheduleTickRow.due_at.desc())
        )
