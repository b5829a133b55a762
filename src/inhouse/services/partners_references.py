"""Reference checks: what the client learnt by calling a partner's references (or what the
partner's documents claim about them): similar scale? still running? can we talk to them?"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.partners import ReferenceCheck, ReferenceIn, ReferenceRecord, ReferenceSource
from inhouse.services import lookup


def add(ws: Workspace, partner: str, reference: ReferenceIn, engagement: str | None = None) -> ReferenceRecord:
    """Record a reference of ``partner`` (id or name) checked by hand."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        target = lookup.partner(uow, partner, client)
        assert target.id is not None, "a stored partner has an id"
        found = lookup.engagement(uow, engagement) if engagement else None
        check = uow.references.add(
            ReferenceCheck(
                partner_id=target.id,
                name=reference.name,
                similar_scale=reference.similar_scale,
                still_running=reference.still_running,
                client_contact_offered=reference.client_contact_offered,
                source=ReferenceSource.MANUAL,
                notes=reference.notes,
                engagement_id=found.id if found else None,
            ),
            client.id,
        )
        uow.commit()
        return ReferenceRecord.of(check, target.name)


def list_all(ws: Workspace, partner: str | None = None, engagement: str | None = None) -> list[ReferenceRecord]:
    """References by hand and from documents, oldest first."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        target = lookup.partner(uow, partner, client) if partner else None
        found = lookup.engagement(uow, engagement) if engagement else None
        names = {p.id: p.name for p in uow.partners.list(client.id)}
        checks = uow.references.list(
            client.id, partner_id=target.id if target else None, engagement_id=found.id if found else None
        )
        return [ReferenceRecord.of(c, names.get(c.partner_id, str(c.partner_id))) for c in checks]
