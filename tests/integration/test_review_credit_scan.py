"""Imported reviews reach the scan through the service: a saved GitHub bundle imported for the
engagement's repository, then the repository scanned; figures worked out by hand."""

from __future__ import annotations

import json

from inhouse.bootstrap import Workspace
from inhouse.domain.knowledge import ScanIn
from inhouse.domain.repos import RepoIn
from inhouse.domain.shapes import Upload, validated
from inhouse.services import code_reviews, knowledge, repos
from inhouse.settings import load_settings
from tests import records
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
BOB = "Bob Baker <bob@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"


def _bundle(*reviewers: str) -> Upload:
    pull = {
        "number": 7,
        "user": {"login": "pat"},
        "created_at": "2026-03-31T09:00:00Z",
        "merged_at": "2026-04-01T10:00:00Z",
        "files": [{"filename": "core/p.py"}],
        "reviews": [
            {"user": {"login": r}, "state": "APPROVED", "submitted_at": "2026-04-01T09:00:00Z"} for r in reviewers
        ],
    }
    return Upload(name="prs.json", content=json.dumps({"host": "github", "pulls": [pull]}).encode())


def _setup(ws: Workspace, tmp_path) -> str:
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    records.add_engagement(ws, "ETA", "Quantia Labs", "2026-01-05")
    records.add_person(ws, "Ann Archer", "internal", ["ann@acme.com"])
    records.add_person(ws, "Bob Baker", "internal", ["bob@acme.com"])
    records.add_person(ws, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    git = GitRepoBuilder(tmp_path / "eta")
    git.commit(BOB, "2025-06-01", {"web/x.py": lines(3, "x")})
    git.commit(ANN, "2026-01-01", {"core/a.py": lines(5, "a")})
    git.commit(PAT, "2026-04-01", {"core/p.py": lines(5, "p")})
    repos.add(ws, "ETA", validated(RepoIn, repository=str(git.path), name="eta"))
    return str(git.path)


def _successors(stored) -> dict[str, list[str]]:
    return {f.path: [s.identity for s in f.successors] for f in stored.successors}


def test_imported_reviews_count_for_successors_and_a_new_import_rescans(ws, tmp_path):
    path = _setup(ws, tmp_path)
    before = knowledge.scan(ws, "ETA", ScanIn(repository=path))
    # p.py, Pat's alone, changed alone on its day: Ann and Bob by their share of the recent commits
    # (Ann's is the more recent)
    assert _successors(before)["core/p.py"] == ["ann@acme.com", "bob@acme.com"]
    code_reviews.import_prs(ws, "eta", engagement="ETA", upload=_bundle("bob"))
    after = knowledge.scan(ws, "ETA", ScanIn(repository=path))
    # the same commit, but the reviews changed: analysed again, Bob's review (1.0) puts him first
    assert after.result_id != before.result_id
    assert _successors(after)["core/p.py"] == ["bob@acme.com", "ann@acme.com"]
    assert after.offboarding == before.offboarding  # avelino2016 reads commits alone


def test_imported_reviews_make_knowers_under_recency(database_url, tmp_path):
    ws = Workspace(load_settings(database_url=database_url, knowledge_model="recency"))
    try:
        records.init(ws, "Acme Analytics")
        path = _setup(ws, tmp_path)
        # recency, half-life 90, head 2026-04-01: p.py Pat 1.0; a.py Ann 2^-1 = 0.5 (90 days old);
        # x.py Bob 2^(-304/90) < 0.5: nobody knows it. Nobody inside would know p.py and x.py.
        plain = knowledge.scan(ws, "ETA", ScanIn(repository=path))
        assert plain.offboarding.orphaned_files == 2
        # two reviewers' logins: bob (his email's local part) and ghost (nobody): Bob 0.5, not 0.75 x 1.0
        code_reviews.import_prs(ws, "eta", engagement="ETA", upload=_bundle("bob", "ghost"))
        one = knowledge.scan(ws, "ETA", ScanIn(repository=path))
        assert one.offboarding.orphaned_files == 2
        # "bobbaker" (his name without spaces) on a second change request: 1.0, he knows p.py now
        second = json.loads(_bundle("bobbaker").content)
        second["pulls"][0]["number"] = 8
        code_reviews.import_prs(
            ws, "eta", engagement="ETA", upload=Upload(name="b.json", content=json.dumps(second).encode())
        )
        both = knowledge.scan(ws, "ETA", ScanIn(repository=path))
        assert both.offboarding.orphaned_files == 1  # x.py alone
    finally:
        ws.dispose()
