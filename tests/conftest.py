"""Shared fixtures: real databases (a fresh SQLite file per test, PostgreSQL when configured)
and the CLI run in-process against them."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from inhouse.bootstrap import Workspace
from inhouse.cli.main import app
from inhouse.services import procrastinate_engine
from inhouse.settings import load_settings
from inhouse.store import migrate
from inhouse.store.database import make_engine
from inhouse.store.tables import Base

POSTGRES_URL = os.environ.get("INHOUSE_TEST_POSTGRES_URL")

# Passwords hashed at argon2's cheapest cost in tests (the accounts tests hash hundreds); the
# default cost, and re-hashing a stored hash of another cost at sign-in, are checked in
# tests/integration/test_password_cost.py.
os.environ.setdefault("INHOUSE_PASSWORD_HASH_TIME_COST", "1")
os.environ.setdefault("INHOUSE_PASSWORD_HASH_MEMORY_KIB", "64")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite workspace migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "inhouse.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo workspace's SQLite file, built once per test process: copy it before writing to it
    (its repositories beside it are shared, read only)."""
    from inhouse.services import demo

    built = demo.build(tmp_path_factory.mktemp("demo-template") / "demo")
    return Path(built.database.removeprefix("sqlite:///"))


@pytest.fixture(scope="session")
def postgres_database(worker_id) -> str:
    """A database of this test worker's own on the PostgreSQL server, migrated once."""
    base = make_url(POSTGRES_URL)
    name = f"inhouse_test_{worker_id}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(base.render_as_string(hide_password=False))
    admin = admin.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    procrastinate_engine.close_apps()  # their pools would keep trying to reach the dropped database
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = make_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        # the job engine's queue too: its jobs name inhouse job ids that are given out again
        conn.execute(text("TRUNCATE procrastinate_jobs, procrastinate_workers RESTART IDENTITY CASCADE"))
    engine.dispose()


# Every test on PostgreSQL carries the `postgres` marker (`pytest -m postgres` runs just those).
_BACKENDS = ["sqlite"] + ([pytest.param("postgres", marks=pytest.mark.postgres)] if POSTGRES_URL else [])


@pytest.fixture(params=_BACKENDS)
def database_url(request, tmp_path, sqlite_template) -> str:
    """A migrated, empty workspace database: SQLite file, and PostgreSQL when configured."""
    if request.param == "sqlite":
        path = tmp_path / "inhouse.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path, sqlite_template) -> str:
    """A migrated, empty SQLite workspace only (for tests that are not about storage)."""
    path = tmp_path / "inhouse.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def ws(database_url) -> Workspace:
    workspace = Workspace(load_settings(database_url=database_url))
    from tests import records

    records.init(workspace, "Acme Analytics")
    yield workspace
    workspace.dispose()


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self):
        import json

        return json.loads(self.stdout)


class Cli:
    """Runs ``inhouse --db URL ...`` in-process, the way a user would from a shell."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True) -> CliResult:
        argv = (["--db", self.url] if db else []) + [str(a) for a in args]
        result = self.runner.invoke(app, argv, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    def ok(self, *args: str) -> CliResult:
        result = self(*args)
        assert result.exit_code == 0, f"inhouse {' '.join(args)} failed: {result.stderr}{result.stdout}"
        return result


@pytest.fixture
def cli(sqlite_url) -> Cli:
    """The CLI on a fresh SQLite workspace with a client."""
    runner = Cli(sqlite_url)
    runner.ok("init", "--client", "Acme Analytics")
    return runner


@pytest.fixture
def cli_any(database_url) -> Cli:
    """The CLI on every configured backend."""
    runner = Cli(database_url)
    runner.ok("init", "--client", "Acme Analytics")
    return runner
