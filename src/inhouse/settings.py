"""The one typed settings object; the only place that reads the environment."""

from __future__ import annotations

from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///inhouse.db"


class Settings(BaseSettings):
    """Every setting has a default and a help text; each reads ``INHOUSE_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="INHOUSE_", extra="ignore")

    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL of the workspace database (default: inhouse.db in the current folder; "
        "PostgreSQL as postgresql+psycopg://user@host/db).",
    )
    max_document_bytes: int = Field(
        25 * 1024 * 1024,
        description="Largest contract, proposal or other document accepted, in bytes.",
    )
    debug: bool = Field(False, description="Show tracebacks for errors (CLI) and error details (web).")
    training_hours_per_stuck_point: float = Field(
        4.0,
        description="Training hours requested for each point where a drill got stuck (drill add --hours overrides).",
    )
    delegate_alert_weeks: int = Field(
        2,
        description="Weeks without a weekly review, or without internal participation, before the "
        "'delegate and wait' alert (participation --weeks overrides).",
    )


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. the CLI's --db) on top."""
    clean: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)
