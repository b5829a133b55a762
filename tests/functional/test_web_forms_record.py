"""The decision and drill forms submitted for real (in process) on real databases: stored through
their services with every field, shown on the page, refused with a clear 4xx storing nothing."""

from __future__ import annotations

import pytest

from inhouse.web import create_app
from tests import records, webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    records.add_person(ws, "Priya Raman", "internal", ["priya@meridian.example"])
    with WebClient(create_app(ws)) as client:
        yield client, ids["engagement_id"]


def _data(client, eid):
    return client.get(f"/api/engagements/{eid}").json()


def test_decision_form_records_who_decided_and_why(seeded):
    client, eid = seeded
    response = client.post(
        f"/engagements/{eid}/decisions",
        data={
            "title": "Own the model registry",
            "decided_by": "joint",
            "decided_on": "2026-11-17",
            "rationale": "exit readiness needs the models on our side",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/engagements/{eid}#decisions"
    [decision] = _data(client, eid)["decision_list"]
    assert (decision["title"], decision["decided_by"], decision["decided_on"], decision["rationale"]) == (
        "Own the model registry",
        "joint",
        "2026-11-17",
        "exit readiness needs the models on our side",
    )
    assert decision["review_week"] == "2026-11-16"  # linked to that week's review
    html = client.get(f"/engagements/{eid}").text
    item = html.split(f'id="decision-{decision["id"]}"', 1)[1].split("</li>", 1)[0]
    assert "Own the model registry" in item and "joint" in item and 'href="#review-2026-11-16"' in item


@pytest.mark.parametrize(
    "form, message",
    [
        ({"title": "X", "decided_by": "vendor", "decided_on": "2026-11-17"}, "decided_by must be one of"),
        ({"title": "X", "decided_by": "internal", "decided_on": "17/11/2026"}, "decided_on must be a date"),
        ({"title": "X", "decided_by": "internal", "decided_on": "2099-11-17"}, "decided_on must not be in the future"),
        ({"title": "X" * 100_000, "decided_by": "internal", "decided_on": "2026-11-17"}, "title must be at most 200"),
        ({"title": "X", "decided_by": "internal", "decided_on": "2020-01-06"}, "before the engagement"),
        ({"title": "   ", "decided_by": "internal", "decided_on": "2026-11-17"}, "title"),
    ],
)
def test_bad_decisions_are_refused_and_nothing_is_stored(seeded, form, message):
    client, eid = seeded
    response = client.post(f"/engagements/{eid}/decisions", data=form)
    assert response.status_code == 422 and 'id="error-message"' in response.text
    assert message in response.text
    assert _data(client, eid)["decision_list"] == []


def test_drill_form_records_stuck_points_and_training(seeded):
    client, eid = seeded
    response = client.post(
        f"/engagements/{eid}/drills",
        data={
            "performed_on": "2026-11-18",
            "person": "Priya Raman",
            "modification": "Roll back a model alone",
            "outcome": "stuck",
            "stuck_points": "Registry promotion is undocumented\n\nRollback needs partner CI\n",
            "training_hours": "0",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/engagements/{eid}#drills"
    drill = _data(client, eid)["drill_list"][0]
    assert drill["outcome"] == "stuck" and drill["person"] == "Priya Raman"
    assert drill["stuck_points"] == ["Registry promotion is undocumented", "Rollback needs partner CI"]
    assert drill["training_hours"] == 8.0  # 0 on the form: the default 4 h for each stuck point
    html = client.get(f"/engagements/{eid}").text
    item = html.split(f'id="drill-{drill["id"]}"', 1)[1].split("</li>\n", 1)[0]
    assert "stuck: Rollback needs partner CI" in item and "8 h of training requested" in item


def test_drill_form_with_explicit_hours(seeded):
    client, eid = seeded
    assert (
        client.post(
            f"/engagements/{eid}/drills",
            data={
                "performed_on": "2026-11-18",
                "person": "Priya Raman",
                "modification": "Retrain alone",
                "outcome": "with_help",
                "stuck_points": "Feature store access",
                "training_hours": "2.5",
            },
            follow_redirects=False,
        ).status_code
        == 303
    )
    assert _data(client, eid)["drill_list"][0]["training_hours"] == 2.5


@pytest.mark.parametrize(
    "form, message",
    [
        ({"outcome": "failed"}, "outcome must be one of 'alone', 'with_help' or 'stuck'"),
        ({"person": "Mei Chen <mei.chen@quantialabs.io>"}, "partner side"),
        ({"training_hours": "lots"}, "training_hours must be a number"),
        ({"training_hours": "inf"}, "training_hours must be a finite number ≥ 0"),
        ({"training_hours": "nan"}, "training_hours must be a finite number ≥ 0"),
        ({"training_hours": "-2"}, "training_hours must be a finite number ≥ 0"),
        ({"performed_on": "2099-01-01"}, "performed_on must not be in the future"),
        ({"modification": "   "}, "modification must not be blank"),
    ],
)
def test_bad_drills_are_refused_and_nothing_is_stored(seeded, form, message):
    client, eid = seeded
    before = _data(client, eid)["drill_list"]
    data = {
        "performed_on": "2026-11-18",
        "person": "Priya Raman",
        "modification": "Retrain alone",
        "outcome": "alone",
        "training_hours": "0",
        **form,
    }
    response = client.post(f"/engagements/{eid}/drills", data=data, headers={"accept": "application/json"})
    assert response.status_code == 422, response.text
    assert message in response.json()["error"]["message"]
    assert "--" not in response.json()["error"]["message"]
    assert _data(client, eid)["drill_list"] == before


def test_a_drill_by_someone_not_on_the_roster_is_not_found(seeded):
    client, eid = seeded
    before = _data(client, eid)["drill_list"]
    data = {"performed_on": "2026-11-18", "person": "Zed Nobody", "modification": "Retrain", "outcome": "alone"}
    response = client.post(f"/engagements/{eid}/drills", data=data, headers={"accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no person 'Zed Nobody' in this engagement"
    assert _data(client, eid)["drill_list"] == before
