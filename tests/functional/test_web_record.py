"""The engagement page's record of keeping knowledge inside, on real databases: participation per
week and the "delegate and wait" alert, review-quality flags, decisions, the status per area,
the documentation audit and the asset inventory; the same in the JSON API and the report."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inhouse.domain.assets import AssetIn
from inhouse.domain.decisions import DecisionIn
from inhouse.domain.docs_audit import CurrencyRule, DocItem, DocsAudit, Location
from inhouse.domain.results import AnalysisResult
from inhouse.domain.shapes import validated
from inhouse.services import assets, dashboard, decisions, lookup
from inhouse.web import create_app
from tests import records, webdata
from tests.webclient import WebClient


def _audit_payload() -> dict:
    items = [
        DocItem.judged(
            "how_it_works",
            "present",
            "found in docs/ops.md#How it works",
            Location(file="docs/ops.md", section="How it works", line=3, match="heading"),
        ),
        DocItem.judged(
            "architecture",
            "stale",
            "found in docs/architecture.md#Architecture; last changed 2025-08-04 - stale",
            Location(file="docs/architecture.md", section="Architecture", line=1, match="heading"),
        ),
        DocItem.judged("troubleshooting", "missing", "no troubleshooting section"),
        DocItem.judged(
            "setup",
            "present",
            "found in README.md#Setup",
            Location(file="README.md", section="Setup", line=5, match="heading"),
        ),
        DocItem.judged("model_card", "missing", "no model card"),
        DocItem.judged("datasheet", "missing", "no datasheet"),
    ]
    audit = DocsAudit.of(repo="/repos/eta-prediction", rev="HEAD", head="abc123", items=items, rule=CurrencyRule())
    return audit.model_dump(mode="json")


@pytest.fixture
def record(ws):
    """The web test engagement plus what the record sections read: an internal person, a decision
    recorded in a review, a documentation audit and three assets."""
    ids = webdata.seed(ws)
    records.add_person(ws, "Priya Raman", "internal", ["priya@meridian.example"])
    decision = DecisionIn(
        title="Serve from Meridian's own cloud account",
        decided_by="joint",
        decided_on="2026-11-03",
        rationale="exit readiness",
    )
    decisions.add(ws, webdata.ENGAGEMENT, decision)
    for name, kind, held_by, holder in (
        ("Terraform state backend", "cloud_account", "partner", "Quantia AWS"),
        ("Lane feature store", "dataset", "shared", "Quantia accelerator"),
        ("eta-prediction", "repository", "internal", "Meridian GitHub"),
    ):
        assets.add(ws, webdata.ENGAGEMENT, validated(AssetIn, name=name, kind=kind, held_by=held_by, holder=holder))
    with ws.uow() as uow:
        found = lookup.engagement(uow, webdata.ENGAGEMENT)
        uow.results.add(
            AnalysisResult(
                kind="docs_audit",
                subject="/repos/eta-prediction",
                payload=_audit_payload(),
                engagement_id=found.id,
                summary="operations guide partial",
            )
        )
        uow.commit()
    with WebClient(create_app(ws)) as client:
        yield client, ids, ws


def _section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def test_the_json_api_carries_every_record_section(record):
    client, ids, ws = record
    data = client.get(f"/api/engagements/{ids['engagement_id']}").json()
    for key in ("participation", "decision_summary", "docs_audit", "assets"):
        assert data[key], key
    as_of = dashboard.engagement_page(ws, str(ids["engagement_id"]), today=date(2026, 11, 27)).model_dump(mode="json")
    assert data.keys() == as_of.keys()
    participation = as_of["participation"]
    assert participation["measured"] and participation["threshold_weeks"] == 2
    weeks = {w["week_of"]: w for w in participation["weeks"]}
    assert weeks["2026-11-02"]["internal_attendees"] == ["Priya Raman"]
    assert weeks["2026-11-02"]["decisions"]["joint"] == 1
    assert weeks["2026-11-09"]["review"] is False  # the week the seed skipped
    assert {"active", "message", "periods"} <= set(participation["alert"])
    reviews = {r["week_of"]: r for r in data["timeline"]["reviews"]}
    flags = {f["flag"] for f in reviews["2026-11-02"]["flags"]}
    assert "same_as_last_week" in flags  # "because" / "next step" again
    assert reviews["2026-10-26"]["internal_attendees"] == ["Priya Raman"]
    assert data["timeline"]["flagged"] >= 2
    [decision] = data["decision_list"]
    assert decision["review_week"] == "2026-11-02" and data["decision_summary"]["by_side"]["joint"] == 1
    audit = data["docs_audit"]
    assert audit["measured"] and audit["operations_guide"] == "partial"
    assert {i["kind"]: i["where"] for i in audit["items"]}["architecture"] == "docs/architecture.md § Architecture"
    inventory = data["assets"]
    assert inventory["counts"] == {"internal": 1, "shared": 1, "partner": 1}
    assert inventory["assets"][0]["held_by"] == "partner"  # what blocks an exit comes first
    areas = [s["area"] for s in data["status"]["sections"]]
    assert areas[:3] == ["trajectory", "knowledge", "contract"] and "participation" in areas


def test_the_page_shows_every_record_section(record):
    client, ids, _ = record
    html = client.get(f"/engagements/{ids['engagement_id']}").text
    for anchor in (
        "areas",
        "participation",
        "participation-table",
        "decision-list",
        "docs-audit",
        "docs-items",
        "assets",
        "asset-table",
        "exit-items",
        "flagged-reviews",
    ):
        assert f'id="{anchor}"' in html, anchor
    areas = _section(html, "areas")
    assert 'id="area-contract"' in areas and 'id="area-participation"' in areas
    assert 'href="#share"' in areas  # each area links to its details
    review = html.split('id="review-2026-11-02"', 1)[1].split("</li>\n", 1)[0]
    assert 'data-flag="same_as_last_week"' in review
    assert '<strong title="internal">Priya Raman</strong>' in review
    decisions_html = _section(html, "decisions")
    assert 'href="#review-2026-11-02"' in decisions_html and "1 joint" in decisions_html
    assert 'id="docs-architecture"' in _section(html, "docs-audit")
    assets_html = _section(html, "assets")
    assert "Terraform state backend" in assets_html and "1 held by the partner" in assets_html
    assert re.search(r'id="week-[-\d]+" class="gap"', html)  # a week without review nor internal participation


def test_evidence_pointers_are_links(record):
    client, ids, _ = record
    html = client.get(f"/engagements/{ids['engagement_id']}").text
    links = set(re.findall(r'<a class="evidence-ref" href="([^"]+)"', html))
    document = ids["document_id"]
    assert f"/documents/{document}#finding-clause-exit" in links  # a contract gap -> its clause
    assert "#knowledge" in links  # the off-boarding risk -> the scan's section
    assert any(link.startswith("#asset-") for link in links)  # a partner-held asset -> its row
    contract_view = client.get(f"/documents/{document}").text
    assert 'id="finding-clause-exit"' in contract_view


def test_delegate_and_wait_alert_on_the_page(ws):
    """Reviews without anyone internal, week after week: the alert shows at the top of the page."""
    ids = webdata.seed(ws)  # nobody internal is known: no review had an internal attendee
    with WebClient(create_app(ws)) as client:
        data = client.get(f"/api/engagements/{ids['engagement_id']}").json()
        html = client.get(f"/engagements/{ids['engagement_id']}").text
    alert = data["participation"]["alert"]
    assert alert["active"] and "no internal participation" in alert["message"]
    head = _section(html, "engagement")
    assert 'id="delegate-alert"' in head and alert["message"] in head
    assert 'data-flag="no_internal_attendee"' in html


def test_fresh_engagement_sections_say_not_measured(ws):
    records.add_partner(ws, "Solo Partner")
    records.add_engagement(ws, "Fresh", "Solo Partner", "2026-01-05")
    with WebClient(create_app(ws)) as client:
        html = client.get("/engagements/Fresh").text
        data = client.get("/api/engagements/Fresh").json()
    for section in ("participation", "docs-audit", "assets"):
        assert f'class="not-measured" data-section="{section}"' in html, section
    assert not data["participation"]["measured"] and not data["assets"]["measured"]
    assert "No decision recorded yet" in html


def test_the_report_has_the_record_sections(record):
    client, ids, _ = record
    html = client.get(f"/engagements/{ids['engagement_id']}/report?format=html").text
    for anchor in ("glance", "participation", "decisions", "docs", "exit", "assets"):
        assert f'id="{anchor}"' in html, anchor
    assert "Serve from Meridian&#39;s own cloud account" in html or "Serve from Meridian's own cloud account" in html
    assert "Terraform state backend" in html and "same as last week" in html
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert '"DejaVu Sans"' in style  # the stylesheet is not HTML-escaped
