"""The scan service on every configured database: result and incremental state stored together."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import text

from inhouse.domain.engagements import Engagement
from inhouse.domain.knowledge import ScanIn, ScanResult
from inhouse.domain.organisations import Partner
from inhouse.services import knowledge
from inhouse.store import jsontext
from inhouse.store.knowledge import pack, unpack
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Inside <ann@acme.com>"
PAT = "Pat Partner <pat@quantialabs.io>"


def test_scan_is_stored_and_rescanned_incrementally(ws, tmp_path):
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30), os.fsdecode(b"caf\xe9.py"): "x\n"})
    repo.commit(ANN, "2025-08-10", {"app/report.py": lines(8, "r")})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path), internal_domains=["acme.com"])
    first = knowledge.scan(ws, "ETA", request)
    assert (first.engagement, first.incremental, first.commits) == ("ETA", False, 2)
    repo.commit(ANN, "2025-09-10", {"model/train.py": lines(31)})
    again = knowledge.scan(ws, "ETA", request)
    assert (again.incremental, again.scanned_commits, again.commits) == (True, 1, 3)
    with ws.uow() as uow:
        stored = uow.results.latest("scan", subject=again.repo)
        assert stored.payload["commits"] == 3 and stored.summary.startswith("truck factor")
        assert uow.scan_states.get(again.repo)["commits"] == 3
        summary = knowledge.latest_summary(uow, stored.engagement_id)
    # the stored payload reads back as the result the scan answered (bar the engagement and id)
    assert ScanResult.model_validate(stored.payload) == ScanResult.model_validate(
        again.model_dump(exclude={"engagement", "result_id"})
    )
    assert "caf\ufffd.py" in str(stored.payload["offboarding"])  # a non-UTF-8 path stored printable
    assert summary is not None
    assert summary.truck_factor == again.truck_factor.value
    assert summary.plan_internal_share == 0.3


def _engagement_with_partner(ws) -> None:
    with ws.uow() as uow:
        client = uow.clients.list()[0]
        partner = uow.partners.add(Partner(name="Quantia Labs", client_id=client.id, email_domains=["quantialabs.io"]))
        uow.engagements.add(
            Engagement(name="ETA", client_id=client.id, partner_id=partner.id, start_date=date(2025, 6, 1))
        )
        uow.commit()


def test_a_rescan_of_an_unchanged_commit_answers_from_the_kept_report_alone(ws, tmp_path):
    """The stored facts are not read when nothing is new: made unreadable, the rescan still
    answers the same report; after a new commit they are needed, and unreadable facts mean a full scan."""
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    repo.commit(ANN, "2025-08-10", {"app/report.py": lines(8, "r")})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path), internal_domains=["acme.com"])
    first = knowledge.scan(ws, "ETA", request)
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE scan_states SET state = :junk"), {"junk": b"not zlib"})
    again = knowledge.scan(ws, "ETA", request)
    assert (again.incremental, again.scanned_commits) == (True, 0)
    per_run = {"result_id", "incremental", "scanned_commits"}
    assert again.model_dump(exclude=per_run) == first.model_dump(exclude=per_run)
    # found again: the stored result is confirmed, not stored a second time
    assert again.result_id == first.result_id
    with ws.uow() as uow:
        stored = uow.results.get(again.result_id)
        assert stored.payload == first.model_dump(mode="json", exclude={"engagement", "result_id"})
        assert stored.checked_at is not None and stored.checked_at >= stored.created_at
        assert len(uow.results.list(kind="scan")) == 1
        summary = knowledge.latest_summary(uow, stored.engagement_id)
    assert summary.scanned_at == stored.checked_at.replace(microsecond=0)
    other = knowledge.scan(ws, "ETA", request.model_copy(update={"quick": True}))  # another reading: stored
    assert other.result_id != first.result_id
    repo.commit(ANN, "2025-09-10", {"model/train.py": lines(31)})
    newer = knowledge.scan(ws, "ETA", request)
    assert (newer.incremental, newer.scanned_commits, newer.commits) == (False, 3, 3)
    assert newer.result_id not in (first.result_id, other.result_id)


def test_a_rescan_for_another_engagement_stores_its_own_result(ws, tmp_path):
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path))
    first = knowledge.scan(ws, "ETA", request)
    unlinked = knowledge.scan(ws, None, request)
    assert (unlinked.engagement, unlinked.scanned_commits) == (None, 0)
    assert unlinked.result_id != first.result_id
    with ws.uow() as uow:
        assert [r.checked_at for r in uow.results.list(kind="scan")] == [None, None]


def test_a_state_stored_with_its_report_inside_is_still_reused(ws, tmp_path):
    """States stored before the report had a column of its own keep it inside the facts."""
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path))
    knowledge.scan(ws, "ETA", request)
    top = str(repo.path)
    with ws.uow() as uow:
        whole = uow.scan_states.get(top)
    assert whole is not None and callable(whole["report"])  # stored apart: read when called
    whole["report"] = whole["report"]()
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE scan_states SET state = :old, report = NULL"), {"old": pack(whole)})
    with ws.uow() as uow:
        assert uow.scan_states.kept(top) is None
    again = knowledge.scan(ws, "ETA", request)
    assert (again.incremental, again.scanned_commits) == (True, 0)


def test_a_found_again_result_is_told_by_its_digest_and_one_stored_without_by_its_payload(ws, tmp_path):
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path), internal_domains=["acme.com"])
    first = knowledge.scan(ws, "ETA", request)
    with ws.uow() as uow:
        digest = uow.results.get(first.result_id).digest
    assert digest is not None and len(digest) == 64
    # a stored digest that says something else: the rescan stores its own result
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE analysis_results SET digest = :other"), {"other": "0" * 64})
    second = knowledge.scan(ws, "ETA", request)
    assert second.result_id != first.result_id
    # a result stored before digests were kept: its payload is compared, and it is found again
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE analysis_results SET digest = NULL"))
    third = knowledge.scan(ws, "ETA", request)
    assert third.result_id == second.result_id
    with ws.uow() as uow:
        assert uow.results.get(second.result_id).checked_at is not None
        assert len(uow.results.list(kind="scan")) == 2


def _kept_blob(ws, change) -> None:
    """The stored report blob rewritten: ``change`` gets its unpacked contents and returns the new ones."""
    with ws.engine.begin() as conn:
        blob = conn.execute(text("SELECT report FROM scan_states")).scalar_one()
        conn.execute(text("UPDATE scan_states SET report = :new"), {"new": pack(change(unpack(blob)))})


def test_the_kept_report_is_read_only_when_the_head_is_the_same(ws, tmp_path):
    """The report is kept as JSON beside its stamp and read only when the stamp fits: made
    unreadable, a rescan after a new commit never notices; one of the same commit analyses again."""
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path), internal_domains=["acme.com"])
    first = knowledge.scan(ws, "ETA", request)
    with ws.engine.begin() as conn:
        blob = conn.execute(text("SELECT report FROM scan_states")).scalar_one()
    assert isinstance(unpack(blob)["report"], bytes)
    _kept_blob(ws, lambda kept: {**kept, "report": b"{not json"})
    again = knowledge.scan(ws, "ETA", request)  # the same commit: the report is needed, and unreadable
    assert (again.incremental, again.scanned_commits) == (True, 0)
    per_run = {"result_id", "incremental", "scanned_commits"}
    assert again.model_dump(exclude=per_run) == first.model_dump(exclude=per_run)
    _kept_blob(ws, lambda kept: {**kept, "report": b"{not json"})
    repo.commit(ANN, "2025-08-10", {"app/report.py": lines(8, "r")})
    newer = knowledge.scan(ws, "ETA", request)  # a new commit: the stamp tells, the report is not read
    assert (newer.incremental, newer.scanned_commits, newer.commits) == (True, 1, 2)


def test_a_report_kept_inside_the_stamps_json_is_still_read(ws, tmp_path):
    """Reports kept before they were stored as JSON beside the stamp are still reused."""
    repo = GitRepoBuilder(tmp_path / "eta")
    repo.commit(PAT, "2025-06-10", {"model/train.py": lines(30)})
    _engagement_with_partner(ws)
    request = ScanIn(repository=str(repo.path))
    first = knowledge.scan(ws, "ETA", request)
    _kept_blob(ws, lambda kept: {**kept, "report": jsontext.loads(kept["report"])})
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE scan_states SET state = :junk"), {"junk": b"not zlib"})  # facts unread
    again = knowledge.scan(ws, "ETA", request)
    assert (again.incremental, again.scanned_commits, again.result_id) == (True, 0, first.result_id)
