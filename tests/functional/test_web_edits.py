"""Edit forms and Delete buttons on the web for every record a user creates, on the demo workspace.

For each thing: its Edit form is on its page for the lead (the admin for accounts) and not for a
viewer or the partner user; a post changes the record (read back through its service); a bad value
is a 422 naming the field and changes nothing; its Delete button puts it in the trash. The demo is
built once for the module; each test works on a copy of its database.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import pytest

from inhouse.bootstrap import Workspace
from inhouse.services import (
    accounts,
    assets,
    drills,
    engagements,
    participation,
    partners,
    partners_references,
    people,
    repos,
    trash,
)
from inhouse.services.dashboard import contract_view
from inhouse.settings import load_settings
from inhouse.web import create_app
from inhouse.web.forms.edits import EDITS
from tests.webclient import WebClient

ADMIN = ("admin@meridianfreight.com", "demo-admin-password")
LEAD = ("dana.okafor@meridianfreight.com", "demo-lead-password")
VIEWER = ("grace.mensah@meridianfreight.com", "demo-viewer-password")
PARTNER = ("lukas@quantialabs.io", "demo-partner-password")


@pytest.fixture
def world(demo_db, tmp_path):
    path = tmp_path / "inhouse.db"
    shutil.copy(demo_db, path)
    ws = Workspace(load_settings(database_url=f"sqlite:///{path}"))
    yield ws, create_app(ws)
    ws.dispose()


def _as(app, who) -> WebClient:
    return WebClient(app).sign_in(*who)


def _listed_task(page: str) -> tuple[int, str]:
    """The first task the engagement page lists: its id and key."""
    found = re.search(r'<tr id="task-(\d+)">\s*<td data-label="Key" class="nowrap"><strong>([^<]+)</strong>', page)
    assert found, "no task on the page"
    return int(found.group(1)), found.group(2)


def _task(ws, key: str) -> Any:
    return next(t for t in participation.list_tasks(ws, "1") if t.key == key)


@dataclass
class Case:
    """One thing's form: its page, its record's id there, a good post and how to read it back, a bad one."""

    thing: str
    page: str
    record_id: int
    post: str
    good: dict[str, str]
    read: Callable[[Workspace], Any]
    expected: Any
    bad: dict[str, str]
    field: str
    editor: tuple[str, str] = LEAD


def _phase(ws: Workspace, phase_id: int) -> Any:
    return next(p for p in engagements.show(ws, "1").phases if p.id == phase_id)


CASES = [
    Case(
        "partner",
        "/partners",
        1,
        "/partners/1/edit",
        {"notes": "Kept after the pilot", "domains": "quantialabs.io\nquantia.example"},
        lambda ws: next((p.notes, p.email_domains) for p in partners.list_all(ws) if p.id == 1),
        ("Kept after the pilot", ["quantia.example", "quantialabs.io"]),
        {"status": "maybe"},
        "status",
    ),
    Case(
        "reference",
        "/partners",
        1,
        "/partners/1/references/1/edit",
        {"still_running": "no", "notes": "Ended in 2025"},
        lambda ws: next((r.still_running.value, r.notes) for r in partners_references.list_all(ws) if r.id == 1),
        ("no", "Ended in 2025"),
        {"similar_scale": "perhaps"},
        "similar_scale",
    ),
    Case(
        "engagement",
        "/engagements/1",
        1,
        "/engagements/1/edit",
        {"description": "ETA prediction for the parcel network", "plan": "30\n60\n95"},
        lambda ws: (
            engagements.show(ws, "1").description,
            [y.internal_share for y in engagements.show(ws, "1").plan],
        ),
        ("ETA prediction for the parcel network", [0.3, 0.6, 0.95]),
        {"start_date": "not a date"},
        "start_date",
    ),
    Case(
        "phase",
        "/engagements/1",
        2,
        "/engagements/1/phases/2/edit",
        {"reason": "The retraining scope was proven"},
        lambda ws: _phase(ws, 2).reason,
        "The retraining scope was proven",
        {"phase": "final"},
        "phase",
    ),
    Case(
        "person",
        "/engagements/1",
        3,
        "/people/3/edit",
        {"role": "Data lead", "emails": "priya.raman@meridianfreight.com"},
        lambda ws: next((p.role, p.emails) for p in people.list_all(ws) if p.id == 3),
        ("Data lead", ["priya.raman@meridianfreight.com"]),
        {"emails": "not an address"},
        "emails",
    ),
    Case(
        "repo",
        "/engagements/1",
        1,
        "/engagements/1/repos/1/edit",
        {"name": "eta-core", "default_rev": "main"},
        lambda ws: next((r.name, r.default_rev) for r in repos.list_all(ws) if r.id == 1),
        ("eta-core", "main"),
        {"default_rev": ""},
        "default_rev",
    ),
    Case(
        "document",
        "/documents/1",
        1,
        "/documents/1/edit",
        {"title": "Master services agreement, 2025"},
        lambda ws: contract_view(ws, 1).document.title,
        "Master services agreement, 2025",
        {"title": "x" * 501},
        "title",
    ),
    Case(
        "drill",
        "/engagements/1",
        1,
        "/engagements/1/drills/1/edit",
        {"modification": "Moved the retraining schedule", "training_hours": "6"},
        lambda ws: next((d.modification, d.training_hours) for d in drills.list_drills(ws, "1").drills if d.id == 1),
        ("Moved the retraining schedule", 6.0),
        {"outcome": "maybe"},
        "outcome",
    ),
    Case(
        "asset",
        "/engagements/1",
        1,
        "/engagements/1/assets/1/edit",
        {"held_by": "internal", "holder": "Dana Okafor"},
        lambda ws: next((a.held_by.value, a.holder) for a in assets.list_all(ws) if a.id == 1),
        ("internal", "Dana Okafor"),
        {"kind": "spaceship"},
        "kind",
    ),
    Case(
        "user",
        "/admin/users",
        3,
        "/admin/users/3/edit",
        {"name": "Grace Mensah-Owusu"},
        lambda ws: next(u.name for u in accounts.list_all(ws) if u.id == 3),
        "Grace Mensah-Owusu",
        {"role": "boss"},
        "role",
        editor=ADMIN,
    ),
]
BY_THING = {case.thing: case for case in CASES}


def test_every_edit_form_of_the_table_is_tested():
    assert set(BY_THING) | {"task"} == set(EDITS)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.thing)
def test_the_form_is_on_its_page_for_who_may_edit_only(world, case):
    _, app = world
    editor = _as(app, case.editor).get(case.page)
    assert editor.status_code == 200
    form = f'id="edit-{case.thing}-{case.record_id}"'
    assert form in editor.text, f"no {case.thing} form on {case.page}"
    assert f'action="{case.post}"' in editor.text
    assert f'id="delete-{case.thing}-{case.record_id}"' in editor.text  # and its Delete button
    viewer = _as(app, VIEWER).get(case.page)
    assert form not in viewer.text and 'class="stack edit-form"' not in viewer.text
    assert f'id="delete-{case.thing}-{case.record_id}"' not in viewer.text
    home = _as(app, PARTNER).get("/")
    assert home.status_code == 200 and f'action="{case.post}"' not in home.text
    if case.editor == ADMIN:  # accounts: the lead neither sees them nor edits them
        assert _as(app, LEAD).get(case.page).status_code == 403


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.thing)
def test_a_post_changes_the_record_and_goes_back_with_a_note(world, case):
    ws, app = world
    editor = _as(app, case.editor)
    back = f"{case.page}#edit-{case.thing}-{case.record_id}"
    done = editor.post(case.post, data={**case.good, "next": back}, follow_redirects=False)
    assert done.status_code == 303, done.text[:500]
    where = done.headers["location"]
    assert where.startswith(case.page + "?note=Saved") and where.endswith(f"#edit-{case.thing}-{case.record_id}")
    assert case.read(ws) == case.expected
    shown = editor.get(where.split("#")[0])
    assert 'id="page-note"' in shown.text and unquote(where.split("note=")[1].split("#")[0]) in shown.text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.thing)
def test_a_bad_value_names_its_field_and_changes_nothing(world, case):
    ws, app = world
    before = case.read(ws)
    editor = _as(app, case.editor)
    answer = editor.post(case.post, data={**case.good, **case.bad}, follow_redirects=False)
    assert answer.status_code == 422, answer.text[:300]
    message = re.search(r'id="error-message">([^<]*)<', answer.text)
    assert message and case.field in message.group(1), answer.text[:500]
    assert case.read(ws) == before
    api = editor.post(case.post, data=case.bad, headers={"Accept": "application/json"})
    assert api.status_code == 422 and api.json()["error"]["type"] == "InvalidInput"
    assert case.field in api.json()["error"]["message"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.thing)
def test_who_may_not_edit_is_refused_and_nothing_changes(world, case):
    ws, app = world
    before = case.read(ws)
    refused = _as(app, VIEWER).post(case.post, data=case.good, follow_redirects=False)
    assert refused.status_code == 403
    hidden = _as(app, PARTNER).post(case.post, data=case.good, follow_redirects=False)
    assert hidden.status_code == 404  # a partner user learns nothing of what it may not see
    assert case.read(ws) == before


DELETES = [
    ("partner", 2, "/partners", LEAD),
    ("reference", 1, "/partners", LEAD),
    ("phase", 2, "/engagements/1", LEAD),
    ("person", 3, "/engagements/1", LEAD),
    ("repo", 1, "/engagements/1", LEAD),
    ("document", 1, "/documents/1", LEAD),
    ("drill", 1, "/engagements/1", LEAD),
    ("asset", 1, "/engagements/1", LEAD),
    ("user", 3, "/admin/users", ADMIN),
    ("engagement", 1, "/engagements/1", LEAD),
]


@pytest.mark.parametrize(("thing", "record_id", "page", "who"), DELETES, ids=[d[0] for d in DELETES])
def test_its_delete_button_puts_it_in_the_trash(world, thing, record_id, page, who):
    ws, app = world
    client = _as(app, who)
    shown = client.get(page).text
    button = re.search(
        rf'<form method="post" action="/delete/{thing}/{record_id}" class="inline">(.*?)</form>', shown, re.S
    )
    assert button, f"no Delete button for {thing} {record_id} on {page}"
    back = re.search(r'name="next" value="([^"]*)"', button.group(1)).group(1)
    done = client.post(f"/delete/{thing}/{record_id}", data={"next": back}, follow_redirects=False)
    assert done.status_code == 303 and "note=Deleted" in done.headers["location"], done.text[:300]
    entries = trash.entries(ws)
    assert [(e.thing, e.record_id) for e in entries] == [(thing, record_id)]


def test_a_task_is_edited_and_deleted_from_the_engagement_page(world):
    ws, app = world
    lead = _as(app, LEAD)
    page = lead.get("/engagements/1").text
    total = len(participation.list_tasks(ws, "1"))
    assert len(re.findall(r'<tr id="task-\d+">', page)) == min(total, 50)
    assert f"of {total}" in page or total <= 50
    task_id, key = _listed_task(page)
    assert f'id="edit-task-{task_id}"' in page and f'value="{key}"' in page
    done = lead.post("/engagements/1/tasks/edit", data={"key": key, "status": "Won't do"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/engagements/1?note=Saved")
    assert _task(ws, key).status == "Won't do"
    bad = lead.post("/engagements/1/tasks/edit", data={"key": key, "worked_on": "someday"})
    assert bad.status_code == 422 and "worked_on" in bad.text and _task(ws, key).status == "Won't do"
    unknown = lead.post("/engagements/1/tasks/edit", data={"key": "NOPE-0", "status": "Done"})
    assert unknown.status_code == 404
    nameless = lead.post("/engagements/1/tasks/edit", data={"status": "Done"})
    assert nameless.status_code == 422 and "key" in nameless.text
    assert 'class="stack edit-form"' not in _as(app, VIEWER).get("/engagements/1").text
    deleted = lead.post(f"/delete/task/{task_id}", data={"next": "/engagements/1#tasks"}, follow_redirects=False)
    assert deleted.status_code == 303
    assert [(e.thing, e.record_id) for e in trash.entries(ws)] == [("task", task_id)]
    assert key not in {t.key for t in participation.list_tasks(ws, "1")}


def test_only_an_admin_deletes_an_account(world):
    ws, app = world
    assert 'id="delete-user-' not in _as(app, LEAD).get("/admin/users").text  # the page is the admin's
    refused = _as(app, LEAD).post("/delete/user/3", data={"next": "/admin/users"}, follow_redirects=False)
    assert refused.status_code == 403 and not trash.entries(ws)


def test_an_edit_never_sends_the_browser_to_another_site(world):
    _, app = world
    lead = _as(app, LEAD)
    for elsewhere in ("//evil.example/x", "https://evil.example/", "\\\\evil.example"):
        done = lead.post("/engagements/1/repos/1/edit", data={"name": "eta", "next": elsewhere}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"].startswith("/engagements/1?note="), elsewhere


def test_odd_posts_are_refused_as_bad_input(world):
    ws, app = world
    lead = _as(app, LEAD)
    before = next(r.name for r in repos.list_all(ws))
    for path in ("/engagements/1/repos/0/edit", "/engagements/1/repos/x/edit", "/people/99999999999/edit"):
        answer = lead.post(path, data={"name": "eta"})
        assert answer.status_code == 422, (path, answer.status_code)
    assert lead.post("/engagements/1/repos/999/edit", data={"name": "eta"}).status_code == 404
    with_file = lead.post("/engagements/1/repos/1/edit", files={"name": ("n.txt", b"eta", "text/plain")})
    assert with_file.status_code == 422 and "name" in with_file.text
    nul = lead.post("/engagements/1/repos/1/edit", data={"name": "eta\x00core"})
    assert nul.status_code == 422
    assert lead.post("/engagements/1/repos/1/edit", data={"next": "/x\x00"}).status_code == 422
    assert next(r.name for r in repos.list_all(ws)) == before
    empty = lead.post("/engagements/1/repos/1/edit", data={}, follow_redirects=False)  # nothing sent, nothing changed
    assert empty.status_code == 303 and next(r.name for r in repos.list_all(ws)) == before


def test_the_new_tables_fit_a_phone(world):
    _, app = world
    page = _as(app, LEAD).get("/engagements/1").text
    for table in ("repo-table", "phase-table", "people-table", "task-table"):
        assert re.search(rf'<div class="table-wrap"><table id="{table}" class="responsive compact">', page), table
    cells = re.findall(r"<td(?: [^>]*)?>", page[page.index('id="records"') :])
    assert cells and all("data-label=" in cell for cell in cells)
