"""Every engagement on one page: facts from a few queries, lights from the status service."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from inhouse.bootstrap import Workspace
from inhouse.domain.common import Phase
from inhouse.domain.drills import DrillOutcome
from inhouse.domain.plans import DependencyPlan, engagement_year
from inhouse.domain.shapes import Shape, Timestamp
from inhouse.services.dashboard import readmodel, status
from inhouse.services.dashboard.status import StatusLights
from inhouse.store import dashboard as views

PER_PAGE = 50


class LatestResult(Shape):
    """The newest stored analysis of one kind: its one-line summary (never its payload)."""

    id: int
    summary: str
    created_at: Timestamp | None
    document_id: int | None


class ReviewCount(Shape):
    count: int
    last: date | None
    days_since_last: int | None


class PortfolioRow(Shape):
    """One engagement's line on the portfolio."""

    id: int
    name: str
    partner: str
    phase: Phase
    start_date: date
    year: int
    planned_internal_share_now: float
    scan: LatestResult | None
    contract: LatestResult | None
    reviews: ReviewCount
    drills: dict[DrillOutcome, int]
    running_jobs: int
    status: StatusLights


class PortfolioPage(Shape):
    """One page of the portfolio (``per_page`` engagements, by name) and where it is in the whole."""

    today: date
    engagements: list[PortfolioRow]
    total: int
    page: int
    pages: int
    per_page: int
    updating: int


def _result(meta: dict[str, Any] | None) -> LatestResult | None:
    if meta is None:
        return None
    return LatestResult(
        id=meta["id"], summary=meta["summary"], created_at=meta["created_at"], document_id=meta.get("document_id")
    )


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
) -> PortfolioPage:
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
            PortfolioRow(
                id=eid,
                name=row["name"],
                partner=row["partner"],
                phase=row["phase"],
                start_date=row["start_date"],
                year=engagement_year(today, row["start_date"]),
                planned_internal_share_now=plan.target_on(today, row["start_date"]),
                scan=_result(latest.get((eid, "scan"))),
                contract=_result(latest.get((eid, "contract"))),
                reviews=ReviewCount(
                    count=count, last=last_week, days_since_last=(today - last_week).days if last_week else None
                ),
                drills=drills.get(eid, {}),
                running_jobs=jobs.get(eid, 0),
                status=lights.get(eid) or StatusLights(measured=False, pending=True, why=readmodel.PENDING),
            )
        )
    return PortfolioPage(
        today=today,
        engagements=out,
        total=len(every),
        page=page,
        pages=pages,
        per_page=per_page,
        updating=sum(1 for e in out if e.status.updating or e.status.pending),
    )
