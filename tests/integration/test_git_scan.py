"""The git analyzer on real repositories: renames, merges, odd bytes, odd repositories, errors."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from inhouse.analysis.git import FileFilter, ScanOptions, SideRules, parse_alias, scan_repository
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.mining import iter_commits
from inhouse.domain.common import Side
from inhouse.errors import AnalyzerError, NotFound
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def _files_authored(report):
    return {i.id: i.files_authored for i in report.identities}


def test_renames_are_followed(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"old/name.py": lines(30)})
    repo.commit(PAT, "2023-01-03", rename={"old/name.py": "new/name.py"})
    repo.commit(PAT, "2023-01-04", {"new/name.py": lines(31)})
    repo.commit(PAT, "2023-01-05", {"new/name.py": lines(32)})
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    # new/name.py keeps its history: Ann created it (FA=1, DL=0, AC=3) -> 3.9460;
    # Pat renamed and changed it (DL=3, AC=0) -> 3.7850, normalised 0.959: both author it.
    # Without following the rename, Pat would be its only author.
    assert _files_authored(report) == {"ann@acme.com": 1, "pat@partner.io": 1}
    assert report.offboarding.orphaned_files == 0


def test_merges_count_once(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"a.py": lines(5)})
    repo.branch("feature")
    repo.commit(PAT, "2023-01-03", {"b.py": lines(7, "b")})
    repo.checkout("main")
    repo.commit(ANN, "2023-01-04", {"a.py": lines(6)})
    repo.merge("feature", ANN, "2023-01-05")
    report = scan_repository(repo.path, ScanOptions(rules=RULES)).report
    assert (report.commits, report.merges) == (4, 1)
    by_id = {i.id: i for i in report.identities}
    assert by_id["ann@acme.com"].commits == 2  # the merge is not authored work
    assert by_id["pat@partner.io"].lines_added == 7  # not 14: the merge adds nothing
    assert by_id["ann@acme.com"].lines_added == 6


def test_binary_non_utf8_and_huge_commits(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    odd_name = os.fsdecode(b"na\xefve.py")  # latin-1 bytes: not UTF-8
    huge = {f"gen/f{i:04d}.py": f"x = {i}\n" for i in range(1500)}
    repo.commit(ANN, "2023-01-02", {"img.bin": b"\x00\x01\x02" * 100, odd_name: "a = 1\n", **huge})
    (repo.path / "msg").write_bytes(b"caf\xe9 latin-1 message\n")
    (repo.path / "img.bin").write_bytes(b"\x00\x09" * 50)
    repo.git("add", "img.bin")
    env = GitRepoBuilder._who_env(ANN, "2023-01-03")
    env["GIT_AUTHOR_NAME"] = os.fsdecode(b"Jos\xe9 Latin")  # latin-1 bytes in the author name
    repo.git("commit", "-q", "-F", "msg", env=env)
    report = scan_repository(repo.path, ScanOptions(rules=RULES, files=FileFilter.everything())).report
    assert report.offboarding.files == 1502
    names = [n for i in report.identities for n in i.names]
    assert any(n.startswith("Jos") for n in names)
    # nobody is internal without side rules: every file is orphaned, the odd name printable
    data = scan_repository(repo.path, ScanOptions(files=FileFilter.everything())).report.model_dump(mode="json")
    top = [d for d in data["offboarding"]["by_directory"] if d["path"] == "."][0]
    assert "na\ufffdve.py" in top["orphaned"]
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # valid UTF-8 all through
    mined = list(iter_commits(GitRepo.open(repo.path), "HEAD"))
    binary = [c for c in mined[1].changes if c.path == "img.bin"][0]
    assert binary.binary and binary.added == 0
    assert odd_name in {c.path for c in mined[0].changes}


def test_aliases_and_mailmap_merge_authors(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit("ann <ann@laptop.local>", "2023-01-02", {"a.py": lines(3)})
    repo.commit("A. Archer <aa@acme.com>", "2023-01-03", {"b.py": lines(3)})
    repo.commit(ANN, "2023-01-04", {".mailmap": "Ann Archer <ann@acme.com> <ann@laptop.local>\n"})
    options = ScanOptions(rules=RULES, aliases=(tuple(parse_alias("aa@acme.com=ann@acme.com")),))
    report = scan_repository(repo.path, options).report
    assert [(i.id, i.commits, i.files_authored) for i in report.identities] == [("ann@acme.com", 3, 2)]
    assert set(report.identities[0].emails) == {"ann@acme.com", "aa@acme.com"}


def test_sides_from_engagement_people(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit("Cleo Contractor <cleo@acme.com>", "2023-01-02", {"a.py": lines(3)})
    rules = SideRules(people={"cleo@acme.com": Side.PARTNER}, internal_domains=("acme.com",))
    report = scan_repository(repo.path, ScanOptions(rules=rules)).report
    assert report.identities[0].side.value == "partner"
    assert report.offboarding.orphaned_files == 1


def test_errors(tmp_path):
    with pytest.raises(NotFound):
        scan_repository(tmp_path / "missing")
    (tmp_path / "plain").mkdir()
    with pytest.raises(AnalyzerError, match="not a git repository"):
        scan_repository(tmp_path / "plain")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(AnalyzerError):
        scan_repository(tmp_path / "file.txt")
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(ANN, "2023-01-02", {"a.py": "x\n"})
    with pytest.raises(NotFound, match="no-such-branch"):
        scan_repository(repo.path, ScanOptions(rev="no-such-branch"))
    with pytest.raises(Exception) as err:
        scan_repository(repo.path, ScanOptions(rev="--output=/tmp/x"))
    assert type(err.value).__name__ == "InvalidInput"


def test_empty_repository(tmp_path):
    repo = GitRepoBuilder(tmp_path / "empty")
    report = scan_repository(repo.path).report
    assert (report.commits, report.truck_factor.value, report.identities) == (0, 0, [])
    assert any("no commits" in w for w in report.warnings)
    with pytest.raises(NotFound):
        scan_repository(repo.path, ScanOptions(rev="main"))


def _clone(source, target, *args):
    subprocess.run(
        ["git", "clone", "-q", *args, f"file://{source}", str(target)],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1"},
    )


@pytest.fixture
def history(tmp_path):
    repo = GitRepoBuilder(tmp_path / "src")
    repo.commit(ANN, "2023-01-02", {"a.py": lines(20), "b.py": lines(5, "b")})
    repo.commit(PAT, "2023-01-03", rename={"a.py": "core/a.py"})
    repo.commit(PAT, "2023-01-04", {"core/a.py": lines(22), "c.py": lines(4, "c")})
    repo.commit(ANN, "2023-01-05", {"b.py": lines(6, "b")})
    return repo


def test_bare_repository_scans_like_its_source(tmp_path, history):
    _clone(history.path, tmp_path / "bare.git", "--bare")
    bare = scan_repository(tmp_path / "bare.git", ScanOptions(rules=RULES)).report.model_dump(mode="json")
    full = scan_repository(history.path, ScanOptions(rules=RULES)).report.model_dump(mode="json")
    for key in ("identities", "truck_factor", "offboarding", "trajectory"):
        assert bare[key] == full[key]


def test_shallow_clone_warns_and_credits_nobody_at_the_cut(tmp_path, history):
    _clone(history.path, tmp_path / "shallow", "--depth", "3")
    report = scan_repository(tmp_path / "shallow", ScanOptions(rules=RULES)).report
    assert any("shallow clone" in w for w in report.warnings)
    # visible: Pat's change of core/a.py and c.py, Ann's change of b.py; the cut commit
    # (Pat's rename) shows every file as "added" but is credited to nobody
    assert report.commits == 3
    assert _files_authored(report) == {"pat@partner.io": 2, "ann@acme.com": 1}


def test_partial_clone_fetches_nothing_and_falls_back_to_exact_renames(tmp_path, history):
    history.git("config", "uploadpack.allowFilter", "true")
    _clone(history.path, tmp_path / "partial", "--filter=blob:none", "--no-checkout")
    partial = tmp_path / "partial"

    def missing() -> int:
        out = subprocess.run(
            ["git", "-C", str(partial), "rev-list", "--objects", "--missing=print", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return sum(1 for line in out.splitlines() if line.startswith("?"))

    before = missing()
    assert before > 0
    report = scan_repository(partial, ScanOptions(rules=RULES)).report
    assert missing() == before  # no blob was fetched
    assert report.mode == "exact"
    assert any("partial clone" in w for w in report.warnings)
    assert report.offboarding.orphaned_lines is None
    # a.py -> core/a.py was an exact rename (same blob): still followed
    full = scan_repository(history.path, ScanOptions(rules=RULES)).report
    assert _files_authored(report) == _files_authored(full)


def test_progress_is_reported(tmp_path, history):
    seen = []
    scan_repository(history.path, ScanOptions(blame=True), progress=lambda *a: seen.append(a))
    assert ("blame", 3, 3) in seen
