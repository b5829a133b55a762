"""Tail risk (Rigby et al., ICSE 2016): the loss distribution over partner people leaving, by hand."""

from __future__ import annotations

import math
import sys

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git import tail_risk as tail_risk_mod
from inhouse.analysis.git.tail_risk import components, tail_risk
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


def test_people_who_share_no_file_are_components_apart():
    groups = {frozenset({3}): 2, frozenset({1, 5}): 1, frozenset({5, 7}): 4, frozenset({9}): 1}
    assert components(groups) == [
        ([1, 5, 7], [(frozenset({1, 5}), 1), (frozenset({5, 7}), 4)]),
        ([3], [(frozenset({3}), 2)]),
        ([9], [(frozenset({9}), 1)]),
    ]


def _binomial_tail(n: int, p: float) -> tuple[int, float, float]:
    """The 95th percentile, the mean of the worst 5% and P(X > 3 E) of X ~ Binomial(n, p), from math.comb."""
    pmf = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    cumulative, p95, shortfall = 0.0, None, 0.0
    for k, w in enumerate(pmf):
        before, cumulative = cumulative, cumulative + w
        if p95 is None and cumulative >= 0.95:
            p95 = k
        shortfall += (max(cumulative - 0.95, 0.0) - max(before - 0.95, 0.0)) * k
    assert p95 is not None
    return p95, shortfall / 0.05, sum(pmf[k] for k in range(n + 1) if k > 3 * n * p)


def test_many_people_holding_their_own_files_are_exact():
    # 20 partner people, each the only author of one file: more people than the subset limit, but
    # 20 components of one, so the loss is Binomial(20, 0.2), exactly (no sampling)
    sides = [Side.PARTNER] * 20
    risk = tail_risk({f"f{i}": {i} for i in range(20)}, sides, 0.2)
    assert (risk.method, risk.samples, risk.partner_people, risk.at_stake) == ("exact", 0, 20, 20)
    p95, shortfall, over = _binomial_tail(20, 0.2)
    assert (risk.expected, risk.p95) == (4.0, p95) == (4.0, 7)
    assert risk.expected_shortfall == round(shortfall, 4)
    assert risk.over_3x_expected == round(over, 4)


def test_the_plain_distribution_is_the_one_numpy_computes(monkeypatch):
    # six partner people in two linked components and a third alone, files shared in pairs and threes
    sides = [Side.PARTNER] * 6 + [Side.INTERNAL]
    authors = {
        "a": {0}, "b": {0, 1}, "c": {1, 2}, "d": {0, 1, 2}, "e": {3, 4}, "f": {4}, "g": {4},
        "h": {5}, "i": {5, 6}, "j": {2},
    }  # fmt: skip
    for p in (0.2, 0.35, 0.5):
        plain = tail_risk(authors, sides, p)
        monkeypatch.setattr(tail_risk_mod, "PLAIN_BUDGET", 0)
        with_numpy = tail_risk(authors, sides, p)
        monkeypatch.undo()
        assert plain.method == with_numpy.method == "exact"
        assert (plain.p95, plain.at_stake, plain.partner_people) == (with_numpy.p95, 9, 6)
        assert plain.expected == with_numpy.expected
        assert plain.expected_shortfall == pytest.approx(with_numpy.expected_shortfall, abs=1e-4)
        assert plain.over_3x_expected == pytest.approx(with_numpy.over_3x_expected, abs=1e-4)


def test_a_small_distribution_imports_no_numpy(monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)  # importing it would raise
    assert tail_risk(AUTHORS, SIDES, 0.2).p95 == 2


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
