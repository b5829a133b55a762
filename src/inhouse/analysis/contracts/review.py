"""The contract review facade: text in, :class:`ContractReview` out."""

from __future__ import annotations

from typing import Any

from inhouse.analysis.contracts.context import Context
from inhouse.analysis.contracts.detectors.access import SourceAccess
from inhouse.analysis.contracts.detectors.exit import ExitConditions
from inhouse.analysis.contracts.detectors.flags import FLAG_DETECTORS, no_termination_for_convenience
from inhouse.analysis.contracts.detectors.knowledge import KnowledgeTransfer
from inhouse.analysis.contracts.detectors.maintenance import Maintenance
from inhouse.analysis.contracts.detectors.ownership import DeliverableOwnership
from inhouse.analysis.contracts.engagement import engagement_model, recommendation
from inhouse.analysis.contracts.language import FLAG_ADVICE, clause_recommendations
from inhouse.analysis.contracts.learned import Learned, holds, ownership_view, retains_view
from inhouse.analysis.contracts.positions import positions as playbook_positions
from inhouse.analysis.contracts.scoring import score
from inhouse.domain.contracts import (
    ClauseFindings,
    ClausePosition,
    ContractRedFlag,
    ContractReview,
    OwnershipFinding,
    PartyRole,
    Recommendation,
)
from inhouse.domain.playbook import PositionsPlaybook
from inhouse.errors import InvalidInput

_OWNERSHIP = DeliverableOwnership()
_KNOWLEDGE = KnowledgeTransfer()
_ACCESS = SourceAccess()
_MAINTENANCE = Maintenance()
_EXIT = ExitConditions()
DETECTORS = {d.kind: d for d in (_OWNERSHIP, _KNOWLEDGE, _ACCESS, _MAINTENANCE, _EXIT)}


def review_contract(
    text: str,
    file: str = "",
    phase: str | None = None,
    *,
    playbook: PositionsPlaybook | None = None,
    learned: bool = True,
) -> ContractReview:
    """Review one contract's text. ``phase`` is the engagement's current phase
    (advisory | project) when known; it sharpens the engagement-model advice. ``playbook``: the
    client's positions (default: the product's). ``learned=False`` reads with the rules alone
    (what the models are measured against)."""
    if not text or not text.strip():
        raise InvalidInput(f"{file or 'contract'}: no text to review")
    context = Context.build(text)
    reading = _OWNERSHIP.read(context)
    ownership = _OWNERSHIP.detect(context, reading)
    models = Learned(context) if learned else None
    if models:
        ownership = _learned_ownership(models, reading, ownership)
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
    if models:
        retained = _learned_retains(models, reading, retained)
    if retained:
        flags.append(retained)
    if no_tfc:
        flags.append(no_tfc)
    model = engagement_model(text)
    client, vendor = _terms(context)
    placed = playbook_positions(clauses, flags, playbook or PositionsPlaybook())
    recommendations = _from_positions(placed, clause_recommendations(clauses, client, vendor))
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
        score=score(placed, flags),
        recommendations=recommendations,
        positions=placed,
    )


def _from_positions(placed: list[ClausePosition], written: list[Recommendation]) -> list[Recommendation]:
    """A recommendation for each must-have short of its preferred position: the suggested language
    when there is one for the clause, else the playbook's preferred position to ask for."""
    out = []
    for position in placed:
        if position.position == "preferred":
            continue
        ours = [r for r in written if r.clause == position.clause]
        prefix = "Walk-away position. " if position.position == "walk_away" else ""
        if ours:
            out += [r.model_copy(update={"problem": prefix + r.problem}) for r in ours]
        else:
            out.append(
                Recommendation(
                    clause=position.clause,
                    problem=f"{prefix}The contract gives {position.found}; the playbook prefers {position.preferred}.",
                    suggested_text=f"Ask for {position.preferred}.",
                )
            )
    return out


def _terms(context: Context) -> tuple[str, str]:
    client = next((p.term for p in context.parties if p.side == "client"), "Client")
    vendor = next((p.term for p in context.parties if p.side == "vendor"), "Vendor")
    return client, vendor


def _learned_ownership(models: Learned, reading: Any, rules: OwnershipFinding) -> OwnershipFinding:
    """The ownership verdict through its model (see :mod:`.learned`): who owns is always the
    rules' reading; the model says whether the contract speaks about it."""
    mode = models.mode("deliverable_ownership")
    if mode == "rules":
        return rules
    scored = models.scored("deliverable_ownership")
    view = ownership_view(reading, rules.status)
    if not holds(mode, rules=view.rules, strong=view.strong, support=view.support, model=scored.says_so):
        return OwnershipFinding(evidence=rules.evidence if rules.status == "absent" else [])
    if view.rules:
        return rules.model_copy(update={"weighed_most": scored.weighed_most(rules.evidence)})
    evidence = scored.evidence(models.context)
    return OwnershipFinding(status="unclear", evidence=evidence, weighed_most=scored.weighed_most(evidence))


def _learned_retains(models: Learned, reading: Any, rules: ContractRedFlag | None) -> ContractRedFlag | None:
    mode = models.mode("vendor_retains_ip")
    if mode == "rules":
        return rules
    scored = models.scored("vendor_retains_ip")
    view = retains_view(reading, rules is not None, _OWNERSHIP.status(reading))
    if not holds(
        mode, rules=view.rules, strong=view.strong, support=view.support, model=scored.says_so, against=view.against
    ):
        return None
    if rules is not None:
        return rules.model_copy(update={"weighed_most": scored.weighed_most(rules.evidence)})
    evidence = scored.evidence(models.context)
    return ContractRedFlag(
        kind="vendor_retains_ip", binds="client", evidence=evidence, weighed_most=scored.weighed_most(evidence)
    )
