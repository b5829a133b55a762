"""Successors of orphaned files, ranked from related knowledge, on a real repository by hand."""

from __future__ import annotations

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.successors import Neighbourhood, rank
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
    #     core's a1 and a2: folder 2 -> 4. Bob: nothing near it.
    # p2: Ann folder 2; Bob: p2 changed by Pat on 01-04 with b1, which Bob authors: co-change 1.
    # w1: Bob authors b1 in web: folder 1 (its co-changed p1 and p2 are Pat's alone).
    assert found == {
        "core/p1.py": [("ann@acme.com", 4.0)],
        "core/p2.py": [("ann@acme.com", 2.0), ("bob@acme.com", 1.0)],
        "web/w1.py": [("bob@acme.com", 1.0)],
    }


def test_reviews_hook_and_ties():
    hood = Neighbourhood({"a/f.py": {9}, "a/g.py": {1}, "a/h.py": {2}}, {})
    scores = hood.scores("a/f.py", {1, 2, 9}, reviews={2: 1})
    assert scores == {1: 1.0, 2: 2.0}  # 9 already authors f; 2 reviewed one of its changes
    assert rank({1: 1.0, 2: 1.0, 3: 0.0}, lambda i: -i) == [(2, 1.0), (1, 1.0)]
