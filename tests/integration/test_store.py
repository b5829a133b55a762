"""Storage on real databases: round trips, constraints, all-or-nothing, migrations."""

from __future__ import annotations

from datetime import date

import pytest

from inhouse.domain.common import Phase, Side
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.results import AnalysisResult
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview
from inhouse.errors import Conflict, NotFound
from inhouse.services import engagements
from inhouse.store import migrate
from tests import records


def _engagement(ws) -> dict:
    records.add_partner(ws, "Quantia Labs", domains=["quantialabs.io"])
    return records.add_engagement(ws, "ETA", "Quantia Labs", "2025-06-02")


def test_migrations_reach_head_and_match_the_models(ws):
    assert migrate.current_revision(ws.engine) == migrate.head_revision()
    assert migrate.check(ws.engine) == []


def test_engagement_round_trip_with_phases_and_plan(ws):
    records.add_partner(ws, "Quantia Labs")
    created = records.add_engagement(ws, "ETA", "quantia labs", "2025-06-02", plan="20,50,80")
    assert created["plan"][0] == {"year": 1, "internal_share": 0.2}
    changed = records.change_phase(ws, "ETA", "project", "2025-10-06", "pilot proven")
    assert changed["phase"] == "project"
    assert [p["phase"] for p in changed["phases"]] == ["advisory", "project"]
    shown = engagements.show(ws, str(created["id"]), today=date(2026, 7, 1))
    assert shown.year == 2 and shown.planned_internal_share_now == 0.5
    assert records.list_partners(ws)[0]["status"] == "engaged"


def test_people_and_their_emails(ws):
    records.add_partner(ws, "Quantia Labs")
    records.add_person(ws, "Ann Inside", "internal", ["ann@acme.com", "ann@home.org"])
    records.add_person(ws, "Pat Partner", "partner", ["pat@quantialabs.io"], partner="Quantia Labs")
    with pytest.raises(Conflict, match="already belongs to Ann Inside"):
        records.add_person(ws, "Someone", "internal", ["ANN@acme.com"])
    listed = records.list_people(ws)
    assert {p["name"]: p["emails"] for p in listed} == {
        "Ann Inside": ["ann@acme.com", "ann@home.org"],
        "Pat Partner": ["pat@quantialabs.io"],
    }
    _ = records.add_engagement(ws, "ETA", "Quantia Labs", "2025-06-02")
    assert {p["side"] for p in records.list_people(ws, engagement="ETA")} == {"internal", "partner"}


def test_duplicates_are_conflicts_and_nothing_is_lost(ws):
    _engagement(ws)
    with pytest.raises(Conflict):
        records.add_partner(ws, "quantia labs")
    with pytest.raises(Conflict):
        records.add_engagement(ws, "eta", "Quantia Labs", "2025-06-02")
    with pytest.raises(NotFound):
        records.add_engagement(ws, "Other", "Nobody Inc", "2025-06-02")
    assert len(engagements.list_all(ws)) == 1 and len(records.list_partners(ws)) == 1


def test_a_failed_unit_of_work_stores_nothing(ws):
    created = _engagement(ws)
    with pytest.raises(RuntimeError):
        with ws.uow() as uow:
            uow.reviews.add(
                WeeklyReview(engagement_id=created["id"], week_of=date(2026, 1, 5), done="a", why="b", next="c")
            )
            raise RuntimeError("crash before commit")
    with ws.uow() as uow:
        assert uow.reviews.list(created["id"]) == []


def test_journal_documents_and_results_round_trip(ws):
    created = _engagement(ws)
    eid = created["id"]
    payload = bytes(range(256)) * 10
    with ws.uow() as uow:
        review = uow.reviews.add(
            WeeklyReview(
                engagement_id=eid,
                week_of=date(2026, 1, 5),
                done="Built X",
                why="Because Y",
                next="Do Z",
                attendees=["Ann", "Pat"],
            )
        )
        uow.decisions.add(
            Decision(
                engagement_id=eid,
                title="Use GBMs",
                decided_by=DecidedBy.JOINT,
                decided_on=date(2026, 1, 6),
                review_id=review.id,
            )
        )
        uow.drills.add(
            Drill(
                engagement_id=eid,
                performed_on=date(2026, 2, 1),
                person="Ann",
                modification="m",
                outcome=DrillOutcome.STUCK,
                stuck_points=["deploy"],
                training_hours=3.5,
            )
        )
        doc = uow.documents.add(
            Document(
                filename="msa.pdf",
                kind=DocumentKind.CONTRACT,
                content=payload,
                media_type="application/pdf",
                engagement_id=eid,
            )
        )
        uow.results.add(
            AnalysisResult(
                kind="contract",
                subject="msa.pdf",
                payload={"score": 55, "nested": [1]},
                engagement_id=eid,
                document_id=doc.id,
                summary="score 55",
            )
        )
        uow.results.add(
            AnalysisResult(
                kind="contract",
                subject="msa.pdf",
                payload={"score": 60},
                engagement_id=eid,
                document_id=doc.id,
                summary="score 60",
            )
        )
        uow.commit()
    with ws.uow() as uow:
        assert uow.reviews.list(eid)[0].attendees == ["Ann", "Pat"]
        assert uow.decisions.list(eid)[0].decided_by is DecidedBy.JOINT
        assert uow.drills.list(eid)[0].stuck_points == ["deploy"]
        stored = uow.documents.get(doc.id)
        assert stored.content == payload and stored.sha256 == doc.sha256
        assert uow.documents.list(engagement_id=eid)[0].content == b""
        assert uow.results.latest("contract", engagement_id=eid).payload == {"score": 60}
    shown = engagements.show(ws, "ETA").model_dump(mode="json")
    assert shown["reviews"]["count"] == 1 and shown["drills"] == 1 and shown["decisions"] == 1
    assert shown["analyses"] == [
        {
            "kind": "contract",
            "subject": "msa.pdf",
            "summary": "score 60",
            "created_at": shown["analyses"][0]["created_at"],
            "id": 2,
        }
    ]


def test_phase_enum_and_side_values_survive_storage(ws):
    created = _engagement(ws)
    with ws.uow() as uow:
        engagement = uow.engagements.get(created["id"])
        assert engagement.phase is Phase.ADVISORY
        people_rows = uow.people.for_engagement(engagement.client_id, engagement.partner_id)
        assert all(p.side in (Side.INTERNAL, Side.PARTNER) for p in people_rows)


def test_the_latest_result_of_each_kind_is_read_without_its_payload(ws):
    eid = _engagement(ws)["id"]
    with ws.uow() as uow:
        for kind, summary in [("scan", "s1"), ("contract", "c1"), ("scan", "s2"), ("docs", "d1"), ("contract", "c2")]:
            uow.results.add(AnalysisResult(kind=kind, subject="x", payload={"big": summary}, engagement_id=eid))
            uow.results.add(AnalysisResult(kind=kind, subject="x", payload={}, engagement_id=None, summary="other"))
        uow.commit()
    with ws.uow() as uow:
        latest = uow.results.latest_of_each_kind(eid)
        assert uow.results.latest_of_each_kind(eid + 1) == []
    # the kinds in the order they first appeared, each its newest; the payloads left unread
    assert [(r.kind, r.id, r.payload) for r in latest] == [("scan", 5, {}), ("contract", 9, {}), ("docs", 7, {})]
