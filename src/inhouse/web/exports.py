"""The "Download CSV" links of the list pages: each table as CSV, in the shape its ``--json`` and API use.

One scheme: ``GET /partners.csv`` and ``GET /engagements/{ref}/<table>.csv``, answered
``text/csv; charset=utf-8`` as an attachment. Each route holds the permission of the page its link
is on (``web.access.TABLE``): the weekly record's tables (reviews, decisions, drills) are the
journal a partner user reads on its home page; the others are the client's engagement page. The
writer (``report.csv_out``) neutralises text cells that a spreadsheet would read as a formula.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel

from inhouse.domain.assets import AssetRecord
from inhouse.domain.decisions import DecisionRecord
from inhouse.domain.drills import DrillRecord
from inhouse.domain.jobs import JobRecord
from inhouse.domain.organisations import PartnerRecord
from inhouse.domain.participation import TaskRecord
from inhouse.domain.reviews import ReviewRecord
from inhouse.report.csv_out import MEDIA_TYPE, to_csv
from inhouse.services import assets, decisions, drills, jobs, participation, partners, reviews
from inhouse.services.dashboard.knowledge import DirectoryRisk, files_at_risk
from inhouse.web.deps import WS

router = APIRouter(include_in_schema=False)


def _file_part(text: str) -> str:
    kept = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in kept.split("-") if part)[:60] or "engagement"


def csv_response(rows: Sequence[BaseModel], model: type[BaseModel], filename: str) -> Response:
    """``rows`` as a CSV attachment named ``filename``."""
    return Response(
        to_csv(rows, model).encode("utf-8"),
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _engagement_file(ref: str, table: str) -> str:
    return f"inhouse-engagement-{_file_part(ref)}-{table}.csv"


@router.get("/partners.csv")
def partners_csv(ws: WS) -> Response:
    return csv_response(partners.list_all(ws), PartnerRecord, "inhouse-partners.csv")


@router.get("/engagements/{ref}/reviews.csv")
def reviews_csv(ws: WS, ref: str) -> Response:
    return csv_response(reviews.list_reviews(ws, ref), ReviewRecord, _engagement_file(ref, "reviews"))


@router.get("/engagements/{ref}/decisions.csv")
def decisions_csv(ws: WS, ref: str) -> Response:
    return csv_response(decisions.list_decisions(ws, ref), DecisionRecord, _engagement_file(ref, "decisions"))


@router.get("/engagements/{ref}/drills.csv")
def drills_csv(ws: WS, ref: str) -> Response:
    return csv_response(drills.list_drills(ws, ref).drills, DrillRecord, _engagement_file(ref, "drills"))


@router.get("/engagements/{ref}/tasks.csv")
def tasks_csv(ws: WS, ref: str) -> Response:
    return csv_response(participation.list_tasks(ws, ref), TaskRecord, _engagement_file(ref, "tasks"))


@router.get("/engagements/{ref}/assets.csv")
def assets_csv(ws: WS, ref: str) -> Response:
    return csv_response(assets.list_all(ws, ref), AssetRecord, _engagement_file(ref, "assets"))


@router.get("/engagements/{ref}/files-at-risk.csv")
def files_at_risk_csv(ws: WS, ref: str) -> Response:
    return csv_response(files_at_risk(ws, ref), DirectoryRisk, _engagement_file(ref, "files-at-risk"))


@router.get("/engagements/{ref}/jobs.csv")
def jobs_csv(ws: WS, ref: str) -> Response:
    return csv_response(jobs.of_engagement(ws, ref), JobRecord, _engagement_file(ref, "jobs"))
