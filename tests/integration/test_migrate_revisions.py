"""The schema check reads revisions without Alembic; Alembic must agree with what it reads."""

from __future__ import annotations

import pytest
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from inhouse.errors import StorageUnavailable
from inhouse.store import migrate


def _alembic_head() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_the_head_read_from_the_migration_files_is_alembics():
    assert migrate.head_revision() == _alembic_head()


def test_the_current_revision_is_what_alembic_reads(ws):
    current = migrate.current_revision(ws.engine)
    with ws.engine.connect() as conn:
        assert current == MigrationContext.configure(conn).get_current_revision() == _alembic_head()


def test_an_empty_database_is_at_no_revision(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert migrate.current_revision(engine) is None


def test_a_database_at_two_revisions_is_refused_clearly(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'forked.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('a'), ('b')"))
    with pytest.raises(StorageUnavailable, match="several revisions: a, b"):
        migrate.current_revision(engine)
