"""The client's playbook of positions on the five must-have clauses (the setting
``contract_playbook``): for each, what is preferred, acceptable and walk-away. Pure data, apart from
the contract review's findings so that the settings can read it without the review's shapes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from inhouse.domain.shapes import Shape

Position = Literal["preferred", "acceptable", "walk_away"]
#: what the contract does with a must-have: grants it, says the opposite, or says nothing
MustHaveVerdict = Literal["present", "contradicted", "not_mentioned"]
#: the ownership ladder, best first: the client owns outright; owns once a condition is met (payment,
#: acceptance); owns the work but the vendor keeps part (models, unlicensed background IP, joint
#: ownership); the vendor owns and the client has a perpetual licence; the vendor owns
OwnershipTerm = Literal["client", "client_conditional", "partial", "licence", "vendor"]
OWNERSHIP_LADDER: tuple[OwnershipTerm, ...] = ("client", "client_conditional", "partial", "licence", "vendor")
AccessTerm = Literal["during", "after_only"]
ExitTerm = Literal["full", "partial"]


class _Positions(Shape):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OwnershipPositions(_Positions):
    """The least the client takes as preferred and as acceptable; anything less is walk-away."""

    preferred: OwnershipTerm = "client"
    acceptable: OwnershipTerm = "licence"

    @model_validator(mode="after")
    def _ordered(self) -> OwnershipPositions:
        if OWNERSHIP_LADDER.index(self.acceptable) < OWNERSHIP_LADDER.index(self.preferred):
            raise ValueError(f"acceptable ({self.acceptable}) is better than preferred ({self.preferred})")
        return self


class KnowledgeTransferPositions(_Positions):
    """Hours of knowledge transfer: at least ``preferred_hours`` is preferred, at least
    ``acceptable_hours`` acceptable, fewer (or none) walk-away; ``unstated_hours`` is the position
    of a knowledge transfer promised without a number of hours."""

    preferred_hours: Annotated[float, Field(ge=0)] = 40
    acceptable_hours: Annotated[float, Field(ge=0)] = 16
    unstated_hours: Literal["acceptable", "walk_away"] = "acceptable"

    @model_validator(mode="after")
    def _ordered(self) -> KnowledgeTransferPositions:
        if self.acceptable_hours > self.preferred_hours:
            raise ValueError(
                f"acceptable_hours ({self.acceptable_hours:g}) exceed preferred_hours ({self.preferred_hours:g})"
            )
        return self


class SourceAccessPositions(_Positions):
    """Access to source and documentation: ``during`` the project, or ``after_only`` (on acceptance,
    delivery or at the end); none is walk-away."""

    preferred: AccessTerm = "during"
    acceptable: AccessTerm = "after_only"

    @model_validator(mode="after")
    def _ordered(self) -> SourceAccessPositions:
        if self.preferred == "after_only" and self.acceptable == "during":
            raise ValueError("acceptable (during) is better than preferred (after_only)")
        return self


class MaintenancePositions(_Positions):
    """Maintenance is preferred with at least ``preferred_free_months`` of free maintenance (and a
    defined scope when ``preferred_needs_scope``), acceptable when the contract has any maintenance
    terms, walk-away without them."""

    preferred_free_months: Annotated[float, Field(ge=0)] = 3
    preferred_needs_scope: bool = True


class ExitPositions(_Positions):
    """Exit: ``full`` (the client may leave and takes the handover) or ``partial``; none is walk-away."""

    preferred: ExitTerm = "full"
    acceptable: ExitTerm = "partial"

    @model_validator(mode="after")
    def _ordered(self) -> ExitPositions:
        if self.preferred == "partial" and self.acceptable == "full":
            raise ValueError("acceptable (full) is better than preferred (partial)")
        return self


class PositionsPlaybook(_Positions):
    """The client's positions on the five must-haves (setting ``contract_playbook``)."""

    deliverable_ownership: OwnershipPositions = Field(default_factory=OwnershipPositions)
    knowledge_transfer: KnowledgeTransferPositions = Field(default_factory=KnowledgeTransferPositions)
    source_access: SourceAccessPositions = Field(default_factory=SourceAccessPositions)
    maintenance: MaintenancePositions = Field(default_factory=MaintenancePositions)
    exit: ExitPositions = Field(default_factory=ExitPositions)
