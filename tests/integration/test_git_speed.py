"""The scan's speed work keeps its results: a partial clone is mined once, a rescan with nothing
new reuses the stored report, progress never passes its total, ranges cover the history."""

from __future__ import annotations

import os
import subprocess
from datetime import date

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git import mining as mining_mod
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.mining import first_parents, iter_commits, mine
from tests.gitrepo import GitRepoBuilder, as_stored, comparable, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))
OPTIONS = ScanOptions(rules=RULES, start=date(2023, 1, 1), period="month")


def _clone(source, target, *args):
    subprocess.run(
        ["git", "clone", "-q", *args, f"file://{source}", str(target)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
    )


@pytest.fixture
def repo(tmp_path):
    """Two sides, a merged branch, exact renames only (so a blobless clone can follow them)."""
    repo = GitRepoBuilder(tmp_path / "src")
    repo.commit(PAT, "2023-01-02", {"a.py": lines(20), "b.py": lines(5, "b")})
    repo.commit(PAT, "2023-01-20", rename={"a.py": "core/a.py"})
    repo.branch("side")
    repo.commit(ANN, "2023-02-04", {"core/a.py": lines(22), "c.py": lines(4, "c")})
    repo.checkout("side")
    repo.commit(BOB, "2023-02-10", {"d.py": lines(7, "d")})
    repo.checkout("main")
    repo.merge("side", ANN, "2023-03-01")
    repo.commit(ANN, "2023-04-05", {"b.py": lines(6, "b"), "e.py": lines(3, "e")})
    repo.commit(PAT, "2023-05-05", {"c.py": None, "core/a.py": lines(25)})
    return repo


def _counting(monkeypatch) -> list[str]:
    """The mining modes of every ``git log`` pass the scan makes."""
    passes: list[str] = []
    real = mining_mod.iter_commits

    def counted(repo, rev, *, mode="full", exclude=None):
        passes.append(mode)
        return real(repo, rev, mode=mode, exclude=exclude)

    monkeypatch.setattr(mining_mod, "iter_commits", counted)
    return passes


def test_a_blobless_clone_is_mined_once_and_scans_like_a_full_clone(tmp_path, repo, monkeypatch):
    repo.git("config", "uploadpack.allowFilter", "true")
    _clone(repo.path, tmp_path / "full", "--no-checkout")
    _clone(repo.path, tmp_path / "partial", "--filter=blob:none", "--no-checkout")
    passes = _counting(monkeypatch)
    partial = scan_repository(tmp_path / "partial", OPTIONS).report
    assert passes == ["exact"]  # detected first: one pass, reading no blob
    assert partial.mode == "exact" and any("partial clone" in w for w in partial.warnings)
    full = scan_repository(tmp_path / "full", ScanOptions(rules=RULES, start=OPTIONS.start, period="month", quick=True))
    assert full.report.mode == "quick"
    for key in ("identities", "truck_factor", "offboarding", "trajectory", "commits", "merges", "forecast"):
        assert getattr(partial, key) == getattr(full.report, key), key


def test_a_clone_borrowing_a_partial_clones_objects_is_partial(tmp_path, repo):
    repo.git("config", "uploadpack.allowFilter", "true")
    _clone(repo.path, tmp_path / "partial", "--filter=blob:none", "--bare")
    subprocess.run(  # a local clone borrowing the objects (info/alternates), as a mirror's copy does
        ["git", "clone", "-q", "--bare", "--shared", str(tmp_path / "partial"), str(tmp_path / "borrower")],
        check=True,
        capture_output=True,
    )
    assert GitRepo.open(tmp_path / "borrower").partial
    assert not GitRepo.open(repo.path).partial


def test_a_promisor_remote_marks_a_partial_clone(tmp_path, repo):
    _clone(repo.path, tmp_path / "plain", "--bare")
    subprocess.run(["git", "-C", str(tmp_path / "plain"), "config", "remote.origin.promisor", "true"], check=True)
    assert GitRepo.open(tmp_path / "plain").partial


def test_a_rescan_with_nothing_new_reuses_the_stored_report(repo, monkeypatch):
    first = scan_repository(repo.path, OPTIONS)
    state = as_stored(first.state)
    passes = _counting(monkeypatch)
    again = scan_repository(repo.path, OPTIONS, previous=state)
    assert again.reused and passes == []  # nothing mined, nothing analysed
    assert again.state is state
    assert (again.report.scanned_commits, again.report.incremental) == (0, True)
    assert comparable(again.report) == comparable(first.report)
    assert again.report.warnings == first.report.warnings
    # other options: analysed again from the stored facts, as a fresh scan would
    other = ScanOptions(rules=RULES, period="quarter", blame=True)
    changed = scan_repository(repo.path, other, previous=state)
    assert not changed.reused and passes == ["full"]
    assert comparable(changed.report) == comparable(scan_repository(repo.path, other).report)
    # a new commit: mined incrementally, and the result of a full scan
    repo.commit(BOB, "2023-06-01", {"e.py": lines(4, "e")})
    newer = scan_repository(repo.path, OPTIONS, previous=state)
    assert not newer.reused and newer.report.scanned_commits == 1
    assert comparable(newer.report) == comparable(scan_repository(repo.path, OPTIONS).report)


def test_a_stored_report_of_another_shape_is_analysed_again(repo):
    first = scan_repository(repo.path, OPTIONS)
    state = as_stored(first.state)
    state["report"]["result"] = {"repo": 3}
    again = scan_repository(repo.path, OPTIONS, previous=state)
    assert not again.reused
    assert comparable(again.report) == comparable(first.report)


def test_progress_never_passes_its_total(repo):
    seen: list[tuple[str, int, int]] = []
    report = scan_repository(repo.path, ScanOptions(blame=True), progress=lambda *a: seen.append(a)).report
    assert seen and all(0 <= done <= total for _, done, total in seen)
    mining = [s for s in seen if s[0] == "mining"]
    assert mining[-1][1:] == (report.commits, report.commits)  # merges counted on both sides
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == ["mining", "analysis", "blame"]
    analysis = [done for stage, done, _ in seen if stage == "analysis"]
    assert analysis == sorted(analysis) and analysis[-1] == seen[[s[0] for s in seen].index("analysis")][2]


def test_ranges_mined_concurrently_cover_the_history_once(repo):
    opened = GitRepo.open(repo.path)
    head = opened.resolve("HEAD")
    reports: list[tuple[int, int]] = []
    split = list(mine(opened, head, workers=3, split_above=2, progress=lambda d, t: reports.append((d, t))))
    whole = list(iter_commits(opened, head))
    quiet = list(mine(opened, head, workers=3, split_above=2))  # no progress: the cheaper chain
    assert [c.sha for c in quiet] == [c.sha for c in split]
    assert sorted(c.sha for c in split) == sorted(c.sha for c in whole)
    assert len(split) == len(whole)
    assert reports[-1] == (len(whole), len(whole))
    chain, total = first_parents(opened, head)
    listed = subprocess.run(
        ["git", "-C", str(repo.path), "rev-list", "--first-parent", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    assert chain == listed and total == len(whole)


@pytest.mark.parametrize(
    "who",
    [PAT, "Ann Archer <ann@home.example>", "Zoe Zed <zoe@acme.com>"],
    ids=["known", "an-identity-grows", "a-new-person"],
)
def test_the_trajectory_folds_only_the_changed_files_and_equals_a_full_scan(repo, who):
    first = scan_repository(repo.path, OPTIONS)
    state = as_stored(first.state)
    assert state["trajectory"]["people"] == 3
    # new commits within the last period: a change, a rename, a deletion, a new file
    repo.commit(who, "2023-05-10", {"core/a.py": lines(26), "f.py": lines(2, "f")})
    repo.commit(who, "2023-05-12", {"d.py": None}, rename={"b.py": "lib/b.py"})
    again = scan_repository(repo.path, OPTIONS, previous=state)
    assert again.report.incremental and again.report.scanned_commits == 2
    full = scan_repository(repo.path, OPTIONS)
    assert comparable(again.report) == comparable(full.report)
    assert again.state["trajectory"] == full.state["trajectory"]
