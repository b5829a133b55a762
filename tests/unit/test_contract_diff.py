"""What changed between two versions of a contract, computed from their reviews alone."""

from __future__ import annotations

from inhouse.analysis.contracts import review_contract
from inhouse.domain.contract_diff import VersionSide, diff_reviews
from inhouse.domain.versions import Handed, number_versions

V1 = """MASTER SERVICES AGREEMENT

This Agreement is made between Meridian Freight Ltd. ("Client") and Quantia Labs GmbH ("Supplier").

1. Ownership. All Deliverables, including source code and trained models, shall vest in Client upon full payment.

2. Training. Supplier shall provide twenty (20) hours of handover training to Client's engineers.

3. Term. This Agreement shall automatically renew for successive one-year terms unless either party gives notice.
"""
V2 = V1.replace("twenty (20) hours", "forty (40) hours").replace(
    "shall automatically renew for successive one-year terms unless either party gives notice.",
    "runs for two years. On termination, Supplier shall return all Client Data and hand over all Deliverables, "
    "source code and documentation within thirty (30) days.",
)


def _sides(before, after):
    return (
        VersionSide(version=1, document_id=10, name="v1.md", score=before.score),
        VersionSide(version=2, document_id=11, name="v2.md", score=after.score),
    )


def test_a_changed_clause_term_and_flag_each_come_with_both_quotes():
    before, after = review_contract(V1, file="v1.md"), review_contract(V2, file="v2.md")
    diff = diff_reviews(before, after, *_sides(before, after))
    assert not diff.same and diff.score_change == after.score - before.score and diff.score_change > 0
    hours = next(t for t in diff.terms if t.term == "hours")
    assert (hours.before, hours.after) == ("20", "40")
    assert "twenty (20) hours" in hours.evidence_before[0].text and "forty (40) hours" in hours.evidence_after[0].text
    renewal = next(f for f in diff.red_flags if f.kind == "auto_renewal")
    assert renewal.change == "removed" and renewal.binds_after is None
    assert "automatically renew" in renewal.evidence_before[0].text and renewal.evidence_after == []
    exit_clause = next(c for c in diff.clauses if c.clause == "exit")
    assert exit_clause.verdict_before == "missing" and exit_clause.verdict_after in ("found", "weak")
    assert exit_clause.evidence_before == [] and exit_clause.evidence_after
    unchanged = {c.clause for c in diff.clauses}
    assert "deliverable_ownership" not in unchanged  # the same clause in both is not a change


def test_the_same_contract_twice_is_the_same():
    before, after = review_contract(V1, file="v1.md"), review_contract(V1, file="again.md")
    diff = diff_reviews(before, after, *_sides(before, after))
    assert diff.same and (diff.clauses, diff.terms, diff.red_flags, diff.score_change) == ([], [], [], 0)


def test_versions_are_numbered_in_upload_order_and_the_newest_reviewed_is_current():
    handed = [
        Handed(document_id=7, name="c.md", uploaded_by="lee@acme.example", uploaded_at=None, score=None, held="x"),
        Handed(document_id=3, name="a.md", uploaded_by="ann@acme.example", uploaded_at=None, score=40),
        Handed(document_id=5, name="b.md", uploaded_by="", uploaded_at=None, score=70),
        Handed(document_id=9, name="d.md", uploaded_by="ann@acme.example", uploaded_at=None, score=None),
    ]
    listed = number_versions(handed)
    assert [(v.version, v.document_id, v.status) for v in listed] == [
        (1, 3, "earlier"),
        (2, 5, "current"),
        (3, 7, "awaiting confirmation"),
        (4, 9, "not reviewed"),
    ]
    assert [v.current for v in listed] == [False, True, False, False]
    assert listed[1].why.startswith("the newest of 2 reviewed versions") and "unrecorded uploader" in listed[1].why
    assert "replaced by v2" in listed[0].why and "parties are confirmed: x" in listed[2].why
    assert number_versions([]) == []
