"""The contract review's shapes: stored payloads read back, the checklist and the marked text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from inhouse.analysis.contracts import review_contract
from inhouse.domain.contracts import ContractReview, EvidenceSpan
from inhouse.services.dashboard.contracts import NOT_REVIEWED, NotReviewed, ReviewedChecklist, checklist, mark
from tests.unit.test_contract_review import GOOD


@pytest.fixture(scope="module")
def review() -> ContractReview:
    return review_contract(GOOD, "msa.md")


def test_a_stored_payload_reads_back_to_the_same_json(review):
    payload = review.model_dump(mode="json")
    assert list(payload) == [
        "file",
        "engagement_model",
        "clauses",
        "red_flags",
        "parties",
        "score",
        "recommendations",
        "positions",
    ]
    assert ContractReview.model_validate(payload) == review
    older = {k: v for k, v in payload.items() if k != "positions"}  # stored before the positions
    assert ContractReview.model_validate(older).positions == []


@pytest.mark.parametrize(
    "change",
    [
        {"unexpected": 1},
        {"score": 101},
        {"engagement_model": "retainer"},
        {"red_flags": [{"kind": "auto_renewal", "binds": "nobody", "evidence": []}]},
    ],
)
def test_a_payload_of_another_shape_is_refused(review, change):
    with pytest.raises(ValidationError):
        ContractReview.model_validate({**review.model_dump(mode="json"), **change})


def test_hours_must_be_finite(review):
    payload = review.model_dump(mode="json")
    payload["clauses"]["knowledge_transfer"]["hours"] = float("nan")
    with pytest.raises(ValidationError):
        ContractReview.model_validate(payload)


def test_no_review_is_said_in_two_keys():
    assert checklist(None).model_dump(mode="json") == {"measured": False, "why": NOT_REVIEWED}
    assert isinstance(checklist(None), NotReviewed)


def test_the_checklist_names_the_file_without_its_folder(review):
    payload = {**review.model_dump(mode="json"), "file": "/home/ann/contracts/msa.md"}
    stamp = datetime(2026, 11, 16, 9, 30, 5, 123456, tzinfo=UTC)
    listed = checklist(payload, {"document_id": 7, "created_at": stamp})
    assert isinstance(listed, ReviewedChecklist)
    data = listed.model_dump(mode="json")
    assert data["file"] == "msa.md" and data["document_id"] == 7
    assert data["reviewed_at"] == "2026-11-16T09:30:05+00:00"  # to the second, as the pages always showed
    assert [f["id"] for f in data["findings"]][:5] == [
        "clause-deliverable_ownership",
        "clause-knowledge_transfer",
        "clause-source_access",
        "clause-maintenance",
        "clause-exit",
    ]
    assert checklist(review, {"created_at": stamp.isoformat()}).model_dump(mode="json")["reviewed_at"] == (
        "2026-11-16T09:30:05+00:00"
    )


def test_marking_keeps_the_text_and_locates_moved_quotes(review):
    listed = checklist(review)
    assert isinstance(listed, ReviewedChecklist)
    marked, pieces = mark(GOOD, listed.findings)
    assert "".join(p.text for p in pieces) == GOOD
    located = [e for f in marked for e in f.evidence]
    assert located and all(e.located for e in located)
    shifted = "Preamble.\n" + GOOD  # offsets off by ten: found again by the quote
    marked, pieces = mark(shifted, listed.findings)
    assert all(e.located for f in marked for e in f.evidence)
    lost = listed.findings[0].model_copy(update={"evidence": [EvidenceSpan(text="not in the text", start=0, end=15)]})
    [finding], _ = mark(GOOD, [lost])
    assert finding.evidence[0].located is False and finding.evidence[0].anchor == "ev-clause-deliverable_ownership-0"
