"""The partner's door on real databases: a partner user signs in to its engagements' weekly record,
writes a review that waits for the lead's confirmation, edits only its own, uploads a document,
and sees nothing else of the client's dashboard."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.docs_audit import DocsAuditIn
from inhouse.domain.organisations import PartnerIn
from inhouse.domain.repos import RepoIn
from inhouse.services import accounts, docs_audit, partners, repos
from inhouse.web import create_app
from tests import records
from tests.gitrepo import GitRepoBuilder
from tests.webclient import WebClient

TODAY = date.today()
MONDAY = TODAY - timedelta(days=TODAY.weekday())
LAST_WEEK = (MONDAY - timedelta(weeks=1)).isoformat()
PASSWORD = "correct horse battery staple"
REVIEW = {
    "week_of": LAST_WEEK,
    "done": "Moved the scoring service to the client's cluster",
    "why": "The client runs it after the exit",
    "next": "Hand over the runbook",
    "attendees": "Ann Lee, Pat Kim",
}
CONTRACT = (
    b"# Services agreement\n\nAll deliverables, including source code, are owned by the Client.\n"
    b"The Supplier shall provide knowledge transfer and documentation.\n"
)
FORBIDDEN = (
    "Partner comparison",
    "Scorecard",
    "Contract checklist",
    "contract review",
    "Knowledge at risk",
    "Status by area",
    "Exit readiness",
    "Asset inventory",
    'href="/partners"',
    "Other Works",
)


def _user(ws, email: str, name: str, role: Role, partner: str | None = None) -> None:
    accounts.add(ws, UserIn(email=email, name=name, role=role, partner=partner, password=PASSWORD))


@pytest.fixture
def door(ws, tmp_path):
    partners.add(ws, PartnerIn(name="Quantia Labs", domains=["quantialabs.io"]))
    partners.add(ws, PartnerIn(name="Other Works"))
    start = (MONDAY - timedelta(weeks=12)).isoformat()
    eta = records.add_engagement(ws, "ETA", "Quantia Labs", start)["id"]
    other = records.add_engagement(ws, "Beacon", "Other Works", start)["id"]
    records.add_person(ws, "Ann Lee", "internal", ["ann@acme.com"])
    repo = GitRepoBuilder(tmp_path / "eta-scoring")
    repo.commit("Ann Lee <ann@acme.com>", "2026-01-05", {"README.md": "# ETA scoring\n"})
    repos.add(ws, "ETA", RepoIn(repository=str(repo.path)))
    docs_audit.audit(ws, DocsAuditIn(repo=str(repo.path), engagement=str(eta)))
    _user(ws, "ann@acme.com", "Ann Lee", Role.LEAD)
    _user(ws, "pat@quantialabs.io", "Pat Kim", Role.PARTNER, "Quantia Labs")
    _user(ws, "pia@quantialabs.io", "Pia Roe", Role.PARTNER, "Quantia Labs")
    app = create_app(ws)

    def client(email: str) -> WebClient:
        return _signed_in(WebClient(app, raise_server_exceptions=False), email)

    return client, eta, other


def _signed_in(client: WebClient, email: str) -> WebClient:
    """Signed in through the login form as a browser does (with the form's token when it has one)."""
    form = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]*)"', form)
    data = {"email": email, "password": PASSWORD, **({"csrf_token": token.group(1)} if token else {})}
    answer = client.post("/login", data=data, follow_redirects=False)
    assert answer.status_code == 303, (answer.status_code, answer.text[:300])
    client._token = None
    return client


def _journal(client: WebClient, eid: int) -> dict:
    answer = client.get(f"/api/engagements/{eid}/journal")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_partner_review_is_confirmed_by_the_lead(door):
    client, eta, _ = door
    pat = client("pat@quantialabs.io")
    sent = pat.post(f"/engagements/{eta}/reviews", data=REVIEW, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"].startswith("/?note=")
    home = pat.get(sent.headers["location"])
    assert home.status_code == 200
    assert "written by Pat Kim (partner)" in home.text and "awaiting confirmation" in home.text
    assert "waits for the client" in home.text  # the note after the post
    [review] = _journal(pat, eta)["reviews"]
    assert (review["written_by"], review["author"], review["confirmed_on"]) == ("partner", "Pat Kim", None)
    # the partner cannot confirm its own review: the route answers as if it did not exist
    own = pat.post(f"/engagements/{eta}/reviews/{review['id']}/confirmation", data={"action": "confirm"})
    assert own.status_code == 404

    ann = client("ann@acme.com")
    page = ann.get(f"/engagements/{eta}")
    assert "written by Pat Kim (partner)" in page.text and "awaiting confirmation" in page.text
    assert f'action="/engagements/{eta}/reviews/{review["id"]}/confirmation"' in page.text
    commented = ann.post(
        f"/engagements/{eta}/reviews/{review['id']}/confirmation", data={"action": "comment", "note": "Which cluster?"}
    )
    assert commented.status_code == 200 and "Which cluster?" in commented.text
    empty = ann.post(f"/engagements/{eta}/reviews/{review['id']}/confirmation", data={"action": "comment"})
    assert empty.status_code == 422 and "note" in empty.text
    confirmed = ann.post(f"/api/engagements/{eta}/reviews/{review['id']}/confirmation", json={"action": "confirm"})
    assert confirmed.status_code == 200, confirmed.text
    assert (confirmed.json()["confirmed_by"], confirmed.json()["confirmed_on"]) == ("Ann Lee", TODAY.isoformat())
    shown = f"confirmed by Ann Lee, {TODAY.isoformat()}"
    assert shown in ann.get(f"/engagements/{eta}").text
    assert shown in pat.get("/").text and "Which cluster?" in pat.get("/").text
    again = ann.post(f"/api/engagements/{eta}/reviews/{review['id']}/confirmation", json={"action": "confirm"})
    assert again.status_code == 409


def test_a_partner_edits_its_own_unconfirmed_review_only(door):
    client, eta, _ = door
    pat, pia, ann = client("pat@quantialabs.io"), client("pia@quantialabs.io"), client("ann@acme.com")
    body = {**REVIEW, "attendees": ["Ann Lee"]}
    written = pat.post(f"/api/engagements/{eta}/reviews", json=body).json()
    home = pat.get("/").text
    assert f'action="/engagements/{eta}/reviews/{written["id"]}"' in home  # its own: an edit form
    assert f'action="/engagements/{eta}/reviews/{written["id"]}"' not in pia.get("/").text  # a colleague's: none
    edited = pat.post(f"/engagements/{eta}/reviews/{written['id']}", data={**REVIEW, "done": "Moved it, and tested"})
    assert edited.status_code == 200 and "Moved it, and tested" in edited.text
    other = pia.put(f"/api/engagements/{eta}/reviews/{written['id']}", json={**body, "done": "Not mine"})
    assert other.status_code == 404
    ann.post(f"/api/engagements/{eta}/reviews/{written['id']}/confirmation", json={"action": "confirm"})
    late = pat.put(f"/api/engagements/{eta}/reviews/{written['id']}", json={**body, "done": "Too late"})
    assert late.status_code == 409 and "confirmed" in late.json()["error"]["message"]
    assert f'action="/engagements/{eta}/reviews/{written["id"]}"' not in pat.get("/").text
    internal = ann.post(f"/api/engagements/{eta}/reviews", json={**body, "week_of": MONDAY.isoformat()}).json()
    assert internal["written_by"] == "internal" and internal["author"] == "Ann Lee"
    nothing = ann.post(f"/api/engagements/{eta}/reviews/{internal['id']}/confirmation", json={"action": "confirm"})
    assert nothing.status_code == 409 and "written internally" in nothing.json()["error"]["message"]
    # decisions: a partner records one and edits it; a colleague cannot
    decision = {"title": "Run on the client's cluster", "decided_by": "joint", "decided_on": LAST_WEEK}
    recorded = pat.post(f"/api/engagements/{eta}/decisions", json=decision).json()
    assert (recorded["written_by"], recorded["author"]) == ("partner", "Pat Kim")
    changed = pat.put(f"/api/engagements/{eta}/decisions/{recorded['id']}", json={**decision, "rationale": "Exit"})
    assert changed.status_code == 200 and changed.json()["rationale"] == "Exit"
    assert pia.put(f"/api/engagements/{eta}/decisions/{recorded['id']}", json=decision).status_code == 404
    form = pat.post(
        f"/engagements/{eta}/decisions",
        data={"title": "Weekly demo", "decided_by": "joint", "decided_on": LAST_WEEK},
        follow_redirects=False,
    )
    assert form.status_code == 303 and form.headers["location"].startswith("/?note=")


def test_the_partner_home_shows_the_weekly_record_and_nothing_else(door):
    client, eta, other = door
    pat = client("pat@quantialabs.io")
    home = pat.get("/")
    assert home.status_code == 200
    assert "ETA" in home.text and f'action="/engagements/{eta}/reviews"' in home.text
    assert (
        f'action="/engagements/{eta}/documents"' in home.text and f'action="/engagements/{eta}/decisions"' in home.text
    )
    for text in FORBIDDEN:
        assert text not in home.text, text
    assert f"/engagements/{other}" not in home.text
    token = pat.csrf_token()
    posted = re.findall(
        r'<form method="post"[^>]*>\s*<input type="hidden" name="csrf_token" value="([^"]*)"', home.text
    )
    assert len(posted) == home.text.count('<form method="post"') >= 4 and set(posted) == {token}  # every form
    assert "eta-scoring" in home.text and "operations guide" in home.text  # the documentation audit
    for path in ("/partners", f"/engagements/{eta}", f"/api/engagements/{eta}", f"/api/engagements/{other}/journal"):
        assert pat.get(path).status_code == 404, path
    assert pat.post(f"/engagements/{other}/reviews", data=REVIEW).status_code == 404
    # the lead's home is still the portfolio, with both engagements
    portfolio = client("ann@acme.com").get("/").text
    assert "Beacon" in portfolio and f'action="/engagements/{eta}/reviews"' not in portfolio


def test_the_journal_and_an_uploaded_contract_hold_no_contract_review(door):
    client, eta, _ = door
    pat, ann = client("pat@quantialabs.io"), client("ann@acme.com")
    answer = pat.post(
        f"/api/engagements/{eta}/documents",
        files={"file": ("agreement.md", CONTRACT, "text/markdown")},
        data={"kind": "contract"},
    )
    assert answer.status_code == 201, answer.text
    received = answer.json()
    assert set(received) == {"id", "name", "bytes", "sha256", "uploaded_by"} and received["bytes"] == len(CONTRACT)
    assert received["uploaded_by"] == "pat@quantialabs.io"  # its own address: who handed it over
    assert pat.get(f"/api/documents/{received['id']}").status_code == 404
    # the client's side has the review
    assert ann.get(f"/api/documents/{received['id']}").status_code == 200
    form = pat.post(
        f"/engagements/{eta}/documents",
        files={"file": ("notes.txt", b"Runbook draft", "text/plain")},
        follow_redirects=False,
    )
    assert form.status_code == 303 and "received" in form.headers["location"]
    assert "received notes.txt" in pat.get(form.headers["location"]).text
    long_name = "r" * 240 + ".txt"
    long = pat.post(
        f"/engagements/{eta}/documents", files={"file": (long_name, b"Runbook", "text/plain")}, follow_redirects=False
    )
    assert long.status_code == 303 and pat.get(long.headers["location"]).status_code == 200
    journal = _journal(pat, eta)
    assert set(journal) == {
        "id",
        "engagement",
        "start_date",
        "reviews",
        "decisions",
        "drills",
        "docs_audit",
        "authorship",
    }
    text = pat.get(f"/api/engagements/{eta}/journal").text.lower()
    assert not re.search(r"contract|clause|ownership|red_flag|partner_id|notes", text)
    assert "Contract checklist" not in pat.get("/").text
