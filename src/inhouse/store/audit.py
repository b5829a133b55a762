"""The audit log's writer and reader.

:func:`record_writes` listens to every flush of a unit of work's session and inserts, on the same
connection and so in the same transaction, one ``audit_log`` row per row of an audited table that the
flush inserted, changed or deleted: who (the session's ``info["actor"]``), when, from which address,
the record's values before and after (for a change only the changed columns), and a one-line summary.
A write that is rolled back takes its entries with it. The entries are inserted with Core statements,
not as ORM objects, so the dashboard's change tracking never sees them.

Values are stored JSON-safe: dates and times in ISO 8601, bytes as their size and SHA-256, a JSON
column over :data:`MAX_JSON_BYTES` as a note that it was larger, and secrets (password hashes, token hashes)
as ``"***"``. A change of nothing but a sign-in or token-use time is not an entry (signing in is
noted by :meth:`AuditRecords.note` instead). Every audited table is written through the ORM's unit
of work; a bulk INSERT, UPDATE or DELETE statement on one, which no flush would see, is refused.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import JSON, Table, event, func, insert, inspect, select
from sqlalchemy.orm import InstanceState, ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.attributes import NO_VALUE

from inhouse.domain.accounts import SYSTEM, Actor
from inhouse.domain.audit import RECORD_TYPES, AuditAction, AuditEntry, AuditPage, NoteAction
from inhouse.store.tables import utcnow
from inhouse.store.tables_accounts import AuditRow

MAX_JSON_BYTES = 4096
"""A JSON column larger than this (an analyzer's payload) is stored in the log as a note that it was."""
SECRET = "***"
_AUDITED = frozenset(RECORD_TYPES)
_INSERT_ONLY = frozenset({"jobs"})  # a job's progress is not a write of anyone's
_SECRETS = {"users": frozenset({"password_hash"}), "api_tokens": frozenset({"token_hash"})}
_NOISE = {"users": frozenset({"last_login_at"}), "api_tokens": frozenset({"last_used_at"})}
_log = cast(Table, AuditRow.__table__)

#: How a summary names a record of each table, and the columns that tell which one it is.
_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "clients": ("client", ("name",)),
    "partners": ("partner", ("name",)),
    "people": ("person", ("name",)),
    "person_emails": ("person's e-mail", ("email",)),
    "engagements": ("engagement", ("name",)),
    "engagement_phases": ("phase change", ("phase", "started_on")),
    "repos": ("repository", ("name",)),
    "documents": ("document", ("filename",)),
    "analysis_results": ("result", ("kind", "subject")),
    "weekly_reviews": ("weekly review", ("week_of",)),
    "decisions": ("decision", ("title",)),
    "drills": ("drill", ("performed_on", "person")),
    "tasks": ("task", ("key",)),
    "assets": ("asset", ("name",)),
    "reference_checks": ("reference check", ("name",)),
    "users": ("account", ("email",)),
    "user_engagements": ("account's engagement", ("user_id", "engagement_id")),
    "api_tokens": ("API token", ("id",)),
    "jobs": ("job", ("kind", "subject")),
}
_VERBS = {"insert": "added", "update": "changed", "delete": "removed"}


def _state(obj: object) -> InstanceState[Any]:
    return cast("InstanceState[Any]", inspect(obj))


def _safe(value: Any, json_column: bool) -> Any:
    """``value`` as JSON can hold it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if json_column and value is not None and _json_over(value, MAX_JSON_BYTES):
        return {"omitted": f"more than {MAX_JSON_BYTES} bytes of JSON"}
    return value


def _json_over(value: Any, limit: int) -> bool:
    """Whether ``value`` as JSON (UTF-8) takes more than ``limit`` bytes, encoded only that far (a
    scan's payload is megabytes; the answer is known after the first few kilobytes)."""
    size = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, default=str).iterencode(value):
        size += len(chunk.encode("utf-8", "surrogatepass"))
        if size > limit:
            return True
    return False


def _value(table: str, column: str, value: Any, json_column: bool) -> Any:
    if column in _SECRETS.get(table, ()) and value is not None:
        return SECRET
    return _safe(value, json_column)


def _columns(obj: object) -> list[tuple[str, str, bool]]:
    """(attribute, column name, whether it is a JSON column) of each column of ``obj``'s table."""
    return [
        (attr.key, attr.columns[0].name, isinstance(attr.columns[0].type, JSON))
        for attr in _state(obj).mapper.column_attrs
    ]


def _snapshot(table: str, obj: object) -> dict[str, Any]:
    """The loaded column values of ``obj`` (nothing is read from the database)."""
    loaded = _state(obj).dict
    return {
        column: _value(table, column, loaded[key], is_json) for key, column, is_json in _columns(obj) if key in loaded
    }


def _changes(table: str, obj: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """The old and new values of the columns a flush changed (an old value never loaded: None)."""
    state = _state(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, column, is_json in _columns(obj):
        history = state.attrs[key].history
        if not history.added and not history.deleted:
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if new is NO_VALUE or old == new:
            continue
        before[column] = _value(table, column, None if old is NO_VALUE else old, is_json)
        after[column] = _value(table, column, new, is_json)
    noise = _NOISE.get(table, frozenset())
    if set(after) <= noise:
        return {}, {}
    return before, after


def _summary(table: str, action: str, values: dict[str, Any], changed: dict[str, Any]) -> str:
    noun, parts = _NAMES.get(table, (table, ()))
    which = " ".join(str(values[p]) for p in parts if values.get(p) not in (None, ""))
    text = f"{noun} {which} {_VERBS[action]}" if which else f"{noun} {_VERBS[action]}"
    if action == "update":
        text += ": " + ", ".join(changed)
    return text


def _engagement_id(table: str, values: dict[str, Any]) -> int | None:
    found = values.get("id") if table == "engagements" else values.get("engagement_id")
    return found if isinstance(found, int) else None


def _record_id(obj: object) -> int | None:
    """The row's id (the first column of its primary key: a user's id for its engagements)."""
    state = _state(obj)
    key = state.mapper.get_property_by_column(state.mapper.primary_key[0]).key
    found = state.dict.get(key)
    return found if isinstance(found, int) else None


def _who(session: Session, actor: Actor | None = None) -> dict[str, Any]:
    who = actor or session.info.get("actor") or SYSTEM
    return {
        "actor": who.label[:320],
        "actor_kind": who.kind,
        "user_id": who.user_id,
        "role": who.role.value if who.role is not None else None,
        "address": who.address[:100],
    }


def entries_of(session: Session) -> list[dict[str, Any]]:
    """The audit rows for what ``session`` is flushing (call it after the flush's statements ran)."""
    rows: list[dict[str, Any]] = []
    marks: list[tuple[AuditAction, object]] = [
        *(("insert", obj) for obj in session.new),
        *(("update", obj) for obj in session.dirty),
        *(("delete", obj) for obj in session.deleted),
    ]
    for action, obj in marks:
        table = getattr(obj, "__tablename__", "")
        if table not in _AUDITED or (action != "insert" and table in _INSERT_ONLY):
            continue
        values = _snapshot(table, obj)
        before: dict[str, Any] | None
        after: dict[str, Any] | None
        if action == "update":
            before, after = _changes(table, obj)
            if not after:
                continue
        else:
            before, after = (None, values) if action == "insert" else (values, None)
        rows.append(
            {
                "action": action,
                "record_type": table,
                "record_id": _record_id(obj),
                "engagement_id": _engagement_id(table, values),
                "before": before,
                "after": after,
                "summary": _summary(table, action, values, after or {})[:2000],
            }
        )
    return rows


def _after_flush(session: Session, _context: object) -> None:
    rows = entries_of(session)
    if rows:
        who = _who(session)
        at = utcnow()
        session.connection().execute(insert(_log), [{"at": at, **who, **row} for row in rows])


def _refuse_bulk(state: ORMExecuteState) -> None:
    """A bulk INSERT, UPDATE or DELETE of an audited table would bypass the log: it is a bug."""
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(getattr(state.statement, "table", None), "name", None)
        if table in _INSERT_ONLY and not state.is_insert:
            return  # only a job's insert is logged: the queue's updates (claims, heartbeats) are not writes of anyone's
        if table in _AUDITED:
            raise RuntimeError(f"{table} is audited: write it through the unit of work's records, not a bulk statement")


def record_writes(sessions: sessionmaker) -> None:
    """Log every audited write of every session ``sessions`` makes, in the write's own transaction."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _refuse_bulk)


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        actor_kind=row.actor_kind,  # type: ignore[arg-type]
        role=row.role,  # type: ignore[arg-type]
        address=row.address,
        action=row.action,  # type: ignore[arg-type]
        record_type=row.record_type,
        record_id=row.record_id,
        engagement_id=row.engagement_id,
        before=row.before,
        after=row.after,
        summary=row.summary,
    )


class AuditRecords:
    """Reading the log, and noting an event that has no audited row of its own. Nothing here changes an entry."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def note(
        self,
        action: NoteAction,
        summary: str,
        *,
        record_type: str = "users",
        record_id: int | None = None,
        engagement_id: int | None = None,
        actor: Actor | None = None,
    ) -> None:
        """An entry for ``action`` by ``actor`` (default: the unit of work's), in this transaction."""
        self.session.connection().execute(
            insert(_log).values(
                at=utcnow(),
                **_who(self.session, actor),
                action=action,
                record_type=record_type,
                record_id=record_id,
                engagement_id=engagement_id,
                before=None,
                after=None,
                summary=summary[:2000],
            )
        )

    def page(
        self,
        *,
        since: datetime | None = None,
        user: str | None = None,
        engagement_id: int | None = None,
        record_type: str | None = None,
        action: str | None = None,
        limit: int = 200,
        before_id: int | None = None,
    ) -> AuditPage:
        """Entries newest first, at most ``limit``, and the ``before_id`` of the next page."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit + 1)
        if since is not None:
            query = query.where(AuditRow.at >= since)
        if user is not None:
            query = query.where(func.lower(AuditRow.actor) == user.strip().lower())
        if engagement_id is not None:
            query = query.where(AuditRow.engagement_id == engagement_id)
        if record_type is not None:
            query = query.where(AuditRow.record_type == record_type)
        if action is not None:
            query = query.where(AuditRow.action == action)
        if before_id is not None:
            query = query.where(AuditRow.id < before_id)
        rows = list(self.session.scalars(query))
        more = len(rows) > limit
        entries = [_entry(row) for row in rows[:limit]]
        return AuditPage(entries=entries, next_before_id=entries[-1].id if more else None)
