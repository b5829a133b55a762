"""Risk per folder and the off-boarding split, on a real generated repository, worked out by hand."""

from __future__ import annotations

import json

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git.folders import folder_risk, folders_of
from inhouse.domain.common import Side
from inhouse.domain.knowledge import ScanResult
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
OSC = "Oscar Other <oscar@third.org>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def _files(prefix: str, names: str) -> dict[str, str]:
    return {f"{prefix}{n}.py": lines(5, f"{prefix}{n}") for n in names.split()}


@pytest.fixture(scope="module")
def folder_repo(tmp_path_factory):
    # every file has one author (its creator: DOA 4.391, nobody else touched it)
    repo = GitRepoBuilder(tmp_path_factory.mktemp("folders") / "repo")
    repo.commit(ANN, "2023-01-02", {**_files("core/", "a1 a2 a3"), **_files("tiny/", "t1 t2")})
    repo.commit(PAT, "2023-01-03", {**_files("core/", "p1 p2 p3"), **_files("web/", "w1 w2 w3")})
    repo.commit(BOB, "2023-01-04", _files("core/sub/", "s1 s2 s3 s4 s5"))
    repo.commit(OSC, "2023-01-05", _files("web/", "o1 o2"))
    return repo


def test_folders_above_a_path():
    assert folders_of("a/b/c.py") == ["a", "a/b"]
    assert folders_of("top.py") == []


def test_risk_of_every_folder_by_hand(folder_repo):
    report = scan_repository(folder_repo.path, ScanOptions(rules=RULES)).report
    rows = {f.path: f for f in report.folders}
    # tiny/ has 2 counted files, under the 5 a folder needs: not reported; listed by path
    assert list(rows) == ["core", "core/sub", "web"]
    # core: 11 files (Ann 3, Pat 3, Bob 5). Greedy: Bob out leaves 6 of 11 covered (not under
    # half), then Ann and Pat tie at 3 (by id: ann first): 3 of 11 covered -> TF 2.
    # The partner gone, Pat's 3 files have no internal author: 3/11.
    core = rows["core"]
    assert (core.files, core.truck_factor, core.authors) == (11, 2, ("bob@acme.com", "ann@acme.com"))
    assert (core.orphaned_files, core.orphaned_share) == (3, 0.2727)
    sub = rows["core/sub"]
    assert (sub.files, sub.truck_factor, sub.authors, sub.orphaned_files) == (5, 1, ("bob@acme.com",), 0)
    # web: Pat 3, Oscar (a third organisation) 2. Pat out leaves 2 of 5: TF 1; nobody
    # inside knows any of the 5.
    web = rows["web"]
    assert (web.files, web.truck_factor, web.authors) == (5, 1, ("pat@partner.io",))
    assert (web.orphaned_files, web.orphaned_share) == (5, 1.0)


def test_offboarding_sets_third_organisation_files_apart(folder_repo):
    off = scan_repository(folder_repo.path, ScanOptions(rules=RULES)).report.offboarding
    # 18 counted files; orphaned: core's 3 of Pat and web's 5; of them, Oscar's 2 are still
    # known (outside): 6 known by nobody
    assert (off.files, off.orphaned_files, off.unknown_files, off.other_only_files) == (18, 8, 6, 2)


def test_folders_are_in_the_json_and_old_payloads_read_back(folder_repo):
    outcome = scan_repository(folder_repo.path, ScanOptions(rules=RULES))
    data = json.loads(json.dumps(outcome.as_json()))
    assert [f["path"] for f in data["folders"]] == ["core", "core/sub", "web"]
    assert data["offboarding"]["other_only_files"] == 2
    old = {k: v for k, v in data.items() if k != "folders"}
    old["offboarding"] = {k: v for k, v in old["offboarding"].items() if k not in ("unknown_files", "other_only_files")}
    back = ScanResult.model_validate(old)
    assert back.folders == [] and back.offboarding.other_only_files is None
    assert back.model_dump(mode="json") == old


def test_the_cap_keeps_the_largest_folders():
    sides = [Side.INTERNAL, Side.PARTNER]
    authors = {f"big/f{i}.py": {0} for i in range(7)} | {f"small/f{i}.py": {1} for i in range(5)}
    rows = folder_risk(authors, set(authors), sides, ["ann", "pat"], limit=1)
    assert [(r.path, r.files, r.truck_factor, r.orphaned_files) for r in rows] == [("big", 7, 1, 0)]
    both = folder_risk(authors, set(authors), sides, ["ann", "pat"], min_files=6)
    assert [r.path for r in both] == ["big"]
    # a file without history is counted as a file but not in the truck factor
    rows = folder_risk(authors, {p for p in authors if p != "small/f0.py"}, sides, ["ann", "pat"])
    small = [r for r in rows if r.path == "small"][0]
    assert (small.files, small.truck_factor, small.orphaned_files) == (5, 1, 5)


def test_chosen_leavers_by_hand(folder_repo):
    def leave(**kw):
        report = scan_repository(folder_repo.path, ScanOptions(rules=RULES, **kw)).report
        off = report.leavers
        return off.people, off.orphaned_files, off.unknown_files, off.other_only_files, report.warnings

    assert scan_repository(folder_repo.path, ScanOptions(rules=RULES)).report.leavers is None
    # Pat by email: as the whole partner leaving (8 orphaned, Oscar's 2 known outside)
    assert leave(leaves=("PAT@partner.io",))[:4] == (("pat@partner.io",), 8, 6, 2)
    # Bob by name: core/sub's 5 files lose their only author; the 6 of Pat (who stays) and
    # Oscar's 2 never had an internal one but are still known outside
    people, orphaned, unknown, other, _ = leave(leaves=("bob baker",))
    assert (people, orphaned, unknown, other) == (("bob@acme.com",), 13, 5, 8)
    # the history ends on 2023-01-05; Pat's last commit is 2 days before it, Ann's 3 (internal: stays)
    assert leave(inactive_days=2)[:4] == (("pat@partner.io",), 8, 6, 2)
    assert leave(inactive_days=3)[:4] == ((), 8, 0, 8)  # nobody leaves: 8 known outside only
    *_, warnings = leave(leaves=("nobody@x.org",))
    assert "no identity matches the leavers nobody@x.org" in warnings
    rule = scan_repository(folder_repo.path, ScanOptions(rules=RULES, inactive_days=3)).report.leavers.rule
    assert rule == "partner people inactive for 3 days or more before the last commit"
