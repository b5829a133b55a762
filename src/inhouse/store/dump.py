"""Every stored record, table by table, out and back in: what the workspace export is made of.

A record type is a table; its shape is a pydantic model made from the table's columns (one
field per column, in the table's order), so the export follows the schema without a second
definition to keep in step. A binary column (a document's bytes, a scan's mined history) is
not inlined: the record names the SHA-256 of its bytes (``<column>_sha256``) and the bytes
travel as a file of their own.

Left out, because they do not move with a workspace: browser sessions and the server's own
secrets (a new server signs in anew and makes its own), and the dashboard's stored pages and
status rows (a read model, rebuilt on first view). The import writes with Core statements on
the unit of work's connection, so the audit log and the change tracking see no writes: the
imported audit log is the exported one, entry for entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, create_model
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from inhouse.errors import InvalidInput
from inhouse.store.database import first_line
from inhouse.store.tables import Base

#: Tables that do not travel with a workspace (see the module's docstring).
LEFT_OUT = frozenset(
    {"web_sessions", "server_secrets", "engagement_status", "data_versions", "schedule_ticks", "sign_in_attempts"}
)

BLOB_SUFFIX = "_sha256"


class RecordShape(BaseModel):
    """The base of every record type's model: nothing unknown accepted."""

    model_config = ConfigDict(extra="forbid")


def _python_type(column: Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, LargeBinary):
        return str  # the SHA-256 of the bytes
    if isinstance(kind, JSON):
        return Any
    if isinstance(kind, DateTime):
        base: Any = datetime
    elif isinstance(kind, Date):
        base = date
    elif isinstance(kind, Integer):
        base = int
    elif isinstance(kind, Float):
        base = float
    elif isinstance(kind, Boolean):
        base = bool
    elif isinstance(kind, String):  # Text too
        base = str
    else:  # a column type the export format does not know yet: name it here before it travels
        raise TypeError(f"{column.table.name}.{column.name}: no record type for {type(kind).__name__}")
    return base | None if column.nullable else base


def _field_name(column: Column[Any]) -> str:
    return column.name + BLOB_SUFFIX if isinstance(column.type, LargeBinary) else column.name


def columns_of(table: Table) -> list[Column[Any]]:
    """The key first, then the other columns in the table's order."""
    keys = list(table.primary_key.columns)
    return keys + [c for c in table.columns if c not in keys]


def _shape(table: Table) -> type[RecordShape]:
    fields: dict[str, Any] = {}
    for column in columns_of(table):  # every field required: an export writes every column, null or not
        fields[_field_name(column)] = (_python_type(column), ...)
    name = "".join(part.capitalize() for part in table.name.split("_")) + "Record"
    return create_model(name, __base__=RecordShape, __doc__=table.comment or None, **fields)


class RecordType:
    """One table as a record type: its name, model, binary columns, and how its rows are read and written."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.name = table.name
        self.shape = _shape(table)
        self.blobs = [c.name for c in table.columns if isinstance(c.type, LargeBinary)]
        self.doc = _doc_of(table)

    def _order(self) -> list[Column[Any]]:
        return list(self.table.primary_key.columns)

    def count(self, session: Session) -> int:
        return int(session.execute(select(func.count()).select_from(self.table)).scalar_one())

    def records(
        self, session: Session, where: ColumnElement[bool] | None = None
    ) -> Iterator[tuple[RecordShape, dict[str, bytes]]]:
        """Every row (``where`` it holds) in key order, as its record and its binary values by
        SHA-256 (read one row at a time)."""
        plain = [c for c in self.table.columns if c.name not in self.blobs]
        keys = self._order()
        query = select(*plain).order_by(*keys)
        if where is not None:
            query = query.where(where)
        for row in session.execute(query).mappings():
            values = dict(row)
            blobs: dict[str, bytes] = {}
            if self.blobs:
                this = [key == row[key.name] for key in keys]
                stored = session.execute(select(*(self.table.c[b] for b in self.blobs)).where(*this)).one()
                for column, data in zip(self.blobs, stored, strict=True):
                    digest = hashlib.sha256(data).hexdigest()
                    values[column + BLOB_SUFFIX] = digest
                    blobs[digest] = bytes(data)
            ordered = {_field_name(c): values[_field_name(c)] for c in columns_of(self.table)}
            yield self.shape.model_validate(ordered), blobs

    def insert(self, session: Session, records: list[RecordShape], blobs: dict[str, bytes]) -> None:
        """Insert ``records`` as they are (their keys included); binary values come from ``blobs`` by SHA-256."""
        rows = []
        for record in records:
            row = record.model_dump()
            for column in self.blobs:
                row[column] = blobs[row.pop(column + BLOB_SUFFIX)]
            rows.append(row)
        if not rows:
            return
        try:  # no savepoint: a refused record fails the whole import, whose transaction is rolled back
            session.connection().execute(insert(self.table), rows)
        except (IntegrityError, DataError, ValueError) as exc:  # a record the schema refuses: a broken export
            raise InvalidInput(f"{self.name}: {first_line(exc)}") from None

    def reset_sequence(self, session: Session) -> None:
        """On PostgreSQL, move the ``id`` sequence past the imported keys (SQLite needs nothing)."""
        if session.connection().dialect.name != "postgresql" or "id" not in self.table.c:
            return
        column = self.table.c["id"]
        if not column.autoincrement or not isinstance(column.type, Integer):
            return
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{self.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {self.name}), 0) + 1, false)"
            )
        )


def _doc_of(table: Table) -> str:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table:
            doc = (mapper.class_.__doc__ or "").strip()
            return " ".join(doc.split("\n\n", 1)[0].split())
    return ""


@cache
def _all_types() -> tuple[RecordType, ...]:
    return tuple(RecordType(t) for t in Base.metadata.sorted_tables if t.name not in LEFT_OUT)


def record_types() -> list[RecordType]:
    """Every table that travels with a workspace, parents before children (the order to insert in).

    The record types are made once per process: their shapes follow from the tables, which never
    change while it runs, and making them costs about a tenth of a second."""
    return list(_all_types())


class Dump:
    """The unit of work's door to whole-table reads and writes (``uow.dump``)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.types = record_types()

    def counts(self) -> dict[str, int]:
        return {t.name: t.count(self.session) for t in self.types}

    def holds_anything(self) -> dict[str, int]:
        """The record types that hold rows, with their counts (empty: an empty workspace)."""
        return {name: n for name, n in self.counts().items() if n}
