"""`inhouse report`: one engagement as a self-contained HTML page or a PDF a board can read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from inhouse.bootstrap import Workspace
from inhouse.errors import InvalidInput
from inhouse.report.content import report_content
from inhouse.report.html import render_html

ReportFormat = Literal["html", "pdf"]
FORMATS: tuple[str, ...] = get_args(ReportFormat)


@dataclass(frozen=True)
class ReportDocument:
    filename: str
    media_type: str
    content: bytes


def _slug(name: str) -> str:
    kept = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in kept.split("-") if part) or "engagement"


def build(ws: Workspace, ref: str | None, format: str = "pdf", today: date | None = None) -> ReportDocument:
    """The report of engagement ``ref`` as HTML or PDF bytes."""
    if format not in FORMATS:
        raise InvalidInput(f"format must be one of html, pdf, not {format!r}")
    content = report_content(ws, ref, today)
    html = render_html(content)
    name = f"inhouse-{_slug(content.name)}-{content.today.isoformat()}"
    if format == "html":
        return ReportDocument(f"{name}.html", "text/html; charset=utf-8", html.encode("utf-8"))
    from inhouse.report.pdf import render_pdf

    return ReportDocument(f"{name}.pdf", "application/pdf", render_pdf(html))
