"""Every engagement on one page: facts from a few queries, lights from the status service."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.plans import DependencyPlan, engagement_year
from inhouse.services.dashboard import status
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso


def _result(meta: dict | None) -> dict | None:
    if meta is None:
        return None
    return {"id": meta["id"], "summary": meta["summary"], "created_at": iso(meta["created_at"]),
            "document_id": meta.get("document_id")}


def portfolio(ws: Workspace, today: date | None = None) -> dict:
    today = today or date.today()
    with ws.uow() as uow:
        rows = views.engagements(uow.session)
        latest = views.latest_results(uow.session)
        reviews = views.review_stats(uow.session)
        drills = views.drill_stats(uow.session)
        jobs = views.unfinished_jobs(uow.session)
    lights = status.portfolio_status(ws)
    out = []
    for row in rows:
        eid = row["id"]
        plan = DependencyPlan(tuple(row["plan"]))
        count, last_week = reviews.get(eid, (0, None))
        out.append({
            "id": eid, "name": row["name"], "partner": row["partner"], "phase": row["phase"],
            "start_date": iso(row["start_date"]), "year": engagement_year(today, row["start_date"]),
            "planned_internal_share_now": plan.target_on(today, row["start_date"]),
            "scan": _result(latest.get((eid, "scan"))),
            "contract": _result(latest.get((eid, "contract"))),
            "reviews": {"count": count, "last": iso(last_week),
                        "days_since_last": (today - last_week).days if last_week else None},
            "drills": drills.get(eid, {}),
            "running_jobs": jobs.get(eid, 0),
            "status": lights.get(eid) or {"measured": False, "why": status.NOT_YET, "lights": [],
                                          "next_actions": []},
        })
    return {"today": today.isoformat(), "engagements": out}
