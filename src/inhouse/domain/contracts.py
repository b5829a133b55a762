"""What a contract review concludes: the five must-have clauses, the lock-in red flags,
the parties, the engagement model, a score and recommendations. Pure data.

``ContractReview.to_dict()`` is the stable ``--json`` object of ``inhouse contract check``
and the payload stored with the document; ``ContractReview.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CLAUSE_KINDS = ("deliverable_ownership", "knowledge_transfer", "source_access", "maintenance", "exit")
RED_FLAG_KINDS = (
    "auto_renewal",
    "exclusivity",
    "minimum_commitment",
    "termination_fee",
    "vendor_retains_ip",
    "no_termination_for_convenience",
)
OWNERSHIP_STATUSES = ("client", "partial", "vendor", "absent")
ACCESS_STATUSES = ("during", "after_only", "absent")
EXIT_STATUSES = ("full", "partial", "absent")
PRESENCE = ("present", "absent")
BINDS = ("client", "vendor", "both", "unknown")
ENGAGEMENT_MODELS = ("project", "advisory", "mixed")


@dataclass(frozen=True)
class Evidence:
    """A quote from the contract: ``text == original[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]))


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [item.to_dict() for item in items]


def _read_evidence(data: dict[str, Any]) -> list[Evidence]:
    return [Evidence.from_dict(item) for item in data.get("evidence", [])]


@dataclass
class OwnershipFinding:
    status: str = "absent"  # client | partial | vendor | absent
    conditions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "conditions": list(self.conditions), "evidence": _evidence(self.evidence)}


@dataclass
class KnowledgeTransferFinding:
    status: str = "absent"  # present | absent
    hours: float | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "hours": self.hours, "evidence": _evidence(self.evidence)}


@dataclass
class SourceAccessFinding:
    status: str = "absent"  # during | after_only | absent
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "evidence": _evidence(self.evidence)}


@dataclass
class MaintenanceFinding:
    status: str = "absent"  # present | absent
    free_months: float | None = None
    monthly_fee: float | None = None
    currency: str | None = None
    scope_defined: bool = False
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "free_months": self.free_months,
            "monthly_fee": self.monthly_fee,
            "currency": self.currency,
            "scope_defined": self.scope_defined,
            "evidence": _evidence(self.evidence),
        }


@dataclass
class ExitFinding:
    status: str = "absent"  # full | partial | absent
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "evidence": _evidence(self.evidence)}


@dataclass
class ClauseFindings:
    deliverable_ownership: OwnershipFinding = field(default_factory=OwnershipFinding)
    knowledge_transfer: KnowledgeTransferFinding = field(default_factory=KnowledgeTransferFinding)
    source_access: SourceAccessFinding = field(default_factory=SourceAccessFinding)
    maintenance: MaintenanceFinding = field(default_factory=MaintenanceFinding)
    exit: ExitFinding = field(default_factory=ExitFinding)

    def to_dict(self) -> dict[str, Any]:
        return {kind: getattr(self, kind).to_dict() for kind in CLAUSE_KINDS}


@dataclass
class RedFlag:
    kind: str  # one of RED_FLAG_KINDS
    binds: str = "unknown"  # client | vendor | both | unknown
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "binds": self.binds, "evidence": _evidence(self.evidence)}


@dataclass(frozen=True)
class PartyRole:
    name: str
    role: str  # client | vendor, or the contract's own term for other kinds (licensor, ...)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class Recommendation:
    clause: str  # a clause kind, a red flag kind or "engagement_model"
    problem: str
    suggested_text: str

    def to_dict(self) -> dict[str, Any]:
        return {"clause": self.clause, "problem": self.problem, "suggested_text": self.suggested_text}


@dataclass
class ContractReview:
    file: str
    engagement_model: str  # project | advisory | mixed
    clauses: ClauseFindings
    red_flags: list[RedFlag] = field(default_factory=list)
    parties: list[PartyRole] = field(default_factory=list)
    score: int = 0
    recommendations: list[Recommendation] = field(default_factory=list)

    def flag(self, kind: str) -> RedFlag | None:
        return next((flag for flag in self.red_flags if flag.kind == kind), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "engagement_model": self.engagement_model,
            "clauses": self.clauses.to_dict(),
            "red_flags": [flag.to_dict() for flag in self.red_flags],
            "parties": [party.to_dict() for party in self.parties],
            "score": self.score,
            "recommendations": [item.to_dict() for item in self.recommendations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContractReview:
        c = data["clauses"]
        own, kt, acc = c["deliverable_ownership"], c["knowledge_transfer"], c["source_access"]
        mnt, ext = c["maintenance"], c["exit"]
        clauses = ClauseFindings(
            deliverable_ownership=OwnershipFinding(own["status"], list(own.get("conditions", [])), _read_evidence(own)),
            knowledge_transfer=KnowledgeTransferFinding(kt["status"], kt.get("hours"), _read_evidence(kt)),
            source_access=SourceAccessFinding(acc["status"], _read_evidence(acc)),
            maintenance=MaintenanceFinding(
                mnt["status"],
                mnt.get("free_months"),
                mnt.get("monthly_fee"),
                mnt.get("currency"),
                bool(mnt.get("scope_defined")),
                _read_evidence(mnt),
            ),
            exit=ExitFinding(ext["status"], _read_evidence(ext)),
        )
        return cls(
            file=data["file"],
            engagement_model=data["engagement_model"],
            clauses=clauses,
            red_flags=[
                RedFlag(f["kind"], f.get("binds", "unknown"), _read_evidence(f)) for f in data.get("red_flags", [])
            ],
            parties=[PartyRole(p["name"], p["role"]) for p in data.get("parties", [])],
            score=int(data.get("score", 0)),
            recommendations=[
                Recommendation(r["clause"], r["problem"], r["suggested_text"]) for r in data.get("recommendations", [])
            ],
        )
