"""Browser sessions: started at sign-in, found again from the cookie, ended at sign-out or expiry.

A session's cookie value is 256 random bits; the database keeps only its SHA-256, so a copy of the
database opens no session. Each session carries its own CSRF token (the synchronizer-token pattern).
A session ends after ``session_idle_minutes`` without a request and ``session_hours`` after sign-in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Principal
from inhouse.domain.accounts import Account, Actor, Role, WebSession
from inhouse.services import audit
from inhouse.services.accounts import now, principal

SEEN_EVERY = timedelta(minutes=1)
"""A session's last request is stored at most once a minute (not a write on every page)."""
LOCAL_ROLE = Role.ADMIN
SWEEP_EVERY = 100
"""Every 100th new session also removes the expired ones, so the table holds live sessions only."""


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Started:
    """A new session: the cookie value (shown to the browser once) and the stored session."""

    cookie: str
    session: WebSession


def start(ws: Workspace, found: Account | None, address: str = "", how: str = "password") -> Started:
    """A new session for ``found`` (None: the single user of a local server without accounts); the
    audit log notes the sign-in (``how``: by password or single sign-on)."""
    cookie = secrets.token_urlsafe(32)
    at = now()
    with ws.uow() as uow:
        stored = uow.web_sessions.add(
            digest(cookie),
            found.id if found else None,
            secrets.token_urlsafe(32),
            at,
            at + timedelta(hours=ws.settings.session_hours),
            address,
        )
        if stored.id % SWEEP_EVERY == 0:  # now and then, remove the sessions that have expired
            idle = timedelta(minutes=ws.settings.session_idle_minutes)
            uow.web_sessions.remove_expired(at - idle, at)
        if found is not None:
            uow.users.logged_in(found.stored_id, at)
            who = principal(uow, found, address).actor
            audit.note(uow, "sign_in", f"{found.email} signed in ({how})", record_id=found.id, actor=who)
        uow.commit()
    return Started(cookie, stored)


def local_principal(address: str = "", session_id: int | None = None) -> Principal:
    """The single user of a local server without accounts: every permission, named 'local'."""
    actor = Actor(kind="local", label="local", role=LOCAL_ROLE, address=address)
    return Principal(actor=actor, role=LOCAL_ROLE, name="local user", session_id=session_id, local=True)


@dataclass(frozen=True)
class Found:
    session: WebSession
    principal: Principal


def resolve(ws: Workspace, cookie: str, address: str = "", local: bool = False) -> Found | None:
    """The live session ``cookie`` opens and who it belongs to, or None (unknown, expired, ended,
    or its account disabled). A local session (``local``) is honoured only while the server has
    no account."""
    if not cookie or len(cookie) > 100:
        return None
    at = now()
    with ws.uow() as uow:
        stored = uow.web_sessions.by_hash(digest(cookie))
        if stored is None:
            return None
        idle = at - stored.seen_at > timedelta(minutes=ws.settings.session_idle_minutes)
        if idle or at >= stored.expires_at:
            uow.web_sessions.remove(stored.id)
            uow.commit()
            return None
        if stored.user_id is None:
            if not local:
                return None
            who = local_principal(address, stored.id)
        else:
            account = uow.users.get(stored.user_id)
            if account is None or not account.active:
                return None
            who = principal(uow, account, address, stored.id)
        if at - stored.seen_at > SEEN_EVERY:
            uow.web_sessions.seen(stored.id, at)
            uow.commit()
        return Found(stored, who)


def end(ws: Workspace, session_id: int, address: str = "", why: str = "signed out") -> None:
    """End a session; the audit log notes it for an account's session (``why``: signed out, or
    replaced by a new sign-in)."""
    with ws.uow() as uow:
        stored = uow.web_sessions.get(session_id)
        if stored is None:
            return
        account = uow.users.get(stored.user_id) if stored.user_id is not None else None
        uow.web_sessions.remove(session_id)
        if account is not None:
            who = principal(uow, account, address).actor
            audit.note(uow, "sign_out", f"{account.email} {why}", record_id=account.id, actor=who)
        uow.commit()
