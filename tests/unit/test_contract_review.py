"""The whole review: the --json shape, evidence offsets, score, recommendations, engagement model."""

from __future__ import annotations

import json

from inhouse.analysis.contracts import check_contract, review_contract
from inhouse.analysis.documents.pdf_writer import write_text_pdf
from inhouse.domain.contracts import ContractReview

GOOD = """# MASTER SERVICES AGREEMENT

This Agreement is entered into by and between Acme Retail Inc., a Delaware corporation ("Client"), and NeuralForge Labs Ltd. (the "Vendor").

## 1. Services
1.1 Vendor shall build a demand forecasting model for a fixed price of USD 120,000, payable in milestones subject to acceptance testing.

## 2. Ownership of Work Product
2.1 All Deliverables, including source code, trained models and documentation, shall vest in Client upon creation.

## 3. Repository
3.1 Vendor shall commit all code at least weekly to a GitHub repository owned by Client, to which Client shall have read access throughout the Term.

## 4. Knowledge Transfer
4.1 Before acceptance, Vendor shall deliver three workshops of 4 hours each to Client's engineering team.

## 5. Maintenance
5.1 For three (3) months following acceptance, Vendor shall provide maintenance at no additional charge, including correction of defects and performance issues, with responses to critical incidents within four business hours.
5.2 Thereafter, maintenance is available at USD 4,000 per month.

## 6. Term and Termination
6.1 Client may terminate this Agreement for convenience upon thirty (30) days' written notice.
6.2 Upon termination, Vendor shall return all Client Data, deliver all source code and models, and provide transition assistance to any successor supplier.
"""
BARE = """SERVICES AGREEMENT

This Agreement is made between Gulf Hospitality LLC ("Customer") and Nimbus Partners Inc. ("Provider").

1. Services. Provider shall provide data science services on a time and materials basis at hourly rates.
2. Term. This Agreement shall automatically renew for successive twelve (12) month terms unless either party gives notice of non-renewal.
3. Termination. Either party may terminate this Agreement for material breach not cured within thirty (30) days.
"""


def test_json_shape_is_exactly_the_issue_s():
    data = review_contract(GOOD, "msa.md").model_dump(mode="json")
    assert list(data) == [
        "file",
        "engagement_model",
        "clauses",
        "red_flags",
        "parties",
        "score",
        "recommendations",
        "positions",
    ]
    clauses = data["clauses"]
    assert set(clauses["deliverable_ownership"]) == {"status", "conditions", "licence", "evidence", "weighed_most"}
    assert set(clauses["knowledge_transfer"]) == {"status", "hours", "evidence"}
    assert set(clauses["source_access"]) == {"status", "evidence"}
    assert set(clauses["maintenance"]) == {
        "status",
        "free_months",
        "monthly_fee",
        "currency",
        "scope_defined",
        "evidence",
    }
    assert set(clauses["exit"]) == {"status", "evidence"}
    for item in data["recommendations"]:
        assert set(item) == {"clause", "problem", "suggested_text"}
    for party in data["parties"]:
        assert set(party) == {"name", "role"}
    for position in data["positions"]:
        assert set(position) == {"clause", "verdict", "position", "found", "preferred", "acceptable", "evidence"}
    json.dumps(data)  # serialisable as is


def test_a_good_contract():
    review = review_contract(GOOD, "msa.md")
    c = review.clauses
    assert (
        c.deliverable_ownership.status,
        c.knowledge_transfer.status,
        c.knowledge_transfer.hours,
        c.source_access.status,
        c.maintenance.status,
        c.exit.status,
    ) == ("client", "present", 12, "during", "present", "full")
    assert review.red_flags == []
    assert review.engagement_model == "project"
    assert [(p.name, p.role) for p in review.parties] == [
        ("Acme Retail Inc.", "client"),
        ("NeuralForge Labs Ltd.", "vendor"),
    ]
    # twelve hours of knowledge transfer are below the default playbook's acceptable sixteen: walk-away
    assert [(p.clause, p.position) for p in review.positions] == [
        ("deliverable_ownership", "preferred"),
        ("knowledge_transfer", "walk_away"),
        ("source_access", "preferred"),
        ("maintenance", "preferred"),
        ("exit", "preferred"),
    ]
    assert review.score == 85
    assert [r.clause for r in review.recommendations] == ["knowledge_transfer", "engagement_model"]


def test_evidence_points_into_the_original_text():
    data = review_contract(GOOD, "msa.md").model_dump(mode="json")
    spans = [e for clause in data["clauses"].values() for e in clause["evidence"]]
    assert spans
    for span in spans:
        assert GOOD[span["start"] : span["end"]] == span["text"]


def test_a_bare_contract_gets_recommendations_with_our_language():
    review = review_contract(BARE, "bare.txt", phase="project")
    assert {c: getattr(review.clauses, c).status for c in ("deliverable_ownership", "source_access", "exit")} == {
        "deliverable_ownership": "absent",
        "source_access": "absent",
        "exit": "absent",
    }
    assert {f.kind for f in review.red_flags} == {"auto_renewal", "no_termination_for_convenience"}
    assert review.engagement_model == "advisory"
    assert review.score <= 15
    by_clause = {r.clause: r for r in review.recommendations}
    assert {
        "deliverable_ownership",
        "knowledge_transfer",
        "source_access",
        "maintenance",
        "exit",
        "auto_renewal",
        "no_termination_for_convenience",
        "engagement_model",
    } <= set(by_clause)
    assert "Customer" in by_clause["deliverable_ownership"].suggested_text  # the contract's own terms
    assert "Provider" in by_clause["deliverable_ownership"].suggested_text
    assert "project phase" in by_clause["engagement_model"].problem


def test_mixed_engagement_model():
    text = GOOD.replace(
        "1.1 Vendor shall build",
        "1.1 Phase 1 (Discovery) runs on a time-and-materials basis at an "
        "hourly rate. Phase 2 (Build): Vendor shall build",
    )
    assert review_contract(text, "msa.md").engagement_model == "mixed"


def test_round_trip_and_determinism():
    first = review_contract(GOOD, "msa.md").model_dump(mode="json")
    assert ContractReview.model_validate(first).model_dump(mode="json") == first
    assert review_contract(GOOD, "msa.md").model_dump(mode="json") == first


def test_check_contract_reads_a_pdf():
    extracted, review = check_contract(write_text_pdf(GOOD.replace("#", "")), "msa.pdf")
    assert extracted.format.value == "pdf"
    assert review.clauses.deliverable_ownership.status == "client"
    for clause in review.model_dump(mode="json")["clauses"].values():
        for span in clause["evidence"]:
            assert extracted.text[span["start"] : span["end"]] == span["text"]
