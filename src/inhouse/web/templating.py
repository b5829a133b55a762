"""Jinja2 templates and the few filters the pages share.

Every template sees ``principal`` (who is signed in, or None), ``local_mode`` (the single-user local
server without accounts) and ``P`` (the permissions, for ``principal.can(P.READ_PARTNERS)``), and
can call ``csrf_field()`` inside every ``<form method="post">`` and ``csrf_token()`` for scripts;
``edit_form_of`` and ``may_edit`` serve the ``edit_form`` macro (web.forms.edits).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from inhouse.domain.access import Permission
from inhouse.domain.organisations import web_address
from inhouse.report.charts import risk_bars, share_chart
from inhouse.report.treemap import knowledge_map_figure
from inhouse.report.words import color_word, state_color
from inhouse.web.forms.edits import edit_form_of, may_edit
from inhouse.web.uploads import ALLOWED_SUFFIXES

TEMPLATES = Path(__file__).with_name("templates")


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def day(value: str | date | None) -> str:
    if not value:
        return "–"
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text[:10]


def label(value: str | None) -> str:
    return (value or "").replace("_", " ")


#: Where each status area is shown in detail on the engagement page.
AREA_ANCHORS = {
    "trajectory": "share",
    "knowledge": "knowledge",
    "contract": "contract",
    "participation": "participation",
    "drills": "drills",
    "exit_readiness": "exit-readiness",
}


def evidence_href(evidence: dict | None, data: dict) -> str | None:
    """A link to what a verdict rests on: the contract clause, the scan chart, the drill, the asset..."""
    if not evidence:
        return None
    source, ref = evidence.get("source"), str(evidence.get("ref") or "")
    record = evidence.get("record_id")
    if source == "contract":
        document = (data.get("contract") or {}).get("document_id")
        if not document:
            return "#contract"
        if "clauses." in ref:
            return f"/documents/{document}#finding-clause-{ref.rsplit('clauses.', 1)[1]}"
        return f"/documents/{document}#findings"
    if source == "scan":
        return "#share" if "trajectory" in ref else "#knowledge"
    if source == "docs_audit":
        return "#docs-audit"
    if source == "drill":
        return f"#drill-{record}" if record else "#drills"
    if source == "asset":
        return f"#asset-{record}" if record else "#assets"
    if source in ("reviews", "review"):
        return "#timeline"
    return None


_MAILTO = re.compile(r"mailto:[^\s@<>\"'?#/\\:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", re.IGNORECASE)


def web_link(text: str | None) -> str | None:
    """The address a link to ``text`` (user content) may point to: an http(s) address or a plain
    ``mailto:`` e-mail address; None for anything else (``javascript:``, ``data:``...), which the page
    then shows as plain text."""
    value = (text or "").strip()
    if not value or any(c.isspace() or ord(c) < 32 for c in value):
        return None
    if value[:7].lower() == "mailto:":
        return value if _MAILTO.fullmatch(value) else None
    return web_address(value)


def _request(context: Context) -> Request | None:
    request = context.get("request")
    return request if isinstance(request, Request) else None


@pass_context
def csrf_token(context: Context) -> str:
    """The CSRF token of the session the page is rendered for ("" without a session)."""
    request = _request(context)
    session = getattr(request.state, "session", None) if request is not None else None
    token = getattr(session, "csrf_token", "")
    return token if isinstance(token, str) else ""


@pass_context
def csrf_field(context: Context) -> Markup:
    """The hidden field every ``<form method="post">`` of the pages carries (checked by web.access)."""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(escape(csrf_token(context)))


def _who(request: Request) -> dict[str, Any]:
    """What every template knows of the request: who is signed in, and whether the server is local."""
    principal = getattr(request.state, "principal", None)
    local = bool(getattr(principal, "local", False) or getattr(request.state, "local", False))
    return {"principal": principal, "local_mode": local, "P": Permission}


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES), context_processors=[_who])
    env = templates.env
    env.filters.update(pct=pct, day=day, label=label, color_word=color_word, state_color=state_color, web_link=web_link)
    env.globals.update(
        share_chart=share_chart,
        risk_bars=risk_bars,
        knowledge_map=knowledge_map_figure,
        evidence_href=evidence_href,
        area_anchors=AREA_ANCHORS,
        csrf_field=csrf_field,
        csrf_token=csrf_token,
        edit_form_of=edit_form_of,
        may_edit=may_edit,
        document_accept=",".join(ALLOWED_SUFFIXES),
    )
    return templates
