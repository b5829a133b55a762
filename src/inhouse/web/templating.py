"""Jinja2 templates and the few filters the pages share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi.templating import Jinja2Templates

from inhouse.domain.organisations import web_address
from inhouse.report.charts import risk_bars, share_chart
from inhouse.report.words import color_word, state_color

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


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.filters.update(
        pct=pct, day=day, label=label, color_word=color_word, state_color=state_color, web_link=web_address
    )
    env.globals.update(
        share_chart=share_chart, risk_bars=risk_bars, evidence_href=evidence_href, area_anchors=AREA_ANCHORS
    )
    return templates
