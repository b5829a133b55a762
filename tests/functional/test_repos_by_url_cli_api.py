"""Linking a repository by URL on the command line and through the API: the record's shape, a URL
with a password refused in one line (and never echoed), options that belong to the other kind
refused, a URL linked twice a conflict, and `scan` with neither a repository nor --all."""

from __future__ import annotations

import pytest

from inhouse.web import create_app
from tests import records
from tests.webclient import WebClient

URL = "https://git.example.com/acme/eta-prediction.git"


@pytest.fixture
def engaged(cli):
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-01-02")
    return cli


def test_repo_add_url_links_it_without_fetching(engaged):
    added = engaged.ok("repo", "add", URL, "--engagement", "ETA prediction", "--branch", "main", "--json").json
    assert added == {
        "id": 1,
        "engagement_id": 1,
        "name": "eta-prediction",
        "path": URL,
        "default_rev": "main",
        "url": URL,
        "branch": "main",
    }
    ssh = engaged.ok("repo", "add", "git@git.example.com:acme/ml.git", "-e", "ETA prediction", "--json").json
    assert (ssh["name"], ssh["url"], ssh["branch"]) == ("ml", "git@git.example.com:acme/ml.git", None)
    listed = engaged.ok("repo", "list", "--json").json
    assert [r["url"] for r in listed] == [URL, "git@git.example.com:acme/ml.git"]
    twice = engaged("repo", "add", URL, "--engagement", "ETA prediction")
    assert twice.exit_code == 4 and "already linked" in twice.stderr


def test_a_url_with_a_password_is_refused_and_not_echoed(engaged):
    refused = engaged("repo", "add", "https://pat:s3cret-token@git.example.com/eta.git", "-e", "ETA prediction")
    assert refused.exit_code == 2
    assert "must not hold a password" in refused.stderr and "s3cret" not in refused.stderr + refused.stdout
    assert len(refused.stderr.strip().splitlines()) == 1
    assert engaged.ok("repo", "list", "--json").json == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["http://git.example.com/eta.git"], "plain http is refused"),
        (["ext::sh -c id"], "url"),
        ([URL, "--rev", "v1"], "--rev is for a local folder"),
        (["/tmp", "--branch", "main"], "--branch is for a URL"),
        ([URL, "--branch", "-x"], "branch must be a branch name"),
    ],
)
def test_bad_repo_add_input_is_one_line(engaged, args, says):
    result = engaged("repo", "add", *args, "-e", "ETA prediction")
    assert result.exit_code == 2, result.stdout
    assert says in result.stderr and "Traceback" not in result.stderr


def test_scan_needs_a_repository_or_all(engaged):
    result = engaged("scan")
    assert result.exit_code == 2 and "name the REPO to scan, or give --all" in result.stderr
    both = engaged("scan", ".", "--all")
    assert both.exit_code == 2 and "scan --all takes no REPO" in both.stderr
    empty = engaged.ok("scan", "--all", "--json").json
    assert empty == {"scans": [], "queued": 0, "waiting": 0, "refused": 0}


@pytest.fixture
def api(ws):
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    records.add_engagement(ws, "ETA prediction", "Quantia Labs", "2025-01-02")
    with WebClient(create_app(ws)) as client:
        yield client


def test_the_api_links_a_repository_by_url(api):
    made = api.post("/api/engagements/ETA prediction/repos", json={"url": URL, "branch": "release/2"})
    assert made.status_code == 201, made.text
    assert made.json()["url"] == URL and made.json()["branch"] == "release/2"
    assert [r["url"] for r in api.get("/api/engagements/1/repos").json()] == [URL]
    again = api.post("/api/engagements/1/repos", json={"url": URL})
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "https://pat:s3cret@git.example.com/eta.git"}, "url"),
        ({"url": "http://git.example.com/eta.git"}, "url"),
        ({"url": URL, "branch": "a..b"}, "branch"),
        ({"url": URL, "path": "/etc"}, "path"),
        ({}, "url"),
    ],
)
def test_the_api_refuses_a_bad_url_naming_the_field(api, body, field):
    answer = api.post("/api/engagements/1/repos", json=body)
    assert answer.status_code == 422, answer.text
    assert field in answer.json()["error"]["message"] and "s3cret" not in answer.text
    assert api.get("/api/engagements/1/repos").json() == []


def test_an_unknown_engagement_is_404(api):
    assert api.post("/api/engagements/nope/repos", json={"url": URL}).status_code == 404


def test_a_repository_linked_by_url_has_no_folder_to_change(api, tmp_path):
    from tests.gitrepo import GitRepoBuilder

    folder = GitRepoBuilder(tmp_path / "local")
    folder.commit("Ann <ann@acme.com>", "2025-01-03", {"a.py": "x\n"})
    made = api.post("/api/engagements/1/repos", json={"url": URL}).json()
    answer = api.patch(f"/api/engagements/1/repos/{made['id']}", json={"path": str(folder.path)})
    assert answer.status_code == 422 and "linked by URL" in answer.json()["error"]["message"]
    renamed = api.patch(f"/api/engagements/1/repos/{made['id']}", json={"name": "eta"})
    assert renamed.status_code == 200 and renamed.json()["url"] == URL


def test_the_engagement_page_links_a_repository_by_url(ws):
    from inhouse.domain.accounts import UserIn
    from inhouse.domain.shapes import validated
    from inhouse.services import accounts

    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    records.add_engagement(ws, "ETA prediction", "Quantia Labs", "2025-01-02")
    for email, role in (("lea@acme.example", "lead"), ("vik@acme.example", "viewer")):
        accounts.add(ws, validated(UserIn, email=email, name=email[:3], role=role, password="form-link-password"))
    app = create_app(ws)
    lead = WebClient(app).sign_in("lea@acme.example", "form-link-password")
    page = lead.get("/engagements/1").text
    assert 'id="repo-form"' in page and 'action="/engagements/1/repos"' in page
    sent = lead.post("/engagements/1/repos", data={"url": URL, "branch": "main", "name": ""}, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith(
        "/engagements/1?note=Linked%20eta-prediction"
    )
    row = lead.get("/engagements/1").text
    row = row[row.index('id="repo-1"') :]
    assert URL in row[: row.index("</tr>")] and "mirrored" in row[: row.index("</tr>")]
    refused = lead.post("/engagements/1/repos", data={"url": "https://u:secret-pw@git.example.com/x.git"})
    assert refused.status_code == 422 and "url" in refused.text and "secret-pw" not in refused.text
    again = lead.post("/engagements/1/repos", data={"url": URL})
    assert again.status_code == 409
    viewer = WebClient(app).sign_in("vik@acme.example", "form-link-password")
    assert 'id="repo-form"' not in viewer.get("/engagements/1").text
    assert viewer.post("/engagements/1/repos", data={"url": URL + "x"}).status_code == 403
    assert [r["url"] for r in lead.get("/api/engagements/1/repos").json()] == [URL]
