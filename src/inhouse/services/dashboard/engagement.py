"""Everything the engagement page shows, in one model composed of each area's sections."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.decisions import DecisionRecord
from inhouse.domain.drills import DrillRecord
from inhouse.domain.engagements import EngagementFacts
from inhouse.domain.exit_readiness import ExitReadiness
from inhouse.domain.jobs import JobRecord
from inhouse.domain.register import RegisterAssessment
from inhouse.domain.status import EngagementStatus
from inhouse.domain.versions import DocumentVersion
from inhouse.services import contract_versions, lookup
from inhouse.services import engagements as engagement_service
from inhouse.services.dashboard import contracts, exit, knowledge, participation, records, status
from inhouse.services.dashboard.contracts import ContractChecklist
from inhouse.services.dashboard.exit import AssetInventory, DocsAuditSection
from inhouse.services.dashboard.knowledge import KnowledgeAtRisk, ShareSeries
from inhouse.services.dashboard.participation import DecisionSummary, ParticipationSection, Timeline
from inhouse.services.dashboard.records import EngagementRecords
from inhouse.services.jobs import recent as recent_jobs
from inhouse.services.register import register_in
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso

PAYLOADS = ("scan", "contract", "docs_audit")
"""The stored analyses whose payloads the page draws (the others show their summary only)."""


class EngagementPage(EngagementFacts):
    """The engagement page (and ``/api/engagements/{ref}``, and the report): the engagement's
    facts, then each area's section; a section without its analysis says why it is not measured."""

    knowledge: KnowledgeAtRisk
    timeline: Timeline
    decision_list: list[DecisionRecord]
    drill_list: list[DrillRecord]
    jobs: list[JobRecord]
    decision_summary: DecisionSummary
    participation: ParticipationSection
    assets: AssetInventory
    share: ShareSeries
    contract: ContractChecklist
    status: EngagementStatus
    docs_audit: DocsAuditSection
    exit_readiness: ExitReadiness
    today: date
    dora_register: RegisterAssessment
    contract_versions: list[DocumentVersion]
    records: EngagementRecords


def engagement_page(ws: Workspace, ref: str | None, today: date | None = None) -> EngagementPage:
    """The engagement ``ref`` names (id or name; the only one when empty), as its page shows it."""
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, ref)
        assert found.id is not None, "a stored engagement has an id"
        facts = engagement_service.show_in(uow, found, today)
        latest = views.latest_results(uow.session, found.id)
        payloads = {
            kind: views.result_payload(uow.session, meta["id"])
            for (_, kind), meta in latest.items()
            if kind in PAYLOADS
        }
        journal = participation.journal_sections(uow, found, today, ws.settings.delegate_alert_weeks)
        jobs = recent_jobs(uow, found.id)
        assets = exit.inventory_in(uow, found)
        dora_register = register_in(uow, found, today)
        versions = contract_versions.versions_in(uow, found)
        listed = records.records_in(uow, found, lookup.roster(uow, found), facts.partner)
    metas = {kind: {**meta, "created_at": iso(meta["created_at"])} for (_, kind), meta in latest.items()}
    engagement_status = status.engagement_status(ws, found.id)
    return EngagementPage(
        **{name: value for name, value in facts if name != "knowledge"},
        knowledge=knowledge.knowledge_at_risk(payloads.get("scan"), metas.get("scan")),
        timeline=journal.timeline,
        decision_list=journal.decision_list,
        drill_list=journal.drill_list,
        jobs=jobs,
        decision_summary=journal.decision_summary,
        participation=journal.participation,
        assets=assets,
        share=knowledge.share_series(payloads.get("scan"), metas.get("scan")),
        contract=contracts.checklist(payloads.get("contract"), metas.get("contract")),
        status=engagement_status,
        docs_audit=exit.docs_audit(payloads.get("docs_audit"), metas.get("docs_audit"), found.name),
        exit_readiness=status.exit_readiness(engagement_status),
        today=today,
        dora_register=dora_register,
        contract_versions=versions,
        records=listed,
    )
