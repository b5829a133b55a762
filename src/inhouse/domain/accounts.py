"""People who log in: accounts, their roles, their personal API tokens, and who is acting now.

An :class:`Actor` is whoever a write is attributed to: a signed-in user, the local operator of the
CLI (who holds the database), the single user of a local server without accounts, or a background
job. Every write in the audit log names one.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, SecretStr, StringConstraints

from inhouse.domain.shapes import MAX_ITEMS, Input, Name, Ref, Shape, Timestamp, plain_text
from inhouse.errors import InvalidInput

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
"""Passwords are 12 to 1,024 characters: long enough to resist guessing, short enough that hashing
one costs a bounded time."""
MAX_EMAIL = 320
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Role(str, enum.Enum):
    """What an account may do; :mod:`inhouse.domain.access` holds the permissions of each."""

    ADMIN = "admin"
    LEAD = "lead"
    LEGAL = "legal"
    VIEWER = "viewer"
    PARTNER = "partner"


ActorKind = Literal["user", "operator", "local", "job", "system"]


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("expected an e-mail address like ann@example.com")
    return value.lower()


Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=MAX_EMAIL),
    AfterValidator(plain_text),
    AfterValidator(_email),
]
"""An e-mail address, stored in lower case (it is the account's login name)."""


def _password(value: SecretStr) -> SecretStr:
    secret = value.get_secret_value()
    if len(secret) < MIN_PASSWORD:
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
    if len(secret) > MAX_PASSWORD:
        raise ValueError(f"a password has at most {MAX_PASSWORD} characters")
    if "\x00" in secret:
        raise ValueError("a password cannot hold NUL characters")
    return value


Password = Annotated[SecretStr, AfterValidator(_password)]


class UserIn(Input):
    """A new account: ``partner`` and ``engagements`` only for the partner role (its organisation, and
    optionally which of its engagements it sees; default: all of them)."""

    email: Email
    name: Name
    role: Role
    partner: Ref | None = None
    engagements: list[Ref] = Field(default_factory=list, max_length=MAX_ITEMS)
    password: Password | None = Field(None, description="None: the account signs in by single sign-on only")


class PasswordIn(Input):
    password: Password


class UserRecord(Shape):
    """An account as ``user list --json`` and the admin page show it (never its password)."""

    id: int
    email: str
    name: str
    role: Role
    partner: str | None = Field(description="The partner organisation of a partner user")
    engagements: list[str] = Field(description="A partner user's engagements (all of its partner's when empty)")
    disabled: bool
    sso: bool = Field(description="Whether the account has signed in by single sign-on")
    created_at: Timestamp
    last_login_at: Timestamp | None


class TokenCreated(Shape):
    """What ``token create --json`` prints once: the token itself is never shown again."""

    token: str
    expires_at: Timestamp


class TokenRecord(Shape):
    """A personal API token as ``token list --json`` shows it (its hash stays in the database)."""

    id: int
    user: str
    created_at: Timestamp
    expires_at: Timestamp
    revoked_at: Timestamp | None
    last_used_at: Timestamp | None
    active: bool


class Actor(Shape):
    """Who is acting: what the audit log records beside every write."""

    kind: ActorKind
    label: str = Field(description="The user's e-mail, the operator's login name, 'local' or the job")
    user_id: int | None = None
    role: Role | None = None
    address: str = Field("", description="Where the request came from: a client address, or 'cli'")


SYSTEM = Actor(kind="system", label="system")


@dataclass
class Account:
    """A stored account (the password as its argon2 hash)."""

    email: str
    name: str
    role: Role
    partner_id: int | None = None
    engagement_ids: list[int] = field(default_factory=list)
    password_hash: str | None = None
    oidc_subject: str | None = None
    disabled_at: datetime | None = None
    last_login_at: datetime | None = None
    id: int | None = None
    created_at: datetime | None = None

    @property
    def stored_id(self) -> int:
        assert self.id is not None, "the account is not stored yet"
        return self.id

    @property
    def active(self) -> bool:
        return self.disabled_at is None


@dataclass
class WebSession:
    """A stored browser session; ``user_id`` None for the single user of a local server."""

    id: int
    user_id: int | None
    csrf_token: str
    created_at: datetime
    seen_at: datetime
    expires_at: datetime


@dataclass
class ApiToken:
    id: int
    user_id: int
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None


_DURATION = re.compile(r"^\s*(\d{1,6})\s*([hdw])\s*$", re.IGNORECASE)
MAX_TOKEN_DAYS = 366
"""A personal API token lives at most a year: every token expires."""


def parse_duration(text: str, what: str = "--expires") -> timedelta:
    """``12h``, ``30d`` or ``8w`` to a duration of at most a year, or InvalidInput naming ``what``."""
    match = _DURATION.match(text)
    if not match:
        raise InvalidInput(f"invalid {what} {text!r}: expected hours, days or weeks like 12h, 30d or 8w")
    amount, unit = int(match.group(1)), match.group(2).lower()
    span = {"h": timedelta(hours=amount), "d": timedelta(days=amount), "w": timedelta(weeks=amount)}[unit]
    if span <= timedelta(0):
        raise InvalidInput(f"invalid {what} {text!r}: a token must live a while")
    if span > timedelta(days=MAX_TOKEN_DAYS):
        raise InvalidInput(f"invalid {what} {text!r}: a token lives at most {MAX_TOKEN_DAYS} days")
    return span


class Me(Shape):
    """Who is signed in (``GET /api/me``), and the CSRF token a script of our pages sends back."""

    email: str | None = Field(description="None for the single user of a local server without accounts")
    name: str
    role: Role
    partner_id: int | None
    engagement_ids: list[int] = Field(description="A partner user's engagements (all of its partner's when empty)")
    local: bool = Field(description="Whether the server runs as a single user's local tool, without accounts")
    csrf_token: str | None = Field(description="The session's CSRF token (None when signed in by an API token)")
