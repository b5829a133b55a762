"""An incremental rescan gives exactly the full scan's result, and rewritten history is detected."""

from __future__ import annotations

import base64
import tempfile
from datetime import date

import pytest

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository, scanner
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.mining import EarlyLog
from inhouse.errors import InvalidInput
from tests.gitrepo import GitRepoBuilder, as_stored, comparable, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
OPTIONS = ScanOptions(
    rules=SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",)),
    start=date(2022, 1, 1),
    period="quarter",
)


@pytest.fixture
def repo(tmp_path):
    repo = GitRepoBuilder(tmp_path / "r")
    repo.commit(PAT, "2022-01-10", {"m/train.py": lines(40), "m/data.py": lines(10, "d")})
    repo.commit(PAT, "2022-02-10", {"m/train.py": lines(45)})
    repo.branch("early")  # a branch started before the first scan, merged after it
    repo.commit(BOB, "2022-02-20", {"m/data.py": lines(12, "d"), "m/eval.py": lines(8, "e")})
    repo.checkout("main")
    repo.commit(ANN, "2022-03-10", {"app/api.py": lines(20, "api")})
    return repo


def test_incremental_equals_full(repo):
    first = scan_repository(repo.path, OPTIONS)
    assert (first.report.scanned_commits, first.report.incremental) == (3, False)
    # new work: a rename, the early branch merged, more commits on both sides
    repo.commit(ANN, "2022-04-10", rename={"m/train.py": "model/train.py"})
    repo.commit(ANN, "2022-05-10", {"model/train.py": lines(47), "app/api.py": lines(21, "api")})
    repo.merge("early", PAT, "2022-06-01")
    repo.commit(PAT, "2022-07-10", {"m/data.py": None, "app/api.py": lines(22, "api")})
    state = as_stored(first.state)
    again = scan_repository(repo.path, OPTIONS, previous=state)
    full = scan_repository(repo.path, OPTIONS)
    assert again.report.incremental and not full.report.incremental
    assert again.report.scanned_commits == 5  # Bob's branch commit, 3 new on main, the merge
    assert full.report.scanned_commits == 8
    assert comparable(again.report) == comparable(full.report)
    # and with blame, periods by month, other sides: the stored facts do not depend on them
    other = ScanOptions(period="month", blame=True)
    assert comparable(scan_repository(repo.path, other, previous=state).report) == comparable(
        scan_repository(repo.path, other).report
    )


def test_nothing_new_scans_nothing(repo):
    first = scan_repository(repo.path, OPTIONS)
    again = scan_repository(repo.path, OPTIONS, previous=first.state)
    assert again.report.scanned_commits == 0
    assert comparable(again.report) == comparable(first.report)


def test_rewritten_history_is_detected_and_rescanned(repo):
    first = scan_repository(repo.path, OPTIONS)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.commit(ANN, "2022-03-11", {"app/other.py": lines(3)}, message="rewritten")
    again = scan_repository(repo.path, OPTIONS, previous=first.state)
    assert not again.report.incremental
    assert any("rewritten" in w for w in again.report.warnings)
    assert comparable(again.report) == comparable(scan_repository(repo.path, OPTIONS).report)


def test_mode_change_and_foreign_state_rescan_fully(repo):
    first = scan_repository(repo.path, OPTIONS)
    quick = scan_repository(repo.path, ScanOptions(quick=True), previous=first.state)
    assert not quick.report.incremental and any("quick" in w for w in quick.report.warnings)
    odd = scan_repository(repo.path, OPTIONS, previous={"version": -1})
    assert not odd.report.incremental and any("another version" in w for w in odd.report.warnings)


def test_parallel_mining_equals_one_pass(repo):
    """A long history is mined as consecutive ranges by concurrent git processes."""
    from inhouse.analysis.git.gitcmd import GitRepo
    from inhouse.analysis.git.history import History
    from inhouse.analysis.git.mining import iter_commits, mine
    from inhouse.analysis.git.scanner import analyse

    repo.commit(ANN, "2022-04-10", rename={"m/train.py": "model/train.py"})
    repo.merge("early", PAT, "2022-06-01")
    repo.commit(PAT, "2022-07-10", {"m/data.py": None})
    git = GitRepo.open(repo.path)
    head = git.resolve("HEAD")

    def report(commits) -> dict:
        history = History()
        for commit in commits:
            history.add(commit)
        history.head = head
        return analyse(git, history, head, OPTIONS, []).model_dump(mode="json")

    split = list(mine(git, head, workers=3, split_above=1))
    assert sorted(c.sha for c in split) == sorted(c.sha for c in iter_commits(git, head))
    assert report(split) == report(iter_commits(git, head))


def test_state_survives_the_store_encoding(tmp_path):
    import os

    from inhouse.store.knowledge import pack, unpack

    odd = GitRepoBuilder(tmp_path / "odd")
    odd.commit(ANN, "2022-01-10", {os.fsdecode(b"caf\xe9.py"): lines(3)})
    first = scan_repository(odd.path, OPTIONS)
    odd.commit(PAT, "2022-02-10", {os.fsdecode(b"caf\xe9.py"): lines(4)})
    again = scan_repository(odd.path, OPTIONS, previous=unpack(pack(first.state)))
    assert again.report.incremental
    assert comparable(again.report) == comparable(scan_repository(odd.path, OPTIONS).report)


def test_incremental_equals_full_when_a_file_is_added_again(repo):
    """A file deleted before the stored scan and added again after it keeps one history."""
    repo.commit(PAT, "2022-03-20", {"m/eval.py": lines(3, "e"), "app/api.py": None})
    first = scan_repository(repo.path, OPTIONS)
    repo.commit(BOB, "2022-04-10", {"app/api.py": lines(5, "new")})
    repo.commit(BOB, "2022-05-10", {"app/api.py": lines(6, "new")})
    state = as_stored(first.state)
    assert not any(f[6] for f in state["files"])  # nothing added twice yet (f[6]: the re-additions)
    again = scan_repository(repo.path, OPTIONS, previous=state)
    full = scan_repository(repo.path, OPTIONS)
    assert again.report.incremental
    assert comparable(again.report) == comparable(full.report)
    assert any(f[6] for f in full.state["files"])  # app/api.py: Ann's, then Bob's addition
    authored = {i.id: i.files_authored for i in full.report.identities}
    assert authored["ann@acme.com"] == 1 and authored["bob@acme.com"] >= 1


def test_a_state_of_the_previous_format_is_read_and_rescanned_incrementally(repo):
    """A version-4 state (each file's numbers apart) still reads."""
    from inhouse.analysis.git.history import _pack_ints, _unpack_ints

    first = scan_repository(repo.path, OPTIONS)
    state = as_stored(first.state)
    ints, at, files = _unpack_ints(state.pop("ints")), 0, []
    for path, creator, created, deleted, *sizes in state["files"]:
        parts = []
        for size in sizes:
            parts.append(base64.b64encode(_pack_ints(ints[at : at + size])).decode("ascii"))
            at += size
        files.append([path, creator, created, deleted, *parts])
    old = {**state, "version": 4, "files": files}
    repo.commit(ANN, "2022-04-10", {"app/api.py": lines(25, "api")})
    again = scan_repository(repo.path, OPTIONS, previous=old)
    assert again.report.incremental and again.report.scanned_commits == 1
    assert comparable(again.report) == comparable(scan_repository(repo.path, OPTIONS).report)


def test_a_version_5_state_with_its_numbers_as_base64_text_still_reads(repo):
    """Version 5 as first stored kept the packed numbers as base64 text inside the JSON."""
    first = scan_repository(repo.path, OPTIONS)
    state = as_stored(first.state)
    assert isinstance(state["ints"], bytes)
    old = {**state, "ints": base64.b64encode(state["ints"]).decode("ascii")}
    repo.commit(ANN, "2022-04-10", {"app/api.py": lines(25, "api")})
    again = scan_repository(repo.path, OPTIONS, previous=old)
    assert again.report.incremental and again.report.scanned_commits == 1
    assert comparable(again.report) == comparable(scan_repository(repo.path, OPTIONS).report)


def _stored_apart(state):
    """The facts (read on demand) and the kept report, as the store hands them to a rescan."""
    stored = as_stored(state)
    kept = {key: stored.get(key) for key in ("version", "head", "mode", "boundaries", "report")}
    facts = {key: value for key, value in stored.items() if key != "report"}
    asked = []

    def read():
        asked.append(True)
        return facts

    return read, kept, asked


def test_a_rescan_starts_git_on_the_new_commits_while_it_reads_the_facts(repo, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    first = scan_repository(repo.path, OPTIONS)
    repo.commit(ANN, "2022-04-10", rename={"m/train.py": "model/train.py"})
    repo.merge("early", PAT, "2022-06-01")
    full = comparable(scan_repository(repo.path, OPTIONS).report)
    read, kept, asked = _stored_apart(first.state)
    heard = []

    def not_mined_again(*_args, **_kwargs):
        raise AssertionError("the new commits were mined again instead of read from the early log")

    monkeypatch.setattr(scanner, "mine", not_mined_again)
    again = scan_repository(
        repo.path,
        OPTIONS,
        previous=read,
        kept=kept,
        progress=lambda stage, done, total: heard.append((stage, done, total)),
    )
    assert asked and again.report.incremental and again.report.scanned_commits == 3
    assert comparable(again.report) == full
    assert ("mining", 3, 3) in heard
    assert list((tmp_path / "tmp").iterdir()) == []  # the early log's file is gone


def test_an_early_log_is_left_when_the_history_was_rewritten_or_the_head_is_unknown(repo):
    first = scan_repository(repo.path, OPTIONS)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.commit(ANN, "2022-03-11", {"app/other.py": lines(3)}, message="rewritten")
    full = comparable(scan_repository(repo.path, OPTIONS).report)
    read, kept, _ = _stored_apart(first.state)
    again = scan_repository(repo.path, OPTIONS, previous=read, kept=kept)
    assert not again.report.incremental and any("rewritten" in w for w in again.report.warnings)
    assert comparable(again.report) == full
    for head in ("0" * 40, "--output=/tmp/x", "HEAD~1"):  # not in the repository; not a commit id at all
        read, kept, _ = _stored_apart({**first.state, "head": head})
        odd = scan_repository(repo.path, OPTIONS, previous=read, kept=kept)
        assert not odd.report.incremental and comparable(odd.report) == full


def test_an_early_log_that_is_not_used_leaves_no_git_running(repo):
    first = scan_repository(repo.path, OPTIONS)
    repo.commit(ANN, "2022-04-10", {"app/api.py": lines(25, "api")})
    read, kept, _ = _stored_apart(first.state)
    with EarlyLog(GitRepo.open(repo.path), "full", repo.head(), kept["head"]) as early:
        assert early.is_ancestor()
        processes = [early._check, early._log]
    assert all(p.returncode is not None for p in processes)
    with pytest.raises(InvalidInput):
        EarlyLog(GitRepo.open(repo.path), "full", repo.head(), "HEAD")
