"""People on either side of an engagement, with the emails that identify them in git."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.edits import PersonPatch, merged
from inhouse.domain.organisations import Person
from inhouse.domain.roster import PeopleQuery, PersonIn, PersonRecord
from inhouse.domain.shapes import MAX_ID
from inhouse.errors import Conflict, NotFound
from inhouse.services import lookup


def add(ws: Workspace, new: PersonIn) -> PersonRecord:
    """Record a person; an email already used by someone else is a Conflict."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        found_partner = lookup.partner(uow, new.partner, client) if new.partner else None
        for email in new.emails:
            owner = uow.people.owner_of_email(client.id, email)
            if owner is not None:
                raise Conflict(f"email {email} already belongs to {owner.name}")
        person = uow.people.add(
            Person(
                name=new.name,
                side=new.side,
                emails=list(new.emails),
                role=new.role,
                client_id=client.id,
                partner_id=found_partner.id if found_partner else None,
            )
        )
        uow.commit()
        return PersonRecord.of(person, found_partner.name if found_partner else None)


def list_all(ws: Workspace, query: PeopleQuery | None = None) -> list[PersonRecord]:
    """The client's people, optionally only one side's, one partner's or one engagement's."""
    query = query or PeopleQuery()
    side, partner, engagement = query.side, query.partner, query.engagement
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        names = {p.id: p.name for p in uow.partners.list(client.id)}
        if engagement:
            found = lookup.engagement(uow, engagement)
            people = uow.people.for_engagement(found.client_id, found.partner_id)
        else:
            partner_id = lookup.partner(uow, partner, client).id if partner else None
            people = uow.people.list(client.id, partner_id=partner_id)
        return [
            PersonRecord.of(p, names.get(p.partner_id) if p.partner_id else None)
            for p in people
            if side is None or p.side is side
        ]


def edit(ws: Workspace, person_id: int, changes: PersonPatch) -> PersonRecord:
    """Change a person's name, role, side, partner or e-mails (the whole list); an e-mail someone
    else has is a Conflict. A person moved to the internal side has no partner (``partner`` null)."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        stored = uow.people.get(person_id) if 1 <= person_id <= MAX_ID else None
        if stored is None or stored.client_id != client.id:
            raise NotFound(f"no person {person_id}")
        assert client.id is not None, "a stored client has an id"
        current = uow.partners.get(stored.partner_id) if stored.partner_id else None
        new = merged(
            PersonIn,
            {
                "name": stored.name,
                "side": stored.side,
                "emails": stored.emails,
                "partner": str(current.id) if current else None,
                "role": stored.role,
            },
            changes,
        )
        found_partner = lookup.partner(uow, new.partner, client) if new.partner else None
        for email in new.emails:
            owner = uow.people.owner_of_email(client.id, email)
            if owner is not None and owner.id != stored.id:
                raise Conflict(f"email {email} already belongs to {owner.name}")
        stored.name, stored.side, stored.role, stored.emails = new.name, new.side, new.role, list(new.emails)
        stored.partner_id = found_partner.id if found_partner else None
        uow.people.update(stored)
        uow.commit()
        return PersonRecord.of(stored, found_partner.name if found_partner else None)
