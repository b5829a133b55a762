"""The regulator's register of one engagement: DORA template B_07.01, derived from stored evidence.

``register(ws, engagement, as_of=None)`` returns a ``RegisterAssessment`` (the ``inhouse
exit-readiness --register --json`` shape and ``GET /api/engagements/{ref}/register``): each column of
the template's assessment with its value and reason. It gathers the evidence the exit checklist uses
(``services.evidence``), the checklist itself and the other partners the client assessed; the rules
are in ``inhouse.domain.register``. No tested export is ever recorded yet: the rules say so.
"""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain import register as rules
from inhouse.domain.engagements import Engagement
from inhouse.services import lookup, proposal_versions
from inhouse.services.evidence import gather
from inhouse.services.exit_readiness import checklist
from inhouse.store.uow import UnitOfWork


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def alternatives_in(uow: UnitOfWork, engagement: Engagement) -> list[rules.Alternative]:
    """The client's other partners with an assessed proposal or a reference check, by name (each
    proposal counted once, at its current version)."""
    found = []
    for partner in uow.partners.list(engagement.client_id):
        if partner.id is None or partner.id == engagement.partner_id:
            continue
        proposals = len(proposal_versions.current_assessments(uow, partner.id))
        references = len(uow.references.list(engagement.client_id, partner_id=partner.id))
        if proposals or references:
            what = [
                _count(proposals, "assessed proposal") if proposals else "",
                _count(references, "reference check") if references else "",
            ]
            found.append(rules.Alternative(partner.name, ", ".join(w for w in what if w)))
    return sorted(found, key=lambda a: a.name.lower())


def register_in(uow: UnitOfWork, engagement: Engagement, as_of: date) -> rules.RegisterAssessment:
    evidence = gather(uow, engagement)
    inputs = rules.RegisterInputs(
        as_of=as_of,
        plan=engagement.plan,
        planned_share=engagement.planned_share_on(as_of),
        readiness=checklist(evidence),
        contract=evidence.contract,
        scans=evidence.scans,
        audits=evidence.audits,
        drills=evidence.drills,
        alternatives=alternatives_in(uow, engagement),
        export=None,  # no tested export is recorded anywhere yet
    )
    return rules.assess(engagement.name, evidence.partner, inputs)


def register(ws: Workspace, engagement: str | None = None, as_of: date | None = None) -> rules.RegisterAssessment:
    """The B_07.01 assessment of one engagement (the only one when not named), as of ``as_of`` (today)."""
    with ws.uow() as uow:
        return register_in(uow, lookup.engagement(uow, engagement), as_of or date.today())
