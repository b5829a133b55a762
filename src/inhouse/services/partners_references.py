"""Reference checks: what the client learnt by calling a partner's references (or what the
partner's documents claim about them): similar scale? still running? can we talk to them?"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.edits import ReferencePatch, merged
from inhouse.domain.partners import ReferenceCheck, ReferenceIn, ReferenceRecord, ReferenceSource
from inhouse.domain.shapes import MAX_ID
from inhouse.errors import NotFound
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


def edit(ws: Workspace, reference_id: int, changes: ReferencePatch, partner: str | None = None) -> ReferenceRecord:
    """Change a reference check (of ``partner`` when named: another's answers as unknown)."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        owner = lookup.partner(uow, partner, client) if partner else None
        stored = uow.references.get(reference_id) if 1 <= reference_id <= MAX_ID else None
        names = {p.id: p.name for p in uow.partners.list(client.id)}
        if stored is None or stored.partner_id not in names or (owner is not None and stored.partner_id != owner.id):
            raise NotFound(f"no reference check {reference_id}" + (f" of {owner.name}" if owner else ""))
        new = merged(
            ReferenceIn,
            {
                "name": stored.name,
                "similar_scale": stored.similar_scale,
                "still_running": stored.still_running,
                "client_contact_offered": stored.client_contact_offered,
                "notes": stored.notes,
            },
            changes,
        )
        stored.name, stored.notes = new.name, new.notes
        stored.similar_scale, stored.still_running = new.similar_scale, new.still_running
        stored.client_contact_offered = new.client_contact_offered
        uow.references.update(stored)
        uow.commit()
        return ReferenceRecord.of(stored, names[stored.partner_id])
