"""Alembic, driven from the package: upgrade, current revision, drift check.

Every command checks that the workspace's schema is current before it opens a unit of work, so that
check stays off Alembic: the current revision is read from Alembic's own version table and the head
from the migration files' ``revision``/``down_revision`` lines (a test checks both against Alembic).
Importing Alembic costs about a third of a second, which a rescan of an unchanged repository would
otherwise spend on every run; Alembic is imported only to upgrade or compare.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from inhouse.errors import StorageUnavailable
from inhouse.store.database import describe, first_line

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
"""Alembic's table of the revision a database is at (its default name, which env.py keeps)."""

_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@cache
def head_revision() -> str:
    """The newest migration's revision: the one no other migration names as its ``down_revision``."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found is None:
            continue
        revisions.add(found.group(1))
        down = _DOWN.search(source)
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)) if down else ())
    heads = revisions - downs
    if len(heads) == 1:
        return heads.pop()
    return _alembic_head()  # branches or merges: let Alembic decide


def _alembic_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None for an empty database."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(VERSION_TABLE):
                return None
            found = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    except OperationalError as exc:
        raise StorageUnavailable(f"cannot reach the database {describe(engine)}: {first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StorageUnavailable(f"database error on {describe(engine)}: {first_line(exc)}") from None
    if len(found) > 1:
        raise StorageUnavailable(f"the workspace {describe(engine)} is at several revisions: {', '.join(found)}")
    return found[0] if found else None


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Bring the schema to ``revision``; returns the revision reached."""
    from alembic import command

    current_revision(engine)  # fails clearly when the database is unreachable
    command.upgrade(alembic_config(engine), revision)
    return current_revision(engine) or ""


def check(engine: Engine) -> list[str]:
    """Differences between the table models and the database (empty when in sync)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from inhouse.store.tables import Base

    with engine.connect() as conn:
        opts = {"compare_type": True, "include_name": _ours}
        context = MigrationContext.configure(conn, opts=opts)
        return [str(diff) for diff in compare_metadata(context, Base.metadata)]


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Whether a database object is inhouse's (the job engine's tables, ``procrastinate_*``, are not)."""
    return not (type_ == "table" and (name or "").startswith("procrastinate_"))


def require_current(engine: Engine) -> None:
    """Raise StorageUnavailable unless the database is initialised and up to date."""
    current = current_revision(engine)
    head = head_revision()
    if current is None:
        raise StorageUnavailable(f"no inhouse workspace in {describe(engine)}: run `inhouse init` first (or pass --db)")
    if current != head:
        raise StorageUnavailable(
            f"the workspace schema is at {current}, this inhouse needs {head}: run `inhouse db upgrade`"
        )
