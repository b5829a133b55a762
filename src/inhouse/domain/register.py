"""The regulator's register: the DORA register of information's assessment of the ICT services.

Commission Implementing Regulation (EU) 2024/2956 (the ITS on the register of information under
Article 28(9) of Regulation (EU) 2022/2554, DORA), Annex I, template B_07.01 "Assessment of the ICT
services", columns 0050 to 0120. :func:`assess` derives each column of one engagement from inhouse's
own evidence (the contract review, the scans' internal share and partner-leaves simulation, the
drills, the exit checklist, the other partners assessed) and gives the reason, with where it came
from. Where the evidence is missing the value is "Assessment not performed" (the columns whose list
has it) or empty, never a guess. The rules, in short (docs/exit-readiness.md has them in full):

- 0090 reintegration: **Easy** only when every scanned repository's latest internal share meets the
  plan and at most 10% of its files would have no internal author if the partner left; **Highly
  complex** when more than 50% would, or the share is more than 10 points below the plan;
  **Difficult** otherwise.
- 0050 substitutability: **Not substitutable** when the contract gives the client neither the
  deliverables nor exit terms; **Highly complex** when one of them is missing, reintegration is
  highly complex or the latest drill got stuck; **Easily substitutable** only with full exit terms,
  client ownership, easy reintegration and a tested export; **Medium complexity** otherwise.
- 0060 reason: "Difficulties in migrating or reintegrating" when 0050 asks for one (data portability
  is not ensured without an exit clause or a tested export); inhouse cannot tell whether the market
  lacks alternatives, so it never derives "Lack of real alternatives".
- 0070 date of the last audit: inhouse records no audit of the provider; always empty, with why.
- 0080 exit plan: **Yes** while the engagement's dependency plan brings work inside; the latest
  "can we modify this alone?" drill is its test, ``untested`` when none was done in the 12 months
  before ``as_of``, ``failed`` when it got stuck.
- 0100 impact of discontinuing: from the exit checklist: a blocked item **High**, an item at risk
  **Medium**, all ready **Low**, an item not measured yet "Assessment not performed".
- 0110/0120 alternatives: **Yes**, with their names, when another partner has an assessed proposal or
  a reference check; "Assessment not performed" otherwise (inhouse never says there are none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import Field

from inhouse.domain.contracts import ContractReview
from inhouse.domain.docs_audit import DocsAudit
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.exit_readiness import AT_RISK, BLOCKED, ExitReadiness, StoredResult
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.plans import DependencyPlan, add_years
from inhouse.domain.shapes import CalendarDate, Input, Shape

TEMPLATE = "B_07.01"
CITATION = "Commission Implementing Regulation (EU) 2024/2956, Annex I, template B_07.01"
NOT_PERFORMED: Literal["Assessment not performed"] = "Assessment not performed"
EXIT_PLAN_TEST_MONTHS = 12
REINTEGRATION_READY = 0.10  # the exit checklist's bounds on the files orphaned if the partner left
REINTEGRATION_BLOCKED = 0.50
PLAN_SLACK = 0.10  # the status's amber band below the plan

Substitutability = Literal[
    "Not substitutable",
    "Highly complex substitutability",
    "Medium complexity in terms of substitutability",
    "Easily substitutable",
]
SubstitutabilityReason = Literal[
    "Lack of real alternatives",
    "Difficulties in migrating or reintegrating",
    "Lack of real alternatives and difficulties in migrating or reintegrating",
]
Binary = Literal["Yes", "No"]
Reintegration = Literal["Easy", "Difficult", "Highly complex"]
Impact = Literal["Low", "Medium", "High", "Assessment not performed"]
YesNoNotPerformed = Literal["Yes", "No", "Assessment not performed"]
ExitPlanTest = Literal["tested", "untested", "failed"]
SourceKind = Literal["contract", "scan", "drill", "plan", "exit_checklist", "docs_audit", "partner", "export", "none"]


class RegisterQuery(Input):
    """The day the register is assessed on (None: today): the exit plan's test is the drill of the
    12 months before it."""

    as_of: CalendarDate | None = None


class RegisterEvidence(Shape):
    """Where a register value comes from: a stored result, a drill, the plan; ``ref`` says it in words."""

    source: SourceKind
    ref: str
    result_id: int | None = None
    record_id: int | None = None


class RegisterCell(Shape):
    """One column of template B_07.01: its code and label, the value inhouse derived (None: empty
    in the register) and the reason, with the evidence it rests on."""

    code: str
    label: str
    value: str | date | None = None
    reason: str
    evidence: list[RegisterEvidence] = Field(default_factory=list)


class SubstitutabilityCell(RegisterCell):
    code: Literal["B_07.01.0050"] = "B_07.01.0050"
    label: str = "Substitutability of the ICT third-party service provider"
    value: Substitutability | None = None


class SubstitutabilityReasonCell(RegisterCell):
    code: Literal["B_07.01.0060"] = "B_07.01.0060"
    label: str = (
        "Reason if the ICT third-party service provider is considered not substitutable or difficult to substitute"
    )
    value: SubstitutabilityReason | None = None


class LastAuditCell(RegisterCell):
    code: Literal["B_07.01.0070"] = "B_07.01.0070"
    label: str = "Date of the last audit on the ICT third-party service provider"
    value: date | None = None


class ExitPlanCell(RegisterCell):
    code: Literal["B_07.01.0080"] = "B_07.01.0080"
    label: str = "Existence of an exit plan"
    value: Binary | None = None
    test: ExitPlanTest = "untested"
    tested_on: date | None = None


class ReintegrationCell(RegisterCell):
    code: Literal["B_07.01.0090"] = "B_07.01.0090"
    label: str = "Possibility of reintegration of the contracted ICT service"
    value: Reintegration | None = None


class ImpactCell(RegisterCell):
    code: Literal["B_07.01.0100"] = "B_07.01.0100"
    label: str = "Impact of discontinuing the ICT services"
    value: Impact = NOT_PERFORMED


class AlternativesCell(RegisterCell):
    code: Literal["B_07.01.0110"] = "B_07.01.0110"
    label: str = "Are there alternative ICT third-party service providers identified?"
    value: YesNoNotPerformed = NOT_PERFORMED


class AlternativeProvidersCell(RegisterCell):
    code: Literal["B_07.01.0120"] = "B_07.01.0120"
    label: str = "Identification of alternative ICT TPP"
    value: str | None = None


class RegisterAssessment(Shape):
    """``inhouse exit-readiness --register --json`` and ``GET /api/engagements/{ref}/register``: the
    B_07.01 assessment of one engagement's arrangement, each column with its value and reason."""

    template: Literal["B_07.01"] = "B_07.01"
    citation: str = CITATION
    engagement: str
    partner: str
    as_of: date
    substitutability: SubstitutabilityCell
    substitutability_reason: SubstitutabilityReasonCell
    last_audit: LastAuditCell
    exit_plan: ExitPlanCell
    reintegration: ReintegrationCell
    discontinuing_impact: ImpactCell
    alternatives: AlternativesCell
    alternative_providers: AlternativeProvidersCell

    def cells(self) -> list[RegisterCell]:
        """The columns in the template's order (0050 to 0120)."""
        return [
            self.substitutability,
            self.substitutability_reason,
            self.last_audit,
            self.exit_plan,
            self.reintegration,
            self.discontinuing_impact,
            self.alternatives,
            self.alternative_providers,
        ]


@dataclass(frozen=True)
class ExportTest:
    """A workspace export that was tested (read back elsewhere): the data-portability evidence."""

    tested_on: date
    ref: str


@dataclass(frozen=True)
class Alternative:
    """Another partner the client assessed: a proposal, a reference check."""

    name: str
    what: str  # "2 assessed proposals, 1 reference check"


@dataclass
class RegisterInputs:
    """The evidence the register is derived from (gathered by the service; nothing is read here)."""

    as_of: date
    plan: DependencyPlan
    planned_share: float  # the plan's target on ``as_of``
    readiness: ExitReadiness
    contract: StoredResult[ContractReview] | None = None
    scans: list[StoredResult[ScanResult]] = field(default_factory=list)
    audits: list[StoredResult[DocsAudit]] = field(default_factory=list)
    drills: list[Drill] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    export: ExportTest | None = None


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _contract_evidence(contract: StoredResult[ContractReview], clause: str) -> RegisterEvidence:
    return RegisterEvidence(
        source="contract", ref=f"{contract.name or contract.subject}: clauses.{clause}", result_id=contract.result_id
    )


# --- 0090 reintegration -------------------------------------------------------------------------

_REINTEGRATION_RANK: dict[Reintegration, int] = {"Easy": 0, "Difficult": 1, "Highly complex": 2}


def reintegration(scans: Sequence[StoredResult[ScanResult]], planned_share: float) -> ReintegrationCell:
    """Easy only when the internal share and the partner-leaves simulation meet the plan in every repository."""
    if not scans:
        return ReintegrationCell(
            reason="not assessed: no scan stored, so neither the internal share nor the partner-leaves "
            "simulation is known (`inhouse scan REPO`)"
        )
    verdicts: list[Reintegration] = []
    parts: list[str] = []
    unmeasured: list[str] = []
    evidence: list[RegisterEvidence] = []
    for scan in scans:
        off = scan.payload.offboarding
        latest = scan.payload.latest
        share = latest.internal_commit_share if latest is not None else None
        leaves = f"{_pct(off.orphaned_share)} of files would have no internal author if the partner left"
        evidence.append(
            RegisterEvidence(source="scan", ref=f"{scan.name}: trajectory, offboarding", result_id=scan.result_id)
        )
        if share is None or latest is None:
            unmeasured.append(scan.name)
            if off.orphaned_share > REINTEGRATION_BLOCKED:
                verdicts.append("Highly complex")
            parts.append(f"{scan.name}: no period with an internal share yet; {leaves}")
            continue
        plan = latest.plan_internal_share if latest.plan_internal_share is not None else planned_share
        if off.orphaned_share > REINTEGRATION_BLOCKED or share < plan - PLAN_SLACK:
            verdict: Reintegration = "Highly complex"
        elif share >= plan and off.orphaned_share <= REINTEGRATION_READY:
            verdict = "Easy"
        else:
            verdict = "Difficult"
        verdicts.append(verdict)
        meets = "meets" if share >= plan else "is below"
        parts.append(
            f"{scan.name}: internal share {_pct(share)} {meets} the plan's {_pct(plan)} ({latest.period}); {leaves}"
        )
    worst: Reintegration | None = None
    for verdict in verdicts:
        if worst is None or _REINTEGRATION_RANK[verdict] > _REINTEGRATION_RANK[worst]:
            worst = verdict
    rule = (
        f"easy only when the internal share meets the plan and at most {_pct(REINTEGRATION_READY)} of files "
        f"would be orphaned; highly complex above {_pct(REINTEGRATION_BLOCKED)} or more than "
        f"{PLAN_SLACK * 100:.0f} points below the plan"
    )
    if worst is None or (unmeasured and worst == "Easy"):
        return ReintegrationCell(
            reason=f"not assessed: {', '.join(unmeasured)} has no internal share yet; " + "; ".join(parts),
            evidence=evidence,
        )
    return ReintegrationCell(value=worst, reason="; ".join(parts) + f" ({rule})", evidence=evidence)


# --- 0050 and 0060 substitutability -------------------------------------------------------------


def _portability(contract: StoredResult[ContractReview] | None, export: ExportTest | None) -> list[str]:
    """What stands in the way of moving the data and work elsewhere (empty: portability ensured)."""
    gaps = []
    if contract is None:
        gaps.append("no contract review, so no exit clause is known")
    elif contract.payload.clauses.exit.status == "absent":
        gaps.append("no exit clause in the contract")
    elif contract.payload.clauses.exit.status == "partial":
        gaps.append("only a partial exit clause in the contract")
    if export is None:
        gaps.append("no tested export recorded")
    return gaps


def substitutability(
    contract: StoredResult[ContractReview] | None,
    reintegrated: ReintegrationCell,
    drills: Sequence[Drill],
    export: ExportTest | None,
    as_of: date,
) -> SubstitutabilityCell:
    blockers: list[str] = []
    evidence: list[RegisterEvidence] = []
    ownership = exit_status = None
    if contract is not None:
        ownership = contract.payload.clauses.deliverable_ownership.status
        exit_status = contract.payload.clauses.exit.status
        evidence += [_contract_evidence(contract, "deliverable_ownership"), _contract_evidence(contract, "exit")]
        if ownership in ("vendor", "unclear", "absent"):
            blockers.append(
                "the contract gives no deliverable ownership to the client"
                if ownership in ("absent", "unclear")
                else "the contract leaves the deliverables with the vendor"
            )
        if exit_status == "absent":
            blockers.append("the contract has no exit clause")
    if reintegrated.value == "Highly complex":
        blockers.append("reintegration is highly complex")
        evidence += reintegrated.evidence
    last = latest_drill(drills, as_of)
    if last is not None and last.outcome is DrillOutcome.STUCK:
        blockers.append(f"the latest drill ({last.performed_on}) got stuck")
        evidence.append(_drill_evidence(last))
    if ownership in ("vendor", "absent") and exit_status == "absent":
        return SubstitutabilityCell(
            value="Not substitutable",
            reason="the client neither owns the deliverables nor has exit terms: " + "; ".join(blockers),
            evidence=evidence,
        )
    if blockers:
        return SubstitutabilityCell(
            value="Highly complex substitutability", reason="; ".join(blockers), evidence=evidence
        )
    missing = []
    if contract is None:
        missing.append("no contract review (`inhouse contract check FILE`)")
    if reintegrated.value is None:
        missing.append("reintegration not assessed")
    if missing:
        return SubstitutabilityCell(reason="not assessed: " + "; ".join(missing), evidence=evidence)
    evidence += reintegrated.evidence
    gaps = _portability(contract, export)
    if ownership == "partial":
        gaps.append("deliverable ownership is partial")
    if reintegrated.value != "Easy":
        gaps.append(f"reintegration is {str(reintegrated.value).lower()}")
    if gaps:
        return SubstitutabilityCell(
            value="Medium complexity in terms of substitutability",
            reason="no blocker, but " + "; ".join(gaps),
            evidence=evidence,
        )
    assert export is not None  # no gap: an export was tested
    evidence.append(RegisterEvidence(source="export", ref=export.ref))
    return SubstitutabilityCell(
        value="Easily substitutable",
        reason=f"the client owns the deliverables, the contract has full exit terms, reintegration is easy "
        f"and an export was tested on {export.tested_on}",
        evidence=evidence,
    )


def substitutability_reason(
    substitutable: SubstitutabilityCell, contract: StoredResult[ContractReview] | None, export: ExportTest | None
) -> SubstitutabilityReasonCell:
    if substitutable.value is None:
        return SubstitutabilityReasonCell(reason="not assessed: substitutability is not assessed")
    if substitutable.value not in ("Not substitutable", "Highly complex substitutability"):
        return SubstitutabilityReasonCell(
            reason=f"not required: substitutability is {substitutable.value!r} (a reason is asked only for "
            "'Not substitutable' or 'Highly complex substitutability')"
        )
    gaps = _portability(contract, export)
    portability = f"data portability is not ensured ({'; '.join(gaps)})" if gaps else "data portability is ensured"
    return SubstitutabilityReasonCell(
        value="Difficulties in migrating or reintegrating",
        reason=f"{substitutable.reason}; {portability}. inhouse does not measure whether the market lacks "
        "real alternatives: if it does, choose the combined reason yourself",
        evidence=substitutable.evidence,
    )


# --- 0070 last audit ----------------------------------------------------------------------------


def last_audit(audits: Sequence[StoredResult[DocsAudit]]) -> LastAuditCell:
    evidence = [
        RegisterEvidence(source="docs_audit", ref=f"{a.name}: documentation audit", result_id=a.result_id)
        for a in audits
    ]
    held = (
        f" (the documentation audit of {', '.join(a.name for a in audits)} reviews the deliverables' "
        "documentation, not the provider)"
        if audits
        else ""
    )
    return LastAuditCell(
        reason=f"not recorded: inhouse holds no audit of the provider{held}; enter the date of the last audit "
        "of the provider yourself",
        evidence=evidence,
    )


# --- 0080 exit plan -----------------------------------------------------------------------------


def latest_drill(drills: Sequence[Drill], as_of: date) -> Drill | None:
    """The latest drill done on or before ``as_of`` (a later one has not happened yet)."""
    done = [d for d in drills if d.performed_on <= as_of]
    return max(done, key=lambda d: (d.performed_on, d.id or 0)) if done else None


def _drill_evidence(drill: Drill) -> RegisterEvidence:
    return RegisterEvidence(source="drill", ref=f"drill on {drill.performed_on} by {drill.person}", record_id=drill.id)


def exit_plan(plan: DependencyPlan, readiness: ExitReadiness, drills: Sequence[Drill], as_of: date) -> ExitPlanCell:
    """Yes while the dependency plan brings work inside; its test is the latest drill of the last 12 months."""
    evidence = [
        RegisterEvidence(source="plan", ref=f"dependency plan {plan.as_text()} internal"),
        RegisterEvidence(source="exit_checklist", ref=f"exit checklist: {readiness.summary}"),
    ]
    if plan.final_share <= 0:
        return ExitPlanCell(
            value="No",
            test="untested",
            reason=f"the engagement's dependency plan ({plan.as_text()} internal) never brings work inside",
            evidence=evidence,
        )
    last = latest_drill(drills, as_of)
    since = add_years(as_of, -1)
    if last is None:
        test: ExitPlanTest = "untested"
        tested = "untested: no 'can we modify this alone?' drill recorded (`inhouse drill add`)"
    elif last.performed_on < since:
        test, tested = (
            "untested",
            (
                f"untested: the last drill, on {last.performed_on}, is older than {EXIT_PLAN_TEST_MONTHS} months "
                f"(as of {as_of})"
            ),
        )
    elif last.outcome is DrillOutcome.STUCK:
        test, tested = "failed", f"its test failed: the drill on {last.performed_on} got stuck"
    else:
        test = "tested"
        tested = f"tested by the drill on {last.performed_on} ({last.outcome.value.replace('_', ' ')})"
    if last is not None:
        evidence.append(_drill_evidence(last))
    return ExitPlanCell(
        value="Yes",
        test=test,
        tested_on=last.performed_on if test != "untested" and last is not None else None,
        reason=f"the engagement's dependency plan brings the work inside ({plan.as_text()} internal) and the "
        f"exit checklist tracks what leaving needs ({readiness.summary}); {tested}",
        evidence=evidence,
    )


# --- 0100 impact of discontinuing ---------------------------------------------------------------

_WEIGHT = "inhouse measures how ready the client is to go on without the partner, not how critical the function is"


def _titles(titles: list[str], shown: int = 4) -> str:
    more = f" and {len(titles) - shown} more" if len(titles) > shown else ""
    return ", ".join(titles[:shown]) + more


def discontinuing_impact(readiness: ExitReadiness) -> ImpactCell:
    evidence = [RegisterEvidence(source="exit_checklist", ref=f"exit checklist: {readiness.summary}")]
    blocked = [i.title for i in readiness.items if i.status == BLOCKED and i.measured]
    unmeasured = [i.title for i in readiness.items if not i.measured]
    at_risk = [i.title for i in readiness.items if i.status == AT_RISK and i.measured]
    if blocked:
        value: Impact = "High"
        reason = f"if the partner stopped today, {len(blocked)} exit item(s) would block: {_titles(blocked)}"
    elif unmeasured:
        value, reason = NOT_PERFORMED, f"{len(unmeasured)} exit item(s) not measured yet: {_titles(unmeasured)}"
    elif at_risk:
        value, reason = "Medium", f"nothing blocks an exit, {len(at_risk)} item(s) at risk: {_titles(at_risk)}"
    else:
        value, reason = "Low", "every exit item is ready"
    return ImpactCell(
        value=value, reason=f"{reason} ({_WEIGHT}: raise it if the function is critical)", evidence=evidence
    )


# --- 0110 and 0120 alternatives -----------------------------------------------------------------


def alternatives(found: Sequence[Alternative]) -> tuple[AlternativesCell, AlternativeProvidersCell]:
    if not found:
        how = "no other partner has an assessed proposal or a reference check (`inhouse partner assess`)"
        return (
            AlternativesCell(value=NOT_PERFORMED, reason=how),
            AlternativeProvidersCell(reason="none identified: " + how),
        )
    evidence = [RegisterEvidence(source="partner", ref=f"{a.name}: {a.what}") for a in found]
    names = "; ".join(a.name for a in found)
    listed = ", ".join(f"{a.name} ({a.what})" for a in found)
    return (
        AlternativesCell(value="Yes", reason=f"{len(found)} other partner(s) assessed: {listed}", evidence=evidence),
        AlternativeProvidersCell(value=names, reason=f"the other partners assessed: {listed}", evidence=evidence),
    )


def assess(engagement: str, partner: str, inputs: RegisterInputs) -> RegisterAssessment:
    """Every B_07.01 assessment column of one engagement, from ``inputs``."""
    reintegrated = reintegration(inputs.scans, inputs.planned_share)
    substitutable = substitutability(inputs.contract, reintegrated, inputs.drills, inputs.export, inputs.as_of)
    found, providers = alternatives(inputs.alternatives)
    return RegisterAssessment(
        engagement=engagement,
        partner=partner,
        as_of=inputs.as_of,
        substitutability=substitutable,
        substitutability_reason=substitutability_reason(substitutable, inputs.contract, inputs.export),
        last_audit=last_audit(inputs.audits),
        exit_plan=exit_plan(inputs.plan, inputs.readiness, inputs.drills, inputs.as_of),
        reintegration=reintegrated,
        discontinuing_impact=discontinuing_impact(inputs.readiness),
        alternatives=found,
        alternative_providers=providers,
    )
