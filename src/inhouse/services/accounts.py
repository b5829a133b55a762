"""Accounts: add, list, disable, set a password, check one, and the principal a signed-in account is.

Passwords are hashed with argon2id (``argon2-cffi``, at the settings' time and memory cost: by
default RFC 9106's second recommended option; re-hashed on sign-in when the cost changes); an unknown e-mail costs the same hashing time as a wrong password, so a sign-in answer does
not tell which accounts exist.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Principal
from inhouse.domain.accounts import MAX_EMAIL, Account, Actor, PasswordIn, Role, UserIn, UserRecord
from inhouse.domain.edits import UserPatch
from inhouse.domain.shapes import as_id, storable, validated
from inhouse.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from inhouse.services import audit, lookup
from inhouse.store.uow import UnitOfWork


@dataclass(frozen=True)
class Hashing:
    """The argon2id hasher of the settings' cost, and a hash of no one's password made with it (what
    an unknown e-mail is checked against, so that it costs the same time as a wrong password)."""

    hasher: PasswordHasher
    dummy: str


@functools.cache
def _hashing(time_cost: int, memory_kib: int) -> Hashing:
    hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
    return Hashing(hasher, hasher.hash("not a password of anyone's"))


def hashing(ws: Workspace) -> Hashing:
    return _hashing(ws.settings.password_hash_time_cost, ws.settings.password_hash_memory_kib)


WRONG = "wrong e-mail or password"


def now() -> datetime:
    """The database's clock: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def record(uow: UnitOfWork, account: Account) -> UserRecord:
    partner = uow.partners.get(account.partner_id) if account.partner_id is not None else None
    names = []
    for engagement_id in account.engagement_ids:
        found = uow.engagements.get(engagement_id)
        if found is not None:
            names.append(found.name)
    assert account.id is not None and account.created_at is not None, "a stored account"
    return UserRecord(
        id=account.id,
        email=account.email,
        name=account.name,
        role=account.role,
        partner=partner.name if partner else None,
        engagements=names,
        disabled=not account.active,
        sso=account.oidc_subject is not None,
        created_at=account.created_at,
        last_login_at=account.last_login_at,
    )


def _scope(uow: UnitOfWork, user: UserIn) -> tuple[int | None, list[int]]:
    """The partner organisation and engagements of a partner user (none for the client's roles)."""
    if user.role is not Role.PARTNER:
        if user.partner or user.engagements:
            raise InvalidInput("partner and engagements are only for the partner role (--partner, --engagement)")
        return None, []
    if not user.partner:
        raise InvalidInput("a partner user needs its partner organisation (--partner)")
    partner = lookup.partner(uow, user.partner)
    engagement_ids = []
    for ref in user.engagements:
        engagement = lookup.engagement(uow, ref)
        if engagement.partner_id != partner.id:
            raise InvalidInput(f"engagement {engagement.name!r} is not one of {partner.name}'s")
        engagement_ids.append(engagement.stored_id)
    return partner.id, sorted(set(engagement_ids))


def add(ws: Workspace, user: UserIn) -> UserRecord:
    """Store a new account (its password hashed; without one it signs in by single sign-on only)."""
    with ws.uow() as uow:
        if uow.users.by_email(user.email) is not None:
            raise Conflict(f"an account for {user.email} already exists")
        partner_id, engagement_ids = _scope(uow, user)
        stored = uow.users.add(
            Account(
                email=user.email,
                name=user.name,
                role=user.role,
                partner_id=partner_id,
                engagement_ids=engagement_ids,
                password_hash=hashing(ws).hasher.hash(user.password.get_secret_value()) if user.password else None,
            )
        )
        uow.commit()
        return record(uow, stored)


def by_email(uow: UnitOfWork, email: str) -> Account | None:
    """The account ``email`` names (any case), or None; text no database can hold names none."""
    wanted = email.strip()
    return uow.users.by_email(wanted) if storable(wanted) and len(wanted) <= MAX_EMAIL else None


def account(uow: UnitOfWork, email: str) -> Account:
    found = by_email(uow, email)
    if found is None:
        raise NotFound(f"no account {email.strip()!r}")
    return found


def list_all(ws: Workspace) -> list[UserRecord]:
    with ws.uow() as uow:
        return [record(uow, a) for a in uow.users.list()]


def edit(ws: Workspace, who: str, changes: UserPatch) -> UserRecord:
    """Change an account (``who``: its e-mail or id): its name, role, and a partner user's
    organisation and engagements. The last active admin keeps its role."""
    with ws.uow() as uow:
        wanted = as_id(who)
        found = (uow.users.get(wanted) if wanted is not None else None) or by_email(uow, who)
        if found is None:
            raise NotFound(f"no account {who}")
        current = uow.partners.get(found.partner_id) if found.partner_id is not None else None
        given = changes.given()
        if given.get("role", found.role) is not Role.PARTNER and "partner" not in given:
            given["partner"], given["engagements"] = None, given.get("engagements", [])
        new = validated(
            UserIn,
            {
                "email": found.email,
                "name": found.name,
                "role": found.role,
                "partner": str(current.id) if current else None,
                "engagements": [str(e) for e in found.engagement_ids],
                **given,
            },
        )
        if found.role is Role.ADMIN and new.role is not Role.ADMIN and found.active:
            if uow.users.count_active(Role.ADMIN) <= 1:
                raise Conflict(f"{found.email} is the last active admin: it keeps the admin role")
        found.partner_id, found.engagement_ids = _scope(uow, new)
        found.name, found.role = new.name, new.role
        uow.users.update(found)
        uow.commit()
        return record(uow, found)


def disable(ws: Workspace, email: str) -> UserRecord:
    """Disable an account: its sessions end and its tokens stop working at once; it is kept for the record."""
    with ws.uow() as uow:
        found = account(uow, email)
        if found.active:
            uow.users.disable(found.stored_id, now())
            uow.web_sessions.remove_for_user(found.stored_id)
            uow.commit()
        return record(uow, account(uow, email))


def set_password(ws: Workspace, email: str, password: PasswordIn) -> UserRecord:
    """Set a new password; the account's open sessions end."""
    with ws.uow() as uow:
        found = account(uow, email)
        uow.users.set_password(found.stored_id, hashing(ws).hasher.hash(password.password.get_secret_value()))
        uow.web_sessions.remove_for_user(found.stored_id)
        uow.commit()
        return record(uow, found)


def check_password(ws: Workspace, email: str, password: str, address: str = "") -> Account:
    """The active account ``email`` whose password is ``password``, or Unauthenticated (one message for
    every failure; the audit log notes the refusal with the e-mail tried and the client's address)."""
    argon = hashing(ws)
    with ws.uow() as uow:
        found = by_email(uow, email)
        stored = found.password_hash if found is not None and found.active and found.password_hash else None
        try:
            argon.hasher.verify(stored or argon.dummy, password)
            verified = True
        except (VerificationError, InvalidHashError):
            verified = False
        if not verified or found is None or stored is None:
            _refused(uow, email, address)
            raise Unauthenticated(WRONG)
        if argon.hasher.check_needs_rehash(stored):  # hashed at another cost: re-hash at the settings' one
            uow.users.set_password(found.stored_id, argon.hasher.hash(password))
            uow.commit()
        return found


def _refused(uow: UnitOfWork, email: str, address: str) -> None:
    tried = plain_text_or_blank(email)[:MAX_EMAIL]
    who = Actor(kind="system", label=tried or "(no e-mail)", address=address)
    audit.note(uow, "sign_in_refused", f"sign-in refused for {tried or '(no e-mail)'}", actor=who)
    uow.commit()


def plain_text_or_blank(value: str) -> str:
    """``value`` on one line, or blank when it holds what cannot be stored (NUL, lone surrogates)."""
    line = " ".join(value.split())
    return line if storable(line) else ""


def principal(uow: UnitOfWork, found: Account, address: str = "", session_id: int | None = None) -> Principal:
    """What a signed-in ``found`` may reach, and how the audit log names it."""
    actor = Actor(kind="user", label=found.email, user_id=found.id, role=found.role, address=address)
    return Principal(
        actor=actor,
        role=found.role,
        user_id=found.id,
        name=found.name,
        partner_id=found.partner_id,
        engagement_ids=frozenset(found.engagement_ids),
        session_id=session_id,
    )


def count_admins(ws: Workspace) -> int:
    with ws.uow() as uow:
        return uow.users.count_active(Role.ADMIN)


def exist(ws: Workspace) -> bool:
    """Whether any account exists, active or disabled."""
    with ws.uow() as uow:
        return uow.users.exist()


def count_active(ws: Workspace) -> int:
    with ws.uow() as uow:
        return uow.users.count_active()
