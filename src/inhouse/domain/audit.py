"""The audit log: one entry per write (who, when, from where, what, the record before and after).

Entries are written in the same transaction as the write they describe and never changed or removed
(the database refuses an UPDATE or DELETE of the table). :class:`AuditQuery` is what the admin page,
``GET /api/audit`` and ``inhouse audit`` filter by; :class:`AuditPage` is what they answer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from inhouse.domain.accounts import ActorKind, Role
from inhouse.domain.shapes import Input, RecordId, Ref, Shape, Timestamp

AuditAction = Literal[
    "insert", "update", "delete", "sign_in", "sign_out", "sign_in_refused", "export", "restore", "purge"
]
"""What an entry records: a row written, or an event with no row of its own (signing in or out, a refused
sign-in, an export of the whole workspace, a record restored from the trash or purged from it)."""
NoteAction = Literal["sign_in", "sign_out", "sign_in_refused", "export", "restore", "purge"]
"""The events services note explicitly (their rows, browser sessions, are not audited as such)."""

RecordType = Literal[
    "clients",
    "partners",
    "people",
    "person_emails",
    "engagements",
    "engagement_phases",
    "repos",
    "documents",
    "analysis_results",
    "weekly_reviews",
    "decisions",
    "drills",
    "tasks",
    "assets",
    "reference_checks",
    "users",
    "user_engagements",
    "api_tokens",
    "jobs",
]
"""The tables whose writes are audited (an entry's ``record_type``). Not audited: the audit log itself,
browser sessions (signing in and out are noted instead), the dashboard's read model, the scans'
mined-history cache, the server's secrets, and a job's progress after it was queued."""
RECORD_TYPES: tuple[str, ...] = get_args(RecordType)

MAX_LIMIT = 1000
DEFAULT_LIMIT = 200


def _blank_none(value: object) -> object:
    """An empty filter (an empty form field) is no filter."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value.strip() if isinstance(value, str) else value


_SINCE = "must be a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM"


def _since(value: object) -> object:
    """A day (from its midnight, UTC) or a moment; an offset is turned into naive UTC (the stored clock)."""
    value = _blank_none(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("since", _SINCE) from None
    else:
        raise PydanticCustomError("since", _SINCE)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


Since = Annotated[datetime | None, BeforeValidator(_since)]
"""Entries from this day (``2026-11-16``) or moment (``2026-11-16T09:30``, UTC unless an offset says)."""
UserFilter = Annotated[Ref | None, BeforeValidator(_blank_none)]
EngagementFilter = Annotated[Ref | None, BeforeValidator(_blank_none)]
TypeFilter = Annotated[RecordType | None, BeforeValidator(_blank_none)]
ActionFilter = Annotated[AuditAction | None, BeforeValidator(_blank_none)]
BeforeId = Annotated[RecordId | None, BeforeValidator(_blank_none)]


class AuditQuery(Input):
    """Which entries to list, newest first: every filter optional, at most ``limit`` of them."""

    since: Since = Field(None, description="Entries from this day or moment on (UTC)")
    user: UserFilter = Field(None, description="Who acted: an account's e-mail, the operator's login name, 'local'")
    engagement: EngagementFilter = Field(None, description="The engagement written to (id or name)")
    record_type: TypeFilter = Field(None, description="The table written to")
    action: ActionFilter = None
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    before_id: BeforeId = Field(None, description="Only entries older than this one (the next page)")


class AuditEntry(Shape):
    """One write, as it was stored with it: never edited, never removed."""

    id: int
    at: Timestamp = Field(description="When (UTC)")
    actor: str = Field(description="Who: the user's e-mail, the operator's login name, 'local', the job")
    actor_kind: ActorKind
    role: Role | None
    address: str = Field(description="Where from: the client's address, or 'cli'")
    action: AuditAction
    record_type: str = Field(description="The table written to")
    record_id: int | None
    engagement_id: int | None
    before: dict[str, Any] | None = Field(
        description="The record's values before (for a change: only the changed ones); secrets as '***'"
    )
    after: dict[str, Any] | None = Field(description="The record's values after (for a change: only the changed ones)")
    summary: str


class AuditPage(Shape):
    """Entries newest first, and the ``before_id`` of the next, older page (None at the end)."""

    entries: list[AuditEntry]
    next_before_id: int | None
