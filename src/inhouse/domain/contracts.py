"""What a contract review concludes: the five must-have clauses, the lock-in red flags,
the parties, the engagement model, a score and recommendations. Pure data.

:class:`ContractReview` is the ``--json`` object of ``inhouse contract check`` (one per file)
and the payload stored with the document: written with ``model_dump(mode="json")``, read
back with ``ContractReview.model_validate``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from inhouse.domain.parties import PartyCheck
from inhouse.domain.playbook import (
    MustHaveVerdict,
    Position,
)
from inhouse.domain.shapes import Amount, Hours, Shape

ClauseKind = Literal["deliverable_ownership", "knowledge_transfer", "source_access", "maintenance", "exit"]
RedFlagKind = Literal[
    "auto_renewal",
    "exclusivity",
    "minimum_commitment",
    "termination_fee",
    "vendor_retains_ip",
    "no_termination_for_convenience",
]
#: "unclear": the contract speaks about who owns or may use the deliverables, but not so that the
#: reviewer can tell who owns them
OwnershipStatus = Literal["client", "partial", "vendor", "unclear", "absent"]
AccessStatus = Literal["during", "after_only", "absent"]
ExitStatus = Literal["full", "partial", "absent"]
Presence = Literal["present", "absent"]
Binds = Literal["client", "vendor", "both", "unknown"]
EngagementModel = Literal["project", "advisory", "mixed"]
RecommendationClause = ClauseKind | RedFlagKind | Literal["engagement_model"]

Offset = Annotated[int, Field(ge=0)]


class EvidenceSpan(Shape):
    """A quote from the contract: ``text == original[start:end]``."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: Offset
    end: Offset


WEIGHED_MOST = (
    "A model-backed verdict: the word n-grams of its strongest evidence sentence that weighed most in the "
    "learned model's score (weight times count, strongest first); empty when the rules alone decided"
)


class OwnershipFinding(Shape):
    status: OwnershipStatus = "absent"
    conditions: list[str] = Field(default_factory=list)
    licence: bool = Field(False, description="The client has a perpetual licence to what the vendor keeps")
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    weighed_most: list[str] = Field(default_factory=list, description=WEIGHED_MOST)


class KnowledgeTransferFinding(Shape):
    status: Presence = "absent"
    hours: Hours | None = None
    evidence: list[EvidenceSpan] = Field(default_factory=list)


class SourceAccessFinding(Shape):
    status: AccessStatus = "absent"
    evidence: list[EvidenceSpan] = Field(default_factory=list)


class MaintenanceFinding(Shape):
    status: Presence = "absent"
    free_months: Annotated[float, Field(ge=0)] | None = None
    monthly_fee: Amount | None = None
    currency: str | None = None
    scope_defined: bool = False
    evidence: list[EvidenceSpan] = Field(default_factory=list)


class ExitFinding(Shape):
    status: ExitStatus = "absent"
    evidence: list[EvidenceSpan] = Field(default_factory=list)


class ClauseFindings(Shape):
    deliverable_ownership: OwnershipFinding = Field(default_factory=OwnershipFinding)
    knowledge_transfer: KnowledgeTransferFinding = Field(default_factory=KnowledgeTransferFinding)
    source_access: SourceAccessFinding = Field(default_factory=SourceAccessFinding)
    maintenance: MaintenanceFinding = Field(default_factory=MaintenanceFinding)
    exit: ExitFinding = Field(default_factory=ExitFinding)


class ContractRedFlag(Shape):
    kind: RedFlagKind
    binds: Binds = "unknown"
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    weighed_most: list[str] = Field(default_factory=list, description=WEIGHED_MOST)


class PartyRole(Shape):
    """A party to the contract; ``role`` is client | vendor, or the contract's own term for
    other kinds of contract (licensor, distributor...)."""

    model_config = ConfigDict(frozen=True)

    name: str
    role: str


class Recommendation(Shape):
    """What to change: ``clause`` is a clause kind, a red flag kind or ``engagement_model``."""

    model_config = ConfigDict(frozen=True)

    clause: RecommendationClause
    problem: str
    suggested_text: str


class ClausePosition(Shape):
    """One must-have against the playbook: what the contract does with it (``verdict``), what it
    gives in words (``found``), and where that stands (``position``)."""

    model_config = ConfigDict(frozen=True)

    clause: ClauseKind
    verdict: MustHaveVerdict
    position: Position
    found: str
    preferred: str = Field(description="The playbook's preferred position, in words")
    acceptable: str = Field(description="The playbook's acceptable position, in words")
    evidence: list[EvidenceSpan] = Field(default_factory=list)


class ContractReview(Shape):
    """One contract's review; ``file`` is the document's file name."""

    file: str
    engagement_model: EngagementModel
    clauses: ClauseFindings
    red_flags: list[ContractRedFlag] = Field(default_factory=list)
    parties: list[PartyRole] = Field(default_factory=list)
    score: Annotated[int, Field(ge=0, le=100)] = 0
    recommendations: list[Recommendation] = Field(default_factory=list)
    positions: list[ClausePosition] = Field(
        default_factory=list, description="Each must-have against the positions playbook (the playbook's order)"
    )

    def flag(self, kind: str) -> ContractRedFlag | None:
        return next((flag for flag in self.red_flags if flag.kind == kind), None)


class ContractChecked(Shape):
    """A reviewed contract as stored: its review, a one-line summary, and where it was kept."""

    review: ContractReview
    summary: str
    engagement: str | None = None
    document_id: int
    result_id: int
    pages: int = 1
    warnings: list[str] = Field(default_factory=list)
    party_check: PartyCheck | None = Field(
        None, description="The parties against the engagement's client and partner (None: no engagement)"
    )
