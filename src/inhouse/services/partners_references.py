"""Reference checks: what the client learnt by calling a partner's references (or what the
partner's documents claim about them): similar scale? still running? can we talk to them?"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.partners import Answer, ReferenceCheck, ReferenceSource
from inhouse.services import lookup


def check_dict(check: ReferenceCheck, partner: str) -> dict:
    return {**check.to_dict(), "partner": partner}


def add(
    ws: Workspace,
    partner: str,
    name: str,
    similar_scale: str = "unknown",
    still_running: str = "unknown",
    client_contact_offered: str = "unknown",
    notes: str = "",
    engagement: str | None = None,
) -> dict:
    """Record a reference checked by hand."""
    answers = (
        Answer.parse(similar_scale, "--similar-scale"),
        Answer.parse(still_running, "--still-running"),
        Answer.parse(client_contact_offered, "--contact"),
    )
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        target = lookup.partner(uow, partner, client)
        found = lookup.engagement(uow, engagement) if engagement else None
        check = uow.references.add(
            ReferenceCheck(
                partner_id=target.id,
                name=name,
                similar_scale=answers[0],
                still_running=answers[1],
                client_contact_offered=answers[2],
                source=ReferenceSource.MANUAL,
                notes=notes,
                engagement_id=found.id if found else None,
            ),
            client.id,
        )
        uow.commit()
        return check_dict(check, target.name)


def list_all(ws: Workspace, partner: str | None = None, engagement: str | None = None) -> list[dict]:
    """References by hand and from documents, oldest first."""
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        target = lookup.partner(uow, partner, client) if partner else None
        found = lookup.engagement(uow, engagement) if engagement else None
        names = {p.id: p.name for p in uow.partners.list(client.id)}
        checks = uow.references.list(
            client.id, partner_id=target.id if target else None, engagement_id=found.id if found else None
        )
        return [check_dict(c, names.get(c.partner_id, str(c.partner_id))) for c in checks]
