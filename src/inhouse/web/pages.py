"""Server-rendered pages: each calls one read service and renders one template.

A rendered page holds its viewer's CSRF token, name and navigation, so a page kept under its data's
tag (web.caching) is kept per session: :func:`viewer_tag` adds the session to the tag (and so to
the ETag), and nobody is ever served a page rendered for somebody else.
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from inhouse import report
from inhouse.report import ReportFormat, register_csv
from inhouse.services import code_reviews, dashboard
from inhouse.services import jobs as job_service
from inhouse.services import register as register_service
from inhouse.services.dashboard import jobs_queue as dashboard_jobs
from inhouse.services.dashboard.partner_home import partner_home
from inhouse.web.access import principal_of
from inhouse.web.api.contracts import DocumentId, VersionRef
from inhouse.web.caching import page_under, tagged_page
from inhouse.web.deps import WS, JobId, JobLimit, JobState

router = APIRouter(include_in_schema=False)


def viewer_tag(request: Request, tag: str) -> str:
    """``tag`` for the session the page is rendered for."""
    session = getattr(request.state, "session", None)
    token = getattr(session, "csrf_token", "") or ""
    return f"{tag}.{hashlib.sha256(token.encode()).hexdigest()[:16]}"


def _for_viewer(request: Request, tag: str | None) -> str | None:
    return None if tag is None else viewer_tag(request, tag)  # no tag: the page is built afresh


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context)
    return response


@router.get("/", response_class=HTMLResponse)
def portfolio_page(
    request: Request, ws: WS, page: int = Query(1, ge=1), note: str = Query("", max_length=300)
) -> Response:
    """The portfolio; a partner user's home instead: its engagements' weekly record and forms."""
    principal = principal_of(request)
    if principal is not None and principal.is_partner:
        home = partner_home(ws, principal).model_dump(mode="json")
        return render(
            request, "partner_home.html", data=home, note=note, page="partner", max_bytes=ws.settings.max_document_bytes
        )

    def build() -> tuple[HTMLResponse, bool]:
        data = dashboard.portfolio(ws, page=page)
        return render(request, "portfolio.html", data=data.model_dump(mode="json"), page="portfolio"), not data.updating

    return tagged_page(request, lambda: viewer_tag(request, dashboard.portfolio_tag(ws, page)), build)


@router.get("/engagements/{ref}", response_class=HTMLResponse)
def engagement_page(request: Request, ws: WS, ref: str) -> Response:
    def build() -> tuple[HTMLResponse, bool]:
        data = dashboard.engagement_page(ws, ref).model_dump(mode="json")
        sharing = code_reviews.sharing(ws, ref).model_dump(mode="json")  # knowledge_reviews.html
        return render(
            request,
            "engagement.html",
            data=data,
            page="engagement",
            max_bytes=ws.settings.max_document_bytes,
            review_sharing=sharing,
        ), True

    return page_under(request, _for_viewer(request, dashboard.engagement_tag(ws, ref)), build)


@router.get("/engagements/{ref}/report")
def engagement_report(ws: WS, ref: str, format: ReportFormat = Query("pdf")) -> Response:
    document = report.build(ws, ref, format)
    disposition = f'attachment; filename="{document.filename}"'
    return Response(document.content, media_type=document.media_type, headers={"Content-Disposition": disposition})


@router.get("/engagements/{ref}/register.csv")
def engagement_register_csv(ws: WS, ref: str) -> Response:
    """The register of information's B_07.01 columns as CSV: the codes as the header, the values below."""
    assessment = register_service.register(ws, ref)
    disposition = f'attachment; filename="{register_csv.filename(assessment)}"'
    return Response(
        register_csv.register_csv(assessment).encode("utf-8"),
        media_type=register_csv.MEDIA_TYPE,
        headers={"Content-Disposition": disposition},
    )


@router.get("/partners", response_class=HTMLResponse)
def partners_page(request: Request, ws: WS) -> Response:
    def build() -> tuple[HTMLResponse, bool]:
        return render(
            request,
            "partners.html",
            data=dashboard.partner_comparison(ws),
            page="partners",
            max_bytes=ws.settings.max_document_bytes,
        ), True

    return page_under(request, _for_viewer(request, dashboard.partners_tag(ws)), build)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request, ws: WS, document_id: DocumentId, before: VersionRef = None, after: VersionRef = None
) -> HTMLResponse:
    """A document with its evidence; a contract version compares ``before`` with ``after`` when asked."""
    view = dashboard.contract_view(ws, document_id, before or None, after or None).model_dump(mode="json")
    return render(request, "contract.html", data=view, page="document")


@router.get("/jobs", response_class=HTMLResponse)
def jobs_page(request: Request, ws: WS, state: JobState = None, limit: JobLimit = 100) -> HTMLResponse:
    """The queue: what waits, what runs (with its progress and a Cancel button), what ended."""
    view = dashboard_jobs.job_queue(ws, state, limit).model_dump(mode="json")
    return render(request, "jobs.html", data=view, page="jobs")


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, ws: WS, job_id: JobId) -> HTMLResponse:
    return render(request, "job.html", job=job_service.get(ws, job_id).model_dump(mode="json"), page="job")
