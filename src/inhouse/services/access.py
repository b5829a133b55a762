"""What a principal reaches: the engagements a partner user may see (others answer as unknown)."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Principal
from inhouse.domain.engagements import Engagement
from inhouse.errors import NotFound
from inhouse.services import lookup


def require_engagement(ws: Workspace, principal: Principal, ref: str) -> Engagement:
    """The engagement ``ref`` when ``principal`` reaches it; NotFound, worded as for an unknown
    engagement, when it does not (a partner user learns nothing of other engagements)."""
    with ws.uow() as uow:
        try:
            found = lookup.engagement(uow, ref)
        except NotFound:
            raise NotFound(f"no engagement {str(ref).strip()!r}") from None
        if not principal.reaches(found.stored_id, found.partner_id):
            raise NotFound(f"no engagement {str(ref).strip()!r}")
        return found


def engagements_of(ws: Workspace, principal: Principal) -> list[Engagement]:
    """The engagements ``principal`` reaches, oldest first."""
    with ws.uow() as uow:
        if principal.is_partner:
            candidates = uow.engagements.list(partner_id=principal.partner_id) if principal.partner_id else []
        else:
            candidates = uow.engagements.list()
        return [e for e in candidates if principal.reaches(e.stored_id, e.partner_id)]
