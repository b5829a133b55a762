"""Pull/merge request reviews imported from recorded GitHub and GitLab API answers (served by a
local HTTP server) and from saved bundles; a re-import updates instead of doubling."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from inhouse.analysis.git.code_reviews import read_bundle
from inhouse.analysis.git.code_reviews_fetch import Limits, fetch_bundle, target
from inhouse.domain.code_reviews import MAX_REVIEWS
from inhouse.domain.shapes import Upload
from inhouse.errors import AnalyzerError, InvalidInput, NotFound
from inhouse.services import code_reviews
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.review_api import ReviewApi, link_eta


@pytest.fixture
def api():
    with ReviewApi() as server:
        yield server


@pytest.fixture
def linked(ws, tmp_path):
    link_eta(ws, tmp_path, people=False)
    return ws


def test_addresses_name_their_api():
    assert target("https://github.com/acme/eta").api == "https://api.github.com/repos/acme/eta"
    assert (
        target("https://gitlab.com/group/sub/proj.git").api == "https://gitlab.com/api/v4/projects/group%2Fsub%2Fproj"
    )
    assert target("http://127.0.0.1:9/api/v4/projects/7").host == "gitlab"
    for bad in ("http://github.com/acme/eta", "ftp://x/y", "https://user:pw@github.com/a/b", "https://example.org/x"):
        with pytest.raises(InvalidInput):
            target(bad)


def test_github_import_by_address_then_again_updates(linked, api, monkeypatch):
    monkeypatch.setenv("INHOUSE_GITHUB_TOKEN", "ghp_secret-of-the-test")
    first = code_reviews.import_prs(linked, "eta", url=f"{api.base}/repos/acme/eta")
    assert (first.host, first.changes, first.added, first.updated, first.reviews) == ("github", 4, 4, 0, 6)
    assert first.source == f"{api.base}/repos/acme/eta" and "secret" not in first.model_dump_json()
    assert api.tokens == {"Bearer ghp_secret-of-the-test"}
    again = code_reviews.import_prs(linked, "eta", url=f"{api.base}/repos/acme/eta")
    assert (again.added, again.updated) == (0, 4)
    stored = {c.number: c for c in code_reviews.of_repo(linked, "eta", "ETA")}
    assert sorted(stored) == [101, 102, 103, 104]
    assert [(r.reviewer, r.state) for r in stored[102].reviews] == [
        ("ann", "changes_requested"),
        ("ann", "approved"),
        ("bob", "commented"),
    ]
    assert stored[102].paths == ("m/train.py", "m/data.py") and stored[102].state == "merged"
    assert stored[103].state == "open" and stored[103].reviewers == frozenset()  # its author's comment only
    assert stored[101].merged == datetime(2026, 1, 16, 9, 0)  # +01:00 kept as UTC
    assert stored[104].reviewers == frozenset({"pat"})


def test_gitlab_import_reads_approvals_and_comments(linked, api, monkeypatch):
    monkeypatch.setenv("INHOUSE_GITLAB_TOKEN", "glpat-test")
    result = code_reviews.import_prs(linked, "eta", url=f"{api.base}/api/v4/projects/7")
    assert (result.host, result.changes, result.reviews) == ("gitlab", 2, 2)
    assert api.tokens == {"glpat-test"}
    stored = {c.number: c for c in code_reviews.of_repo(linked, "eta")}
    assert [(r.reviewer, r.state) for r in stored[12].reviews] == [("ann", "approved"), ("bob", "commented")]
    assert stored[12].paths == ("m/train.py",) and stored[11].state == "open"


def test_a_saved_bundle_imports_as_the_api_does(linked, api):
    _, bundle = fetch_bundle(f"{api.base}/repos/acme/eta")
    upload = Upload(name="eta-prs.json", content=json.dumps(bundle).encode())
    result = code_reviews.import_prs(linked, "eta", upload=upload)
    assert (result.changes, result.added, result.reviews, result.source) == (4, 4, 6, "eta-prs.json")
    by_api = code_reviews.import_prs(linked, "eta", url=f"{api.base}/repos/acme/eta")
    assert (by_api.added, by_api.updated) == (0, 4)


def test_untrusted_input_is_bounded(linked, api):
    api.huge = True
    with pytest.raises(AnalyzerError, match="over 1000 bytes"):
        fetch_bundle(f"{api.base}/repos/acme/eta", Limits(bytes=1000))
    api.huge = False
    with pytest.raises(AnalyzerError, match="HTTP 404"):
        fetch_bundle(f"{api.base}/repos/acme/missing")
    many = {"number": 1, "user": {"login": "pat"}, "created_at": "2026-01-01T00:00:00Z", "title": "t" * 5000}
    many["reviews"] = [{"user": {"login": f"r{i}"}, "state": "APPROVED"} for i in range(MAX_REVIEWS + 50)]
    many["files"] = "not a list"
    _, changes, truncated = read_bundle({"host": "github", "pulls": [many, {"number": "x"}, 7]}, "f")
    assert len(changes) == 1 and not truncated
    assert len(changes[0].reviews) == MAX_REVIEWS and len(changes[0].title) == 300 and changes[0].paths == ()
    for bad in ({"host": "bitbucket"}, [], {"host": "gitlab", "merge_requests": {}}):
        with pytest.raises(InvalidInput):
            read_bundle(bad, "f")
    with pytest.raises(InvalidInput, match="not JSON"):
        code_reviews.import_prs(linked, "eta", upload=Upload(name="x.json", content=b"{"))
    with pytest.raises(NotFound):
        code_reviews.import_prs(linked, "nope", upload=Upload(name="x.json", content=b"{}"))


def _link_by_cli(cli, tmp_path) -> None:
    """Quantia Labs' engagement ETA with its repository ``eta`` (one commit of Ann's), through the CLI."""
    git = GitRepoBuilder(tmp_path / "eta")
    git.commit("Ann Archer <ann@acme.com>", "2026-01-10", {"a.py": lines(3)})
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA", "--partner", "Quantia Labs", "--start", "2026-01-05")
    cli.ok("repo", "add", str(git.path), "--engagement", "ETA", "--name", "eta")


def test_cli_imports_a_saved_bundle(cli_any, tmp_path, api):
    cli = cli_any
    _link_by_cli(cli, tmp_path)
    _, bundle = fetch_bundle(f"{api.base}/api/v4/projects/7")
    saved = tmp_path / "mrs.json"
    saved.write_text(json.dumps(bundle))
    out = cli.ok("review", "import-prs", str(saved), "--repo", "eta", "--json").json
    assert (out["host"], out["changes"], out["added"], out["reviews"]) == ("gitlab", 2, 2, 2)
    again = cli.ok("review", "import-prs", str(saved), "--repo", "eta")
    assert "0 new, 2 updated" in again.stdout
    missing = cli("review", "import-prs", str(tmp_path / "none.json"), "--repo", "eta")
    assert missing.exit_code == 3 and "no such review bundle" in missing.stderr


def test_review_sharing_by_period_and_organisation(linked, api):
    records.add_person(linked, "Ann Archer", "internal", ["ann@acme.com"])
    records.add_person(linked, "Bob Baker", "internal", ["1234+bob@users.noreply.github.com"])
    records.add_person(linked, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    code_reviews.import_prs(linked, "eta", url=f"{api.base}/repos/acme/eta")
    code_reviews.import_prs(linked, "eta", url=f"{api.base}/api/v4/projects/7")
    april = {"number": 105, "user": {"login": "ann"}, "created_at": "2026-04-02T09:00:00Z"}
    april["reviews"] = [{"user": {"login": u}, "state": "APPROVED"} for u in ("bob", "carol")]
    bundle = json.dumps({"host": "github", "pulls": [april]}).encode()
    code_reviews.import_prs(linked, "eta", upload=Upload(name="april.json", content=bundle))

    quarters = code_reviews.sharing(linked, "ETA")
    assert quarters.change_requests == 7 and quarters.unmatched == ["carol"]
    q1, q2 = quarters.periods
    # Q1: pulls 101-104 and merge requests 11-12; partner's 101, 102, 103, 11, 12; inside reviewed 101, 102, 12
    assert (str(q1.start), str(q1.end), q1.changes, q1.partner_changes, q1.partner_changes_reviewed_inside) == (
        "2026-01-01",
        "2026-03-31",
        6,
        5,
        3,
    )
    assert (q1.reviewed_inside_share, q1.reviews, q1.cross_reviews, q1.sharing_index) == (0.6, 6, 6, 1.0)
    # Q2: Ann's pull reviewed by Bob (same side) and carol (no known side)
    assert (q2.changes, q2.partner_changes, q2.reviewed_inside_share, q2.reviews, q2.sharing_index) == (
        1,
        0,
        None,
        1,
        0.0,
    )
    internal, partner = quarters.by_organisation
    assert (internal.reviews_given, internal.given_across, internal.given_index) == (6, 5, 0.8333)
    assert (internal.reviews_received, internal.received_across, internal.received_index) == (2, 1, 0.5)
    assert (partner.reviews_given, partner.given_index, partner.reviews_received, partner.received_index) == (
        1,
        1.0,
        5,
        1.0,
    )

    months = code_reviews.sharing(linked, "ETA", "month").periods
    assert [(p.start.month, p.changes, p.partner_changes, p.reviewed_inside_share, p.reviews) for p in months] == [
        (1, 2, 2, 0.5, 1),
        (2, 3, 3, 0.6667, 4),
        (3, 1, 0, None, 1),
        (4, 1, 0, None, 1),
    ]
    with pytest.raises(InvalidInput):
        code_reviews.sharing(linked, "ETA", "week")


def test_cli_shows_review_sharing(cli_any, tmp_path, api):
    cli = cli_any
    _link_by_cli(cli, tmp_path)
    cli.ok("person", "add", "Ann Archer", "--side", "internal", "--email", "ann@acme.com")
    cli.ok(
        "person",
        "add",
        "Pat Partner",
        "--side",
        "partner",
        "--partner",
        "Quantia Labs",
        "--email",
        "pat@quantialabs.io",
    )
    _, bundle = fetch_bundle(f"{api.base}/api/v4/projects/7")
    saved = tmp_path / "mrs.json"
    saved.write_text(json.dumps(bundle))
    cli.ok("review", "import-prs", str(saved), "--repo", "eta")
    shown = cli.ok("review", "sharing", "ETA", "--json").json
    # MR 12 (Pat's) approved by Ann, commented by bob (no known side); MR 11 (Pat's) unreviewed
    assert shown["unmatched"] == ["bob"]
    assert [
        (p["partner_changes"], p["partner_changes_reviewed_inside"], p["sharing_index"]) for p in shown["periods"]
    ] == [(2, 1, 1.0)]
    text = cli.ok("review", "sharing", "ETA").stdout
    assert "50%" in text and "bob" in text
