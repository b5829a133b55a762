"""People on either side of an engagement, with the emails that identify them in git."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.common import Side, parse_enum
from inhouse.domain.organisations import Person, normalise_email, require_name
from inhouse.errors import Conflict, InvalidInput
from inhouse.services import lookup


def person_dict(person: Person, partner_name: str | None = None) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "side": person.side.value,
        "emails": list(person.emails),
        "role": person.role,
        "partner": partner_name,
    }


def add(ws: Workspace, name: str, side: str, emails: list[str], partner: str | None = None, role: str = "") -> dict:
    name = require_name(name, "person")
    person_side = parse_enum(Side, side, "side")
    clean = list(dict.fromkeys(normalise_email(e) for e in emails))
    if person_side is Side.PARTNER and not partner:
        raise InvalidInput("a partner-side person needs --partner NAME")
    if person_side is not Side.PARTNER and partner:
        raise InvalidInput(f"--partner only applies to partner-side people, not {person_side.value}")
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        found_partner = lookup.partner(uow, partner, client) if partner else None
        for email in clean:
            owner = uow.people.owner_of_email(client.id, email)
            if owner is not None:
                raise Conflict(f"email {email} already belongs to {owner.name}")
        person = uow.people.add(
            Person(
                name=name,
                side=person_side,
                emails=clean,
                role=role,
                client_id=client.id,
                partner_id=found_partner.id if found_partner else None,
            )
        )
        uow.commit()
        return person_dict(person, found_partner.name if found_partner else None)


def list_all(
    ws: Workspace, side: str | None = None, partner: str | None = None, engagement: str | None = None
) -> list[dict]:
    wanted = parse_enum(Side, side, "side") if side else None
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        names = {p.id: p.name for p in uow.partners.list(client.id)}
        if engagement:
            found = lookup.engagement(uow, engagement)
            people = uow.people.for_engagement(found.client_id, found.partner_id)
        else:
            partner_id = lookup.partner(uow, partner, client).id if partner else None
            people = uow.people.list(client.id, partner_id=partner_id)
        return [person_dict(p, names.get(p.partner_id)) for p in people if wanted is None or p.side is wanted]
