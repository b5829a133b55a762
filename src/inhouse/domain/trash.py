"""The trash: deleted records kept for a retention period, and what a delete, restore or purge did."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from inhouse.domain.shapes import Shape

#: What a user deletes, by the name the CLI and the API give it, and the table that holds it.
THINGS: dict[str, str] = {
    "partner": "partners",
    "reference": "reference_checks",
    "engagement": "engagements",
    "phase": "engagement_phases",
    "person": "people",
    "repo": "repos",
    "document": "documents",
    "review": "weekly_reviews",
    "decision": "decisions",
    "drill": "drills",
    "task": "tasks",
    "asset": "assets",
    "user": "users",
}
THING_OF = {table: thing for thing, table in THINGS.items()}

Thing = Literal[
    "partner",
    "reference",
    "engagement",
    "phase",
    "person",
    "repo",
    "document",
    "review",
    "decision",
    "drill",
    "task",
    "asset",
    "user",
]


class TrashEntry(Shape):
    """One delete in the trash: what it removed, by whom, and until when it can be restored."""

    id: int
    thing: Thing
    record_id: int
    label: str
    engagement_id: int | None
    partner_id: int | None
    deleted_at: datetime
    deleted_by: str
    records: int = Field(description="Records the delete removed: the record and everything that hung on it")
    expires_at: datetime = Field(description="When the trash purges it for good")


class Deleted(Shape):
    """``<thing> delete``: the record removed and, unless purged, its trash entry."""

    thing: Thing
    record_id: int
    label: str
    records: int
    purged: bool
    trash: TrashEntry | None


class Restored(Shape):
    """``trash restore``: the record back, with everything that hung on it."""

    thing: Thing
    record_id: int = Field(description="Its id now (the one it had, unless that was taken since)")
    label: str
    records: int
    renumbered: dict[str, dict[int, int]] = Field(
        description="Records that came back under a new id (table -> old id -> new id): their old id was taken"
    )


class Purged(Shape):
    """``trash purge``: a trash entry deleted for good."""

    id: int
    thing: Thing
    record_id: int
    label: str
    records: int
