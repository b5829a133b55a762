"""The plan measure (files known inside), low-activity periods and the weighted forecast with its band,
worked out by hand on a generated repository."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.trajectory import low_activity_threshold, weighted_slope
from inhouse.domain.knowledge import Forecast, PeriodShare
from inhouse.domain.plans import DependencyPlan
from tests.gitrepo import GitRepoBuilder, as_stored, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
OPTIONS = ScanOptions(
    rules=SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",)),
    start=date(2021, 1, 1),
    period="quarter",
    plan=DependencyPlan((0.3, 0.6, 0.9)),
)


def test_weighted_slope_by_hand():
    # unweighted through (0, 0), (1, 0.5), (2, 0.6): mean x 1, mean y 0.36667, Sxy 0.6, Sxx 2 -> 0.3;
    # residuals -0.06667, 0.13333, -0.06667: sum of squares 0.026667 / (3 - 2) / 2 -> SE 0.11547
    slope, stderr = weighted_slope([0, 1, 2], [0, 0.5, 0.6], [1, 1, 1]) or (None, None)
    assert (slope, stderr) == (pytest.approx(0.3), pytest.approx(0.11547, abs=1e-5))
    # the same weights scaled alike change nothing
    assert weighted_slope([0, 1, 2], [0, 0.5, 0.6], [7, 7, 7]) == pytest.approx((slope, stderr))
    # a weightless point says nothing: the line through the other two, with no error from two points
    assert weighted_slope([0, 1, 2], [0, 0.5, 0.6], [1, 1, 0]) == (0.5, None)
    # weight on the last two points pulls the slope towards theirs (0.1)
    heavy = weighted_slope([0, 1, 2], [0, 0.5, 0.6], [1, 100, 100])
    assert heavy is not None and heavy[0] < 0.12
    assert weighted_slope([1, 1], [0, 1], [1, 1]) is None and weighted_slope([1], [0], [1]) is None


def test_low_activity_threshold():
    # at least 3 changes; or a tenth of the median of the busy periods when that is more
    assert low_activity_threshold([0, 0]) == 3
    assert low_activity_threshold([4, 3, 4, 0]) == 3  # median 4 -> 0.4
    assert low_activity_threshold([100, 300, 0, 1]) == 10  # median of 1, 100, 300 is 100 -> 10
    assert low_activity_threshold([100, 300]) == 20  # median 200


def _three_quarters(path):
    repo = GitRepoBuilder(path)
    # 2021-Q1: Pat adds four files -> 4 changes; 0 of 4 files known inside
    repo.commit(PAT, "2021-02-01", {f"p{i}.py": lines(10, f"p{i}") for i in range(1, 5)})
    # 2021-Q2: Ann adds two files, Pat changes p1 (still his: FA, DL 1) -> 3 changes; 2 of 6
    repo.commit(ANN, "2021-04-10", {"a1.py": lines(5, "a1"), "a2.py": lines(5, "a2")})
    repo.commit(PAT, "2021-05-10", {"p1.py": lines(11, "p1")})
    # 2021-Q3: Ann adds four files -> 4 changes; 6 of 10
    repo.commit(ANN, "2021-08-01", {f"a{i}.py": lines(5, f"a{i}") for i in range(3, 7)})
    return repo


def _docs_only_quarter(repo):
    # 2021-Q4: one internal commit to the documentation only: 100% of the commits, no counted change
    repo.commit(ANN, "2021-11-02", {"docs/guide.md": lines(3, "doc")})


def test_files_known_inside_and_a_weighted_forecast_with_its_band(tmp_path):
    repo = _three_quarters(tmp_path / "r")
    _docs_only_quarter(repo)
    report = scan_repository(repo.path, OPTIONS).report
    q1, q2, q3, q4 = report.trajectory
    assert [(q.internal_file_share, q.changes, q.low_activity) for q in report.trajectory] == [
        (0.0, 4, False),
        (0.3333, 3, False),
        (0.6, 4, False),
        (0.6, 0, True),  # the docs-only quarter: nothing counted changed, the files keep their authors
    ]
    assert [q.internal_file_share == q.internal_authorship_share for q in report.trajectory] == [True] * 4
    assert [q.gap for q in report.trajectory] == [-0.3, 0.0333, 0.3, 0.3]  # file share - 0.3 (year 1)
    assert (q4.commits, q4.internal_commit_share) == (1, 1.0)  # the commit share swings to 100%
    forecast = report.forecast
    # the old measure would say "90% already reached" on Q4's one commit; the file share, fitted
    # without the low-activity quarter, does not
    assert forecast.metric == "internal_file_share" and not forecast.already_reached
    assert (forecast.periods_used, forecast.current_share, forecast.current_on) == (3, 0.6, date(2021, 8, 15))
    # midpoints (days from Q3's, 2021-08-15.5): -182, -91.5, 0; weights = changes x 0.5^(age in years):
    # 4 x 0.70795 = 2.8318, 3 x 0.84060 = 2.5218, 4. Weighted means x -79.769, y 0.34645;
    # Sxx 55395.0, Sxy 181.59 -> 0.0032781 a day = 1.1973 a year.
    # residuals -0.01133, 0.02530, -0.00794: sum w r^2 0.0022299 / (3 - 2) / Sxx -> SE 2.0064e-4 a day
    # = 0.0733 a year
    assert forecast.pace_per_year == pytest.approx(1.1973, abs=2e-4)
    assert forecast.pace_stderr == pytest.approx(0.0733, abs=2e-4)
    # 0.3 to go from 2021-08-15: at 1.1973 -> 91.5 days (2021-11-15); at 1.2706 -> 86.2 days
    # (2021-11-09); at 1.1240 -> 97.5 days (2021-11-20)
    assert abs((forecast.reached_on - date(2021, 11, 15)).days) <= 1
    assert abs((forecast.earliest_on - date(2021, 11, 9)).days) <= 1
    assert abs((forecast.latest_on - date(2021, 11, 20)).days) <= 1
    assert forecast.earliest_on < forecast.reached_on < forecast.latest_on


def test_incremental_rescan_gives_the_full_trajectory(tmp_path):
    repo = _three_quarters(tmp_path / "r")
    first = scan_repository(repo.path, OPTIONS)
    _docs_only_quarter(repo)
    repo.commit(PAT, "2022-01-05", {"p2.py": lines(12, "p2"), "a1.py": lines(6, "a1")})
    state = as_stored(first.state)
    again = scan_repository(repo.path, OPTIONS, previous=state)
    full = scan_repository(repo.path, OPTIONS)
    assert again.report.incremental
    assert again.report.trajectory == full.report.trajectory and again.report.forecast == full.report.forecast
    # 2022-Q1: two changes -> low activity; the share stays 6 of 10 (Ann keeps a1: FA, Pat DL 1)
    assert (full.report.trajectory[-1].changes, full.report.trajectory[-1].low_activity) == (2, True)
    # sums stored before ``changes`` existed are summed anew, to the same result
    old = as_stored(first.state)
    old["trajectory"].pop("changes")
    assert scan_repository(repo.path, OPTIONS, previous=old).report.trajectory == full.report.trajectory


def test_payloads_stored_before_read_back():
    old = {
        "period": "year 1",
        "start": "2021-01-01",
        "end": "2021-12-31",
        "commits": 4,
        "internal_commit_share": 0.25,
        "internal_line_share": None,
        "internal_authorship_share": 0.5,
        "plan_internal_share": 0.3,
        "gap": -0.05,
    }
    share = PeriodShare.model_validate(old)
    assert (share.internal_file_share, share.changes, share.low_activity) == (None, 0, False)
    assert share.model_dump(mode="json") == old  # written out as it was stored
    forecast = Forecast.model_validate({"final_share": 0.9, "current_share": 0.4, "pace_per_year": 0.2})
    assert forecast.metric == "internal_commit_share" and forecast.earliest_on is None
    assert "pace_stderr" not in forecast.model_dump(mode="json")
    # a share of 0.0 is a measured value, written out
    assert PeriodShare.model_validate({**old, "internal_file_share": 0.0}).model_dump()["internal_file_share"] == 0.0
