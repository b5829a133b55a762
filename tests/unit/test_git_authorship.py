"""DOA, authorship and truck factor (Avelino et al., ICPC 2016) against hand-worked values."""

from __future__ import annotations

import math

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.authorship import authors_from_doa, doa, truck_factor
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"  # internal
BOB = "Bob Baker <bob@acme.com>"  # internal
PAT = "Pat Partner <pat@partner.io>"  # partner
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def test_doa_formula_matches_the_paper():
    # 3.293 + 1.098*1 + 0.164*1 - 0.321*ln(1+0) = 4.555
    assert doa(True, 1, 0) == pytest.approx(4.555)
    # 3.293 + 0.164*3 - 0.321*ln(3) = 3.785 - 0.35265 = 3.43235
    assert doa(False, 3, 2) == pytest.approx(3.785 - 0.321 * math.log(3))
    assert doa(False, 3, 2) == pytest.approx(3.43235, abs=1e-5)


def test_authors_need_both_thresholds():
    # normalised 3.3/4.0 = 0.825 > 0.75 and 3.3 >= 3.293: author
    # 3.0/4.0 = 0.75 is not *above* 0.75: not an author
    assert authors_from_doa({1: 4.0, 2: 3.3, 3: 3.0}) == {1, 2}
    # 3.2 is normalised 1.0 but below the absolute 3.293: nobody authors the file
    assert authors_from_doa({1: 3.2}) == frozenset()


def test_truck_factor_greedy_removal():
    # four files; 1 authors files 0,1,2; 2 authors 2,3; 3 authors 3.
    # remove 1 (3 files): files 0,1 orphaned -> 2 of 4 covered, 2*2 >= 4 keep going;
    # remove 2 (2 files): file 2 orphaned, file 3 still has 3 -> 1 covered < half: stop.
    value, removed = truck_factor([{1}, {1}, {1, 2}, {2, 3}])
    assert (value, removed) == (2, [1, 2])
    assert truck_factor([]) == (0, [])
    # nobody authors anything: already more than half orphaned
    assert truck_factor([set(), set(), {1}]) == (0, [])


@pytest.fixture(scope="module")
def team_repo(tmp_path_factory):
    repo = GitRepoBuilder(tmp_path_factory.mktemp("team") / "repo")
    repo.commit(ANN, "2023-01-02", {"app/a.py": lines(10, "a")})
    repo.commit(PAT, "2023-01-03", {"model/b.py": lines(4, "b"), "model/c.py": lines(3, "c")})
    repo.commit(BOB, "2023-01-04", {"app/a.py": lines(11, "a"), "app/d.py": lines(2, "d")})
    repo.commit(BOB, "2023-01-05", {"app/a.py": lines(12, "a")})
    repo.commit(BOB, "2023-01-06", {"app/a.py": lines(13, "a")})
    repo.commit(PAT, "2023-01-07", {"app/a.py": lines(14, "a"), "model/b.py": lines(5, "b")})
    repo.commit(PAT, "2023-01-08", {"model/b.py": lines(6, "b")})
    repo.commit(ANN, "2023-01-09", {"model/b.py": lines(7, "b"), "README.md": "docs\n"})
    return repo


def test_authorship_and_truck_factor_by_hand(team_repo):
    report = scan_repository(team_repo.path, ScanOptions(rules=RULES)).report
    # app/a.py: Ann created it (FA=1, DL=1), Bob changed it 3 times, Pat once: 5 changes.
    #   Ann 3.293+1.098+0.164-0.321*ln(1+4) = 4.0384      (normalised 1.0)
    #   Bob 3.293+0.164*3-0.321*ln(1+2)     = 3.4324      (0.850 > 0.75: author)
    #   Pat 3.293+0.164-0.321*ln(1+4)       = 2.9404      (below 3.293)
    # model/b.py: Pat created it and changed it twice (DL=3), Ann once.
    #   Pat 3.293+1.098+0.164*3-0.321*ln(1+1) = 4.6605 ; Ann 3.457-0.321*ln(1+3) = 3.0120
    # model/c.py: Pat alone (4.555). app/d.py: Bob alone (4.555). README.md is documentation.
    by_id = {i.id: i for i in report.identities}
    assert by_id["ann@acme.com"].files_authored == 1
    assert by_id["bob@acme.com"].files_authored == 2
    assert by_id["pat@partner.io"].files_authored == 2
    # greedy: Bob and Pat both author 2 files (tie broken by id: bob first); removing Bob
    # orphans d.py (3 of 4 covered), removing Pat orphans b.py and c.py (1 of 4): TF = 2
    assert report.truck_factor.value == 2
    assert report.truck_factor.authors == ("bob@acme.com", "pat@partner.io")
    off = report.offboarding
    assert (off.files, off.orphaned_files, off.orphaned_share) == (4, 2, 0.5)
    assert off.orphaned_lines == 7 + 3  # b.py has 7 lines at REV, c.py 3
    assert [(d.path, d.files, d.orphaned_files) for d in off.by_directory] == [("model", 2, 2)]
    assert by_id["pat@partner.io"].side.value == "partner"
    assert by_id["ann@acme.com"].commits == 2


def test_documentation_counts_only_when_asked(team_repo):
    from inhouse.analysis.git import FileFilter

    report = scan_repository(team_repo.path, ScanOptions(rules=RULES, files=FileFilter(docs=True))).report
    assert report.offboarding.files == 5  # README.md now counts (and Ann authors it)
