"""Ids a user types into an address: out of 64-bit range, or digits that are not ASCII, are a
404 (no such engagement), never a 500; and the engagement routes describe their responses."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from inhouse.services import dashboard
from inhouse.store.tables_dashboard import EngagementStatusRow
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws)) as client:
        yield client, ids


@pytest.mark.parametrize(
    "path",
    [
        "/api/engagements/99999999999999999999999",
        "/api/engagements/9223372036854775808",  # one past the largest 64-bit id
        "/api/engagements/0",
        "/api/engagements/-1",
        "/api/engagements/⒉",
        "/api/engagements/²",
        "/engagements/⒉",
        "/engagements/99999999999999999999999",
        "/engagements/⒉/report?format=html",
        "/api/engagements/ETA%00prediction",  # no name holds a NUL (PostgreSQL refuses one in a query)
        "/engagements/%00",
    ],
)
def test_bad_ids_are_not_found(seeded, path):
    client, _ = seeded
    response = client.get(path)
    assert response.status_code == 404, response.text
    if path.startswith("/api/"):
        assert response.json()["error"]["type"] == "NotFound"
        assert "inhouse" not in response.json()["error"]["message"]  # no CLI command in a web message


def test_the_engagement_routes_declare_their_models(seeded):
    client, ids = seeded
    schema = client.get("/openapi.json").json()
    ok = {
        path: schema["paths"][path]["get"]["responses"]["200"]
        for path in schema["paths"]
        if "get" in schema["paths"][path]
    }
    refs = {path: str(ok[path]["content"]["application/json"]["schema"]) for path in ok}
    assert "EngagementPage" in refs["/api/engagements/{ref}"]
    assert "PortfolioPage" in refs["/api/portfolio"]
    assert "EngagementRecord" in refs["/api/engagements"]
    page = schema["components"]["schemas"]["EngagementPage"]
    assert {"timeline", "share", "knowledge", "contract", "status", "exit_readiness", "jobs"} <= set(page["properties"])
    assert schema["components"]["schemas"]["Phase"]["enum"] == ["advisory", "project"]
    served = client.get(f"/api/engagements/{ids['engagement_id']}").json()
    assert list(served) == list(page["properties"])  # the JSON has the model's keys, in its order


def test_a_stored_page_of_another_shape_is_rebuilt(seeded, ws):
    client, ids = seeded
    eid = ids["engagement_id"]
    first = client.get(f"/api/engagements/{eid}").json()
    with ws.uow() as uow:  # a page an older version stored under the current stamp, in its own shape
        uow.session.execute(
            update(EngagementStatusRow)
            .where(EngagementStatusRow.engagement_id == eid)
            .values(page={"name": first["name"], "timeline": {"reviews": "not a list"}})
        )
        uow.commit()
    again = client.get(f"/api/engagements/{eid}")
    assert again.status_code == 200 and again.json()["timeline"] == first["timeline"]
    assert client.get(f"/engagements/{eid}").status_code == 200
    with ws.uow() as uow:
        stored = uow.session.get(EngagementStatusRow, eid)
        assert stored is not None and stored.page["timeline"] == first["timeline"]  # stored again, rebuilt
    assert dashboard.engagement_page(ws, str(eid)).model_dump(mode="json") == again.json()
