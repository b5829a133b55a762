"""Line ownership at REV from git blame, counted as git-fame counts."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from inhouse.analysis.git import FileFilter, ScanOptions, SideRules, scan_repository
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = GitRepoBuilder(tmp_path_factory.mktemp("blame") / "r")
    repo.commit(
        PAT,
        "2023-01-02",
        {"src/a.py": lines(10), "notes.md": lines(4, "n"), "blank.txt": "\n\n", "logo.bin": b"\x00\x01" * 10},
    )
    repo.commit(ANN, "2023-01-03", {"src/a.py": lines(10) + lines(5, "ann")})  # +5 lines
    repo.commit(ANN, "2023-01-04", {"src/b.py": lines(3, "b")})
    repo.commit(PAT, "2023-01-05", rename={"src/b.py": "src/c.py"})  # blame keeps Ann's lines
    return repo


def test_blame_counts_by_hand(repo):
    report = scan_repository(repo.path, ScanOptions(rules=RULES, blame=True, jobs=2)).report
    # counted source files: src/a.py (Pat 10, Ann 5) and src/c.py (Ann 3)
    assert [(o.identity, o.side.value, o.lines) for o in report.ownership] == [
        ("pat@partner.io", "partner", 10),
        ("ann@acme.com", "internal", 8),
    ]
    assert "ownership" in report.model_dump(mode="json")
    assert "ownership" not in scan_repository(repo.path, ScanOptions()).report.model_dump(mode="json")


def test_blame_equals_git_fame(repo):
    # every text file with a non-empty line: a.py, c.py and notes.md (blank.txt and the
    # binary are skipped, as git-fame skips them): Pat 10 + 4, Ann 8
    report = scan_repository(repo.path, ScanOptions(blame=True, files=FileFilter.everything())).report
    ours = {(o.identity.split("@")[0]): o.lines for o in report.ownership}
    assert ours == {"pat": 14, "ann": 8}
    if importlib.util.find_spec("gitfame") is None:  # in the test extra: CI must run this comparison
        (pytest.fail if os.environ.get("CI") else pytest.skip)("git-fame is not installed (pip install -e '.[test]')")
    out = subprocess.run(
        [sys.executable, "-m", "gitfame", "--format=json", "-s", "--loc=surv", str(repo.path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fame = {row[0]: row[1] for row in json.loads(out)["data"]}
    assert fame == {"Pat Partner": 14, "Ann Archer": 8}
    assert {i.names[0]: ours[i.id.split("@")[0]] for i in report.identities} == fame


def _fame(path, rev: str = "HEAD") -> dict[str, int]:
    if importlib.util.find_spec("gitfame") is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)("git-fame is not installed (pip install -e '.[test]')")
    out = subprocess.run(
        [sys.executable, "-m", "gitfame", "--format=json", "-s", "--loc=surv", f"--branch={rev}", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {row[0]: row[1] for row in json.loads(out)["data"] if row[1]}


OLD_ANN = "Ann Old <ann@old.example>"


@pytest.fixture
def mapped(tmp_path):
    """A history whose .mailmap, added late, maps an old address to a name found in no commit."""
    repo = GitRepoBuilder(tmp_path / "mapped")
    repo.commit(PAT, "2023-01-02", {"a.py": lines(10)})
    repo.commit(OLD_ANN, "2023-01-03", {"a.py": lines(10) + lines(5, "ann")})
    repo.commit(ANN, "2023-01-04", {"b.py": lines(3, "b")})
    repo.commit(PAT, "2023-01-05", {"c.py": lines(4, "c")})  # HEAD~3
    repo.commit(ANN, "2023-01-06", {".mailmap": "Ann Canonical <ann@canon.example> <ann@old.example>\n"})
    repo.commit(PAT, "2023-01-07", {"c.py": lines(4, "c") + lines(2, "late")})
    repo.commit(ANN, "2023-01-08", {"b.py": lines(3, "b") + lines(1, "more")})
    return repo


def test_blame_at_an_older_revision_uses_that_revisions_mailmap(mapped):
    """At HEAD~3 there is no .mailmap yet: the old address is its own identity, as a direct count
    says; git blame would have applied the working tree's .mailmap and named someone no commit has."""
    options = ScanOptions(rev="HEAD~3", blame=True, files=FileFilter.everything(), heuristics=False)
    report = scan_repository(mapped.path, options).report
    assert {o.identity: o.lines for o in report.ownership} == {
        "pat@partner.io": 14,
        "ann@old.example": 5,
        "ann@acme.com": 3,
    }


def test_blame_at_head_maps_with_the_mailmap_as_git_fame(mapped):
    report = scan_repository(mapped.path, ScanOptions(blame=True, files=FileFilter.everything())).report
    ours = {i.names[0]: 0 for i in report.identities}
    for row in report.ownership:
        ident = next(i for i in report.identities if i.id == row.identity)
        ours[ident.names[0]] = row.lines
    assert {k: v for k, v in ours.items() if v} == _fame(mapped.path)
    # and at HEAD~3 git-fame agrees on the lines (it names people by HEAD's .mailmap)
    older = scan_repository(mapped.path, ScanOptions(rev="HEAD~3", blame=True, files=FileFilter.everything()))
    assert sorted(o.lines for o in older.report.ownership) == sorted(_fame(mapped.path, "HEAD~3").values())


def test_blame_credits_a_conflict_resolution_to_who_merged(tmp_path):
    repo = GitRepoBuilder(tmp_path / "conflict")
    base = lines(5)
    repo.commit(PAT, "2023-01-02", {"a.py": base})
    repo.branch("feature")
    repo.commit(ANN, "2023-01-03", {"a.py": base.replace("line 2\n", "ann's line 2\n")})
    repo.checkout("main")
    repo.commit(PAT, "2023-01-04", {"a.py": base.replace("line 2\n", "pat's line 2\n")})
    merger = "Mo Merger <mo@acme.com>"  # merges, never commits otherwise
    repo.merge_resolving("feature", merger, "2023-01-05", {"a.py": base.replace("line 2\n", "both\nagreed\n")})
    report = scan_repository(repo.path, ScanOptions(blame=True, rules=RULES, files=FileFilter.everything())).report
    assert [(o.identity, o.side.value, o.lines) for o in report.ownership] == [
        ("pat@partner.io", "partner", 4),
        ("mo@acme.com", "internal", 2),
    ]
    assert _fame(repo.path) == {"Pat Partner": 4, "Mo Merger": 2}
