"""Jinja2 templates and the few filters the pages share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi.templating import Jinja2Templates

from inhouse.report.charts import risk_bars, share_chart

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


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.filters.update(pct=pct, day=day, label=label)
    env.globals.update(share_chart=share_chart, risk_bars=risk_bars)
    return templates
