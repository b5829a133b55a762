"""Server-rendered SVG charts: no JavaScript, the same markup in the page, the HTML report and the PDF."""

from __future__ import annotations

from html import escape
from typing import Any

INTERNAL = "#1f6feb"
PLAN = "#8250df"
RISK = "#cf222e"
GRID = "#d0d7de"
INK = "#24292f"


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def share_chart(
    points: list[dict[str, Any]], width: int = 640, height: int = 260, chart_id: str = "share-chart"
) -> str:
    """Internal share of the work (solid) against the plan (dashed steps), period by period.

    A narrow ``width`` (360 for a phone) keeps the labels readable where the chart is drawn small."""
    left, right, top, bottom = 44, 16, 16, 48
    inner_w, inner_h = width - left - right, height - top - bottom
    count = max(len(points), 1)
    step = inner_w / count

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(value: float) -> float:
        return top + inner_h * (1 - max(0.0, min(1.0, value)))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-labelledby="{chart_id}-title" id="{chart_id}">',
        f'<title id="{chart_id}-title">Internal share of the work against the plan</title>',
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{INK}">{_pct(tick)}</text>'
        )
    plan = [(i, p["plan"]) for i, p in enumerate(points) if p.get("plan") is not None]
    if plan:
        steps: list[str] = []
        for i, value in plan:
            steps.append(f"{'M' if not steps else 'L'}{x(i) - step / 2:.1f},{y(value):.1f}")
            steps.append(f"L{x(i) + step / 2:.1f},{y(value):.1f}")
        out.append(
            f'<path d="{" ".join(steps)}" fill="none" stroke="{PLAN}" stroke-width="2" '
            f'stroke-dasharray="6 4" class="plan-line"/>'
        )
    share = [(i, p["internal_share"]) for i, p in enumerate(points) if p.get("internal_share") is not None]
    if share:
        path = " ".join(f"{'M' if n == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for n, (i, v) in enumerate(share))
        out.append(f'<path d="{path}" fill="none" stroke="{INTERNAL}" stroke-width="2.5" class="share-line"/>')
        for i, value in share:
            label = escape(f"{points[i].get('period')}: internal {_pct(value)}")
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="4" fill="{INTERNAL}"><title>{label}</title></circle>'
            )
    every = max(1, count // (8 if width >= 500 else 4))
    for i, point in enumerate(points):
        if i % every == 0:
            out.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
                f'fill="{INK}">{escape(str(point.get("period", "")))[:12]}</text>'
            )
    legend_y = height - 10
    out.append(
        f'<line x1="{left}" x2="{left + 24}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="{INTERNAL}" '
        f'stroke-width="2.5"/><text x="{left + 30}" y="{legend_y}" font-size="11" fill="{INK}">'
        f"internal share (commits)</text>"
    )
    out.append(
        f'<line x1="{left + 190}" x2="{left + 214}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
        f'stroke="{PLAN}" stroke-width="2" stroke-dasharray="6 4"/><text x="{left + 220}" y="{legend_y}" '
        f'font-size="11" fill="{INK}">plan</text>'
    )
    out.append("</svg>")
    return "".join(out)


def risk_bars(directories: list[dict[str, Any]], limit: int = 10, width: int = 640) -> str:
    """Per directory: the share of its files nobody internal authors if the partner left."""
    rows = directories[:limit]
    row_h, label_w, right = 26, 200, 70
    height = max(row_h * len(rows) + 8, 34)
    bar_w = width - label_w - right
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img" '
        f'aria-labelledby="risk-title" id="risk-chart"><title id="risk-title">Files orphaned by directory if '
        f"the partner left</title>"
    ]
    if not rows:
        out.append(f'<text x="8" y="22" font-size="12" fill="{INK}">no directory at risk</text>')
    for n, item in enumerate(rows):
        top = 4 + n * row_h
        share = float(item.get("orphaned_share") or 0.0)
        name = escape(str(item.get("path") or "(root)"))
        short = name if len(name) <= 28 else "…" + name[-27:]
        out.append(
            f'<text x="{label_w - 8}" y="{top + 16}" text-anchor="end" font-size="12" fill="{INK}">'
            f"<title>{name}</title>{short}</text>"
        )
        out.append(
            f'<rect x="{label_w}" y="{top + 3}" width="{bar_w}" height="{row_h - 8}" fill="{GRID}" opacity="0.5"/>'
        )
        out.append(
            f'<rect x="{label_w}" y="{top + 3}" width="{bar_w * share:.1f}" height="{row_h - 8}" fill="{RISK}"/>'
        )
        out.append(
            f'<text x="{label_w + bar_w + 6}" y="{top + 16}" font-size="12" fill="{INK}">'
            f"{item.get('orphaned_files', 0)}/{item.get('files', 0)}</text>"
        )
    out.append("</svg>")
    return "".join(out)
