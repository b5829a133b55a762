"""Server-rendered SVG charts: no JavaScript, the same markup in the page, the HTML report and the PDF."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any

INTERNAL = "#1f6feb"
PLAN = "#8250df"
RISK = "#cf222e"
GRID = "#d0d7de"
COMMITS = "#0a7d72"
LINES = "#bf8700"
FORECAST = "#57606a"
INK = "#24292f"


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _field(item: Any, key: str) -> Any:
    """A key of a dumped shape (the page's JSON) or an attribute of the shape itself."""
    if item is None:
        return None
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def share_chart(
    points: list[dict[str, Any]],
    width: int = 640,
    height: int = 260,
    chart_id: str = "share-chart",
    forecast: Any = None,
) -> str:
    """The trajectory: files known inside (the plan measure, thick), the commit and line shares
    beside it (thin), the plan (dashed steps), the forecast from the latest period with its band
    (pace plus and minus one standard error, in the slots after the last period) and the
    low-activity periods shaded, their marks hollow and left out of the lines, so that a quarter
    with one commit does not swing them.

    ``points`` are the page's share points (``SharePoint`` dumped); ``forecast`` a ``Forecast``
    or its dump. A narrow ``width`` (360 for a phone) keeps the labels readable where the chart is
    drawn small; there the legend takes two rows."""
    narrow = width < 500
    legend_rows = 2 if narrow else 1
    left, right, top, bottom = 44, 16, 16, 34 + 16 * legend_rows
    height = max(height, top + bottom + 120)
    inner_w, inner_h = width - left - right, height - top - bottom
    pace = _field(forecast, "pace_per_year")
    current, current_on = _field(forecast, "current_share"), _day(_field(forecast, "current_on"))
    projecting = bool(points) and current is not None and current_on is not None and pace is not None
    projecting = projecting and not _field(forecast, "already_reached")
    extra = 2 if projecting else 0
    count = max(len(points) + extra, 1)
    step = inner_w / count

    def x(i: float) -> float:
        return left + step * (i + 0.5)

    def y(value: float) -> float:
        return top + inner_h * (1 - max(0.0, min(1.0, value)))

    mids = [_mid(p) for p in points]

    def x_of(day: date) -> float:
        """Where a day falls: between the periods' midpoints, past the ends at the end period's length."""
        if not mids:
            return x(0)
        if day >= mids[-1] or len(mids) == 1:
            return x(len(mids) - 1 + (day - mids[-1]).days / _length(points[-1]))
        if day <= mids[0]:
            return x((day - mids[0]).days / _length(points[0]))
        k = next(i for i in range(1, len(mids)) if day <= mids[i])
        span = max((mids[k] - mids[k - 1]).days, 1)
        return x(k - 1 + (day - mids[k - 1]).days / span)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-labelledby="{chart_id}-title" id="{chart_id}">',
        f'<title id="{chart_id}-title">Files known inside, commit and line shares against the plan, '
        f"with the forecast</title>",
    ]
    for i, point in enumerate(points):
        if point.get("low_activity"):
            label = escape(f"{point.get('period')}: low activity ({point.get('changes', 0)} changes)")
            out.append(
                f'<rect x="{x(i) - step / 2:.1f}" y="{top}" width="{step:.1f}" height="{inner_h}" fill="{GRID}" '
                f'opacity="0.45" class="low-activity"><title>{label}</title></rect>'
            )
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
    if projecting and current_on is not None:
        out.extend(_forecast_marks(forecast, x_of, y, current_on, width - right, step, len(points)))
    for key, name, colour, thick, css in SERIES:
        series = [(i, float(p[key])) for i, p in enumerate(points) if p.get(key) is not None]
        active = [(i, v) for i, v in series if not points[i].get("low_activity")]
        if len(active) > 1:
            path = " ".join(f"{'M' if n == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for n, (i, v) in enumerate(active))
            out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{thick}" class="{css}"/>')
        for i, value in series:
            low = bool(points[i].get("low_activity"))
            label = escape(f"{points[i].get('period')}: {name} {_pct(value)}" + (" (low activity)" if low else ""))
            fill = "#ffffff" if low else colour
            out.append(
                f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="{thick + 1.5:.1f}" fill="{fill}" stroke="{colour}" '
                f'stroke-width="1.5"><title>{label}</title></circle>'
            )
    every = max(1, len(points) // (8 if not narrow else 4))
    for i, point in enumerate(points):
        if i % every == 0:
            out.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
                f'fill="{INK}">{escape(str(point.get("period", "")))[:12]}</text>'
            )
    shown = {name for key, name, *_ in SERIES if any(p.get(key) is not None for p in points)}
    shown |= {"plan"} if plan else set()
    shown |= {"forecast ± 1 SE"} if projecting else set()
    shown |= {"low activity"} if any(p.get("low_activity") for p in points) else set()
    out.extend(_legend(left, height - 8, narrow, shown))
    out.append("</svg>")
    return "".join(out)


SERIES = (
    ("internal_file_share", "files known inside", INTERNAL, 2.5, "share-line"),
    ("internal_share", "commits", COMMITS, 1.5, "commit-line"),
    ("internal_line_share", "lines", LINES, 1.5, "lines-line"),
)
"""The shares drawn: the plan measure first, then the commit and line shares beside it."""


def _mid(point: dict[str, Any]) -> date:
    start, end = _day(point.get("start")), _day(point.get("end"))
    if start is None or end is None:
        return date(1970, 1, 1)
    return start + (end - start) / 2


def _length(point: dict[str, Any]) -> int:
    start, end = _day(point.get("start")), _day(point.get("end"))
    return max(((end - start).days + 1) if start and end else 1, 1)


def _forecast_marks(
    forecast: Any, x_of: Any, y: Any, current_on: date, right_x: float, step: float, last: int
) -> list[str]:
    """The forecast line from the latest fitted period to the chart's right edge, its band, and
    the final share it heads for."""
    current, pace = float(_field(forecast, "current_share")), float(_field(forecast, "pace_per_year"))
    stderr = _field(forecast, "pace_stderr")
    x0 = x_of(current_on)
    # the days from the current point to the right edge, at the scale of the slots after the last period
    edge = max((right_x - x0) / step, 0.0) * _slot_days(x_of, current_on, step)
    reached, latest = _day(_field(forecast, "reached_on")), _day(_field(forecast, "latest_on"))

    def until(day: date | None) -> date:
        """The line stops where it reaches the final share, or at the chart's edge."""
        limit = current_on + timedelta(days=edge)
        return limit if day is None or day > limit else day

    def at(rate: float, end: date) -> float:
        return current + rate * (end - current_on).days / 365.25

    out: list[str] = []
    if stderr:
        band_end = until(latest)
        high, low = at(pace + float(stderr), band_end), at(pace - float(stderr), band_end)
        bx = x_of(band_end)
        out.append(
            f'<path d="M{x0:.1f},{y(current):.1f} L{bx:.1f},{y(high):.1f} L{bx:.1f},{y(low):.1f} Z" '
            f'fill="{FORECAST}" opacity="0.18" class="forecast-band"><title>forecast band: pace {pace:+.2f} '
            f"± {float(stderr):.2f} a year</title></path>"
        )
    end = until(reached)
    out.append(
        f'<line x1="{x0:.1f}" y1="{y(current):.1f}" x2="{x_of(end):.1f}" y2="{y(at(pace, end)):.1f}" '
        f'stroke="{FORECAST}" stroke-width="2" stroke-dasharray="2 3" class="forecast-line">'
        f"<title>forecast: {pace:+.2f} a year</title></line>"
    )
    final = _field(forecast, "final_share")
    if final is not None:
        out.append(
            f'<text x="{right_x - 2:.1f}" y="{y(float(final)) - 4:.1f}" text-anchor="end" font-size="10" '
            f'fill="{PLAN}">final {_pct(float(final))}</text>'
        )
    if reached is not None and final is not None and x_of(reached) <= right_x:
        out.append(
            f'<circle cx="{x_of(reached):.1f}" cy="{y(float(final)):.1f}" r="4" fill="#ffffff" stroke="{FORECAST}" '
            f'stroke-width="2" class="forecast-reached"><title>reached on {reached}</title></circle>'
        )
    return out


def _slot_days(x_of: Any, day: date, step: float) -> float:
    """The days one slot stands for around ``day`` (the chart's time scale there)."""
    later = x_of(day + timedelta(days=30))
    return 30 * step / max(later - x_of(day), 1e-9)


def _legend(left: int, baseline: float, narrow: bool, shown: set[str]) -> list[str]:
    """The legend of what the chart draws, in one row (two on a phone)."""
    every = [
        ("files known inside", INTERNAL, "2.5", ""),
        ("commits", COMMITS, "1.5", ""),
        ("lines", LINES, "1.5", ""),
        ("plan", PLAN, "2", "6 4"),
        ("forecast ± 1 SE", FORECAST, "2", "2 3"),
        ("low activity", GRID, "8", ""),
    ]
    items = [item for item in every if item[0] in shown]
    per_row = 3 if narrow else 6
    out = []
    lx = left
    for n, (label, colour, thick, dash) in enumerate(items):
        row, col = divmod(n, per_row)
        if col == 0:
            lx = left
        ly = baseline - 16 * ((len(items) - 1) // per_row - row)
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{lx}" x2="{lx + 18}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="{thick}"'
            f'{dashes}/><text x="{lx + 22}" y="{ly}" font-size="10" fill="{INK}">{label}</text>'
        )
        lx += 22 + round(5.6 * len(label)) + 12  # about the width of the label at 10 px
    return out


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
