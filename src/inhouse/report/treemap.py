"""The knowledge map: a squarified treemap of folders and files, drawn server-side as inline SVG.

Each file is a rectangle sized by its lines at the scanned revision (or one per file when the
scan read no lines) and coloured by who holds its knowledge (its DOA authors): internal,
partner, both, a third organisation, or nobody. Folders are outlined and labelled where there
is room. No JavaScript: the same markup serves the page (scaled to the screen by its viewBox),
the HTML report and the PDF. Layout: ``analysis/git/treemap.py`` (Bruls et al., 2000).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from inhouse.analysis.git.treemap import Rect, nested

COLOURS = {
    "internal": "#1f6feb",
    "both": "#1a7f37",
    "partner": "#cf222e",
    "other": "#bf8700",
    "nobody": "#8c959f",
}
MEANING = {
    "internal": "known inside only",
    "both": "known inside and by the partner",
    "partner": "known by the partner only: at risk",
    "other": "known by a third organisation only",
    "nobody": "known by nobody (no author left in the history)",
}
FOLDER = "#ffffff"
INK = "#24292f"
MAX_TILES = 1500  # files drawn at most; smaller ones leave their folder's background


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _files(kmap: Any) -> list[tuple[str, int, str]]:
    rows = []
    for f in _get(kmap, "files", None) or []:
        rows.append((str(_get(f, "path")), int(_get(f, "size", 0) or 0), str(_get(f, "holder", "nobody"))))
    return rows


def holder_shares(kmap: Any) -> list[dict[str, Any]]:
    """The legend's rows: each holder's colour, meaning, files and share of the map's size."""
    files = _files(kmap)
    total = sum(size for _, size, _ in files)
    rows = []
    for key, colour in COLOURS.items():
        mine = [size for _, size, h in files if h == key]
        rows.append(
            {
                "holder": key,
                "colour": colour,
                "meaning": MEANING[key],
                "files": len(mine),
                "share": round(sum(mine) / total, 4) if total else 0.0,
            }
        )
    return rows


def knowledge_map_svg(kmap: Any, width: int = 960, height: int = 540, chart_id: str = "knowledge-map") -> str:
    """The map as an ``<svg>`` (empty string when there is nothing to draw)."""
    files = _files(kmap)
    if not files:
        return ""
    sizes = {path: float(size) for path, size, _ in files}
    held = {path: h for path, _, h in files}
    unit = "lines" if _get(kmap, "measure", "lines") == "lines" else "file"
    tiles = nested(sizes, Rect(0, 0, width, height), inset=2.0, header=14.0)
    leaves = sorted((t for t in tiles if t.leaf), key=lambda t: -t.rect.w * t.rect.h)
    drawn = {t.path for t in leaves[:MAX_TILES] if t.rect.w * t.rect.h >= 3.0}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart knowledge-map" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" id="{chart_id}" '
        f'preserveAspectRatio="xMidYMid meet" style="width:100%;height:auto">',
        f'<title id="{chart_id}-title">Knowledge map: who holds the knowledge of each folder and file</title>',
        f'<desc id="{chart_id}-desc">{len(files)} files sized by {"lines" if unit == "lines" else "count"}; '
        + "; ".join(f"{r['holder']} {r['share'] * 100:.0f}%" for r in holder_shares(kmap))
        + "</desc>",
    ]
    for t in tiles:
        r = t.rect
        label = escape(t.path)
        if not t.leaf:
            out.append(
                f'<rect x="{r.x:.1f}" y="{r.y:.1f}" width="{r.w:.1f}" height="{r.h:.1f}" fill="#eaeef2" '
                f'stroke="{FOLDER}" stroke-width="{max(2.5 - t.depth, 0.5):.1f}" class="folder">'
                f"<title>{label}/ · {t.size:.0f} {unit}{'s' if unit == 'file' and t.size != 1 else ''}</title></rect>"
            )
            if r.w > 48 and r.h > 3 * 14 + 4:
                name = t.path.rsplit("/", 1)[-1]
                room = int((r.w - 6) / 6.2)
                shown = name if len(name) <= room else name[: max(room - 1, 1)] + "…"
                out.append(
                    f'<text x="{r.x + 3:.1f}" y="{r.y + 12:.1f}" font-size="10" fill="{INK}" '
                    f'aria-hidden="true">{escape(shown)}</text>'
                )
        elif t.path in drawn:
            colour = COLOURS.get(held[t.path], COLOURS["nobody"])
            size = f"{t.size:.0f} lines" if unit == "lines" else "1 file"
            out.append(
                f'<rect x="{r.x:.1f}" y="{r.y:.1f}" width="{r.w:.1f}" height="{r.h:.1f}" fill="{colour}" '
                f'stroke="{FOLDER}" stroke-width="0.5" class="file {held[t.path]}">'
                f"<title>{label} · {size} · {held[t.path]}</title></rect>"
            )
    out.append("</svg>")
    return "".join(out)


def knowledge_map_figure(kmap: Any, width: int = 960, height: int = 540, chart_id: str = "knowledge-map") -> str:
    """The map with its text legend (each holder's colour, meaning, files and share of the size)."""
    svg = knowledge_map_svg(kmap, width, height, chart_id)
    if not svg:
        return ""
    measure = "lines" if _get(kmap, "measure", "lines") == "lines" else "files"
    items = "".join(
        f'<li><span class="swatch" style="display:inline-block;width:0.9em;height:0.9em;'
        f'background:{r["colour"]};vertical-align:middle" aria-hidden="true"></span> '
        f"<strong>{escape(r['holder'])}</strong>: {escape(r['meaning'])} · {r['files']} files, "
        f"{r['share'] * 100:.0f}% of the {measure}</li>"
        for r in holder_shares(kmap)
        if r["files"]
    )
    left = int(_get(kmap, "left_out", 0) or 0)
    note = f'<p class="muted small">{left} smaller files are not drawn.</p>' if left else ""
    return (
        f'<figure class="knowledge-map-figure" id="{chart_id}-figure">{svg}'
        f'<figcaption><ul class="legend" aria-label="Knowledge map legend">{items}</ul>{note}</figcaption></figure>'
    )
