"""A squarified treemap layout: rectangles with areas proportional to sizes, close to squares.

Bruls, Huizing and van Wijk, "Squarified Treemaps" (Joint Eurographics/IEEE TCVG Symposium
on Visualization, 2000): the items, largest first, are laid out in rows along the shorter
side of the space left; an item joins the current row while that does not worsen the row's
worst aspect ratio, else the row is fixed and a new one starts in what remains. Nested
for a tree of folders: each folder's rectangle (less a small inset) holds its children.

Pure: sizes in, rectangles out; drawing them is the report's business (``report/treemap.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Tile:
    """One laid-out node: a file (``leaf``) or a folder, with its place and depth (0: top level)."""

    path: str
    rect: Rect
    size: float
    depth: int
    leaf: bool


def _worst(row: Sequence[float], side: float) -> float:
    """The worst aspect ratio of ``row`` (areas) laid along a side of length ``side``."""
    total = sum(row)
    if total <= 0 or side <= 0:
        return float("inf")
    return max(max(side * side * a / (total * total), total * total / (side * side * a)) for a in row)


def squarify(sizes: Sequence[float], rect: Rect) -> list[Rect | None]:
    """Rectangles for ``sizes`` (in their order) filling ``rect``; None for a size of zero or less."""
    out: list[Rect | None] = [None] * len(sizes)
    order = sorted((i for i, s in enumerate(sizes) if s > 0), key=lambda i: (-sizes[i], i))
    total = sum(sizes[i] for i in order)
    if not order or rect.w <= 0 or rect.h <= 0:
        return out
    scale = rect.w * rect.h / total
    areas = [sizes[i] * scale for i in order]
    x, y, w, h = rect.x, rect.y, rect.w, rect.h
    start = 0
    while start < len(areas):
        side = min(w, h)
        end = start + 1
        while end < len(areas) and _worst(areas[start : end + 1], side) <= _worst(areas[start:end], side):
            end += 1
        row = areas[start:end]
        thick = sum(row) / side if side else 0.0
        offset = 0.0
        for k, area in enumerate(row):
            length = area / thick if thick else 0.0
            if w >= h:  # a column at the left
                out[order[start + k]] = Rect(x, y + offset, thick, length)
            else:  # a row at the top
                out[order[start + k]] = Rect(x + offset, y, length, thick)
            offset += length
        if w >= h:
            x, w = x + thick, max(w - thick, 0.0)
        else:
            y, h = y + thick, max(h - thick, 0.0)
        start = end
    return out


@dataclass
class _Node:
    path: str
    size: float = 0.0
    children: dict[str, _Node] = field(default_factory=dict)
    leaf: bool = False


def _tree(sizes: Mapping[str, float]) -> _Node:
    root = _Node("")
    for path, size in sizes.items():
        if size <= 0:
            continue
        node = root
        node.size += size
        parts = path.split("/")
        for i, part in enumerate(parts):
            child = node.children.get(part)
            if child is None:
                child = node.children[part] = _Node("/".join(parts[: i + 1]))
            child.size += size
            node = child
        node.leaf = True
    return root


def nested(sizes: Mapping[str, float], rect: Rect, inset: float = 2.0, header: float = 0.0) -> list[Tile]:
    """Tiles of every folder and file of ``sizes`` (path -> size), folders before their contents.

    A folder's children fill its rectangle less ``inset`` on each side and ``header`` on top
    (room for its label) while it stays large enough; otherwise they fill it whole."""
    tiles: list[Tile] = []

    def place(node: _Node, area: Rect, depth: int) -> None:
        kids = sorted(node.children.values(), key=lambda n: n.path)
        rects = squarify([k.size for k in kids], area)
        for kid, r in zip(kids, rects, strict=True):
            if r is None:
                continue
            tiles.append(Tile(kid.path, r, kid.size, depth, kid.leaf and not kid.children))
            if kid.children:
                top = header if r.h > 3 * header + 2 * inset else 0.0
                pad = inset if min(r.w, r.h) > 4 * inset else 0.0
                inner = Rect(r.x + pad, r.y + pad + top, max(r.w - 2 * pad, 0.0), max(r.h - 2 * pad - top, 0.0))
                place(kid, inner, depth + 1)

    place(_tree(sizes), rect, 0)
    return tiles
