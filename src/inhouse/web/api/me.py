"""JSON API: who is signed in."""

from __future__ import annotations

from fastapi import APIRouter, Request

from inhouse.domain.accounts import Me
from inhouse.errors import Unauthenticated
from inhouse.web.access import principal_of

router = APIRouter()


@router.get("/me", summary="Who is signed in, with the session's CSRF token for scripts of our pages")
def me(request: Request) -> Me:
    principal = principal_of(request)
    if principal is None:  # the rule already refused anonymous requests
        raise Unauthenticated("sign in first")
    session = getattr(request.state, "session", None)
    return Me(
        email=None if principal.local else principal.actor.label.split(" ")[0],
        name=principal.name,
        role=principal.role,
        partner_id=principal.partner_id,
        engagement_ids=sorted(principal.engagement_ids),
        local=principal.local,
        csrf_token=session.csrf_token
        if session is not None and not getattr(request.state, "by_token", False)
        else None,
    )
