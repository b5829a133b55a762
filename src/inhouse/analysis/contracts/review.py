"""The contract review facade: text in, :class:`ContractReview` out."""

from __future__ import annotations

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.access import SourceAccess
from inhouse.analysis.contracts.detectors.exit import ExitConditions
from inhouse.analysis.contracts.detectors.flags import FLAG_DETECTORS, no_termination_for_convenience
from inhouse.analysis.contracts.detectors.knowledge import KnowledgeTransfer
from inhouse.analysis.contracts.detectors.maintenance import Maintenance
from inhouse.analysis.contracts.detectors.ownership import DeliverableOwnership
from inhouse.analysis.contracts.engagement import engagement_model, recommendation
from inhouse.analysis.contracts.language import FLAG_ADVICE, clause_recommendations
from inhouse.analysis.contracts.scoring import score
from inhouse.domain.contracts import ClauseFindings, ContractRedFlag, ContractReview, PartyRole, Recommendation
from inhouse.errors import InvalidInput

_OWNERSHIP = DeliverableOwnership()
_KNOWLEDGE = KnowledgeTransfer()
_ACCESS = SourceAccess()
_MAINTENANCE = Maintenance()
_EXIT = ExitConditions()
DETECTORS = {d.kind: d for d in (_OWNERSHIP, _KNOWLEDGE, _ACCESS, _MAINTENANCE, _EXIT)}


def review_contract(text: str, file: str = "", phase: str | None = None) -> ContractReview:
    """Review one contract's text. ``phase`` is the engagement's current phase
    (advisory | project) when known; it sharpens the engagement-model advice."""
    if not text or not text.strip():
        raise InvalidInput(f"{file or 'contract'}: no text to review")
    context = Context.build(text)
    reading = _OWNERSHIP.read(context)
    ownership = _OWNERSHIP.detect(context, reading)
    no_tfc, convenience = no_termination_for_convenience(context)
    clauses = ClauseFindings(
        deliverable_ownership=ownership,
        knowledge_transfer=_KNOWLEDGE.detect(context),
        source_access=_ACCESS.detect(context),
        maintenance=_MAINTENANCE.detect(context),
        exit=_EXIT.detect(context, convenience=convenience, client_can_leave=no_tfc is None),
    )
    flags: list[ContractRedFlag] = [flag for detector in FLAG_DETECTORS if (flag := detector.detect(context))]
    retained = _OWNERSHIP.vendor_retains_ip(context, ownership, reading)
    if retained:
        flags.append(retained)
    if no_tfc:
        flags.append(no_tfc)
    model = engagement_model(text)
    client, vendor = _terms(context)
    recommendations = clause_recommendations(clauses, client, vendor)
    for flag in flags:
        if flag.binds in ("client", "both", "unknown"):
            problem, suggestion = FLAG_ADVICE[flag.kind]
            recommendations.append(
                Recommendation(
                    clause=flag.kind,
                    problem=problem,
                    suggested_text=suggestion.replace("{c}", client).replace("{v}", vendor),
                )
            )
    recommendations.append(recommendation(model, phase))
    parties = [PartyRole(name=p.name, role=p.role) for p in context.parties]
    return ContractReview(
        file=file,
        engagement_model=model,
        clauses=clauses,
        red_flags=flags,
        parties=parties,
        score=score(clauses, flags),
        recommendations=recommendations,
    )


def _terms(context: Context) -> tuple[str, str]:
    client = next((p.term for p in context.parties if p.side == "client"), "Client")
    vendor = next((p.term for p in context.parties if p.side == "vendor"), "Vendor")
    return client, vendor
