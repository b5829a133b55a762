"""The trajectory chart: the three shares, the plan, the forecast band and the low-activity periods."""

from __future__ import annotations

import re

from inhouse.domain.knowledge import Forecast
from inhouse.report.charts import share_chart


def _point(period, start, end, file_share, commit_share, low=False, changes=10):
    return {
        "period": period,
        "start": start,
        "end": end,
        "commits": 1,
        "internal_share": commit_share,
        "internal_line_share": None,
        "plan": 0.3,
        "gap": None,
        "internal_file_share": file_share,
        "changes": changes,
        "low_activity": low,
    }


POINTS = [
    _point("2021-Q1", "2021-01-01", "2021-03-31", 0.2, 0.4),
    _point("2021-Q2", "2021-04-01", "2021-06-30", 0.3, 0.5),
    _point("2021-Q3", "2021-07-01", "2021-09-30", 0.3, 1.0, low=True, changes=1),
    _point("2021-Q4", "2021-10-01", "2021-12-31", 0.4, 0.6),
]
FORECAST = Forecast(
    metric="internal_file_share",
    final_share=0.9,
    current_share=0.4,
    current_on="2021-11-15",
    pace_per_year=0.4,
    pace_stderr=0.1,
    reached_on="2023-02-14",
    earliest_on="2022-09-01",
    latest_on="2023-10-01",
    periods_used=3,
)


def _path(svg, css):
    found = re.search(rf'<path d="([^"]*)"[^>]*class="{css}"', svg)
    return found.group(1) if found else None


def test_low_activity_is_shaded_and_left_out_of_the_lines():
    svg = share_chart(POINTS, forecast=FORECAST.model_dump(mode="json"))
    assert svg.count('class="low-activity"') == 1 and "2021-Q3: low activity (1 changes)" in svg
    # the lines join the three active quarters only (M + 2 L), the low quarter's marks are hollow
    assert _path(svg, "share-line").count("L") == 2 and _path(svg, "commit-line").count("L") == 2
    assert svg.count('fill="#ffffff"') == 2  # the file and commit marks of 2021-Q3
    assert "commits 100% (low activity)" in svg
    # the forecast and its band start at the latest point, in the two slots after the periods
    assert 'class="forecast-line"' in svg and _path(svg, "forecast-band").endswith("Z")
    assert "pace +0.40 ± 0.10 a year" in svg and "final 90%" in svg


def test_the_shape_itself_works_and_a_phone_gets_two_legend_rows():
    svg = share_chart(POINTS, 360, 240, "phone", forecast=FORECAST)
    assert 'id="phone"' in svg and 'class="forecast-band"' in svg
    rows = set(re.findall(r'<text x="[\d.]+" y="([\d.]+)" font-size="10"', svg))  # the legend's labels
    assert rows == {"216", "232"}  # two rows, the last 8 px above the bottom of the 240 px chart


def test_scans_stored_before_draw_the_commit_share_without_a_forecast():
    old = [{k: v for k, v in p.items() if k not in ("internal_file_share", "changes", "low_activity")} for p in POINTS]
    svg = share_chart(old)
    assert _path(svg, "share-line") is None and _path(svg, "commit-line").count("L") == 3
    assert "forecast-line" not in svg and "low-activity" not in svg
    # already reached: no projection
    reached = FORECAST.model_copy(update={"already_reached": True})
    assert "forecast-line" not in share_chart(POINTS, forecast=reached)
