"""The client, its partners and the people on either side."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from inhouse.domain.common import PartnerStatus, Side
from inhouse.errors import InvalidInput

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value):
        raise InvalidInput(f"invalid email address {email!r}")
    return value


def require_name(name: str, what: str) -> str:
    value = " ".join(str(name).split())
    if not value:
        raise InvalidInput(f"{what} name must not be empty")
    if len(value) > 200:
        raise InvalidInput(f"{what} name is longer than 200 characters")
    return value


@dataclass
class Client:
    """The organisation that outsources the work and wants to keep the knowledge."""

    name: str
    id: int | None = None
    created_at: datetime | None = None


@dataclass
class Partner:
    """A company that proposes or does AI work for the client."""

    name: str
    status: PartnerStatus = PartnerStatus.CANDIDATE
    website: str | None = None
    email_domains: list[str] = field(default_factory=list)
    notes: str = ""
    client_id: int | None = None
    id: int | None = None
    created_at: datetime | None = None


@dataclass
class Person:
    """Someone who works on an engagement, on the internal or the partner side."""

    name: str
    side: Side
    emails: list[str] = field(default_factory=list)
    role: str = ""
    client_id: int | None = None
    partner_id: int | None = None
    id: int | None = None
    created_at: datetime | None = None
