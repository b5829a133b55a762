"""The demo engagement shows review sharing, the knowledge map, per-folder risk, the chosen leavers
with successors and the tail risk: on the engagement page (phone and desktop) and in the report."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from inhouse import report
from inhouse.bootstrap import Workspace
from inhouse.services import code_reviews, dashboard
from inhouse.services.demo import ENGAGEMENT
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests.webclient import WebClient

LEAD = ("dana.okafor@meridianfreight.com", "demo-lead-password")
INTERNAL = {"Dana Okafor", "Tomás Ribeiro", "Priya Raman"}


@pytest.fixture
def ws(demo_db, tmp_path):
    path = tmp_path / "inhouse.db"
    shutil.copy(demo_db, path)
    workspace = Workspace(load_settings(database_url=f"sqlite:///{path}"))
    yield workspace
    workspace.dispose()


def _text(page: str) -> str:
    """The page's words: tags and <wbr> dropped, entities decoded, spaces folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.replace("<wbr>", ""))).split())


def test_the_demo_history_credits_reviews_and_pairing(ws):
    with ws.uow() as uow:
        repo = next(r for r in uow.repos.list(page_id(ws)) if r.name == "eta-prediction")
    trailers = subprocess.run(
        ["git", "-C", repo.path, "log", "--format=%(trailers:only)", "--no-merges"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Reviewed-by: Dana Okafor <dana.okafor@meridianfreight.com>" in trailers
    assert "Co-authored-by: " in trailers and "Reviewed-by: Lukas Brandt" in trailers
    log = subprocess.run(
        [
            "git",
            "-C",
            repo.path,
            "log",
            "--no-merges",
            "--date=short",
            "--format=%ad%x09%aE%x09%(trailers:key=Reviewed-by,valueonly,separator=%x2C)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()

    def reviewed_inside(start: str, end: str) -> float:
        """The share of the partner's commits in [start, end) an internal person reviewed."""
        rows = [r.split("\t") for r in log if start <= r[:10] < end and "@quantialabs.io" in r.split("\t")[1]]
        return sum("meridianfreight.com" in r[2] for r in rows) / len(rows)

    assert reviewed_inside("2025-06-02", "2025-12-01") < 0.35 < 0.55 < reviewed_inside("2026-06-01", "2026-12-01")


def test_the_demo_scan_and_reviews_hold_every_knowledge_result(ws):
    page = dashboard.engagement_page(ws, ENGAGEMENT)
    k = page.knowledge
    assert k.measured
    assert k.leavers is not None and list(k.leavers.people) == ["Arjun Patel"]  # inactive since August 2026
    assert "inactive for 60 days" in k.leavers.rule
    assert k.tail_risk is not None and k.tail_risk.partner_people == 3 and k.tail_risk.at_stake > 0
    assert k.knowledge_map is not None and k.knowledge_map.files
    folders = {f.path: f for f in k.folders}
    assert folders["src/eta/serving"].orphaned_share == 1.0 and folders["src/eta/features"].orphaned_share == 0.0
    assert k.successors and {s.identity for f in k.successors for s in f.successors} <= INTERNAL
    sharing = code_reviews.sharing(ws, ENGAGEMENT)
    assert sharing.change_requests == 95 and not sharing.unmatched
    shares = [p.reviewed_inside_share for p in sharing.periods if p.partner_changes >= 5]
    assert max(shares[-2:]) > 2 * shares[1]  # Meridian reviews more of Quantia's changes over time
    assert {o.side for o in sharing.by_organisation} == {"internal", "partner"}


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_demo_engagement_page_shows_them(ws, width):
    k = dashboard.engagement_page(ws, ENGAGEMENT).knowledge
    assert k.measured and k.leavers and k.tail_risk
    sharing = code_reviews.sharing(ws, ENGAGEMENT)
    with WebClient(create_app(ws)).sign_in(*LEAD) as client:
        agent = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"} if width == "phone" else {}
        answer = client.get(f"/engagements/{page_id(ws)}", headers=agent)
    assert answer.status_code == 200
    body = answer.text
    for anchor in (
        'id="review-sharing"',
        'id="knowledge-map-section"',
        'id="folder-risk"',
        'id="tail-risk"',
        'id="chosen-leavers"',
        'id="successors"',
        'id="knowledge-map-phone"',
    ):
        assert anchor in body, anchor
    words = _text(body)
    assert f"From {sharing.change_requests} imported pull/merge request(s)" in words
    assert "If Arjun Patel left (partner people inactive for 60 days" in words
    assert f"{k.leavers.orphaned_files} of {k.leavers.files} files would have no internal author" in words
    assert f"If each of the {k.tail_risk.partner_people} partner people left" in words
    assert "src/eta/serving 5 2 100% (5)" in words and "src/eta/features 5 2 0% (0)" in words
    first = k.successors[0]
    assert f"{first.path} : {first.successors[0].identity} ({first.successors[0].score:.1f})" in words


def test_the_demo_report_shows_them(ws):
    k = dashboard.engagement_page(ws, ENGAGEMENT).knowledge
    assert k.measured and k.leavers and k.tail_risk
    document = report.build(ws, ENGAGEMENT, "html")
    body = document.content.decode()
    for anchor in (
        'id="report-review-sharing"',
        'id="report-knowledge-map"',
        'id="report-folder-risk"',
        'id="report-tail-risk"',
        'id="report-leavers"',
        'id="report-successors"',
    ):
        assert anchor in body, anchor
    words = _text(body)
    assert "From 95 imported pull/merge request(s)" in words
    assert "If Arjun Patel left (partner people inactive for 60 days" in words
    assert f"If each of the {k.tail_risk.partner_people} partner people left" in words
    first = k.successors[0]
    assert f"{first.path} {first.successors[0].identity} ({first.successors[0].score:.1f})" in words


def page_id(ws) -> int:
    return dashboard.engagement_page(ws, ENGAGEMENT).id
