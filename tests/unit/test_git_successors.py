"""Successors of orphaned files, ranked from related knowledge, on a real repository by hand."""

from __future__ import annotations

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.successors import COCHANGE_LIMIT, Neighbourhood, rank
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


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
    # p1: Ann changed it once (DL=1, AC=2: 3.104 < 3.293, no author): touch 2, and she authors
    #     core's a1 and a2, 2 of its 4 files: folder 0.5 -> 2.5. Bob: nothing near it.
    # p2: Ann folder 0.5; Bob: p2 changed with p1 and w1 (Pat, 01-01) and b1 (Pat, 01-04): of
    #     these 3 co-changed files Bob authors b1: co-change 1/3.
    # w1: Bob authors b1, 1 of web's 2 files: folder 0.5 (its co-changed p1 and p2 are Pat's alone).
    assert found == {
        "core/p1.py": [("ann@acme.com", 2.5)],
        "core/p2.py": [("ann@acme.com", 0.5), ("bob@acme.com", 0.3333)],
        "web/w1.py": [("bob@acme.com", 0.5)],
    }


def test_reviewed_by_trailers_count_for_successors(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2023-01-01", {"core/p1.py": lines(5, "p1")})
    repo.commit(ANN, "2023-01-02", {"core/a1.py": lines(5, "a1")})
    reviewed = "change p1\n\nWhy it changed.\n\nReviewed-by: Bob Baker <bob@acme.com>\n"
    repo.commit(PAT, "2023-01-03", {"core/p1.py": lines(6, "p1")}, message=reviewed)
    repo.commit(PAT, "2023-01-04", {"core/p1.py": lines(7, "p1")}, message=reviewed)
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    found = {f.path: [(s.identity, s.score) for s in f.successors] for f in report.successors}
    # p1, Pat's alone: Bob reviewed 2 of its changes (REVIEW 1.0 each: 2.0); Ann authors a1, 1 of
    # core's 2 files (folder 0.5); Bob, not yet an identity of any file, is ranked by his reviews
    assert found == {"core/p1.py": [("bob@acme.com", 2.0), ("ann@acme.com", 0.5)]}


def test_reviews_hook_and_ties():
    hood = Neighbourhood({"a/f.py": {9}, "a/g.py": {1}, "a/h.py": {2}}, {})
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
    assert Neighbourhood(authors, days).scores("a/f.py", {1, 2}) == {1: 1.0}  # day 11: 31 files, skipped
    small = {"a/f.py": {(9, 11)}, **{p: {(9, 11)} for p in sweep[:3]}, "c/g.py": {(9, 11)}}
    assert Neighbourhood(authors, small).scores("a/f.py", {1, 2}) == pytest.approx({1: 0.25, 2: 0.75})
