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
