"""Hostile text comes back inert: every text field and file name a user or a partner can set, stored
with script and attribute-breaking payloads, is shown as text on every page, in the HTML report and in
the PDF report; links are only ever http(s) or mailto."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from inhouse.domain.accounts import Actor, Role, UserIn
from inhouse.domain.assets import AssetIn
from inhouse.domain.decisions import DecisionIn
from inhouse.domain.drills import DrillIn
from inhouse.domain.organisations import Partner, PartnerIn
from inhouse.domain.partners import ReferenceIn
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput
from inhouse.services import (
    accounts,
    assets,
    contracts,
    decisions,
    drills,
    jobs,
    lookup,
    partners_assess,
    partners_references,
)
from inhouse.services import partners as partner_service
from inhouse.services import reviews as review_service
from inhouse.web import create_app
from inhouse.web.access import declared_routes
from tests import records, webdata
from tests.webclient import WebClient

ATTACK = (
    "<script>alert(1)</script> \"><svg onload=alert(1)> ' onmouseover='alert(1)' "
    "</textarea><script>alert(1)</script> javascript:alert(1) data:text/html <b>x</b>"
)
"""Script and attribute-breaking payloads, for fields of one line (at most 200 characters with a tag)."""
FILE_ATTACK = "\"><img src=x onerror=alert(1)><svg onload=alert(1)>' onmouseover='alert(1)' <script>alert(1)<"
"""The same for a file name (no folder separator: a file name cannot hold '/')."""
BAD_LINKS = ("javascript:", "data:", "vbscript:")
OWN_SCRIPT = "/static/app.js"
OWN_LINKS = {
    ("link", "data:,"),  # base.html: no favicon request
}
"""Links of our own templates that are not web addresses (none comes from what a user wrote)."""
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcdoc")


def hostile(tag: str) -> str:
    """A payload carrying ``tag``, so a test can find where each field comes back."""
    return f"{tag} {ATTACK}"


def hostile_file(tag: str, suffix: str = ".txt") -> str:
    return f"{tag}{FILE_ATTACK}{suffix}"


def assert_inert_html(html: str, where: str) -> BeautifulSoup:
    """No script but our own static one, no event handler, no script or data link: the payloads are text."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") == OWN_SCRIPT and not script.get_text(strip=True), f"{where}: {script}"
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{where}: <{element.name}> has {handlers}"
        assert element.name not in ("iframe", "object", "embed", "img", "base"), f"{where}: {element}"
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if value is None:
                continue
            link = "".join(str(value).split()).lower()
            assert (element.name, link) in OWN_LINKS or not link.startswith(BAD_LINKS), (
                f"{where}: <{element.name} {name}={value!r}>"
            )
    for raw in ("<script>alert", "<svg onload", "<img src=x", "' onmouseover='", '" onmouseover='):
        assert raw not in html, f"{where}: {raw!r} came back unescaped"
    return soup


def assert_inert_pdf(content: bytes, where: str) -> str:
    """No link annotation to a script or data URI, no JavaScript action; the text of every page."""
    reader = PdfReader(io.BytesIO(content))
    text = []
    for number, page in enumerate(reader.pages, 1):
        text.append(page.extract_text() or "")
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            assert action.get("/S") != "/JavaScript", f"{where} page {number}: a JavaScript action"
            uri = str(action.get("/URI", "")).strip().lower()
            assert not uri.startswith(BAD_LINKS), f"{where} page {number}: a link to {uri!r}"
    assert b"/JavaScript" not in content and b"/JS " not in content, f"{where}: JavaScript in the PDF"
    return "\n".join(text)


def _seed(ws) -> dict:
    """Every text a user or a partner can set, hostile, stored through the services."""
    ids = webdata.seed(ws)
    eid = ids["engagement_id"]
    engagement_ref = str(eid)
    partner = records.add_partner(
        ws, hostile("XSSpartner"), notes=hostile("XSSpartnernotes") + "\nsee https://example.com and " + ATTACK
    )
    ids["partner_id"] = partner["id"]
    hostile_engagement = records.add_engagement(
        ws, hostile("XSSengagement"), str(partner["id"]), "2025-06-02", description=hostile("XSSdescription")
    )
    ids["hostile_engagement_id"] = hostile_engagement["id"]
    records.add_person(ws, hostile("XSSinternal"), "internal", role=hostile("XSSrole"))
    records.add_person(
        ws, hostile("XSSpartnerperson"), "partner", partner=webdata.PARTNER, role=hostile("XSSpartnerrole")
    )
    review_service.add(
        ws,
        engagement_ref,
        validated(
            ReviewIn,
            week_of="2026-11-09",
            done=hostile("XSSdone"),
            why=hostile("XSSwhy"),
            next=hostile("XSSnext"),
            attendees=[hostile("XSSattendee"), "Priya Raman"],
        ),
        today=date(2026, 11, 20),
    )
    decisions.add(
        ws,
        engagement_ref,
        validated(
            DecisionIn,
            title=hostile("XSSdecision"),
            decided_by="internal",
            decided_on="2026-11-10",
            rationale=hostile("XSSrationale"),
            deciders=[hostile("XSSdecider")],
        ),
    )
    drills.add(
        ws,
        engagement_ref,
        validated(
            DrillIn,
            performed_on="2026-11-12",
            person=hostile("XSSinternal"),
            modification=hostile("XSSmodification"),
            outcome="with_help",
            stuck_points=[hostile("XSSstuck")],
            training_hours=2,
        ),
    )
    assets.add(
        ws,
        engagement_ref,
        validated(
            AssetIn,
            name=hostile("XSSasset"),
            kind="repository",
            held_by="partner",
            holder=hostile("XSSholder"),
            location="javascript:alert(1)",
            notes=hostile("XSSassetnotes"),
        ),
    )
    partners_references.add(
        ws,
        webdata.PARTNER,
        validated(ReferenceIn, name=hostile("XSSreference"), notes=hostile("XSSreferencenotes")),
        engagement=engagement_ref,
    )
    contract_text = webdata.CONTRACT_TEXT + "\n4. Notes. " + hostile("XSScontracttext") + "\n"
    [checked] = contracts.check(
        ws, [Upload(name=hostile_file("XSScontractfile"), content=contract_text.encode())], engagement=engagement_ref
    )
    ids["contract_id"] = checked.document_id
    proposal = "Proposal\n\nWe will train your team. " + hostile("XSSproposaltext") + "\n"
    partners_assess.assess(
        ws, [Upload(name=hostile_file("XSSproposalfile"), content=proposal.encode())], partner=webdata.PARTNER
    )
    job = jobs.create(ws, "scan", subject=hostile("XSSjobsubject"), engagement_id=eid)
    jobs.fail(ws, job.id, hostile("XSSjoberror"))
    ids["job_id"] = job.id
    _hostile_scan(ws, eid)
    with ws.uow() as uow:  # a script link an older workspace may hold (the services refuse it now)
        client_id = lookup.the_client(uow).id
        uow.partners.add(Partner(name="XSSold partner", client_id=client_id, website="javascript:alert(1)"))
        uow.commit()
    return ids


def _hostile_scan(ws, engagement_id: int) -> None:
    """A scan whose author names and directories came from the partner's commits."""
    payload = webdata.scan_payload()
    payload["identities"][0]["names"] = [hostile("XSSauthor")]
    payload["identities"][0]["emails"] = ["x@quantialabs.io"]
    payload["offboarding"]["by_directory"][0]["path"] = hostile_file("XSSdirectory", "")
    payload["trajectory"][0]["period"] = hostile("XSSperiod")[:60]
    with ws.uow() as uow:
        uow.results.add(
            AnalysisResult(
                kind="scan",
                subject="/repos/eta-prediction",
                payload=payload,
                engagement_id=engagement_id,
                summary=hostile("XSSscansummary"),
            )
        )
        uow.commit()


@pytest.fixture
def hostile_workspace(ws):
    ids = _seed(ws)
    app = create_app(ws)
    with WebClient(app) as client:
        if "POST /engagements/{ref}/documents" in declared_routes(app):
            name = hostile_file("XSSdocumentfile")
            sent = client.post(
                f"/engagements/{ids['engagement_id']}/documents",
                files={"file": (name, b"Operations guide\n" + hostile("XSSdocumenttext").encode(), "text/plain")},
                follow_redirects=False,
            )
            assert sent.status_code < 400, sent.text[:300]
        yield client, ids


def test_links_and_domains_that_are_not_web_addresses_are_refused(ws):
    for website in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>"):
        with pytest.raises(InvalidInput, match="website must be an http or https address"):
            partner_service.add(ws, validated(PartnerIn, name="Harbour", website=website))
    with pytest.raises(InvalidInput, match="domains"):
        validated(PartnerIn, name="Harbour", domains=['"><svg onload=alert(1)>'])
    assert records.list_partners(ws) == []


def _pages(ids: dict) -> dict[str, set[str]]:
    """Every page, with the tags of the hostile texts it must show (as text)."""
    eid, hid = ids["engagement_id"], ids["hostile_engagement_id"]
    return {
        "/": {"XSSengagement", "XSSpartner", "XSSscansummary"},
        f"/engagements/{eid}": {
            "XSSdone",
            "XSSwhy",
            "XSSnext",
            "XSSattendee",
            "XSSdecision",
            "XSSrationale",
            "XSSinternal",
            "XSSmodification",
            "XSSstuck",
            "XSSasset",
            "XSSholder",
            "XSSassetnotes",
            "XSSauthor",
            "XSScontractfile",
            "XSSjobsubject",
            "XSSjoberror",
        },
        f"/engagements/{hid}": {"XSSengagement", "XSSdescription", "XSSpartner"},
        "/partners": {"XSSpartner", "XSSpartnernotes", "XSSreference", "XSSproposalfile"},
        f"/documents/{ids['contract_id']}": {"XSScontractfile", "XSScontracttext"},
        f"/jobs/{ids['job_id']}": {"XSSjobsubject", "XSSjoberror"},
        "/admin/users": set(),
        "/admin/audit": set(),
        f"/admin/audit?user={quote(ATTACK)}": set(),
        f"/engagements/{quote(hostile('XSSnosuch'), safe='')}": set(),  # an error page that names what was asked
        f"/login?next={quote('javascript:alert(1)')}": set(),
        f"/login?next={quote(ATTACK)}": set(),
    }


def test_every_page_shows_the_payloads_as_text(hostile_workspace):
    client, ids = hostile_workspace
    for url, tags in _pages(ids).items():
        answer = client.get(url)
        assert answer.status_code < 500, (url, answer.status_code)
        if "text/html" not in answer.headers.get("content-type", ""):
            continue
        soup = assert_inert_html(answer.text, url)
        shown = soup.get_text(" ")
        missing = {tag for tag in tags if tag not in shown}
        assert not missing, f"{url} does not show {missing}: the test would not see a payload there"
        for tag in tags:  # the text itself comes back whole, as written
            written = hostile_file(tag) if tag.endswith("file") else hostile(tag)
            assert written in " ".join(shown.split()), f"{url}: {tag} is not shown as written"


def test_the_html_report_shows_the_payloads_as_text(hostile_workspace):
    client, ids = hostile_workspace
    answer = client.get(f"/engagements/{ids['engagement_id']}/report?format=html")
    assert answer.status_code == 200
    soup = assert_inert_html(answer.text, "report.html")
    assert not soup.find_all("script")
    shown = soup.get_text(" ")
    assert "XSSdone" in shown and "<script>alert(1)</script>" in shown


def test_the_pdf_report_links_nowhere_but_the_web(hostile_workspace):
    client, ids = hostile_workspace
    for engagement in (ids["engagement_id"], ids["hostile_engagement_id"]):
        answer = client.get(f"/engagements/{engagement}/report?format=pdf")
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
        text = assert_inert_pdf(answer.content, f"report {engagement}")
        assert "XSS" in text  # the hostile text is there, as text


PASSWORD = "correct horse battery staple"


def test_both_signed_in_sides_show_the_payloads_as_text(ws):
    """The partner user's home (its weekly record) and the lead's engagement page with its
    confirmation forms, a partner-written hostile review and a hostile confirmation comment on it."""
    ids = _seed(ws)
    eid = ids["engagement_id"]
    lead = validated(UserIn, email="ann@acme.example", name=hostile("XSSlead"), role=Role.LEAD, password=PASSWORD)
    accounts.add(ws, lead)
    partner = accounts.add(
        ws,
        validated(
            UserIn,
            email="pat@quantialabs.io",
            name=hostile("XSSpartneruser"),
            role=Role.PARTNER,
            partner=webdata.PARTNER,
            password=PASSWORD,
        ),
    )
    as_partner = ws.acting(Actor(kind="user", label="pat@quantialabs.io", user_id=partner.id, role=Role.PARTNER))
    written = review_service.add(
        as_partner,
        str(eid),
        validated(ReviewIn, week_of="2026-11-23", done=hostile("XSSpartnerdone"), why="w", next="n"),
        today=date(2026, 11, 24),
    )
    app = create_app(ws)
    with WebClient(app) as client:
        client.sign_in("ann@acme.example", PASSWORD)
        noted = client.post(
            f"/engagements/{eid}/reviews/{written.id}/confirmation",
            data={"action": "comment", "note": hostile("XSScomment")},
        )
        assert noted.status_code < 400, noted.text[:300]
        for url, tags in {
            f"/engagements/{eid}": {"XSSpartnerdone", "XSScomment", "XSSpartneruser", "XSSdone"},
            "/": {"XSSengagement"},
        }.items():
            soup = assert_inert_html(client.get(url).text, f"lead {url}")
            shown = " ".join(soup.get_text(" ").split())
            assert all(tag in shown for tag in tags), (url, [tag for tag in tags if tag not in shown])
    with WebClient(app) as client:
        client.sign_in("pat@quantialabs.io", PASSWORD)
        home = client.get("/")
        assert home.status_code == 200
        soup = assert_inert_html(home.text, "partner home")
        shown = " ".join(soup.get_text(" ").split())
        for tag in ("XSSpartnerdone", "XSScomment", "XSSdone", "XSSdecision", "XSSmodification", "XSSstuck"):
            assert hostile(tag) in shown, f"the partner home does not show {tag} as written"
        assert "XSSpartner " not in shown and "XSSengagement" not in shown  # another partner's, hidden
