"""The audit log on real databases: every write leaves an entry in its own transaction, naming who
acted, with the record before and after; nothing edits or removes an entry."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from inhouse.domain.accounts import Actor, Role, UserIn
from inhouse.domain.audit import AuditQuery
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import WeeklyReview
from inhouse.domain.shapes import validated
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import accounts, jobs, tokens
from inhouse.services import audit as audit_service
from inhouse.store.tables import PartnerRow

ANN = Actor(kind="user", label="ann@acme.com", user_id=41, role=Role.LEAD, address="10.1.2.3")


def _entries(ws, **filters):
    return audit_service.list(ws, validated(AuditQuery, **filters)).entries


def _count(ws) -> int:
    with ws.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()


def _engagement(ws) -> int:
    from tests import records

    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    return records.add_engagement(ws, "ETA", "Quantia Labs", "2026-01-05")["id"]


def test_a_write_names_who_made_it_with_the_record_after(ws):
    from tests import records

    records.add_partner(ws.acting(ANN), "Quantia Labs", website="quantia.example", notes="shortlisted")
    (entry,) = _entries(ws, record_type="partners")
    assert (entry.actor, entry.actor_kind, entry.role, entry.address) == ("ann@acme.com", "user", Role.LEAD, "10.1.2.3")
    assert (entry.action, entry.record_type, entry.before) == ("insert", "partners", None)
    assert entry.after is not None
    assert entry.after["name"] == "Quantia Labs" and entry.after["website"] == "https://quantia.example"
    assert entry.record_id == entry.after["id"] and entry.summary == "partner Quantia Labs added"
    assert abs(entry.at - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=5)


def test_a_change_holds_the_old_and_new_values_of_what_changed(ws):
    from tests import records

    eid = _engagement(ws)
    records.change_phase(ws.acting(ANN), "ETA", "project", "2026-03-02", "pilot proven")
    changed = [e for e in _entries(ws, user="ANN@acme.com") if e.action == "update"]
    by_type = {e.record_type: e for e in changed}
    assert by_type["engagements"].before == {"phase": "advisory"}
    assert by_type["engagements"].after == {"phase": "project"}
    assert by_type["engagements"].engagement_id == eid and by_type["engagements"].record_id == eid
    assert by_type["engagements"].summary == "engagement ETA changed: phase"
    added = _entries(ws, user="ann@acme.com", record_type="engagement_phases")
    assert [e.after["phase"] for e in added if e.after] == ["project"]
    assert added[0].engagement_id == eid and added[0].after and added[0].after["started_on"] == "2026-03-02"


def test_a_weekly_review_is_named_by_its_week(ws):
    eid = _engagement(ws)
    with ws.acting(ANN).uow() as uow:
        uow.reviews.add(WeeklyReview(engagement_id=eid, week_of=date(2026, 11, 16), done="a", why="b", next="c"))
        uow.commit()
    (entry,) = _entries(ws, record_type="weekly_reviews")
    assert entry.summary == "weekly review 2026-11-16 added" and entry.engagement_id == eid
    assert entry.after and entry.after["week_of"] == "2026-11-16" and entry.after["done"] == "a"


def test_a_removal_holds_the_record_before(ws):
    from tests import records

    records.add_partner(ws, "Gone Ltd")
    with ws.acting(ANN).uow() as uow:
        row = uow.session.query(PartnerRow).filter_by(name="Gone Ltd").one()
        uow.session.delete(row)
        uow.commit()
    (entry,) = _entries(ws, action="delete")
    assert entry.actor == "ann@acme.com" and entry.after is None
    assert entry.before and entry.before["name"] == "Gone Ltd" and entry.summary == "partner Gone Ltd removed"


def test_a_failed_unit_of_work_leaves_no_entry(ws):
    from tests import records

    _engagement(ws)
    stored = _count(ws)
    with pytest.raises(Conflict):
        records.add_partner(ws.acting(ANN), "quantia labs")
    with pytest.raises(RuntimeError):
        with ws.acting(ANN).uow() as uow:
            uow.session.add(PartnerRow(client_id=1, name="Half Done"))
            uow.flush()
            # logged in the write's own transaction: visible inside it...
            assert uow.audit.page(record_type="partners").entries[0].summary == "partner Half Done added"
            raise RuntimeError("crash before commit")
    # ... and rolled back with it
    assert _count(ws) == stored
    assert _entries(ws, user="ann@acme.com") == []


def test_a_bulk_statement_that_would_bypass_the_log_is_refused(ws):
    from tests import records

    records.add_partner(ws, "Quantia Labs")
    with ws.uow() as uow:
        with pytest.raises(RuntimeError, match="partners is audited"):
            uow.session.execute(update(PartnerRow).values(notes="unlogged"))
    assert records.list_partners(ws)[0]["notes"] == ""


def test_values_are_json_safe_and_secrets_never_stored(ws):
    eid = _engagement(ws)
    content = bytes(range(256)) * 4
    with ws.acting(ANN).uow() as uow:
        doc = uow.documents.add(
            Document(filename="msa.pdf", kind=DocumentKind.CONTRACT, content=content, engagement_id=eid)
        )
        uow.results.add(
            AnalysisResult(
                kind="contract",
                subject="msa.pdf",
                payload={"text": "x" * 5000},
                engagement_id=eid,
                document_id=doc.id,
            )
        )
        uow.commit()
    (document,) = _entries(ws, record_type="documents")
    assert document.after and document.after["content"] == {
        "bytes": 1024,
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    (result,) = _entries(ws, record_type="analysis_results")
    assert (
        result.after
        and set(result.after["payload"]) == {"omitted"}
        and "bytes of JSON" in result.after["payload"]["omitted"]
    )

    accounts.add(ws, validated(UserIn, email="Bo@acme.com", name="Bo", role="admin", password="a long passphrase"))
    tokens.create(ws, "bo@acme.com", "30d")
    (user,) = _entries(ws, record_type="users")
    assert user.after and user.after["password_hash"] == "***" and user.after["email"] == "bo@acme.com"
    (token,) = _entries(ws, record_type="api_tokens")
    assert token.after and token.after["token_hash"] == "***"
    with ws.engine.connect() as conn:
        logged = " ".join(str(v) for v in conn.execute(text("SELECT before, after FROM audit_log")).all())
        password_hash = conn.execute(text("SELECT password_hash FROM users")).scalar_one()
        token_hash = conn.execute(text("SELECT token_hash FROM api_tokens")).scalar_one()
    assert password_hash not in logged and token_hash not in logged and "argon2" not in logged


def test_job_progress_and_sign_in_times_are_not_entries(ws):
    eid = _engagement(ws)
    job = jobs.create(ws, "scan", "repo", eid)
    jobs.start(ws, job.id)
    jobs.progress(ws, job.id, 0.5, "halfway")
    assert [e.action for e in _entries(ws, record_type="jobs")] == ["insert"]
    accounts.add(ws, validated(UserIn, email="bo@acme.com", name="Bo", role="lead", password="a long passphrase"))
    found = accounts.check_password(ws, "bo@acme.com", "a long passphrase")
    with ws.uow() as uow:
        uow.users.logged_in(found.stored_id, datetime(2026, 11, 16, 9, 0))
        uow.commit()
    assert [e.action for e in _entries(ws, record_type="users")] == ["insert"]


def test_a_note_is_stored_with_its_transaction(ws):
    bo = Actor(kind="user", label="bo@acme.com", user_id=7, role=Role.ADMIN, address="10.0.0.9")
    with ws.uow() as uow:
        audit_service.note(uow, "sign_in", "bo@acme.com signed in", record_id=7, actor=bo)
        uow.commit()
    with ws.uow() as uow:
        audit_service.note(uow, "sign_out", "never committed", actor=bo)
    (entry,) = _entries(ws, action="sign_in")
    assert (entry.actor, entry.address, entry.record_type, entry.record_id) == ("bo@acme.com", "10.0.0.9", "users", 7)
    assert entry.summary == "bo@acme.com signed in" and entry.before is None and entry.after is None
    assert _entries(ws, action="sign_out") == []


def test_plain_sql_cannot_change_or_remove_an_entry(ws):
    from tests import records

    records.add_partner(ws, "Quantia Labs")
    before = _entries(ws)
    assert before
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with ws.engine.begin() as conn:
                conn.execute(text(statement))
    assert _entries(ws) == before


def test_filters_and_pages(ws):
    from tests import records

    eid = _engagement(ws)
    for n in range(5):
        records.add_partner(ws.acting(ANN), f"Candidate {n}")
    everything = _entries(ws)
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)  # newest first
    first = audit_service.list(ws, validated(AuditQuery, user="ann@acme.com", limit=3))
    assert [e.summary for e in first.entries] == [f"partner Candidate {n} added" for n in (4, 3, 2)]
    assert first.next_before_id == first.entries[-1].id
    rest = audit_service.list(ws, validated(AuditQuery, user="ann@acme.com", limit=3, before_id=first.next_before_id))
    assert [e.summary for e in rest.entries] == ["partner Candidate 1 added", "partner Candidate 0 added"]
    assert rest.next_before_id is None
    assert {e.engagement_id for e in _entries(ws, engagement="ETA")} == {eid}
    assert _entries(ws, engagement=str(eid)) == _entries(ws, engagement="ETA")
    assert _entries(ws, since=(datetime.now(UTC).date() + timedelta(days=2)).isoformat()) == []
    assert len(_entries(ws, since=datetime.now(UTC).date().isoformat())) == len(everything)
    with pytest.raises(NotFound):
        _entries(ws, engagement="Nope")
    with pytest.raises(InvalidInput, match="since must be a date"):
        validated(AuditQuery, since="last week")
    with pytest.raises(InvalidInput, match="record_type must be one of"):
        validated(AuditQuery, record_type="web_sessions")
    with pytest.raises(InvalidInput, match="limit must be ≤ 1000"):
        validated(AuditQuery, limit=5000)
