"""Single sign-on with OpenID Connect: who a verified ID token names, and the key of the sign-in's state.

Deny by default: single sign-on opens no account of its own. The account must exist already (an
administrator adds it, usually without a password: ``inhouse user add EMAIL --role ROLE``) and be
active. Its first sign-in binds the identity provider's subject (``sub``) to it; every later one
must bring the same subject, so somebody else who gets the e-mail address at the provider later
does not get the account. An e-mail the provider says it has not verified is refused.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Account, Actor, Email
from inhouse.domain.shapes import Input
from inhouse.errors import Conflict, Unauthenticated
from inhouse.services.secrets import server_secret
from inhouse.store.uow import UnitOfWork

STATE_SECRET = "sso_state"
"""The name, among the server's secrets, of the key that signs the sign-in's state cookie."""
MAX_SUBJECT = 255

Subject = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SUBJECT)]


class SsoClaims(Input):
    """What a verified ID token says of the person signing in (its signature, issuer, audience,
    expiry and nonce already checked)."""

    sub: Subject = Field(description="The identity provider's stable identifier of the person")
    email: Email
    email_verified: bool | None = Field(None, description="None when the provider does not say")
    name: str | None = Field(None, max_length=1000, description="The name the provider knows (not stored)")


def sign_in(ws: Workspace, claims: SsoClaims, address: str = "") -> Account:
    """The active account ``claims`` identify (binding its subject on the first sign-in), or
    Unauthenticated saying why not."""
    if claims.email_verified is False:
        raise Unauthenticated(f"the identity provider has not verified the e-mail address {claims.email}")
    with ws.uow() as uow:
        found = _check(uow, claims)
        if found.oidc_subject is not None:
            return found
    with ws.acting(_actor(found, address)).uow() as uow:  # the binding is the account's own write
        found = _check(uow, claims)  # again, in the transaction that binds
        uow.users.set_subject(found.stored_id, claims.sub)
        try:
            uow.commit()
        except Conflict:  # another account took this subject meanwhile
            raise Unauthenticated(_TAKEN) from None
        bound = uow.users.get(found.stored_id)
    assert bound is not None, "the account was just read"
    return bound


_TAKEN = "this single sign-on identity already belongs to another account"


def _check(uow: UnitOfWork, claims: SsoClaims) -> Account:
    """The active account of ``claims.email``, if its subject is ``claims.sub`` or not bound yet."""
    found = uow.users.by_email(claims.email)
    if found is None:
        raise Unauthenticated(
            f"no account for {claims.email}: an administrator adds it first (inhouse user add {claims.email} ...)"
        )
    if not found.active:
        raise Unauthenticated(f"the account for {claims.email} is disabled")
    if found.oidc_subject is None:
        if uow.users.by_subject(claims.sub) is not None:
            raise Unauthenticated(_TAKEN)
    elif found.oidc_subject != claims.sub:
        raise Unauthenticated(
            f"the account for {claims.email} belongs to another single sign-on identity (a different subject)"
        )
    return found


def _actor(found: Account, address: str) -> Actor:
    return Actor(kind="user", label=found.email, user_id=found.id, role=found.role, address=address)


def state_secret(ws: Workspace) -> str:
    """The key that signs the sign-in's state cookie (shared by every worker process and restart)."""
    return server_secret(ws, STATE_SECRET)
