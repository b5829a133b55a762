"""The code review section of the engagement page: review sharing from imported pull requests."""

from __future__ import annotations

import json
import re

from inhouse.domain.shapes import Upload
from inhouse.services import code_reviews
from inhouse.web import create_app
from tests.review_api import github_pull, link_eta
from tests.webclient import WebClient


def test_the_page_shows_review_sharing_once_imported(ws, tmp_path):
    engagement, _repo = link_eta(ws, tmp_path)
    with WebClient(create_app(ws)) as client:
        before = client.get(f"/engagements/{engagement}").text
        assert 'id="review-sharing"' in before and "No pull/merge request imported" in before
        # Pat's 1 and 2 (1 reviewed by Ann), Ann's 3 reviewed by Pat and by a login nobody knows
        pulls = [github_pull(1, "pat", "2026-01-10", ["ann"]), github_pull(2, "pat", "2026-02-10", [])]
        pulls.append(github_pull(3, "ann", "2026-03-10", ["pat", "<x>"]))
        bundle = json.dumps({"host": "github", "pulls": pulls}).encode()
        code_reviews.import_prs(ws, "eta", upload=Upload(name="prs.json", content=bundle))
        html = client.get(f"/engagements/{engagement}").text
    section = re.search(r'<section class="card" id="review-sharing">.*?</section>', html, re.S).group(0)
    assert "From 3 imported pull/merge request(s)" in section
    cells = re.findall(r'<td data-label="([^"]+)"[^>]*>(.*?)</td>', section)
    assert cells == [
        ("Period", "2026-01-01 – 2026-03-31"),
        ("Partner changes", "2 of 3"),
        ("Reviewed inside", "1 (50%)"),
        ("Reviews", "2"),
        ("Sharing index", "100%"),
    ]
    assert "Internal: gave 1 review(s), 100% across; received 1, 100% from the other side." in section
    assert "&lt;x&gt;" in section and "<x>" not in section
