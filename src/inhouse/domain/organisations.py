"""The client, its partners and the people on either side."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from inhouse.domain.common import PartnerStatus, Side
from inhouse.domain.shapes import MAX_ITEMS, Input, Name, OptionalBody, Shape, lowered


def _domain(value: str) -> str:
    text = value.strip().lower().lstrip("@")
    if not text or "." not in text or "@" in text or any(c.isspace() or c == "\x00" for c in text) or len(text) > 253:
        raise PydanticCustomError("email_domain", "must be an e-mail domain such as example.com")
    return text


EmailDomain = Annotated[str, AfterValidator(_domain)]
"""The part of an e-mail address after the ``@`` (``fathom.ai``), in lower case."""


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def web_address(text: str) -> str | None:
    """``text`` as an http(s) address (``example.com`` becomes ``https://example.com``), or None when it
    names another scheme (``javascript:``, ``data:``, ``mailto:``...) or no host."""
    scheme = _SCHEME.match(text)
    if scheme and "." not in scheme.group(1) and not text[scheme.end() :].startswith("//"):
        return None  # javascript:..., data:..., mailto:...
    if not scheme or not text[scheme.end() :].startswith("//"):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (refuses a port that is not a number)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def _website(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > 500 or any(c.isspace() or c == "\x00" for c in text):
        raise PydanticCustomError("website", "must be a web address of at most 500 characters, without spaces")
    address = web_address(text)
    if address is None:
        raise PydanticCustomError("website", "must be an http or https address, such as https://example.com")
    return address


Website = Annotated[str | None, AfterValidator(_website)]
"""A web address (blank means none)."""


def _distinct(values: list[str]) -> list[str]:
    return sorted(set(values))


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


class PartnerIn(Input):
    """A partner as a user records it."""

    name: Name = Field(description="The partner company's name")
    status: Annotated[PartnerStatus, BeforeValidator(lowered)] = PartnerStatus.CANDIDATE
    website: Website = None
    domains: Annotated[list[EmailDomain], Field(max_length=MAX_ITEMS), AfterValidator(_distinct)] = Field(
        default_factory=list, description="E-mail domains of the partner's people"
    )
    notes: OptionalBody = ""


class PartnerRecord(Shape):
    """A stored partner: a row of ``inhouse partner list --json``."""

    id: int
    name: str
    status: PartnerStatus
    website: str | None
    email_domains: list[str]
    notes: str

    @classmethod
    def of(cls, partner: Partner) -> PartnerRecord:
        assert partner.id is not None, "a stored partner has an id"
        return cls(
            id=partner.id,
            name=partner.name,
            status=partner.status,
            website=partner.website,
            email_domains=list(partner.email_domains),
            notes=partner.notes,
        )


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
