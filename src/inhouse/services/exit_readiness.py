"""Exit readiness of an engagement: the checklist drawn from everything stored about it.

``readiness(ws, engagement)`` returns ``ExitReadiness.to_dict()``::

    {"engagement", "partner", "status": "ready|at_risk|blocked", "counts": {state: n}, "summary",
     "items": [{"area", "key", "title", "status", "reason", "action", "measured",
                "evidence": {"source", "ref", "result_id", "record_id", "quote"}}]}

The rules are in ``inhouse.domain.exit_readiness``.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain import exit_readiness as rules
from inhouse.services import lookup
from inhouse.services.evidence import EngagementEvidence, gather
from inhouse.store.uow import UnitOfWork


def checklist(evidence: EngagementEvidence) -> rules.ExitReadiness:
    name = evidence.engagement.name
    items = [
        *rules.contract_items(
            evidence.contract, f'review the contract (`inhouse contract check FILE --engagement "{name}"`)'
        ),
        *rules.documentation_items(
            evidence.audits, f'audit the documentation (`inhouse docs audit REPO --engagement "{name}"`)'
        ),
        *rules.knowledge_items(evidence.scans, f'scan the repositories (`inhouse scan REPO --engagement "{name}"`)'),
        *rules.drill_items(evidence.drills, evidence.contract, evidence.training_hours),
        *rules.inventory_items(evidence.assets, evidence.repos),
    ]
    return rules.ExitReadiness(name, items)


def readiness_in(uow: UnitOfWork, ref: str | None) -> dict:
    evidence = gather(uow, lookup.engagement(uow, ref))
    return {**checklist(evidence).to_dict(), "partner": evidence.partner}


def readiness(ws: Workspace, engagement: str | None = None) -> dict:
    """The exit checklist of one engagement (the only one when not named)."""
    with ws.uow() as uow:
        return readiness_in(uow, engagement)
