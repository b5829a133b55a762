"""Everything the engagement page shows, in one dict."""

from __future__ import annotations

from datetime import date, timedelta

from inhouse.bootstrap import Workspace
from inhouse.services import engagements as engagement_service
from inhouse.services import lookup
from inhouse.services.dashboard import contracts, exit, knowledge, participation, status
from inhouse.services.jobs import job_dict
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso


def _review(review, decisions_by_review: dict[int, list[dict]]) -> dict:
    return {
        "id": review.id,
        "week_of": review.week_of.isoformat(),
        "done": review.done,
        "why": review.why,
        "next": review.next,
        "attendees": list(review.attendees),
        "decisions": decisions_by_review.get(review.id, []),
    }


def _decision(decision) -> dict:
    return {
        "id": decision.id,
        "title": decision.title,
        "decided_by": decision.decided_by.value,
        "decided_on": decision.decided_on.isoformat(),
        "rationale": decision.rationale,
        "status": decision.status,
        "review_id": decision.review_id,
    }


def _drill(drill) -> dict:
    return {
        "id": drill.id,
        "performed_on": drill.performed_on.isoformat(),
        "person": drill.person,
        "modification": drill.modification,
        "outcome": drill.outcome.value,
        "stuck_points": list(drill.stuck_points),
        "training_hours": drill.training_hours,
    }


def missed_weeks(weeks: list[date], until: date) -> list[str]:
    """Mondays between the first review and ``until`` without a review."""
    if not weeks:
        return []
    have = {w - timedelta(days=w.weekday()) for w in weeks}
    day, last, missing = min(have), until - timedelta(days=until.weekday()), []
    while day <= last:
        if day not in have:
            missing.append(day.isoformat())
        day += timedelta(days=7)
    return missing


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
        decisions = [_decision(d) for d in uow.decisions.list(found.id)]
        by_review: dict[int, list[dict]] = {}
        for decision in decisions:
            if decision.get("review_id"):
                by_review.setdefault(decision["review_id"], []).append(decision)
        reviews = uow.reviews.list(found.id)
        data["timeline"] = {
            "reviews": [_review(r, by_review) for r in reversed(reviews)],
            "missed_weeks": missed_weeks([r.week_of for r in reviews], today - timedelta(days=7)),
        }
        data["decision_list"] = decisions
        data["drill_list"] = [_drill(d) for d in reversed(uow.drills.list(found.id))]
        data["jobs"] = [job_dict(j) for j in uow.jobs.list(found.id, limit=10)]
        participation.add_review_quality(data["timeline"], participation.review_quality_in(uow, found))
        data["decision_summary"] = participation.decisions_summary(
            decisions, {r.id: r.week_of.isoformat() for r in reviews}
        )
        data["participation"] = participation.participation_in(uow, found, today, ws.settings.delegate_alert_weeks)
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
