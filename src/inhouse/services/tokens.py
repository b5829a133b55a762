"""Personal API tokens: created for an account with an expiry, shown once, stored hashed, revocable.

A token reads ``ih_<id>_<secret>``: the id finds the stored hash, the 256-bit secret is compared with
it in constant time. A token acts with its account's role and reach, and stops working when it
expires, is revoked, or its account is disabled.
"""

from __future__ import annotations

import hmac
import re
import secrets

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Principal
from inhouse.domain.accounts import TokenCreated, TokenRecord, parse_duration
from inhouse.domain.shapes import as_id
from inhouse.errors import NotFound, Unauthenticated
from inhouse.services.accounts import account, now, principal
from inhouse.services.sessions import digest
from inhouse.store.uow import UnitOfWork

_TOKEN = re.compile(r"^ih_(\d{1,10})_([A-Za-z0-9_-]{20,100})$")
REFUSED = "the API token is unknown, expired or revoked"


def create(ws: Workspace, email: str, expires: str) -> TokenCreated:
    """A new token for the account ``email``, living ``expires`` (``30d``, ``12h``, ``8w``; a year at most)."""
    span = parse_duration(expires)
    secret = secrets.token_urlsafe(32)
    at = now()
    with ws.uow() as uow:
        owner = account(uow, email)
        if not owner.active:
            raise Unauthenticated(f"the account {owner.email} is disabled")
        stored = uow.tokens.add(owner.stored_id, digest(secret), at, at + span)
        uow.commit()
    return TokenCreated(token=f"ih_{stored.id}_{secret}", expires_at=stored.expires_at)


def _record(uow: UnitOfWork, token_id: int) -> TokenRecord:
    token = uow.tokens.get(token_id)
    assert token is not None
    owner = uow.users.get(token.user_id)
    return TokenRecord(
        id=token.id,
        user=owner.email if owner else "",
        created_at=token.created_at,
        expires_at=token.expires_at,
        revoked_at=token.revoked_at,
        last_used_at=token.last_used_at,
        active=token.revoked_at is None and token.expires_at > now() and bool(owner and owner.active),
    )


def list_all(ws: Workspace, email: str | None = None) -> list[TokenRecord]:
    with ws.uow() as uow:
        owner = account(uow, email).stored_id if email else None
        return [_record(uow, t.id) for t in uow.tokens.list(owner)]


def _token_id(ref: str) -> int | None:
    match = _TOKEN.match(ref.strip())
    return int(match.group(1)) if match else as_id(ref)


def revoke(ws: Workspace, ref: str) -> TokenRecord:
    """Revoke the token with id ``ref`` (or the token itself): it stops working at once."""
    token_id = _token_id(ref)
    with ws.uow() as uow:
        if token_id is None or uow.tokens.get(token_id) is None:
            raise NotFound(f"no API token {ref.strip()[:20]!r}")
        uow.tokens.revoke(token_id, now())
        uow.commit()
        return _record(uow, token_id)


def resolve(ws: Workspace, bearer: str, address: str = "") -> Principal:
    """The principal an ``Authorization: Bearer`` token acts as, or Unauthenticated."""
    match = _TOKEN.match(bearer.strip())
    if not match:
        raise Unauthenticated(REFUSED)
    token_id, secret = int(match.group(1)), match.group(2)
    at = now()
    with ws.uow() as uow:
        stored_hash = uow.tokens.hash_of(token_id)
        token = uow.tokens.get(token_id)
        if stored_hash is None or token is None or not hmac.compare_digest(stored_hash, digest(secret)):
            raise Unauthenticated(REFUSED)
        if token.revoked_at is not None or token.expires_at <= at:
            raise Unauthenticated(REFUSED)
        owner = uow.users.get(token.user_id)
        if owner is None or not owner.active:
            raise Unauthenticated(REFUSED)
        if token.last_used_at is None or (at - token.last_used_at).total_seconds() > 60:
            uow.tokens.used(token_id, at)
            uow.commit()
        who = principal(uow, owner, address)
    return Principal(
        actor=who.actor.model_copy(update={"label": f"{owner.email} (token {token_id})"}),
        role=who.role,
        user_id=who.user_id,
        name=who.name,
        partner_id=who.partner_id,
        engagement_ids=who.engagement_ids,
    )
