"""What changed between two versions of a contract: the five must-have clauses' verdicts, the key
terms, the lock-in red flags and the score, each change with the evidence quotes of both sides. Pure:
:func:`diff_reviews` compares two stored :class:`ContractReview` payloads."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from inhouse.domain.contracts import Binds, ClauseKind, ContractReview, EvidenceSpan, RedFlagKind
from inhouse.domain.shapes import Shape

ClauseVerdict = Literal["found", "weak", "missing"]
FOUND_STATUSES = frozenset({"client", "present", "during", "full"})
WEAK_STATUSES = frozenset({"partial", "after_only"})

CLAUSE_LABELS: dict[ClauseKind, str] = {
    "deliverable_ownership": "Deliverable ownership",
    "knowledge_transfer": "Knowledge transfer",
    "source_access": "Source & docs access",
    "maintenance": "Maintenance",
    "exit": "Exit conditions",
}


def clause_verdict(status: str) -> ClauseVerdict:
    """found (the clause protects the client), weak (partly) or missing."""
    return "found" if status in FOUND_STATUSES else "weak" if status in WEAK_STATUSES else "missing"


class VersionSide(Shape):
    """One side of the comparison: which version of which document."""

    version: int
    document_id: int
    name: str
    score: int


class ClauseChange(Shape):
    """A must-have clause whose status changed (its verdict may stay the same: vendor -> absent)."""

    clause: ClauseKind
    label: str
    status_before: str
    status_after: str
    verdict_before: ClauseVerdict
    verdict_after: ClauseVerdict
    evidence_before: list[EvidenceSpan] = Field(default_factory=list)
    evidence_after: list[EvidenceSpan] = Field(default_factory=list)


class TermChange(Shape):
    """A key term of a clause that changed (hours of training, maintenance months and fee...)."""

    clause: ClauseKind
    term: str
    label: str
    before: str | None
    after: str | None
    evidence_before: list[EvidenceSpan] = Field(default_factory=list)
    evidence_after: list[EvidenceSpan] = Field(default_factory=list)


class FlagChange(Shape):
    """A lock-in red flag that appeared, disappeared, or now binds another side."""

    kind: RedFlagKind
    change: Literal["added", "removed", "binds"]
    binds_before: Binds | None
    binds_after: Binds | None
    evidence_before: list[EvidenceSpan] = Field(default_factory=list)
    evidence_after: list[EvidenceSpan] = Field(default_factory=list)


class ContractDiff(Shape):
    """``before`` against ``after``: what changed (empty lists and ``same``: nothing did)."""

    before: VersionSide
    after: VersionSide
    score_change: int
    clauses: list[ClauseChange]
    terms: list[TermChange]
    red_flags: list[FlagChange]
    same: bool


def _number(value: float | None, unit: str = "") -> str | None:
    return None if value is None else f"{value:g}{unit}"


def _terms(review: ContractReview) -> dict[tuple[ClauseKind, str], tuple[str, str | None]]:
    """(clause, term) -> (label, the term as text; None when the contract does not state it)."""
    c = review.clauses
    fee = None
    if c.maintenance.monthly_fee is not None:
        fee = f"{c.maintenance.monthly_fee:,.0f} {c.maintenance.currency or ''}".strip() + "/month"
    present = c.maintenance.status == "present"
    return {
        ("deliverable_ownership", "conditions"): (
            "ownership conditions",
            "; ".join(c.deliverable_ownership.conditions) or None,
        ),
        ("knowledge_transfer", "hours"): ("hours of knowledge transfer", _number(c.knowledge_transfer.hours)),
        ("maintenance", "free_months"): ("months of free maintenance", _number(c.maintenance.free_months)),
        ("maintenance", "monthly_fee"): ("maintenance fee", fee),
        ("maintenance", "scope_defined"): (
            "maintenance scope",
            ("defined" if c.maintenance.scope_defined else "not defined") if present else None,
        ),
    }


def diff_reviews(
    before: ContractReview, after: ContractReview, side_before: VersionSide, side_after: VersionSide
) -> ContractDiff:
    """What changed from ``before`` (version ``side_before``) to ``after``."""
    clauses = []
    for kind, label in CLAUSE_LABELS.items():
        old, new = getattr(before.clauses, kind), getattr(after.clauses, kind)
        if old.status != new.status:
            clauses.append(
                ClauseChange(
                    clause=kind,
                    label=label,
                    status_before=old.status,
                    status_after=new.status,
                    verdict_before=clause_verdict(old.status),
                    verdict_after=clause_verdict(new.status),
                    evidence_before=list(old.evidence),
                    evidence_after=list(new.evidence),
                )
            )
    terms = []
    old_terms, new_terms = _terms(before), _terms(after)
    for key, (label, old_value) in old_terms.items():
        new_value = new_terms[key][1]
        if old_value != new_value:
            clause = key[0]
            terms.append(
                TermChange(
                    clause=clause,
                    term=key[1],
                    label=label,
                    before=old_value,
                    after=new_value,
                    evidence_before=list(getattr(before.clauses, clause).evidence),
                    evidence_after=list(getattr(after.clauses, clause).evidence),
                )
            )
    flags = []
    kinds = list(dict.fromkeys([f.kind for f in before.red_flags] + [f.kind for f in after.red_flags]))
    for flag_kind in kinds:
        old_flag, new_flag = before.flag(flag_kind), after.flag(flag_kind)
        if old_flag is not None and new_flag is not None and old_flag.binds == new_flag.binds:
            continue
        change: Literal["added", "removed", "binds"] = (
            "added" if old_flag is None else "removed" if new_flag is None else "binds"
        )
        flags.append(
            FlagChange(
                kind=flag_kind,
                change=change,
                binds_before=old_flag.binds if old_flag else None,
                binds_after=new_flag.binds if new_flag else None,
                evidence_before=list(old_flag.evidence) if old_flag else [],
                evidence_after=list(new_flag.evidence) if new_flag else [],
            )
        )
    score_change = after.score - before.score
    return ContractDiff(
        before=side_before,
        after=side_after,
        score_change=score_change,
        clauses=clauses,
        terms=terms,
        red_flags=flags,
        same=not (clauses or terms or flags or score_change),
    )
