"""Every engagement on one page: facts from a few queries, lights from the status service."""

from __future__ import annotations

import hashlib
from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.plans import DependencyPlan, engagement_year
from inhouse.services.dashboard import status
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso


def _result(meta: dict | None) -> dict | None:
    if meta is None:
        return None
    return {
        "id": meta["id"],
        "summary": meta["summary"],
        "created_at": iso(meta["created_at"]),
        "document_id": meta.get("document_id"),
    }


PER_PAGE = 50


def portfolio_tag(ws: Workspace, page: int = 1, per_page: int = PER_PAGE) -> str:
    """A tag that changes whenever ``portfolio(ws, page=page, per_page=per_page)`` would: with the
    day and settings, any engagement's data (its version), a status computed since, or a job
    starting or ending. Two small queries, for HTTP validators and the rendered-page cache."""
    with ws.uow() as uow:
        versions = uow.status_rows.versions()
        jobs = sorted(views.unfinished_jobs(uow.session).items())
    text = repr((status.stamp(ws), page, per_page, versions, jobs))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def portfolio(
    ws: Workspace, today: date | None = None, page: int = 1, per_page: int = PER_PAGE, budget: float = 0.25
) -> dict:
    """One page of engagements (``per_page`` of them, by name) with their facts and status lights.

    Stale statuses are computed for at most ``budget`` seconds; the others come back marked
    ``updating`` or ``pending`` and are refreshed in the background (``readmodel``)."""
    today = today or date.today()
    per_page = max(1, per_page)
    with ws.uow() as uow:
        every = views.engagements(uow.session)
        pages = max(1, -(-len(every) // per_page))
        page = min(max(1, page), pages)
        rows = every[(page - 1) * per_page : page * per_page]
        ids = [row["id"] for row in rows]
        latest = views.latest_results(uow.session, engagement_ids=ids)
        reviews = views.review_stats(uow.session, ids)
        drills = views.drill_stats(uow.session, ids)
        jobs = views.unfinished_jobs(uow.session, ids)
    lights = status.portfolio_status(ws, ids, budget)
    out = []
    for row in rows:
        eid = row["id"]
        plan = DependencyPlan(tuple(row["plan"]))
        count, last_week = reviews.get(eid, (0, None))
        out.append(
            {
                "id": eid,
                "name": row["name"],
                "partner": row["partner"],
                "phase": row["phase"],
                "start_date": iso(row["start_date"]),
                "year": engagement_year(today, row["start_date"]),
                "planned_internal_share_now": plan.target_on(today, row["start_date"]),
                "scan": _result(latest.get((eid, "scan"))),
                "contract": _result(latest.get((eid, "contract"))),
                "reviews": {
                    "count": count,
                    "last": iso(last_week),
                    "days_since_last": (today - last_week).days if last_week else None,
                },
                "drills": drills.get(eid, {}),
                "running_jobs": jobs.get(eid, 0),
                "status": lights.get(eid)
                or {"measured": False, "why": status.NOT_YET, "lights": [], "next_actions": []},
            }
        )
    return {
        "today": today.isoformat(),
        "engagements": out,
        "total": len(every),
        "page": page,
        "pages": pages,
        "per_page": per_page,
        "updating": sum(1 for e in out if e["status"].get("updating") or e["status"].get("pending")),
    }
