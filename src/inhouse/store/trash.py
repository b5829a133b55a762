"""Deleting a record with everything that hangs on it, keeping it in the trash, and putting it back.

What hangs on a record is found from the schema's foreign keys: a row whose key references it
``ON DELETE CASCADE`` goes with it (and so on down); a reference ``SET NULL`` is noted, to be set
back on restore; a reference that restricts the delete (an engagement of the partner being
deleted) refuses it, naming what holds it. The records are kept in the export's record shapes
(``store.dump``), their binary values by SHA-256.

The root is deleted through the unit of work's session, so the audit log has its entry with the
record before; the database's cascades remove the rest. A restore inserts every record back with
its own id where that id is free (SQLite may have given a deleted id to a new record; then the
record gets a new one and the references among the restored records follow it).
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table, delete, exists, func, insert, literal, or_, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.store.database import first_line
from inhouse.store.dump import BLOB_SUFFIX, LEFT_OUT, RecordType, record_types
from inhouse.store.status_rows import invalidate_all
from inhouse.store.tables import Base
from inhouse.store.tables_trash import TrashRow

TRASH = "trash"


@dataclass
class Collected:
    """A record and what hangs on it: records by table (parents first), nulled references, blobs."""

    table: str
    record_id: int
    root: dict[str, Any]
    records: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    nulled: list[tuple[str, int, str, int]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    held_by: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.records)


def _types() -> dict[str, RecordType]:
    return {t.name: t for t in record_types() if t.name != TRASH}


def _referrers(table: Table) -> list[tuple[Table, Column[Any], str]]:
    """(child table, its column, what a delete does) for every foreign key that references ``table``."""
    found = []
    for child in Base.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is table and child.name not in LEFT_OUT:
                found.append((child, key.parent, (key.ondelete or "NO ACTION").upper()))
    return found


def _pack(blobs: dict[str, bytes]) -> bytes:
    text = json.dumps({k: base64.b64encode(v).decode() for k, v in sorted(blobs.items())})
    return zlib.compress(text.encode())


def _unpack(data: bytes) -> dict[str, bytes]:
    return {k: base64.b64decode(v) for k, v in json.loads(zlib.decompress(data)).items()}


class TrashRecords:
    """The trash (``uow.trash``): what a delete would take, the delete itself, restore and purge."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def collect(self, table_name: str, record_id: int) -> Collected:
        """The record ``record_id`` of ``table_name`` and everything that hangs on it (NotFound if absent)."""
        types = _types()
        root_type = types[table_name]
        table = root_type.table
        root = self.session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if root is None:
            raise NotFound(f"no {table_name.replace('_', ' ')} record {record_id}")
        ids: dict[str, set[int]] = {table_name: {record_id}}
        conditions: dict[str, list[ColumnElement[bool]]] = {table_name: []}
        collected = Collected(table_name, record_id, dict(root))
        queue = [table_name]
        while queue:
            parent = queue.pop(0)
            parent_ids = sorted(ids[parent])
            for child, column, action in _referrers(types[parent].table):
                if action == "CASCADE":
                    conditions.setdefault(child.name, []).append(column.in_(parent_ids))
                    if "id" in child.c:
                        new = set(self.session.scalars(select(child.c.id).where(column.in_(parent_ids))))
                        new -= ids.setdefault(child.name, set())
                        if new:
                            ids[child.name] |= new
                            queue.append(child.name)
                elif action == "SET NULL":
                    for row_id, value in self.session.execute(select(child.c.id, column).where(column.in_(parent_ids))):
                        collected.nulled.append((child.name, row_id, column.name, value))
                else:
                    count = self.session.scalar(select(func.count()).where(column.in_(parent_ids))) or 0
                    if count:
                        collected.held_by[child.name] = collected.held_by.get(child.name, 0) + count
        for kind in types.values():  # parents first
            if kind.name not in ids and kind.name not in conditions:
                continue
            where = list(conditions.get(kind.name, []))
            if kind.name in ids and "id" in kind.table.c:
                where.append(kind.table.c.id.in_(sorted(ids[kind.name])))
            rows = []
            for record, blobs in kind.records(self.session, or_(*where)):
                rows.append(record.model_dump(mode="json"))
                collected.blobs.update(blobs)
            if rows:
                collected.records.append((kind.name, rows))
        in_set = {(table, row["id"]) for table, rows in collected.records for row in rows if "id" in row}
        collected.nulled = [n for n in collected.nulled if (n[0], n[1]) not in in_set]
        return collected

    def keep(self, collected: Collected, label: str, who: dict[str, Any]) -> TrashRow:
        """Store ``collected`` in the trash (before its rows are deleted)."""
        root = collected.root
        row = TrashRow(
            record_type=collected.table,
            record_id=collected.record_id,
            label=label[:500],
            engagement_id=root.get("engagement_id") if collected.table != "engagements" else collected.record_id,
            partner_id=root.get("partner_id") if collected.table != "partners" else collected.record_id,
            deleted_by=who["actor"],
            deleted_by_user_id=who.get("user_id"),
            records=collected.count,
            payload={"records": [[t, rows] for t, rows in collected.records], "nulled": collected.nulled},
            blobs=_pack(collected.blobs),
        )
        self.session.add(row)
        self.session.flush()
        return row

    def remove(self, collected: Collected) -> None:
        """Delete the root row (audited, with the record before); the database's cascades take the rest."""
        mapper = next(m for m in Base.registry.mappers if m.local_table is _types()[collected.table].table)
        obj = self.session.get(mapper.class_, collected.record_id)
        self.session.delete(obj)
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise Conflict(f"cannot delete {collected.table} {collected.record_id}: {first_line(exc)}") from None

    def entries(self) -> list[TrashRow]:
        return list(self.session.scalars(select(TrashRow).order_by(TrashRow.id.desc())))

    def get(self, trash_id: int) -> TrashRow:
        row = self.session.get(TrashRow, trash_id)
        if row is None:
            raise NotFound(f"nothing in the trash has id {trash_id}: see `inhouse trash list`")
        return row

    def purge(self, row: TrashRow) -> None:
        self.session.delete(row)
        self.session.flush()

    def purge_older(self, cutoff: datetime) -> int:
        done = self.session.execute(delete(TrashRow).where(TrashRow.created_at < cutoff))
        return int(getattr(done, "rowcount", 0) or 0)

    def restore(self, row: TrashRow) -> dict[str, dict[int, int]]:
        """Insert the records of ``row`` back; their new ids by table and old id (most keep theirs)."""
        types = _types()
        blobs = _unpack(row.blobs)
        moved: dict[str, dict[int, int]] = {}
        connection = self.session.connection()
        for table_name, rows in row.payload["records"]:
            kind = types.get(table_name)
            if kind is None:
                raise InvalidInput(f"trash entry {row.id} holds {table_name!r}, which this inhouse does not know")
            table = kind.table
            keys = [(c.name, next(iter(c.foreign_keys)).column.table.name) for c in table.columns if c.foreign_keys]
            for stored in rows:
                record = kind.shape.model_validate(stored).model_dump()
                for column in kind.blobs:
                    record[column] = blobs[record.pop(column + BLOB_SUFFIX)]
                for column, target in keys:
                    value = record[column]
                    if value is None:
                        continue
                    if value in moved.get(target, {}):
                        record[column] = moved[target][value]
                    elif not self._exists(types[target].table, value):
                        raise Conflict(
                            f"cannot restore {row.label}: it belongs to {target.replace('_', ' ')} record {value}, "
                            "which is gone (restore that first: see `inhouse trash list`)"
                        )
                try:
                    if "id" in record and self._exists(table, record["id"]):
                        old = record.pop("id")
                        done = connection.execute(insert(table).values(**record))
                        key = done.inserted_primary_key
                        assert key is not None
                        moved.setdefault(table_name, {})[old] = int(key[0])
                    else:
                        connection.execute(insert(table).values(**record))
                        if "id" in record:
                            moved.setdefault(table_name, {})[record["id"]] = record["id"]
                except (IntegrityError, DataError) as exc:
                    raise Conflict(f"cannot restore {row.label}: {first_line(exc)}") from None
        for table_name, row_id, column, value in row.payload.get("nulled", []):
            table = types[table_name].table
            target = next(iter(table.c[column].foreign_keys)).column.table.name
            connection.execute(
                update(table)
                .where(table.c.id == row_id, table.c[column].is_(None))
                .values({column: moved.get(target, {}).get(value, value)})
            )
        invalidate_all(self.session)
        self.session.delete(row)
        self.session.flush()
        return moved

    def id_of(self, table_name: str, engagement_id: int, column: str, value: object) -> int | None:
        return id_of(self.session, table_name, engagement_id, column, value)

    def _exists(self, table: Table, record_id: int) -> bool:
        return bool(self.session.scalar(select(literal(1)).where(exists().where(table.c.id == record_id))))


def id_of(session: Session, table_name: str, engagement_id: int, column: str, value: object) -> int | None:
    """The id of the ``table_name`` row of engagement ``engagement_id`` whose ``column`` is ``value``."""
    table = _types()[table_name].table
    return session.scalar(select(table.c.id).where(table.c.engagement_id == engagement_id, table.c[column] == value))
