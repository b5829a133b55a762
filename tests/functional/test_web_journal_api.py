"""The weekly record's JSON API on real databases: bodies are the services' input models, answers
their result models; bad values are one-line 4xx naming the field, and nothing is stored."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.organisations import PartnerIn
from inhouse.services import partners
from inhouse.web import create_app
from tests import records
from tests.webclient import WebClient

MONDAY = date.today() - timedelta(days=date.today().weekday())
LAST_WEEK = (MONDAY - timedelta(days=7)).isoformat()


@pytest.fixture
def api(ws):
    partners.add(ws, PartnerIn(name="Quantia Labs", domains=["quantialabs.io"]))
    eid = records.add_engagement(ws, "ETA", "Quantia Labs", (MONDAY - timedelta(weeks=20)).isoformat())["id"]
    records.add_person(ws, "Ann Inside", "internal", ["ann@acme.com"])
    records.add_person(ws, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    with WebClient(create_app(ws), raise_server_exceptions=False) as client:
        yield client, eid


def _page(client, eid) -> dict:
    response = client.get(f"/api/engagements/{eid}")
    assert response.status_code == 200, response.text
    return response.json()


DRILL = {"performed_on": LAST_WEEK, "person": "Ann Inside", "modification": "Roll back a model", "outcome": "stuck"}


def test_a_drills_training_hours_are_its_total(api):
    client, eid = api
    body = {**DRILL, "stuck_points": ["registry", "credentials", "CI"], "training_hours": 1}
    response = client.post(f"/api/engagements/{eid}/drills", json=body)
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["training_hours"] == 1.0 and added["training"]["requested_hours"] == 1.0
    assert list(added)[:8] == [
        "id",
        "engagement",
        "performed_on",
        "person",
        "modification",
        "outcome",
        "stuck_points",
        "training_hours",
    ]
    [listed] = _page(client, eid)["drill_list"]
    assert listed == {k: v for k, v in added.items() if k != "training"}  # one shape for the page and the API
    each = client.post(
        f"/api/engagements/{eid}/drills", json={**body, "training_hours": None, "hours_per_stuck_point": 2}
    )
    assert each.json()["training_hours"] == 6.0
    default = client.post(f"/api/engagements/{eid}/drills", json={**DRILL, "stuck_points": ["a", "b"]})
    assert default.json()["training_hours"] == 8.0  # the settings' 4 h for each stuck point


@pytest.mark.parametrize(
    "change, status, message",
    [
        ({"training_hours": float("inf")}, 422, "training_hours must be a finite number ≥ 0"),
        ({"training_hours": float("nan")}, 422, "training_hours must be a finite number ≥ 0"),
        ({"training_hours": -1}, 422, "training_hours must be a finite number ≥ 0"),
        ({"performed_on": "2099-01-01"}, 422, "performed_on must not be in the future"),
        ({"performed_on": "1969-12-31"}, 422, "performed_on must not be before 1970-01-01"),
        ({"outcome": "maybe"}, 422, "outcome must be one of 'alone', 'with_help' or 'stuck'"),
        ({"stuck_points": []}, 422, "stuck_points must name at least one point when the outcome is stuck"),
        ({"modification": "x" * 100_000}, 422, "modification must be at most 200 characters"),
        ({"person": "   "}, 422, "person must not be blank"),
        ({"person": "Zed Nobody"}, 404, "no person 'Zed Nobody' in this engagement"),
        ({"person": "Pat Partner"}, 422, "Pat Partner is on the partner side: a drill is done by an internal person"),
    ],
)
def test_bad_drills_are_refused_and_nothing_is_stored(api, change, status, message):
    client, eid = api
    body = {**DRILL, "stuck_points": ["registry"], **change}
    raw = client.post(
        f"/api/engagements/{eid}/drills",
        content=__import__("json").dumps(body),  # Python's JSON writes Infinity and NaN
        headers={"content-type": "application/json"},
    )
    assert raw.status_code == status, raw.text
    assert raw.json() == {"error": {"type": raw.json()["error"]["type"], "message": message}}
    assert "--" not in message and "inhouse " not in message
    page = _page(client, eid)
    assert page["drill_list"] == [] and page["status"]  # the page still answers, nothing stored


@pytest.mark.parametrize(
    "body, message",
    [
        ({"week_of": LAST_WEEK, "done": "  ", "why": "\t", "next": "\n"}, "done must not be blank"),
        ({"week_of": "2099-01-05", "done": "a", "why": "b", "next": "c"}, "week_of must not be in the future"),
        ({"week_of": "1960-01-04", "done": "a", "why": "b", "next": "c"}, "week_of must not be before 1970-01-01"),
        ({"week_of": LAST_WEEK, "done": "a" * 20_001, "why": "b", "next": "c"}, "done must be at most 20000"),
    ],
)
def test_bad_reviews_are_refused(api, body, message):
    client, eid = api
    response = client.post(f"/api/engagements/{eid}/reviews", json=body)
    assert response.status_code == 422 and message in response.json()["error"]["message"]
    assert _page(client, eid)["timeline"]["reviews"] == []


@pytest.mark.parametrize(
    "body, message",
    [
        ({"title": "X", "decided_by": "joint", "decided_on": "2099-01-01"}, "decided_on must not be in the future"),
        ({"title": "X" * 100_000, "decided_by": "joint", "decided_on": LAST_WEEK}, "title must be at most 200"),
        ({"title": "X", "decided_by": "vendor", "decided_on": LAST_WEEK}, "decided_by must be one of"),
        ({"title": "X", "decided_on": LAST_WEEK}, "no deciders: say who decided"),
    ],
)
def test_bad_decisions_are_refused(api, body, message):
    client, eid = api
    response = client.post(f"/api/engagements/{eid}/decisions", json=body)
    assert response.status_code == 422 and message in response.json()["error"]["message"]
    assert "--" not in response.json()["error"]["message"]
    assert _page(client, eid)["decision_list"] == []


def test_the_page_rows_are_the_api_rows(api):
    client, eid = api
    review = client.post(
        f"/api/engagements/{eid}/reviews",
        json={"week_of": LAST_WEEK, "done": "Built it", "why": "n/a", "next": "Ship", "attendees": ["Ann Inside"]},
    )
    assert review.status_code == 201, review.text
    decision = client.post(
        f"/api/engagements/{eid}/decisions",
        json={"title": "Own the registry", "decided_by": "joint", "decided_on": LAST_WEEK, "rationale": "exit"},
    )
    assert decision.status_code == 201, decision.text
    page = _page(client, eid)
    [row] = page["timeline"]["reviews"]
    assert row["week_of"] == review.json()["week_of"] and row["flags"] == review.json()["flags"]
    assert row["decisions"] == ["Own the registry"] and row["internal_attendees"] == ["Ann Inside"]
    assert page["decision_list"] == [decision.json()] and decision.json()["review_week"] == row["week_of"]
    assert page["timeline"]["flag_counts"] == {"boilerplate": 1}
    assert page["decision_summary"] == {
        "total": 1,
        "by_side": {"internal": 0, "joint": 1, "partner": 0},
        "internal_or_joint_share": 1.0,
    }
    html = client.get(f"/engagements/{eid}").text
    item = html.split(f'id="review-{row["week_of"]}"', 1)[1].split("</li>\n", 1)[0]
    assert "decision · joint</span> Own the registry" in item and "why: boilerplate" in item
