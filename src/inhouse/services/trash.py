"""Deleting anything a user created, softly: into the trash, restorable with everything that hung on it.

``delete(ws, thing, id)`` keeps the record and what hangs on it (a partner's people and reference
checks, an engagement's reviews, decisions, documents, analyses...) in the trash for the
``trash_retention_days`` setting, then removes them; ``restore`` puts them back, ``purge`` (admins
and the local operator only) deletes a trash entry for good, and ``delete(..., purge=True)`` deletes
without keeping anything. The record's delete is in the audit log with the record before; a
restore and a purge are noted there too. Entries past their retention are purged whenever the
trash is used.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor, Role
from inhouse.domain.shapes import storable
from inhouse.domain.trash import THING_OF, THINGS, Deleted, Purged, Restored, Thing, TrashEntry
from inhouse.errors import Conflict, Forbidden, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.tables import utcnow
from inhouse.store.tables_trash import TrashRow
from inhouse.store.trash import Collected
from inhouse.store.uow import UnitOfWork

#: How each record is named in messages and the trash list: its table's noun and the fields that name it.
NOUNS = {
    "partners": ("partner", ("name",)),
    "reference_checks": ("reference check", ("name",)),
    "engagements": ("engagement", ("name",)),
    "engagement_phases": ("phase", ("phase", "started_on")),
    "people": ("person", ("name",)),
    "repos": ("repository", ("name",)),
    "documents": ("document", ("filename",)),
    "weekly_reviews": ("weekly review of", ("week_of",)),
    "decisions": ("decision", ("title",)),
    "drills": ("drill", ("performed_on", "person")),
    "tasks": ("task", ("key",)),
    "assets": ("asset", ("name",)),
    "users": ("user", ("email",)),
}


def _label(table: str, record: dict[str, Any]) -> str:
    noun, fields = NOUNS[table]
    named = " ".join(str(record[f]) for f in fields if record.get(f) not in (None, ""))
    return f"{noun} {named}".strip()


def _thing(name: str) -> Thing:
    if name not in THINGS:
        raise InvalidInput(f"thing: expected one of {', '.join(THINGS)}")
    return cast(Thing, name)


def _may_purge(actor: Actor) -> None:
    if actor.role not in (None, Role.ADMIN):
        raise Forbidden("only an admin deletes accounts, or anything for good")


def _entry(row: TrashRow, retention_days: int) -> TrashEntry:
    return TrashEntry(
        id=row.id,
        thing=THING_OF[row.record_type],
        record_id=row.record_id,
        label=row.label,
        engagement_id=row.engagement_id,
        partner_id=row.partner_id,
        deleted_at=row.created_at,
        deleted_by=row.deleted_by,
        records=row.records,
        expires_at=row.created_at + timedelta(days=retention_days),
    )


def _expire(ws: Workspace, uow: UnitOfWork, now: datetime | None = None) -> None:
    uow.trash.purge_older((now or utcnow()) - timedelta(days=ws.settings.trash_retention_days))


def _collect(uow: UnitOfWork, thing: Thing, record_id: int) -> Collected:
    table = THINGS[thing]
    collected = uow.trash.collect(table, record_id)
    if collected.held_by:
        held = ", ".join(
            f"{n} {NOUNS.get(t, (t.replace('_', ' '), ()))[0]}{'' if n == 1 else 's'}"
            for t, n in sorted(collected.held_by.items())
        )
        raise Conflict(f"{_label(table, collected.root)} is still used by {held}: delete those first")
    return collected


def _record_id(uow: UnitOfWork, kind: Thing, record: int | str, engagement: str | None) -> int:
    """The id of the record ``record`` names: an id, or (as the API's paths give them) a partner's or
    an engagement's id or name, or a tracker task's key within ``engagement``."""
    if isinstance(record, int):
        return record
    if kind == "partner":
        return int(lookup.partner(uow, record).id or 0)
    if kind == "engagement":
        return int(lookup.engagement(uow, record).id or 0)
    if kind == "task":
        found = lookup.engagement(uow, engagement)
        task = uow.trash.id_of("tasks", found.stored_id, "key", record) if storable(record) else None
        if task is None:  # no key holds a NUL or a lone surrogate (PostgreSQL refuses to compare one)
            raise NotFound(f"no task {record!r} in {found.name}")
        return task
    raise InvalidInput(f"{kind}: expected its id, a number")


def delete(
    ws: Workspace,
    thing: str,
    record: int | str,
    purge: bool = False,
    engagement: str | None = None,
    partner: str | None = None,
) -> Deleted:
    """Delete the ``thing`` ``record`` (its id; a partner's or engagement's name, a task's key) and
    what hangs on it: into the trash, or for good with ``purge``. With ``engagement`` (or ``partner``)
    the record must be one of that engagement's (that partner's), else NotFound. One transaction."""
    kind = _thing(thing)
    if purge or kind == "user":
        _may_purge(ws.actor)  # accounts, and deleting for good: admins only
    with ws.uow() as uow:
        _expire(ws, uow)
        record_id = _record_id(uow, kind, record, engagement)
        collected = _collect(uow, kind, record_id)
        noun = NOUNS[THINGS[kind]][0]
        if engagement is not None:
            scope = lookup.engagement(uow, engagement)
            if collected.root.get("engagement_id") != scope.id:
                raise NotFound(f"no {noun} {record_id} in {scope.name}")
        if partner is not None:
            owner = lookup.partner(uow, partner)
            if collected.root.get("partner_id") != owner.id:
                raise NotFound(f"no {noun} {record_id} of {owner.name}")
        label = _label(THINGS[kind], collected.root)
        entry = None
        if not purge:
            row = uow.trash.keep(collected, label, {"actor": ws.actor.label[:320], "user_id": ws.actor.user_id})
            entry = _entry(row, ws.settings.trash_retention_days)
        uow.trash.remove(collected)
        uow.commit()
    return Deleted(thing=kind, record_id=record_id, label=label, records=collected.count, purged=purge, trash=entry)


def entries(ws: Workspace) -> list[TrashEntry]:
    """What is in the trash, newest first (entries past their retention purged first)."""
    with ws.uow() as uow:
        _expire(ws, uow)
        listed = [_entry(row, ws.settings.trash_retention_days) for row in uow.trash.entries()]
        uow.commit()
    return listed


def restore(ws: Workspace, trash_id: int) -> Restored:
    """Put the records of trash entry ``trash_id`` back, with their ids where still free."""
    with ws.uow() as uow:
        _expire(ws, uow)
        row = uow.trash.get(trash_id)
        thing, label, old, records = THING_OF[row.record_type], row.label, row.record_id, row.records
        moved = uow.trash.restore(row)
        new_id = moved.get(row.record_type, {}).get(old, old)
        uow.audit.note(
            "restore",
            f"{label} restored from the trash ({records} records)",
            record_type=row.record_type,
            record_id=new_id,
        )
        uow.commit()
    renumbered = {t: {o: n for o, n in ids.items() if o != n} for t, ids in moved.items()}
    return Restored(
        thing=thing,
        record_id=new_id,
        label=label,
        records=records,
        renumbered={t: ids for t, ids in renumbered.items() if ids},
    )


def purge(ws: Workspace, trash_id: int) -> Purged:
    """Delete trash entry ``trash_id`` for good (admins and the local operator only)."""
    _may_purge(ws.actor)
    with ws.uow() as uow:
        row = uow.trash.get(trash_id)
        done = Purged(
            id=row.id,
            thing=THING_OF[row.record_type],
            record_id=row.record_id,
            label=row.label,
            records=row.records,
        )
        uow.trash.purge(row)
        uow.audit.note(
            "purge",
            f"{done.label} purged from the trash for good",
            record_type=row.record_type,
            record_id=row.record_id,
        )
        uow.commit()
    return done
