"""``inhouse backup``: a consistent copy of a live SQLite workspace, through SQLite's online backup API.

The copy is taken page by page while others keep reading and writing (a write during the copy
makes SQLite restart it, so the copy is of one moment), into a temporary file renamed into
place once complete. A PostgreSQL workspace is backed up as an export (the CLI writes it as a
zip archive); ``pg_dump`` is the server's own way (docs/operations.md).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.domain.transfer import BackupSummary
from inhouse.errors import InvalidInput
from inhouse.store.database import describe

PAGES_PER_STEP = 1024


def is_sqlite(ws: Workspace) -> bool:
    return ws.engine.dialect.name == "sqlite"


def sqlite_copy(ws: Workspace, target: Path) -> BackupSummary:
    """Copy the live SQLite database of ``ws`` to the file ``target`` (a new file; its folder exists)."""
    ws.require_ready()
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    raw = ws.engine.raw_connection()
    try:
        source = raw.driver_connection
        if not isinstance(source, sqlite3.Connection):
            raise InvalidInput(f"{describe(ws.engine)} is not an SQLite database")
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy, pages=PAGES_PER_STEP)
        finally:
            copy.close()
        os.replace(partial, target)
    finally:
        raw.close()
        partial.unlink(missing_ok=True)
    return BackupSummary(
        path=str(target), database=describe(ws.engine), method="sqlite-online-backup", bytes=target.stat().st_size
    )
