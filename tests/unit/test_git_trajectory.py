"""Internal share per period beside the plan, the gap and the forecast."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.trajectory import make_periods
from inhouse.domain.plans import DependencyPlan
from inhouse.errors import InvalidInput
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
BOT = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def test_calendar_periods():
    months = make_periods("month", date(2023, 1, 31), date(2023, 3, 1), date(2023, 1, 1))
    assert [(p.label, p.start, p.end) for p in months] == [
        ("2023-01", date(2023, 1, 1), date(2023, 1, 31)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2023-03", date(2023, 3, 1), date(2023, 3, 31)),
    ]
    quarters = make_periods("quarter", date(2023, 11, 5), date(2024, 1, 2), date(2023, 1, 1))
    assert [(p.label, p.end, p.year) for p in quarters] == [
        ("2023-Q4", date(2023, 12, 31), 1),
        ("2024-Q1", date(2024, 3, 31), 2),
    ]
    years = make_periods("year", date(2022, 6, 1), date(2023, 1, 1), date(2022, 6, 1))
    assert [p.label for p in years] == ["2022", "2023"]


def test_engagement_years_with_work_before_the_start():
    periods = make_periods("engagement-year", date(2020, 12, 1), date(2022, 3, 1), date(2021, 3, 15))
    assert [(p.label, p.start, p.end, p.year) for p in periods] == [
        ("before start", date(2020, 12, 1), date(2021, 3, 14), 0),
        ("year 1", date(2021, 3, 15), date(2022, 3, 14), 1),
    ]
    with pytest.raises(InvalidInput):
        make_periods("week", date(2021, 1, 1), date(2021, 2, 1), date(2021, 1, 1))


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    repo = GitRepoBuilder(tmp_path_factory.mktemp("traj") / "repo")
    repo.commit(PAT, "2021-02-01", {"m.py": lines(10)})  # +10 partner
    repo.commit(PAT, "2021-03-01", {"m.py": lines(12)})  # +2 partner
    repo.commit(PAT, "2021-04-01", {"n.py": lines(4, "n")})  # +4 partner
    repo.commit(ANN, "2021-05-01", {"a.py": lines(4, "a")})  # +4 internal
    repo.commit(ANN, "2022-02-01", {"m.py": lines(13)})  # +1 internal
    repo.commit(ANN, "2022-03-01", {"m.py": lines(14)})  # +1 internal
    repo.commit(ANN, "2022-04-01", {"m.py": lines(15)})  # +1 internal
    repo.commit(PAT, "2022-05-01", {"n.py": None})  # -4 partner
    repo.commit(BOT, "2022-06-01", {"a.py": lines(5, "a")})  # a bot: left out everywhere
    return repo


def test_engagement_years_against_the_plan(two_years):
    options = ScanOptions(rules=RULES, start=date(2021, 1, 1), plan=DependencyPlan((0.3, 0.6, 0.9)))
    report = scan_repository(two_years.path, options).report
    y1, y2 = report.trajectory
    assert (y1.period, y1.start, y1.end) == ("year 1", date(2021, 1, 1), date(2021, 12, 31))
    # year 1: commits 1 internal of 4; lines 4 internal of 10+2+4+4 = 20
    assert (y1.commits, y1.internal_commit_share, y1.internal_line_share) == (4, 0.25, 0.2)
    # authorship at 2021-12-31: m.py and n.py by Pat, a.py by Ann -> 1 of 3 files
    assert y1.internal_authorship_share == pytest.approx(0.3333)
    # the gap is on the plan measure, the file share: 0.3333 - 0.3
    assert (y1.internal_file_share, y1.plan_internal_share, y1.gap) == (0.3333, 0.3, 0.0333)
    # changes: m.py added and changed, n.py added, a.py added -> 4
    assert (y1.changes, y1.low_activity) == (4, False)
    # year 2: commits 3 of 4 (the bot left out); lines 3 internal of 3 + 4 deleted = 7
    assert (y2.commits, y2.internal_commit_share, y2.internal_line_share) == (4, 0.75, 0.4286)
    # m.py at 2022-12-31: Pat FA, DL=1 (the creation is no delivery), AC=3 -> 4.1100;
    # Ann DL=3, AC=1 -> 3.5625 (normalised 0.867 > 0.75)
    # so Ann co-authors m.py; n.py is deleted; a.py is Ann's: 2 of 2 files
    assert y2.internal_authorship_share == y2.internal_file_share == 1.0
    assert (y2.plan_internal_share, y2.gap) == (0.6, 0.4)
    # changes: m.py 3 deliveries, n.py deleted (the bot's a.py left out) -> 4
    assert (y2.changes, y2.low_activity) == (4, False)
    # two points fix the line whatever the weights: (1.0 - 0.3333) over the 365 days between
    # the year midpoints = 0.6672 per year; no standard error from two points.
    # 1.0 >= 0.9: reached, at the end of year 2
    forecast = report.forecast
    assert forecast.metric == "internal_file_share"
    assert forecast.pace_per_year == pytest.approx(0.6672, abs=1e-4)
    assert (forecast.pace_stderr, forecast.periods_used, forecast.current_share) == (None, 2, 1.0)
    assert forecast.already_reached and forecast.reached_on == date(2022, 12, 31)
    assert [b.id for b in report.bots] == ["49699333+dependabot[bot]@users.noreply.github.com"]
    assert all("dependabot" not in i.id for i in report.identities)


def test_monthly_periods_include_empty_months(two_years):
    report = scan_repository(two_years.path, ScanOptions(rules=RULES, period="quarter")).report
    labels = [p.period for p in report.trajectory]
    assert labels[0] == "2021-Q1" and labels[-1] == "2022-Q2" and len(labels) == 6
    empty = report.trajectory[2]  # 2021-Q3: nobody committed
    assert (empty.commits, empty.internal_commit_share) == (0, None)
    # no engagement: the playbook plan counted from the first commit (2021-02-01)
    assert report.trajectory[0].plan_internal_share == 0.3
    assert report.trajectory[-1].plan_internal_share == 0.6


def test_quick_mode_has_no_line_share(two_years):
    report = scan_repository(two_years.path, ScanOptions(rules=RULES, quick=True, start=date(2021, 1, 1))).report
    assert report.mode == "quick"
    assert [p.internal_line_share for p in report.trajectory] == [None, None]
    assert [p.internal_commit_share for p in report.trajectory] == [0.25, 0.75]


def test_authorship_share_uses_the_same_doa_as_the_report(tmp_path):
    # Pat creates p.py, Ann changes it once: Pat FA, DL=0, AC=1 -> 4.1685; Ann DL=1 -> 3.4570
    # (normalised 0.829): Ann co-authors it, in the trajectory as in the report.
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2021-02-01", {"p.py": lines(10)})
    repo.commit(ANN, "2021-03-01", {"p.py": lines(11)})
    report = scan_repository(repo.path, ScanOptions(rules=RULES, start=date(2021, 1, 1))).report
    assert {i.id: i.files_authored for i in report.identities} == {"ann@acme.com": 1, "pat@partner.io": 1}
    assert report.trajectory[-1].internal_authorship_share == 1.0


def test_the_insiders_check_agrees_with_doa_authorship_over_everyone():
    """trajectory._has_internal_author against authors_from_doa over every identity, on generated cases."""
    import random

    from inhouse.analysis.git.authorship import authors_from_doa, doa
    from inhouse.analysis.git.trajectory import _has_internal_author

    rng = random.Random(2016)
    n, agreed = 8, 0
    for _ in range(3000):
        people = rng.randint(1, 6)
        running = {i: rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 40]) for i in range(people)}
        added_at = {i: rng.randint(0, n) for i in range(people) if rng.random() < 0.4}
        insiders = [i for i in range(people) if rng.random() < 0.5]
        k = rng.randint(0, n - 1)
        total = sum(running.values())
        doas = {
            i: doa(added_at.get(i, n) <= k, d, total - d) for i, d in running.items() if d or added_at.get(i, n) <= k
        }
        expected = any(i in insiders for i in authors_from_doa(doas))
        assert _has_internal_author(running, added_at, insiders, k, n) == expected
        agreed += expected
    assert 300 < agreed < 2700  # both answers were seen many times
