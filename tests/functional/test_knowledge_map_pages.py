"""The knowledge map and per-folder risk on the engagement page and in the report, from a real scan."""

from __future__ import annotations

import re

from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.domain.results import AnalysisResult
from inhouse.services import lookup
from inhouse.web import create_app
from tests import records
from tests.gitrepo import GitRepoBuilder, lines
from tests.webclient import WebClient

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"
RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


def _engagement_with_scan(ws, tmp_path) -> int:
    repo = GitRepoBuilder(tmp_path / "repo")
    repo.commit(ANN, "2024-01-02", {f"core/a{i}.py": lines(10 + i, f"a{i}") for i in range(5)})
    repo.commit(PAT, "2024-01-03", {f"web/<p{i}>.py": lines(20, f"p{i}") for i in range(5)})
    payload = scan_repository(repo.path, ScanOptions(rules=RULES)).as_json()
    records.add_partner(ws, "Partner Co")
    records.add_engagement(ws, "Map test", "Partner Co", "2024-01-01")
    with ws.uow() as uow:
        found = lookup.engagement(uow, "Map test")
        uow.results.add(
            AnalysisResult(kind="scan", subject=str(repo.path), payload=payload, engagement_id=found.id, summary="s")
        )
        uow.commit()
        engagement = found.id
    return engagement


def test_the_page_and_the_report_draw_the_map(ws, tmp_path):
    engagement = _engagement_with_scan(ws, tmp_path)
    with WebClient(create_app(ws)) as client:
        html = client.get(f"/engagements/{engagement}").text
        assert 'id="knowledge-map-section"' in html
        assert 'id="knowledge-map"' in html and 'id="knowledge-map-phone"' in html
        # 10 files drawn twice (wide and phone); the partner's 100 lines against 60 inside
        assert len(re.findall(r'class="file partner"', html)) == 10
        assert len(re.findall(r'class="file internal"', html)) == 10
        assert "<title>web/&lt;p0&gt;.py · 20 lines · partner</title>" in html
        assert "known by the partner only: at risk · 5 files, 62% of the lines" in html
        assert "5 or fewer in 95% of cases, 5.0 on average in the worst 5%; a 20% chance" in html
        table = re.search(r'<table id="folder-risk".*?</table>', html, re.S).group(0)
        rows = re.findall(
            r"<tr><td[^>]*>(.*?)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td><td[^>]*>(.*?)</td></tr>", table
        )
        assert rows == [("web", "5", "1", "100% (5)"), ("core", "5", "1", "0% (0)")]
        report = client.get(f"/engagements/{engagement}/report?format=html").text
        assert 'id="report-knowledge-map"' in report and "<script" not in report
        assert 'id="report-folder-risk"' in report
        # tail risk: Pat alone holds web's 5 files: lost with chance 0.2 -> 1.0 on average
        assert (
            "If each of the 1 partner people left with a chance of 20%: 1.0 files lost on average, 5 or fewer" in report
        )
        pdf = client.get(f"/engagements/{engagement}/report?format=pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
