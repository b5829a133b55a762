"""Partners: candidates the client considers, and the one it engages."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus, parse_enum
from inhouse.domain.organisations import Partner, require_name
from inhouse.errors import Conflict, InvalidInput
from inhouse.services import lookup


def partner_dict(partner: Partner) -> dict:
    return {
        "id": partner.id,
        "name": partner.name,
        "status": partner.status.value,
        "website": partner.website,
        "email_domains": list(partner.email_domains),
        "notes": partner.notes,
    }


def normalise_domain(domain: str) -> str:
    value = domain.strip().lower().lstrip("@")
    if not value or "." not in value or any(c.isspace() for c in value) or "@" in value:
        raise InvalidInput(f"invalid email domain {domain!r}")
    return value


def add(
    ws: Workspace,
    name: str,
    status: str = "candidate",
    website: str | None = None,
    domains: list[str] | None = None,
    notes: str = "",
    client: str | None = None,
) -> dict:
    name = require_name(name, "partner")
    partner_status = parse_enum(PartnerStatus, status, "partner status")
    clean_domains = sorted({normalise_domain(d) for d in domains or []})
    with ws.uow() as uow:
        owner = lookup.the_client(uow, client)
        if uow.partners.by_name(owner.id, name) is not None:
            raise Conflict(f"partner {name!r} already exists")
        partner = uow.partners.add(
            Partner(
                name=name,
                status=partner_status,
                website=website,
                email_domains=clean_domains,
                notes=notes,
                client_id=owner.id,
            )
        )
        uow.commit()
        return partner_dict(partner)


def list_all(ws: Workspace, status: str | None = None) -> list[dict]:
    wanted = parse_enum(PartnerStatus, status, "partner status") if status else None
    with ws.uow() as uow:
        return [partner_dict(p) for p in uow.partners.list() if wanted is None or p.status is wanted]
