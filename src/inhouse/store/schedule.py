"""The ticks of scheduled runs (``uow.schedule_ticks``): a row per schedule and due time, inserted
by the one worker that starts the run."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table
from sqlalchemy.orm import Session

from inhouse.store.database import upsert_insert
from inhouse.store.tables import ScheduleTickRow


class ScheduleTicks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def take(self, name: str, due_at: datetime, worker: str) -> bool:
        """Record that ``worker`` starts the run of ``name`` due at ``due_at``; False when another
        worker already did (the unique key keeps the first row: an insert that then does nothing)."""
        make = upsert_insert(self.session.get_bind().dialect.name)
        table = cast(Table, ScheduleTickRow.__table__)
        added = self.session.execute(
            make(table)
            .values(name=name, due_at=due_at, worker=worker)
            .on_conflict_do_nothing(index_elements=[table.c.name, table.c.due_at])
        )
        return cast(CursorResult[Any], added).rowcount == 1
