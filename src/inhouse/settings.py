"""The one typed settings object; the only place that reads the environment."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from inhouse.domain.playbook import PositionsPlaybook
from inhouse.errors import InvalidInput

DEFAULT_DATABASE_URL = "sqlite:///inhouse.db"


class InvalidSetting(InvalidInput, ValueError):
    """A setting's value is refused: one line naming the setting (``INHOUSE_<NAME>``)."""


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
    max_unpacked_bytes: int = Field(
        200 * 1024 * 1024,
        ge=1,
        description="Largest a document may grow once decompressed (a DOCX's zip members together, a PDF's streams).",
    )
    max_archive_members: int = Field(10_000, ge=1, description="Most files a DOCX (a zip archive) may hold.")
    max_markup_depth: int = Field(
        256, ge=8, description="Deepest nesting of elements an HTML or XML document may have (DOCX parts included)."
    )
    max_pages: int = Field(5_000, ge=1, description="Most pages a PDF may have.")
    max_text_chars: int = Field(
        1_000_000,
        ge=1000,
        description="Most characters of text a document may yield once extracted (about 400 pages; "
        "the analyses take time in proportion).",
    )
    document_seconds: float = Field(
        15.0, gt=0, description="Wall-clock budget for reading one document; a slower one is refused."
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
    knowledge_model: Literal["avelino2016", "recency"] = Field(
        "avelino2016",
        description="Who knows a file, for the truck factor and off-boarding: avelino2016 (commits, Avelino et al. "
        "ICPC 2016, the validated default) or recency (contributions fade with age; reviews and co-authors "
        "count; docs/knowledge-models.md).",
    )
    knowledge_half_life_days: float = Field(
        90.0,
        ge=1,
        le=36500,
        description="Half-life of a contribution under the recency knowledge model, in days.",
    )
    jobs_queued_limit: int = Field(
        20, ge=1, description="Most background jobs (scans, document analyses) waiting or running at once."
    )
    jobs_per_user: int = Field(3, ge=1, description="Most background jobs one account may have waiting or running.")
    job_seconds: float = Field(900.0, gt=0, description="Wall-clock budget of one background job before it is stopped.")
    job_engine: Literal["auto", "local", "procrastinate"] = Field(
        "auto",
        description="What runs background jobs: 'procrastinate' (PostgreSQL only), 'local' (the in-process "
        "worker over the jobs table), 'auto' (Procrastinate on PostgreSQL, the in-process worker on SQLite).",
    )
    job_workers: int = Field(
        2, ge=0, description="Jobs the web server's in-process worker runs at once (0: none; run `inhouse worker`)."
    )
    job_heartbeat_seconds: float = Field(5.0, gt=0, description="How often a worker says its running jobs are alive.")
    job_stall_seconds: float = Field(
        60.0,
        gt=0,
        description="A running job whose worker has not been heard from for this long is stalled and retried.",
    )
    job_max_attempts: int = Field(
        3, ge=1, description="Times a job may be started: a transient failure or a stalled worker is retried up to it."
    )
    job_retry_seconds: float = Field(
        5.0, ge=0, description="Backoff before a retry: this, doubled at each further attempt."
    )
    job_poll_seconds: float = Field(1.0, gt=0, description="How often an idle worker looks for queued jobs.")
    mirrors_dir: str = Field(
        "",
        description="Folder where each worker keeps its mirrors of the repositories linked by URL (default: "
        "inhouse-mirrors beside a SQLite workspace's database file, else $XDG_DATA_HOME/inhouse/mirrors).",
    )
    git_fetch_seconds: float = Field(
        600.0, gt=0, description="Wall-clock budget of one clone or fetch of a repository linked by URL."
    )
    git_credential_helper: str = Field(
        "",
        description="Git credential helper for repositories linked by URL over https (e.g. 'store --file "
        "/etc/inhouse/git-credentials', or a helper reading a token from the environment); empty: none. "
        "ssh uses the worker's own keys or agent.",
    )
    rescan_schedule: str = Field(
        "",
        description="When every linked repository is rescanned, as a cron expression (e.g. '0 2 * * *'; a sixth "
        "field counts seconds); empty: never.",
    )
    trash_retention_days: int = Field(
        30, ge=1, description="Days a deleted record stays in the trash, to be restored, before it is purged."
    )
    request_keep_alive_seconds: int = Field(
        5, ge=1, description="`serve`: seconds an idle connection is kept open between requests."
    )
    request_concurrency: int = Field(
        200, ge=1, description="`serve`: most connections and requests handled at once by a worker (then 503)."
    )
    session_idle_minutes: int = Field(
        120, ge=1, description="A signed-in browser session ends after this many minutes without a request."
    )
    session_hours: int = Field(
        12, ge=1, description="A signed-in browser session ends this many hours after sign-in, however active."
    )
    login_attempts_per_minute: int = Field(
        5, ge=1, description="Sign-in attempts allowed per minute for one e-mail from one address (then 429)."
    )
    password_hash_time_cost: int = Field(
        3,
        ge=1,
        le=20,
        description="Passwords: argon2id passes over memory (a higher cost slows guessing, and sign-in).",
    )
    password_hash_memory_kib: int = Field(
        65536, ge=64, le=4 * 1024 * 1024, description="Passwords: argon2id memory per hash, in KiB (64 MiB by default)."
    )
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description='Host names the server answers to (a JSON list, e.g. ["inhouse.example.com"]), besides the '
        "loopback names and the address it is bound to; a request for any other Host gets 400.",
    )
    secure_cookies: bool = Field(
        False,
        description="Mark cookies Secure (set it when the server is reached over HTTPS, e.g. behind a "
        "TLS-terminating proxy); requests that arrive over HTTPS get Secure cookies anyway.",
    )
    oidc_issuer: str = Field(
        "", description="Single sign-on: the OpenID Connect issuer URL (its /.well-known/openid-configuration is read)."
    )
    oidc_client_id: str = Field("", description="Single sign-on: this server's client id at the issuer.")
    oidc_client_secret: SecretStr = Field(
        SecretStr(""), description="Single sign-on: this server's client secret at the issuer."
    )
    oidc_label: str = Field("single sign-on", description="Single sign-on: the name on the login page's button.")
    contract_playbook: PositionsPlaybook = Field(
        default_factory=PositionsPlaybook,
        description="Contract review: the client's preferred and acceptable positions on the five must-haves, as "
        'JSON; the rest is walk-away (e.g. {"knowledge_transfer": {"preferred_hours": 60, "acceptable_hours": 24}}; '
        "ownership: client | client_conditional | partial | licence | vendor; source_access: during | after_only; "
        "exit: full | partial; maintenance: preferred_free_months, preferred_needs_scope). Unnamed parts keep their "
        "defaults.",
    )

    @field_validator("rescan_schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        value = " ".join(value.split())
        if value:
            from croniter import croniter

            if not croniter.is_valid(value):
                raise ValueError(f"not a cron expression: {value!r} (e.g. '0 2 * * *')")
        return value


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. the CLI's --db) on top."""
    clean: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = [str(part) for part in error["loc"]]
        name = "INHOUSE_" + where[0].upper() if where else "a setting"
        inner = ".".join(where[1:])
        message = str(error["msg"]).removeprefix("Value error, ")
        raise InvalidSetting(f"setting {name}{f' ({inner})' if inner else ''}: {message}") from None
    except SettingsError as exc:  # a structured setting whose value is not JSON
        field = str(exc).split('"')[1] if '"' in str(exc) else ""
        raise InvalidSetting(f"setting INHOUSE_{field.upper()}: not valid JSON") from None
