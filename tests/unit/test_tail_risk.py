"""Tail risk (Rigby et al., ICSE 2016): the loss distribution over partner people leaving, by hand."""

from __future__ import annotations

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.tail_risk import tail_risk
from inhouse.domain.common import Side
from tests.gitrepo import GitRepoBuilder, lines

SIDES = [Side.PARTNER, Side.PARTNER, Side.INTERNAL]  # A, B, I
AUTHORS = {"f1": {0}, "f2": {0}, "f3": {1}, "f4": {0, 1}, "f5": {2, 0}, "f6": set()}


def test_exact_distribution_by_hand():
    # at stake: f1, f2 (A), f3 (B), f4 (A and B); f5 has an internal author, f6 no author.
    # p = 0.2: nobody .64 -> 0; A .16 -> 2; B .16 -> 1; both .04 -> 4.
    # expected, group by group (a group is lost with p to the power of its size): 2*.2 + 1*.2 + 1*.04
    risk = tail_risk(AUTHORS, SIDES, 0.2)
    assert (risk.files, risk.at_stake, risk.partner_people, risk.method) == (6, 4, 2, "exact")
    assert risk.expected == 0.64
    # sorted: 0 (.64), 1 (.16), 2 (.16), 4 (.04): cumulative .64 .80 .96 -> 95th percentile 2
    assert risk.p95 == 2
    # the worst 5%: .04 at 4 and .01 at 2 -> (0.16 + 0.02) / 0.05 = 3.6
    assert risk.expected_shortfall == 3.6
    # over 3 x 0.64 = 1.92: losing 2 or 4, .16 + .04
    assert risk.over_3x_expected == 0.2
    half = tail_risk(AUTHORS, SIDES, 0.5)  # each subset 1/4: 0, 2, 1, 4
    assert (half.expected, half.p95, half.expected_shortfall, half.over_3x_expected) == (1.75, 4, 4.0, 0.0)


def test_monte_carlo_agrees_and_is_repeatable():
    sampled = tail_risk(AUTHORS, SIDES, 0.2, exact_limit=0)
    assert sampled.method == "monte-carlo" and sampled.samples == 20_000
    assert sampled.expected == 0.64  # always exact
    assert sampled.p95 == 2
    assert sampled.expected_shortfall == pytest.approx(3.6, abs=0.15)
    assert sampled.over_3x_expected == pytest.approx(0.2, abs=0.01)
    assert tail_risk(AUTHORS, SIDES, 0.2, exact_limit=0) == sampled


def test_nothing_at_stake():
    risk = tail_risk({"a": {2}}, SIDES)
    assert (risk.at_stake, risk.expected, risk.p95, risk.over_3x_expected) == (0, 0.0, 0, 0.0)


def test_the_scan_reports_it(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit("Ann <ann@acme.com>", "2023-01-02", {"a.py": lines(3)})
    repo.commit("Pat <pat@partner.io>", "2023-01-03", {"b.py": lines(3, "b"), "c.py": lines(3, "c")})
    rules = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))
    risk = scan_repository(repo.path, ScanOptions(rules=rules)).report.tail_risk
    # Pat alone: 2 files lost with probability 0.2
    assert (risk.at_stake, risk.expected, risk.p95, risk.expected_shortfall, risk.over_3x_expected) == (
        2, 0.4, 2, 2.0, 0.2,
    )  # fmt: skip
