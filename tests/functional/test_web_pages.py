"""The pages, in process, on real databases: HTML assertions on stable ids."""

from __future__ import annotations

import re

import pytest

from inhouse.web import create_app
from tests import records, webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids


def test_portfolio_lists_every_engagement_with_its_facts(seeded):
    client, ids = seeded
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="portfolio-table"' in page.text
    row = re.search(rf'<tr id="engagement-{ids["engagement_id"]}">(.*?)</tr>', page.text, re.S).group(1)
    assert "ETA prediction" in row and "Quantia Labs" in row
    assert "truck factor 1" in row and "score 46/100" in row


def test_engagement_page_shows_every_section(seeded):
    client, ids = seeded
    page = client.get(f"/engagements/{ids['engagement_id']}")
    assert page.status_code == 200
    html = page.text
    for anchor in (
        "share-chart",
        "truck-factor",
        "knowledge-at-risk",
        "contract-checklist",
        "timeline",
        "review-2026-11-16",
        "drills",
        "exit-readiness",
        "review-form",
        "contract-form",
        "download-pdf",
    ):
        assert f'id="{anchor}"' in html, anchor
    assert "<circle" in html and 'class="plan-line"' in html  # the SVG chart drew both series
    assert re.search(r'id="check-deliverable_ownership" class="ok"', html)
    assert re.search(r'id="check-exit" class="bad"', html)
    assert "Terraform state lives with the partner" in html


def test_engagement_by_name_and_unknown_engagement(seeded):
    client, _ = seeded
    assert client.get("/engagements/ETA prediction").status_code == 200
    missing = client.get("/engagements/404")
    assert missing.status_code == 404
    assert 'id="error-message"' in missing.text and "no engagement" in missing.text


def test_sections_without_results_say_not_measured(ws):
    records.add_partner(ws, "Solo Partner")
    records.add_engagement(ws, "Fresh", "Solo Partner", "2026-01-05")
    with WebClient(create_app(ws)) as client:
        html = client.get("/engagements/Fresh").text
    for section in ("share", "knowledge", "contract"):
        assert f'class="not-measured" data-section="{section}"' in html, section
    exit_section = html.split('id="exit-readiness"')[1].split("</section>")[0]
    assert "not measured yet" in exit_section


def test_contract_view_highlights_each_findings_evidence(seeded):
    client, ids = seeded
    html = client.get(f"/documents/{ids['document_id']}").text
    marks = re.findall(r'<mark class="evidence" data-findings="([^"]+)"[^>]*>(.*?)</mark>', html, re.S)
    found = {findings: text for findings, text in marks}
    assert found["clause-deliverable_ownership"] == webdata.QUOTES["ownership"]
    assert found["clause-knowledge_transfer"] == webdata.QUOTES["training"]
    assert found["flag-0-auto_renewal"] == webdata.QUOTES["renewal"]
    assert 'href="#ev-clause-knowledge_transfer-0"' in html and 'id="ev-clause-knowledge_transfer-0"' in html


def test_partner_comparison_lists_partners_and_forms(seeded):
    client, ids = seeded
    html = client.get("/partners").text
    assert f'id="partner-{ids["partner_id"]}"' in html and "BrightPath AI" in html
    assert 'id="partner-form"' in html and 'id="ranking"' in html


def test_report_downloads_as_html_and_pdf(seeded):
    client, ids = seeded
    html = client.get(f"/engagements/{ids['engagement_id']}/report?format=html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "attachment" in html.headers["content-disposition"]
    assert "<svg" in html.text and webdata.QUOTES["training"] in html.text
    pdf = client.get(f"/engagements/{ids['engagement_id']}/report?format=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_static_assets_and_docs_are_served_locally(seeded):
    client, _ = seeded
    docs = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    head = client.get("/").text.split("<body")[0]
    assert all(url.startswith(("/", "data:")) for url in re.findall(r'(?:src|href)="([^"]*)"', head))
