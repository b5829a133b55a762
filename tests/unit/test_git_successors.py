"""Successors of orphaned files, ranked from related knowledge, on a real repository by hand."""

from __future__ import annotations

from array import array

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.history import FileRecord
from inhouse.analysis.git.successors import (
    COCHANGE_LIMIT,
    RECENT_HALF_LIFE_DAYS,
    Neighbourhood,
    Weights,
    file_facts,
    neighbourhood_of,
    rank,
    successors_of,
)
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))
#: The knowledge terms alone, weighted as before the recent terms were added.
BEFORE = Weights(touch=2, folder=1, cochange=1, review=1, recent_file=0, recent_folder=0, recent_near=0, active=0)


def d(age: int) -> float:
    """A change day's weight ``age`` days before the last one (half-life 365 days)."""
    return 2 ** (-age / RECENT_HALF_LIFE_DAYS)


def test_successors_by_hand(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2023-01-01", {"core/p1.py": lines(5, "p1"), "core/p2.py": lines(5, "p2"), "web/w1.py": lines(5)})
    repo.commit(ANN, "2023-01-02", {"core/a1.py": lines(5, "a1"), "core/a2.py": lines(5, "a2")})
    repo.commit(BOB, "2023-01-03", {"web/b1.py": lines(5, "b1")})
    repo.commit(PAT, "2023-01-04", {"core/p2.py": lines(6, "p2"), "web/b1.py": lines(6, "b1")})
    repo.commit(PAT, "2023-01-05", {"core/p1.py": lines(6, "p1")})
    repo.commit(PAT, "2023-01-06", {"core/p1.py": lines(7, "p1")})
    repo.commit(ANN, "2023-01-07", {"core/p1.py": lines(8, "p1")})
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    found = {f.path: [(s.identity, s.score) for s in f.successors] for f in report.successors}
    # orphaned: p1, p2, w1 (b1 has Bob: FA=1, AC=1 -> 4.1685; Pat DL=1 -> 3.457, both author it).
    # Aged to 01-07 (half-life 365): score = 2 x recent_near + active (the other terms weigh 0).
    # active: each one's share of the aged commit days: Pat 01-01, 04, 05, 06; Ann 01-02, 07; Bob 01-03.
    total = d(6) + d(3) + d(2) + d(1) + d(5) + d(0) + d(4)
    ann, bob = (d(5) + d(0)) / total, d(4) / total
    # p1: changed with p2 and w1 (Pat, 01-01), alone on its other days; their change days are all
    #     Pat's, so neither Ann nor Bob has a recent_near share: active alone.
    # p2: changed with p1, w1 (Pat, 01-01) and b1 (Pat, 01-04). Their change days: p1 Pat 01-01,
    #     05, 06, Ann 01-07; w1 Pat 01-01; b1 Bob 01-03, Pat 01-04.
    near = d(6) + d(2) + d(1) + d(0) + d(6) + d(4) + d(3)
    # w1: changed with p1 and p2 (Pat, 01-01): p1 Pat 01-01, 05, 06, Ann 01-07; p2 Pat 01-01, 04.
    near_w1 = d(6) + d(2) + d(1) + d(0) + d(6) + d(3)
    assert found == {
        "core/p1.py": [("ann@acme.com", round(ann, 4)), ("bob@acme.com", round(bob, 4))],
        "core/p2.py": [
            ("ann@acme.com", round(2 * d(0) / near + ann, 4)),
            ("bob@acme.com", round(2 * d(4) / near + bob, 4)),
        ],
        "web/w1.py": [("ann@acme.com", round(2 * d(0) / near_w1 + ann, 4)), ("bob@acme.com", round(bob, 4))],
    }


def test_knowledge_terms_by_hand():
    """The measured but unweighted terms, on the history above as facts: touches, folder and
    co-change shares (weights 2, 1, 1 as they were before the recent terms)."""
    ann, bob, pat = 1, 2, 3
    authors = {"core/p1.py": {pat}, "core/p2.py": {pat}, "core/a1.py": {ann}, "core/a2.py": {ann}}
    authors |= {"web/w1.py": {pat}, "web/b1.py": {bob, pat}}
    days = {"core/p1.py": {(pat, 1), (pat, 5), (pat, 6), (ann, 7)}, "core/p2.py": {(pat, 1), (pat, 4)}}
    days |= {"web/w1.py": {(pat, 1)}, "web/b1.py": {(bob, 3), (pat, 4)}, "core/a1.py": {(ann, 2)}}
    hood = Neighbourhood(authors, days, weights=BEFORE)
    # p1: Ann changed it once (touch 2) and authors 2 of core's 4 files (folder 0.5)
    assert hood.scores("core/p1.py", {ann, bob}, {pat: 3, ann: 1}) == pytest.approx({ann: 2.5})
    # p2: Ann folder 0.5; of the 3 files changed with it (p1, w1 on day 1, b1 on day 4) Bob authors b1
    assert hood.scores("core/p2.py", {ann, bob}, {pat: 2}) == pytest.approx({ann: 0.5, bob: 1 / 3})
    # w1: Bob authors 1 of web's 2 files (its co-changed p1 and p2 are Pat's alone)
    assert hood.scores("web/w1.py", {ann, bob}, {pat: 1}) == pytest.approx({bob: 0.5})


def test_recent_terms_by_hand():
    # a/f.py: identity 1 changed it on day 90, with a/g.py (2's) on day 90; identity 2 changed
    # a/g.py on day 0 and a/h.py on day 100. Aged to day 100, half-life 100 days.
    days = {"a/f.py": {(9, 0), (1, 90)}, "a/g.py": {(2, 0), (1, 90)}, "a/h.py": {(2, 100)}}
    authors = {"a/f.py": {9}, "a/g.py": {2}, "a/h.py": {2}}
    activity = {(1, 90): 1, (2, 0): 2, (2, 100): 1, (9, 0): 1}
    hood = Neighbourhood(authors, days, today=100, weights=Weights(half_life_days=100), activity=activity)
    terms = hood.terms("a/f.py")
    age = {0: 0.5, 90: 2**-0.1, 100: 1.0}  # by day: 100, 10 and 0 days old
    assert terms["recent_file"] == pytest.approx({9: 0.5, 1: age[90]})
    folder = 0.5 + age[90] + 0.5 + age[90] + 1.0  # every change day of a/
    assert terms["recent_folder"] == pytest.approx({9: 0.5 / folder, 1: 2 * age[90] / folder, 2: 1.5 / folder})
    # changed together with f: g (identity 1, day 90); g's change days: 2 on day 0, 1 on day 90
    assert terms["recent_near"] == pytest.approx({2: 0.5 / (0.5 + age[90]), 1: age[90] / (0.5 + age[90])})
    active = 2 * 0.5 + 1.0 + age[90] + 0.5
    assert terms["active"] == pytest.approx({1: age[90] / active, 2: 2.0 / active, 9: 0.5 / active})
    # with the default weights: 2 x recent_near + active (9 authors f: left out)
    assert hood.scores("a/f.py", {1, 2, 9}) == pytest.approx(
        {1: 2 * terms["recent_near"][1] + terms["active"][1], 2: 2 * terms["recent_near"][2] + terms["active"][2]}
    )


def test_the_neighbourhood_of_a_few_files_ranks_as_the_whole_one():
    """successors_of reads the changes of the orphaned files' neighbours only; the ranking is the
    one a neighbourhood of every file gives."""
    every = Weights(touch=2, folder=1, cochange=1, recent_file=1, recent_folder=1, recent_near=1, active=1)
    plan = {  # path -> (person, day) changes; owner maps people 0..3 to identities 0..3
        "a/f.py": [(0, 1), (1, 5), (0, 9)],
        "a/g.py": [(1, 1), (2, 5)],
        "b/h.py": [(0, 9), (3, 3)],
        "b/k.py": [(3, 2), (2, 4)],
        "c/m.py": [(2, 7)],
        "c/n.py": [(3, 8), (1, 9)],
    }
    records = {
        p: FileRecord(path=p, changes=array("q", [v for a, b in cs for v in (a, b, 1, 0)])) for p, cs in plan.items()
    }
    authors = {"a/f.py": {0}, "a/g.py": {1}, "b/h.py": {3}, "b/k.py": {3}, "c/m.py": {2}, "c/n.py": {3}}
    owner, ids = [0, 1, 2, 3], ["i0", "i1", "i2", "i3"]
    commit_days = {(person, day): 1 for cs in plan.values() for person, day in cs}
    orphaned = ["a/f.py", "c/m.py"]
    got = successors_of(
        orphaned, authors, records, owner, (), [0, 1, 2, 3], ids, today=10, commit_days=commit_days, weights=every
    )
    facts = {p: file_facts(r, owner) for p, r in records.items()}
    whole = Neighbourhood(authors, {p: f[0] for p, f in facts.items()}, today=10, weights=every, activity=commit_days)
    expected = [
        [(ids[i], round(s, 4)) for i, s in rank(whole.scores(p, [0, 1, 2, 3], facts[p][1]), lambda i: ids[i])]
        for p in orphaned
    ]
    assert [[(s.identity, s.score) for s in f.successors] for f in got] == expected
    assert all(expected)
    # read for a few candidates only, the recent terms keep their shares of everyone's days
    focused = successors_of(
        orphaned, authors, records, owner, (), [1, 2], ids, today=10, commit_days=commit_days, weights=every
    )
    expected_focused = [
        [(ids[i], round(s, 4)) for i, s in rank(whole.scores(p, [1, 2], facts[p][1]), lambda i: ids[i])]
        for p in orphaned
    ]
    assert [[(s.identity, s.score) for s in f.successors] for f in focused] == expected_focused
    assert any(expected_focused) and expected_focused != expected
    hood, _ = neighbourhood_of(["c/m.py"], authors, records, owner, (), today=10, weights=Weights())
    assert set(hood.days) == {"c/m.py"}  # nobody else changed a file on (2, 7); recent_folder weighs 0


def test_reviews_hook_and_ties():
    hood = Neighbourhood({"a/f.py": {9}, "a/g.py": {1}, "a/h.py": {2}}, {}, weights=BEFORE)
    scores = hood.scores("a/f.py", {1, 2, 9}, reviews={2: 1})
    # 9 already authors f; 1 and 2 each author 1 of a/'s 3 files, and 2 reviewed one of f's changes
    assert scores == pytest.approx({1: 1 / 3, 2: 4 / 3})
    assert rank({1: 1.0, 2: 1.0, 3: 0.0}, lambda i: -i) == [(2, 1.0), (1, 1.0)]


def test_cochange_skips_sweeping_days():
    """A day on which one person changed more than COCHANGE_LIMIT files says nothing about f's
    neighbours; the files of a small day share their authors' knowledge in proportion."""
    sweep = [f"b/s{i}.py" for i in range(COCHANGE_LIMIT)]
    authors = {"a/f.py": {9}, "c/g.py": {1}, **{p: {2} for p in sweep}}
    days = {"a/f.py": {(9, 10), (9, 11)}, "c/g.py": {(9, 10)}, **{p: {(9, 11)} for p in sweep}}
    assert Neighbourhood(authors, days, weights=BEFORE).scores("a/f.py", {1, 2}) == {
        1: 1.0
    }  # day 11: 31 files, skipped
    small = {"a/f.py": {(9, 11)}, **{p: {(9, 11)} for p in sweep[:3]}, "c/g.py": {(9, 11)}}
    assert Neighbourhood(authors, small, weights=BEFORE).scores("a/f.py", {1, 2}) == pytest.approx({1: 0.25, 2: 0.75})
