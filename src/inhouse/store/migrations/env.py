"""Alembic environment: the engine is handed in by inhouse.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from inhouse.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:  # plain `alembic` command line: -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///inhouse.db")
        engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("inhouse migrations run online only: use `inhouse db upgrade`")
run_migrations_online()
