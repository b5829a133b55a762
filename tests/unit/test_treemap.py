"""The squarified treemap (Bruls et al., 2000) and the knowledge map drawn from it, by hand."""

from __future__ import annotations

import re

import pytest

from inhouse.analysis.git.folders import holder, knowledge_map
from inhouse.analysis.git.treemap import Rect, nested, squarify
from inhouse.domain.common import Side
from inhouse.report.treemap import holder_shares, knowledge_map_figure, knowledge_map_svg


def _r(rect):
    return tuple(round(v, 3) for v in (rect.x, rect.y, rect.w, rect.h))


def test_the_papers_example():
    # Bruls et al.'s figure: 6, 6, 4, 3, 2, 2, 1 in a 6 x 4 rectangle (area 24 = the sum).
    # Row 1 along the short side (4): [6, 6] a column 3 wide (adding 4 would worsen it).
    # Left 3 x 4: a row at the top: [4, 3] 7/3 high (ratios 1.36, 1.81; adding 2 -> 4.5).
    # Left 3 x 1.667: a column [2] 1.2 wide ([2, 2] -> 2.88 > 1.39). Left 1.8 x 1.667:
    # [2] again 1.2 wide ([2, 1] -> 3.24). Left 0.6 x 1.667: [1].
    rects = squarify([6, 6, 4, 3, 2, 2, 1], Rect(0, 0, 6, 4))
    assert [_r(r) for r in rects] == [
        (0, 0, 3, 2),
        (0, 2, 3, 2),
        (3, 0, 1.714, 2.333),
        (4.714, 0, 1.286, 2.333),
        (3, 2.333, 1.2, 1.667),
        (4.2, 2.333, 1.2, 1.667),
        (5.4, 2.333, 0.6, 1.667),
    ]
    assert sum(r.w * r.h for r in rects) == pytest.approx(24)


def test_zero_sizes_get_no_rectangle_and_order_is_kept():
    rects = squarify([1, 0, 3], Rect(0, 0, 4, 1))
    assert rects[1] is None
    assert _r(rects[2]) == (0, 0, 3, 1) and _r(rects[0]) == (3, 0, 1, 1)


def test_nested_folders_hold_their_files():
    tiles = nested({"a/x.py": 2, "a/y.py": 2, "b.py": 4}, Rect(0, 0, 8, 1), inset=0)
    by_path = {t.path: t for t in tiles}
    assert set(by_path) == {"a", "a/x.py", "a/y.py", "b.py"}
    assert not by_path["a"].leaf and by_path["b.py"].leaf
    # top level: a (4) and b.py (4) split 8 x 1 into halves; a's files split its half
    assert _r(by_path["a"].rect) == (0, 0, 4, 1) and _r(by_path["b.py"].rect) == (4, 0, 4, 1)
    assert _r(by_path["a/x.py"].rect) == (0, 0, 2, 1) and by_path["a/x.py"].depth == 1


def test_holders_and_map_data():
    sides = [Side.INTERNAL, Side.PARTNER, Side.OTHER]
    assert [holder(a, sides) for a in ({0}, {1}, {0, 1}, {2}, set())] == [
        "internal",
        "partner",
        "both",
        "other",
        "nobody",
    ]
    authors = {"a.py": {0}, "b.py": {1}, "c.bin": {0, 1}}
    kmap = knowledge_map(authors, sides, {"a.py": 10, "b.py": 30, "c.bin": 0}, limit=2)
    # binary c.bin (0 lines) counts 1; the 2 largest kept
    assert [(f.path, f.size, f.holder) for f in kmap.files] == [("b.py", 30, "partner"), ("a.py", 10, "internal")]
    assert (kmap.measure, kmap.left_out, kmap.left_out_size) == ("lines", 1, 1)
    quick = knowledge_map(authors, sides, None)
    assert quick.measure == "files" and {f.size for f in quick.files} == {1}


def test_the_svg_is_accessible_and_escaped():
    sides = [Side.INTERNAL, Side.PARTNER]
    kmap = knowledge_map(
        {"src/<a>.py": {0}, "src/b.py": {1}, "c.py": {1}}, sides, {"src/<a>.py": 30, "src/b.py": 10, "c.py": 60}
    )
    svg = knowledge_map_svg(kmap, 300, 200, "m")
    assert svg.startswith("<svg") and 'viewBox="0 0 300 200"' in svg and 'role="img"' in svg
    assert "<title>src/&lt;a&gt;.py · 30 lines · internal</title>" in svg
    assert len(re.findall(r'class="file ', svg)) == 3 and "<script" not in svg
    shares = {r["holder"]: r["share"] for r in holder_shares(kmap)}
    assert shares == {"internal": 0.3, "both": 0.0, "partner": 0.7, "other": 0.0, "nobody": 0.0}
    figure = knowledge_map_figure(kmap.model_dump(mode="json"), 300, 200, "m")
    assert "known by the partner only: at risk · 2 files, 70% of the lines" in figure
    assert knowledge_map_svg({"files": []}) == "" and knowledge_map_figure(None) == ""
