"""The single-user local mode holds only for a browser on this machine asking a loopback name
directly; expired sessions do not pile up; a busy or missing database answers 503 with Retry-After."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

from inhouse.bootstrap import Workspace
from inhouse.services import sessions
from inhouse.services.accounts import now
from inhouse.settings import load_settings
from inhouse.store.tables_accounts import SessionRow
from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient


@pytest.fixture
def app(ws):
    webdata.seed(ws)
    return create_app(ws)


def test_a_browser_on_this_machine_gets_local_mode(app):
    with WebClient(app) as web:
        assert web.get("/api/me").json()["local"] is True
    with WebClient(app, base_url="http://localhost:8000") as web:
        assert web.get("/", follow_redirects=False).status_code == 200


@pytest.mark.parametrize(
    "header", [{"X-Forwarded-For": "203.0.113.9"}, {"Forwarded": "for=203.0.113.9"}, {"X-Real-IP": "203.0.113.9"}]
)
def test_a_request_through_a_proxy_never_gets_local_mode(app, header):
    with WebClient(app) as web:
        assert web.get("/api/me", headers=header).status_code == 401
        assert web.get("/", headers=header, follow_redirects=False).headers["location"].startswith("/login")


def test_another_machine_never_gets_local_mode(app):
    with WebClient(app, client=("192.0.2.4", 40000)) as web:
        assert web.get("/api/portfolio").status_code == 401


def test_expired_sessions_are_swept(ws, app):
    old = sessions.start(ws, None, "127.0.0.1")
    with ws.uow() as uow:
        uow.session.execute(
            text("UPDATE web_sessions SET seen_at = :at WHERE id = :id"),
            {"at": now() - timedelta(days=2), "id": old.session.id},
        )
        uow.commit()
    for _ in range(sessions.SWEEP_EVERY):
        sessions.start(ws, None, "127.0.0.1")
    with ws.uow() as uow:
        ids = set(uow.session.scalars(select(SessionRow.id)))
        assert old.session.id not in ids
        assert uow.session.scalar(select(func.count()).select_from(SessionRow)) == sessions.SWEEP_EVERY


def test_a_database_that_cannot_answer_gets_503_with_retry_after(tmp_path):
    blank = Workspace(load_settings(database_url=f"sqlite:///{tmp_path / 'not-initialised.db'}"))
    with WebClient(create_app(blank)) as web:
        api = web.get("/api/portfolio")
        page = web.get("/", follow_redirects=False)
    assert api.status_code == 503 and api.headers["retry-after"] == "5"
    assert page.status_code == 503 and page.headers["retry-after"] == "5"
    blank.dispose()
