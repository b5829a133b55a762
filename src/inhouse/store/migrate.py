"""Alembic, driven from the package: upgrade, current revision, drift check."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from inhouse.errors import StorageUnavailable
from inhouse.store.database import describe, first_line

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None for an empty database."""
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise StorageUnavailable(f"cannot reach the database {describe(engine)}: {first_line(exc)}") from None
    except SQLAlchemyError as exc:
        raise StorageUnavailable(f"database error on {describe(engine)}: {first_line(exc)}") from None


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Bring the schema to ``revision``; returns the revision reached."""
    current_revision(engine)  # fails clearly when the database is unreachable
    command.upgrade(alembic_config(engine), revision)
    return current_revision(engine) or ""


def check(engine: Engine) -> list[str]:
    """Differences between the table models and the database (empty when in sync)."""
    from alembic.autogenerate import compare_metadata

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
