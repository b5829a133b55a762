"""The admin pages and their JSON: the audit log with filters and paging, and the accounts."""

from __future__ import annotations

import pytest

from inhouse.domain.accounts import UserIn
from inhouse.domain.shapes import validated
from inhouse.services import accounts
from inhouse.web import create_app
from tests.webclient import WebClient

PASSWORD = "correct horse battery"


def _add(ws, email: str, role: str) -> None:
    accounts.add(ws, validated(UserIn, email=email, name=email.split("@")[0].title(), role=role, password=PASSWORD))


def _signed_in(app, email: str) -> WebClient:
    return WebClient(app).sign_in(email, PASSWORD)


@pytest.fixture
def admin(ws):
    _add(ws, "root@acme.com", "admin")
    _add(ws, "lee@acme.com", "lead")
    app = create_app(ws)
    with _signed_in(app, "root@acme.com") as client:
        yield client


def test_a_write_through_the_web_is_logged_as_the_signed_in_user(admin):
    added = admin.post("/api/partners", json={"name": "Quantia Labs"})
    assert added.status_code in (200, 201), added.text
    answer = admin.get("/api/audit", params={"type": "partners"})
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert set(page) == {"entries", "next_before_id"}
    (entry,) = page["entries"]
    assert (entry["actor"], entry["actor_kind"], entry["role"]) == ("root@acme.com", "user", "admin")
    assert entry["address"] == "127.0.0.1" and entry["after"]["name"] == "Quantia Labs"
    users = admin.get("/api/audit", params={"type": "users", "action": "insert"}).json()["entries"]
    assert {e["after"]["email"] for e in users} == {"root@acme.com", "lee@acme.com"}
    assert all(e["after"]["password_hash"] == "***" for e in users)


def test_the_audit_page_filters_escapes_and_pages(admin):
    for name in ("<script>alert(1)</script>", "Second", "Third"):
        assert admin.post("/api/partners", json={"name": name}).status_code in (200, 201)
    page = admin.get("/admin/audit")
    assert page.status_code == 200 and 'id="audit-table"' in page.text
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "root@acme.com" in page.text and 'id="audit-filter-form"' in page.text
    only = admin.get("/admin/audit", params={"type": "partners", "limit": "2", "since": "", "user": ""})
    assert only.status_code == 200
    assert "partner Third added" in only.text and "partner Second added" in only.text
    assert "account root@acme.com added" not in only.text
    assert 'id="audit-older"' in only.text and "before_id=" in only.text and "type=partners" in only.text
    older = only.text.split('id="audit-older" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    rest = admin.get(older)
    assert rest.status_code == 200 and "partner &lt;script&gt;" in rest.text and "partner Third added" not in rest.text
    nothing = admin.get("/admin/audit", params={"user": "nobody@example.com"})
    assert nothing.status_code == 200 and 'id="audit-empty"' in nothing.text


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"since": "last week"}, "since must be a date"),
        ({"type": "web_sessions"}, "type must be one of"),
        ({"action": "edit"}, "action must be one of"),
        ({"limit": "0"}, "limit must be ≥ 1"),
        ({"limit": "5000"}, "limit must be ≤ 1000"),
        ({"before_id": "x"}, "before_id must be a whole number"),
    ],
)
def test_bad_filters_are_422_naming_the_field(admin, params, says):
    answer = admin.get("/api/audit", params=params)
    assert answer.status_code == 422 and says in answer.json()["error"]["message"], answer.text
    page = admin.get("/admin/audit", params=params)
    assert page.status_code == 422 and says in page.text


def test_the_accounts_page_and_api(admin):
    listed = admin.get("/api/users")
    assert listed.status_code == 200
    assert [(u["email"], u["role"], u["disabled"]) for u in listed.json()] == [
        ("lee@acme.com", "lead", False),
        ("root@acme.com", "admin", False),
    ]
    assert all("password" not in key for u in listed.json() for key in u)
    page = admin.get("/admin/users")
    assert page.status_code == 200 and 'id="users-table"' in page.text and "lee@acme.com" in page.text


def test_only_admins_reach_them(admin):
    with _signed_in(admin.app, "lee@acme.com") as lead:
        for path in ("/api/audit", "/api/users", "/admin/audit", "/admin/users"):
            assert lead.get(path).status_code == 403, path
    with WebClient(admin.app) as anonymous:
        assert anonymous.get("/api/audit").status_code == 401
