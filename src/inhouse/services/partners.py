"""Partners: candidates the client considers, and the one it engages."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus
from inhouse.domain.edits import PartnerPatch, merged
from inhouse.domain.organisations import Partner, PartnerIn, PartnerRecord
from inhouse.errors import Conflict
from inhouse.services import lookup


def add(ws: Workspace, partner: PartnerIn, client: str | None = None) -> PartnerRecord:
    """Record ``partner`` for the client (the workspace's only client unless named)."""
    with ws.uow() as uow:
        owner = lookup.the_client(uow, client)
        assert owner.id is not None, "a stored client has an id"
        if uow.partners.by_name(owner.id, partner.name) is not None:
            raise Conflict(f"partner {partner.name!r} already exists")
        stored = uow.partners.add(
            Partner(
                name=partner.name,
                status=partner.status,
                website=partner.website,
                email_domains=list(partner.domains),
                notes=partner.notes,
                client_id=owner.id,
            )
        )
        uow.commit()
        return PartnerRecord.of(stored)


def list_all(ws: Workspace, status: PartnerStatus | None = None) -> list[PartnerRecord]:
    """Every partner (only those with ``status`` when given), oldest first."""
    with ws.uow() as uow:
        return [PartnerRecord.of(p) for p in uow.partners.list() if status is None or p.status is status]


def edit(ws: Workspace, ref: str, changes: PartnerPatch) -> PartnerRecord:
    """Change the fields ``changes`` gives of the partner ``ref`` (id or name); a name another
    partner of the client has is a Conflict."""
    with ws.uow() as uow:
        stored = lookup.partner(uow, ref)
        new = merged(
            PartnerIn,
            {
                "name": stored.name,
                "status": stored.status,
                "website": stored.website,
                "domains": stored.email_domains,
                "notes": stored.notes,
            },
            changes,
        )
        assert stored.client_id is not None, "a stored partner has a client"
        other = uow.partners.by_name(stored.client_id, new.name)
        if other is not None and other.id != stored.id:
            raise Conflict(f"partner {new.name!r} already exists")
        stored.name, stored.status, stored.website = new.name, new.status, new.website
        stored.email_domains, stored.notes = list(new.domains), new.notes
        uow.partners.update(stored)
        uow.commit()
        return PartnerRecord.of(stored)
