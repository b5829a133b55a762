"""Everything the engagement page shows, in one dict."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.services import engagements as engagement_service
from inhouse.services import lookup
from inhouse.services.dashboard import contracts, exit, knowledge, participation, status
from inhouse.services.jobs import job_dict
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso


def engagement_page(ws: Workspace, ref: str | None, today: date | None = None) -> dict:
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, ref)
        data = engagement_service.show_in(uow, found, today)
        latest = views.latest_results(uow.session, found.id)
        payloads = {
            kind: views.result_payload(uow.session, meta["id"])
            for (_, kind), meta in latest.items()
            if kind in ("scan", "contract", "exit_readiness", "docs_audit")
        }
        journal = participation.journal_sections(uow, found, today, ws.settings.delegate_alert_weeks)
        data.update(journal.model_dump(mode="json"))
        data["jobs"] = [job_dict(j) for j in uow.jobs.list(found.id, limit=10)]
        data["assets"] = exit.inventory_in(uow, found)
    metas = {kind: {**meta, "created_at": iso(meta["created_at"])} for (_, kind), meta in latest.items()}
    data["share"] = knowledge.share_series(payloads.get("scan"), metas.get("scan"))
    data["knowledge"] = knowledge.knowledge_at_risk(payloads.get("scan"), metas.get("scan"))
    data["contract"] = contracts.checklist(payloads.get("contract"), metas.get("contract"))
    data["status"] = status.engagement_status(ws, found.id)
    data["docs_audit"] = exit.docs_audit(payloads.get("docs_audit"), metas.get("docs_audit"), data["name"])
    data["exit_readiness"] = status.exit_readiness(ws, found.id, data["status"], payloads.get("exit_readiness"))
    data["today"] = today.isoformat()
    return data
