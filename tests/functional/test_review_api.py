"""The review API: a saved bundle imported into a linked repository, and review sharing read back."""

from __future__ import annotations

import json

from inhouse.web import create_app
from tests.review_api import github_pull, link_eta
from tests.webclient import WebClient


def test_a_bundle_posted_to_a_repository_is_read_back_as_review_sharing(ws, tmp_path):
    engagement, repo_id = link_eta(ws, tmp_path)
    # Pat's 1 (reviewed by Ann) and 2 (by nobody) in January, Ann's 3 in February reviewed by Pat
    pulls = [github_pull(1, "pat", "2026-01-10", ["ann"]), github_pull(2, "pat", "2026-01-20", [])]
    pulls.append(github_pull(3, "ann", "2026-02-10", ["pat"]))
    bundle = json.dumps({"host": "github", "pulls": pulls}).encode()
    with WebClient(create_app(ws)) as client:
        url = f"/api/engagements/{engagement}/repos/{repo_id}/reviews"
        first = client.post(url, files={"file": ("prs.json", bundle, "application/json")})
        again = client.post(url, files={"file": ("prs.json", bundle, "application/json")})
        monthly = client.get(f"/api/engagements/{engagement}/review-sharing?period=month")
    assert first.status_code == 201, first.text
    assert {k: first.json()[k] for k in ("repo", "host", "changes", "added", "updated", "reviews")} == {
        "repo": "eta",
        "host": "github",
        "changes": 3,
        "added": 3,
        "updated": 0,
        "reviews": 2,
    }
    assert (again.json()["added"], again.json()["updated"]) == (0, 3)
    body = monthly.json()
    assert body["period"] == "month" and body["change_requests"] == 3
    january, february = body["periods"]
    assert (january["start"], january["partner_changes"], january["partner_changes_reviewed_inside"]) == (
        "2026-01-01",
        2,
        1,
    )
    assert january["reviewed_inside_share"] == 0.5 and january["sharing_index"] == 1.0
    assert (february["start"], february["partner_changes"], february["reviewed_inside_share"]) == (
        "2026-02-01",
        0,
        None,
    )


def test_bad_input_is_refused_naming_what_and_nothing_is_stored(ws, tmp_path):
    engagement, repo_id = link_eta(ws, tmp_path)
    with WebClient(create_app(ws)) as client:
        url = f"/api/engagements/{engagement}/repos/{repo_id}/reviews"
        broken = client.post(url, files={"file": ("prs.json", b"{not json", "application/json")})
        missing = client.post(f"/api/engagements/{engagement}/repos/999/reviews", files={"file": ("p.json", b"{}")})
        period = client.get(f"/api/engagements/{engagement}/review-sharing?period=week")
        after = client.get(f"/api/engagements/{engagement}/review-sharing").json()
    assert broken.status_code == 422 and "json" in broken.json()["error"]["message"].lower()
    assert missing.status_code == 404
    assert period.status_code == 422 and "period" in period.json()["error"]["message"]
    assert after["change_requests"] == 0
