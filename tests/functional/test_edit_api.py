"""PATCH on the JSON API: the body is the record's patch (only the fields sent change), the answer
the record as the lists show it; a bad value is a 422 naming the field, an unknown id a 404, and a
partner user edits only its own unconfirmed review."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.organisations import PartnerIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts, partners, sessions
from inhouse.web import create_app
from inhouse.web.access import SESSION_COOKIE
from tests import records
from tests.webclient import WebClient

MONDAY = date.today() - timedelta(days=date.today().weekday())
LAST_WEEK = (MONDAY - timedelta(days=7)).isoformat()


@pytest.fixture
def api(ws):
    partners.add(ws, PartnerIn(name="Quantia Labs", domains=["quantialabs.io"]))
    eid = records.add_engagement(ws, "ETA", "Quantia Labs", (MONDAY - timedelta(weeks=20)).isoformat())["id"]
    records.add_person(ws, "Ann Inside", "internal", ["ann@acme.com"])
    app = create_app(ws)
    with WebClient(app, raise_server_exceptions=False) as client:
        yield client, eid, app


def test_a_drill_with_a_bad_number_is_patched_and_the_page_follows(api):
    client, eid, _ = api
    drill = {"performed_on": LAST_WEEK, "person": "Ann Inside", "modification": "Roll back", "outcome": "stuck"}
    added = client.post(f"/api/engagements/{eid}/drills", json={**drill, "stuck_points": ["CI"], "training_hours": 1e9})
    assert added.status_code == 201, added.text
    url = f"/api/engagements/{eid}/drills/{added.json()['id']}"
    bad = client.patch(url, json={"training_hours": "lots"})
    assert bad.status_code == 422 and "training_hours" in bad.json()["error"]["message"]
    fixed = client.patch(url, json={"training_hours": 8})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json() == {**added.json(), "training_hours": 8.0, "training": fixed.json()["training"]}
    [listed] = client.get(f"/api/engagements/{eid}").json()["drill_list"]
    assert listed["training_hours"] == 8.0
    assert client.patch(f"/api/engagements/{eid}/drills/999", json={}).status_code == 404
    nulled = client.patch(url, json={"outcome": None})
    assert nulled.status_code == 422 and "outcome must not be null" in nulled.json()["error"]["message"]


def test_a_partner_user_patches_only_its_own_unconfirmed_review(api, ws):
    client, eid, app = api
    accounts.add(ws, validated(UserIn, email="lead@acme.example", name="Ann Lee", role=Role.LEAD))
    accounts.add(
        ws, validated(UserIn, email="pat@quantialabs.io", name="Pat", role=Role.PARTNER, partner="Quantia Labs")
    )

    def signed_in(email: str) -> WebClient:
        with ws.uow() as uow:
            found = uow.users.by_email(email)
        browser = WebClient(app, raise_server_exceptions=False)
        browser.cookies.set(SESSION_COOKIE, sessions.start(ws, found).cookie)
        return browser

    lead, pat = signed_in("lead@acme.example"), signed_in("pat@quantialabs.io")
    body = {"week_of": LAST_WEEK, "done": "Tuned", "why": "drift", "next": "ship"}
    own = pat.post(f"/api/engagements/{eid}/reviews", json=body)
    assert own.status_code == 201, own.text
    theirs = lead.post(
        f"/api/engagements/{eid}/reviews",
        json={**body, "week_of": (MONDAY - timedelta(weeks=2)).isoformat()},
    )
    url = f"/api/engagements/{eid}/reviews/"
    edited = pat.patch(url + str(own.json()["id"]), json={"done": "Tuned the model"})
    assert edited.status_code == 200 and edited.json()["done"] == "Tuned the model"
    refused = pat.patch(url + str(theirs.json()["id"]), json={"done": "x"})
    assert refused.status_code == 404
    # a partner user edits nothing else: not the partner, not the engagement, not a drill
    for path in ("/api/partners/1", f"/api/engagements/{eid}", "/api/people/1"):
        assert pat.patch(path, json={}).status_code == 404
