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


def test_the_creating_commit_is_first_authorship_not_a_delivery(tmp_path):
    # Ann creates f.py, Pat changes it once. As in the authors' tool, the creation gives
    # Ann FA=1 and is not one of her deliveries:
    #   Ann 3.293+1.098-0.321*ln(1+1) = 4.1685 ; Pat 3.293+0.164 = 3.4570 (normalised 0.829)
    # so both author it. (Were the creation a delivery too, Ann would have 4.3325 and Pat
    # 3.2345, below 3.293: Pat would not.)
    assert doa(True, 0, 1) == pytest.approx(4.1685, abs=1e-4)
    assert doa(False, 1, 0) == pytest.approx(3.457)
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"f.py": lines(10)})
    repo.commit(PAT, "2023-01-03", {"f.py": lines(11)})
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    assert {i.id: i.files_authored for i in report.identities} == {"ann@acme.com": 1, "pat@partner.io": 1}


def test_a_file_added_again_keeps_its_history(tmp_path):
    # g.py: Ann creates it and changes it twice, Pat deletes it, Bob adds it again and
    # changes it once. The path keeps one history (the tool reads a path's history and
    # ignores deletions); both adders have FA=1, and only the changes are deliveries:
    #   Ann FA, DL=2, AC=1: 3.293+1.098+0.328-0.321*ln(2) = 4.4965
    #   Bob FA, DL=1, AC=2: 3.293+1.098+0.164-0.321*ln(3) = 4.2024 (normalised 0.935)
    # Were the re-added file a new one, Bob would be its only author.
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"g.py": lines(10)})
    repo.commit(ANN, "2023-01-03", {"g.py": lines(11)})
    repo.commit(ANN, "2023-01-04", {"g.py": lines(12)})
    repo.commit(PAT, "2023-01-05", {"g.py": None})
    repo.commit(BOB, "2023-01-06", {"g.py": lines(5, "new")})
    repo.commit(BOB, "2023-01-07", {"g.py": lines(6, "new")})
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    authored = {i.id: i.files_authored for i in report.identities}
    assert authored == {"ann@acme.com": 1, "bob@acme.com": 1, "pat@partner.io": 0}
    assert report.truck_factor.value == 2  # one file, two authors: both must leave to orphan it


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
    # app/a.py: Ann created it (FA=1; the creating commit is no delivery: DL=0), then Bob
    # changed it 3 times and Pat once: 4 deliveries.
    #   Ann 3.293+1.098-0.321*ln(1+4)       = 3.8744      (normalised 1.0)
    #   Bob 3.293+0.164*3-0.321*ln(1+1)     = 3.5625      (0.920 > 0.75: author)
    #   Pat 3.293+0.164-0.321*ln(1+3)       = 3.0120      (below 3.293)
    # model/b.py: Pat created it and changed it twice (DL=2), Ann once.
    #   Pat 3.293+1.098+0.164*2-0.321*ln(1+1) = 4.4965 ; Ann 3.457-0.321*ln(1+2) = 3.1043
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


def test_files_without_history_are_left_out_of_the_truck_factor(tmp_path):
    # c.py arrives only in a merge commit (as a subtree merge brings files in): no commit
    # added or changed it, so, as in the authors' tool, it is not one of the truck
    # factor's files. a.py is Ann's, b.py Pat's: both must leave before more than half
    # of the two files are orphaned, TF = 2 (with c.py counted as an orphan it would be 1).
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"a.py": lines(5, "a")})
    repo.branch("side")
    repo.commit(PAT, "2023-01-03", {"b.py": lines(5, "b")})
    repo.checkout("main")
    repo.commit(ANN, "2023-01-04", {"a.py": lines(6, "a")})
    env = GitRepoBuilder._who_env(ANN, "2023-01-05")
    repo.git("merge", "-q", "--no-ff", "--no-commit", "side", env=env)
    (repo.path / "c.py").write_text(lines(5, "c"))
    repo.git("add", "c.py")
    repo.git("commit", "-q", "--no-edit", env=env)
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    assert report.truck_factor.value == 2
    assert report.offboarding.files == 3  # the off-boarding report still lists c.py
