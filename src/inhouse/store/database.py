"""Engines: one per database URL, with SQLite set up for safe concurrent use."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, NoSuchModuleError

from inhouse.errors import InvalidInput
from inhouse.store import jsontext

SUPPORTED_BACKENDS = frozenset({"sqlite", "postgresql"})
"""The databases inhouse runs on (its migrations and tests cover these two)."""

_PASSWORD = re.compile(r"(//[^:/@]*:)[^@]*@")
"""The password of a URL that cannot be parsed, hidden in its message."""

SQLITE_BUSY_MS = 30_000
"""How long a SQLite statement waits for another connection's lock before the database counts as busy."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys on; a write waits for another's lock (then the unit of work answers 503); and the
    write-ahead log, in which readers never block the writer nor the writer the readers (several
    server processes on one file would otherwise queue every write behind every page read)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An Engine for ``url``; raises InvalidInput for a URL SQLAlchemy cannot use."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise InvalidInput(
            f"invalid database URL {_hidden(url)!r}: expected sqlite:///PATH or postgresql://..."
        ) from None
    if "\x00" in url:
        raise InvalidInput("the database URL must not contain NUL characters")
    if not _is_text(url):  # bytes of the command line that are not UTF-8
        raise InvalidInput(f"the database URL must be valid Unicode text: {_hidden(url)!r}")
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        shown = parsed.render_as_string(hide_password=True)
        raise InvalidInput(f"unsupported database URL {shown!r}: inhouse stores its data in SQLite or PostgreSQL")
    if parsed.get_backend_name() == "sqlite":
        _require_database_file(parsed.database)
    # JSON columns (a scan's payload is megabytes) written and read by pydantic-core
    kwargs: dict = {"future": True, "json_serializer": jsontext.dumps, "json_deserializer": jsontext.loads}
    if parsed.get_backend_name() == "postgresql" or parsed.database not in (None, "", ":memory:"):
        # room for the requests a server process runs at once: past the pool's size, each
        # request would open and close a connection of its own
        kwargs.update(pool_size=16, max_overflow=16)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs["connect_args"] = {"connect_timeout": 5}
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError, TypeError, ValueError) as exc:
        # an unknown driver (postgresql+mysqldb), a driver not installed, a bad query argument
        shown = parsed.render_as_string(hide_password=True)
        raise InvalidInput(f"unsupported database URL {shown!r}: {first_line(exc)}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        _ping_idle_connections(engine)
    return engine


def _hidden(url: str) -> str:
    """``url`` with its password hidden (for a URL that could not be parsed)."""
    return _PASSWORD.sub(r"\1***@", url)


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _require_database_file(database: str | None) -> None:
    """InvalidInput when a SQLite URL names something that is not a file (a folder, a device such as
    /dev/null, a FIFO): SQLite would fail on it later, or wait on it, with a less clear message."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        mode = os.stat(database).st_mode
    except OSError:  # nothing there yet (init creates it), or a path SQLite will refuse itself
        return
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a device, FIFO or socket"
        raise InvalidInput(f"the SQLite database {database} is {what}, not a database file")


IDLE_PING_SECONDS = 10.0


def _ping_idle_connections(engine: Engine) -> None:
    """Check a pooled connection before use when it sat idle for a while (the server may have
    closed it: a restart, an idle timeout): a dead one is replaced, as ``pool_pre_ping`` does, but
    without a round trip for every unit of work of a busy server (one in four of its statements)."""

    def checked_in(_dbapi_connection, record) -> None:
        record.info["idle_since"] = time.monotonic()

    def checkout(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(first_line(exc)) from exc
        if not alive:
            raise DisconnectionError("the pooled connection is closed")

    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checkout)


def describe(engine: Engine) -> str:
    """The URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def first_line(exc: BaseException) -> str:
    """The driver's message of a database exception, on one line."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def upsert_insert(dialect: str) -> Callable[..., Any]:
    """The ``insert`` of ``dialect`` (``postgresql`` or ``sqlite``) that knows ``on_conflict_do_*``.

    Imported when first needed: loading PostgreSQL's dialect costs a SQLite workspace's command
    about 20 ms of start-up it never uses (docs/performance.md)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert
