"""Signing in and out, and refused sign-ins, are entries of the audit log."""

from __future__ import annotations

import pytest

from inhouse.domain.accounts import Role, UserIn
from inhouse.domain.audit import AuditQuery
from inhouse.domain.shapes import validated
from inhouse.errors import Unauthenticated
from inhouse.services import accounts, audit, sessions

PASSWORD = "correct horse battery"


def _notes(ws) -> list:
    page = audit.list(ws, AuditQuery(record_type="users"))
    return [e for e in page.entries if e.action in ("sign_in", "sign_out", "sign_in_refused")]


def test_sign_in_and_out_are_noted_with_who_and_where(ws):
    accounts.add(ws, validated(UserIn, email="ann@client.example", name="Ann Lee", role=Role.LEAD, password=PASSWORD))
    found = accounts.check_password(ws, "ann@client.example", PASSWORD, "10.0.0.7")
    started = sessions.start(ws, found, "10.0.0.7")
    sessions.end(ws, started.session.id, "10.0.0.7")
    notes = _notes(ws)
    assert [(e.action, e.actor, e.address) for e in notes] == [
        ("sign_out", "ann@client.example", "10.0.0.7"),
        ("sign_in", "ann@client.example", "10.0.0.7"),
    ]
    assert notes[1].role is Role.LEAD and notes[1].record_id == found.id


@pytest.mark.parametrize("email", ["ann@client.example", "nobody@client.example", "bad\x00name"])
def test_a_refused_sign_in_is_noted_without_the_password(ws, email):
    accounts.add(ws, validated(UserIn, email="ann@client.example", name="Ann Lee", role=Role.LEAD, password=PASSWORD))
    with pytest.raises(Unauthenticated, match="wrong e-mail or password"):
        accounts.check_password(ws, email, "a wrong guess here", "10.0.0.9")
    [note] = _notes(ws)
    assert note.action == "sign_in_refused" and note.address == "10.0.0.9"
    assert "a wrong guess here" not in note.model_dump_json()
    assert "\x00" not in note.actor


def test_ending_a_local_session_notes_nothing(ws):
    started = sessions.start(ws, None, "127.0.0.1")
    sessions.end(ws, started.session.id)
    assert _notes(ws) == []
