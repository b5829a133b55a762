"""The report as one self-contained HTML page (styles inline, charts as inline SVG)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from inhouse.report.charts import risk_bars, share_chart
from inhouse.report.content import ReportContent
from inhouse.report.treemap import knowledge_map_figure
from inhouse.report.words import color_word, state_color

TEMPLATES = Path(__file__).with_name("templates")


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.filters.update(
        pct=_pct,
        label=lambda v: (v or "").replace("_", " "),
        day=lambda v: str(v or "–")[:10],
        color_word=color_word,
        state_color=state_color,
    )
    env.globals.update(share_chart=share_chart, risk_bars=risk_bars, knowledge_map=knowledge_map_figure)
    return env


def render_html(content: ReportContent) -> str:
    """The report page; the template reads the content's JSON (dates as ISO text, enums as their values)."""
    data = content.model_dump(mode="json")
    return environment().get_template("report.html").render(data=data, css=(TEMPLATES / "report.css").read_text())
