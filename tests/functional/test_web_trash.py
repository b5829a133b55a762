"""Deleting and restoring on the web: a Delete button that asks once more, the trash page, the API.

On the demo workspace: the lead deletes a drill from the engagement page and restores it from
the trash; the API deletes and restores too; a viewer and the partner user delete nothing; only
an admin deletes an account or purges the trash.
"""

from __future__ import annotations

import re
import shutil

import pytest

from inhouse.bootstrap import Workspace
from inhouse.services import participation
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests.webclient import WebClient

ADMIN = ("admin@meridianfreight.com", "demo-admin-password")
LEAD = ("dana.okafor@meridianfreight.com", "demo-lead-password")
VIEWER = ("grace.mensah@meridianfreight.com", "demo-viewer-password")
PARTNER = ("lukas@quantialabs.io", "demo-partner-password")


@pytest.fixture
def app(demo_db, tmp_path):
    path = tmp_path / "inhouse.db"
    shutil.copy(demo_db, path)
    ws = Workspace(load_settings(database_url=f"sqlite:///{path}"))
    yield create_app(ws)
    ws.dispose()


def _as(app, who) -> WebClient:
    return WebClient(app).sign_in(*who)


def _drill_ids(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'id="drill-(\d+)"', page)]


def test_the_lead_deletes_a_drill_and_restores_it(app):
    lead = _as(app, LEAD)
    page = lead.get("/engagements/1").text
    drills = _drill_ids(page)
    assert drills and f'id="confirm-delete-drill-{drills[0]}"' in page
    done = lead.post(f"/delete/drill/{drills[0]}", data={"next": "/engagements/1#drills"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/engagements/1?note=Deleted")
    assert drills[0] not in _drill_ids(lead.get("/engagements/1").text)
    trash = lead.get("/trash").text
    entry = int(re.search(r'id="restore-(\d+)"', trash).group(1))
    assert 'id="purge-' not in trash  # purging is for admins
    back = lead.post(f"/trash/{entry}/restore", follow_redirects=False)
    assert back.status_code == 303 and "Restored" in back.headers["location"]
    assert drills[0] in _drill_ids(lead.get("/engagements/1").text)
    assert 'id="trash-empty"' in lead.get("/trash").text


def test_a_delete_never_sends_the_browser_elsewhere(app):
    lead = _as(app, LEAD)
    drill = _drill_ids(lead.get("/engagements/1").text)[0]
    done = lead.post(f"/delete/drill/{drill}", data={"next": "//evil.example/x"}, follow_redirects=False)
    assert done.headers["location"].startswith("/trash?")


def test_the_api_deletes_and_restores(app):
    lead = _as(app, LEAD)
    drill = _drill_ids(lead.get("/engagements/1").text)[0]
    deleted = lead.delete(f"/api/engagements/1/drills/{drill}")
    assert deleted.status_code == 200, deleted.text
    body = deleted.json()
    assert body["thing"] == "drill" and body["trash"]["id"] >= 1 and not body["purged"]
    assert lead.delete(f"/api/engagements/1/drills/{drill}").status_code == 404
    listed = lead.get("/api/trash").json()
    assert [e["id"] for e in listed] == [body["trash"]["id"]]
    restored = lead.post(f"/api/trash/{body['trash']['id']}/restore")
    assert restored.status_code == 200 and restored.json()["record_id"] == drill
    # a record of another engagement is not found through this one
    assert lead.delete("/api/engagements/999/drills/1").status_code == 404


def test_a_reference_check_is_deleted_only_through_its_own_partner(app):
    lead = _as(app, LEAD)
    partners = lead.get("/api/partners").json()["partners"]
    checked = next(p for p in partners if p["references"])
    other = next(p for p in partners if p["id"] != checked["id"])
    reference = checked["references"][0]["id"]
    wrong = lead.delete(f"/api/partners/{other['id']}/references/{reference}")
    assert wrong.status_code == 404, wrong.text
    assert other["name"] in wrong.text
    assert lead.get("/api/trash").json() == []  # nothing deleted
    right = lead.delete(f"/api/partners/{checked['name']}/references/{reference}")
    assert right.status_code == 200 and right.json()["thing"] == "reference"


def test_a_task_is_deleted_by_its_key_in_one_step(app):
    lead = _as(app, LEAD)
    key = participation.list_tasks(app.state.workspace, "1")[0].key
    done = lead.delete(f"/api/engagements/1/tasks/{key}")
    assert done.status_code == 200 and done.json()["thing"] == "task", done.text
    assert lead.delete(f"/api/engagements/1/tasks/{key}").status_code == 404


def test_the_lead_cannot_purge_or_delete_accounts_the_admin_can(app):
    lead = _as(app, LEAD)
    drill = _drill_ids(lead.get("/engagements/1").text)[0]
    entry = lead.delete(f"/api/engagements/1/drills/{drill}").json()["trash"]["id"]
    assert lead.delete(f"/api/trash/{entry}").status_code == 403
    assert lead.delete("/api/engagements/1/drills/1?purge=true").status_code == 403
    assert lead.delete("/api/users/3").status_code == 403
    admin = _as(app, ADMIN)
    assert admin.delete(f"/api/trash/{entry}").json()["id"] == entry
    assert admin.get("/api/trash").json() == []
    assert admin.delete("/api/users/3").json()["thing"] == "user"


@pytest.mark.parametrize("who", [VIEWER, PARTNER], ids=["viewer", "partner"])
def test_viewers_and_partners_delete_nothing(app, who):
    client = _as(app, who)
    assert "confirm-delete" not in client.get("/").text
    assert client.delete("/api/engagements/1/drills/1").status_code in (403, 404)
    assert client.post("/delete/drill/1", data={"next": "/"}, follow_redirects=False).status_code in (403, 404)
    assert client.get("/trash").status_code in (403, 404)
    lead = _as(app, LEAD)
    assert 1 in _drill_ids(lead.get("/engagements/1").text)


def test_a_restored_account_gets_its_tokens_back_but_signs_in_again(app):
    from inhouse.services import tokens

    viewer = _as(app, VIEWER)
    token = tokens.create(app.state.workspace, VIEWER[0], "30d").token
    bearer = {"Authorization": f"Bearer {token}"}
    assert viewer.get("/api/engagements").status_code == 200
    assert WebClient(app).get("/api/engagements", headers=bearer).status_code == 200
    admin = _as(app, ADMIN)
    grace = next(u for u in admin.get("/api/users").json() if u["email"] == VIEWER[0])
    entry = admin.delete(f"/api/users/{grace['id']}").json()["trash"]["id"]
    assert viewer.get("/api/engagements").status_code == 401  # her session ended with the account
    assert WebClient(app).get("/api/engagements", headers=bearer).status_code == 401

    assert admin.post(f"/api/trash/{entry}/restore").status_code == 200
    assert WebClient(app).get("/api/engagements", headers=bearer).status_code == 200  # the token is back
    assert viewer.get("/api/engagements").status_code == 401  # the session is not: she signs in again
    assert _as(app, VIEWER).get("/api/engagements").status_code == 200
