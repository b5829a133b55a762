"""Exit readiness of an engagement: the checklist drawn from everything stored about it.

``readiness(ws, engagement)`` returns an ``ExitReadiness`` (the ``inhouse exit-readiness --json``
shape): the engagement, the checklist's state (``ready``, ``at_risk`` or ``blocked``), the
counts per state, a one-line summary, every item with its reason, action and evidence, and the
partner. The rules are in ``inhouse.domain.exit_readiness``.
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
    return rules.ExitReadiness.of(name, items, evidence.partner)


def readiness_in(uow: UnitOfWork, ref: str | None) -> rules.ExitReadiness:
    return checklist(gather(uow, lookup.engagement(uow, ref)))


def readiness(ws: Workspace, engagement: str | None = None) -> rules.ExitReadiness:
    """The exit checklist of one engagement (the only one when not named)."""
    with ws.uow() as uow:
        return readiness_in(uow, engagement)
