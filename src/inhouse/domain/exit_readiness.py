"""Exit readiness: could the client leave the partner today? Pure rules over stored evidence.

Every checklist item is ``ready``, ``at_risk`` or ``blocked``, with the reason, what to do,
and a pointer to its evidence. The rules:

- contract (the latest contract review): deliverable ownership client -> ready, partial ->
  at risk, vendor or absent -> blocked; exit full -> ready (at risk when a termination fee or
  no termination for convenience binds the client), partial -> at risk, absent -> blocked;
  source access during the work -> ready, only after delivery -> at risk, absent -> blocked.
- documentation (the latest audit of each repository; an item is as good as its best
  repository): operations guide present -> ready, stale or partial -> at risk, missing ->
  blocked; setup instructions present -> ready, stale -> at risk, missing -> blocked; model
  card and datasheet present -> ready, otherwise at risk.
- knowledge (the latest scan of each repository): the share of files nobody inside authors
  if the partner left: up to 10% ready, up to 50% at risk, more blocked.
- drills: the latest drill done alone -> ready, with help -> at risk, stuck -> blocked; the
  training hours the drills asked for against the contract's knowledge-transfer hours.
- inventory: each asset held internally -> ready, shared -> at risk, held by the partner ->
  blocked; the inventory itself at risk while an essential kind (repository, model, dataset,
  cloud account, credential) or a linked repository is not listed.

Evidence not stored yet is never a crash: the item is ``at_risk`` with ``measured: false``
and says how to measure it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from inhouse.domain.assets import ESSENTIAL_KINDS, Asset, HeldBy
from inhouse.domain.contracts import (
    ClauseKind,
    ContractReview,
    ExitFinding,
    KnowledgeTransferFinding,
    MaintenanceFinding,
    OwnershipFinding,
    SourceAccessFinding,
)
from inhouse.domain.docs_audit import OPERATIONS_GUIDE, DocItem, DocsAudit
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.shapes import Shape


class ExitState(str, enum.Enum):
    """A checklist item's verdict, and the checklist's as a whole."""

    READY = "ready"
    AT_RISK = "at_risk"
    BLOCKED = "blocked"


READY, AT_RISK, BLOCKED = ExitState.READY, ExitState.AT_RISK, ExitState.BLOCKED
STATES = (READY, AT_RISK, BLOCKED)
ExitArea = Literal["contract", "documentation", "knowledge", "drills", "inventory"]
AREAS: tuple[ExitArea, ...] = ("contract", "documentation", "knowledge", "drills", "inventory")
EvidenceSource = Literal["contract", "docs_audit", "scan", "drill", "asset", "reviews", "none"]
NOT_MEASURED = "not measured yet"


class Evidence(Shape):
    """Where a verdict comes from: a stored result, a drill, an asset; ``ref`` says it in words."""

    source: EvidenceSource
    ref: str
    result_id: int | None = None
    record_id: int | None = None
    quote: str | None = None


class CheckItem(Shape):
    """One item of the exit checklist, with the reason, what to do and its evidence."""

    area: ExitArea
    key: str
    title: str
    status: ExitState
    reason: str
    action: str = ""
    measured: bool = True
    evidence: Evidence


class ExitCounts(Shape):
    """How many checklist items are in each state."""

    ready: int
    at_risk: int
    blocked: int


class ExitSummary(Shape):
    """The checklist in one line: its state, the counts and the summary sentence."""

    status: ExitState
    counts: ExitCounts
    summary: str


class ExitReadiness(Shape):
    """The ``inhouse exit-readiness --json`` shape: could the client leave the partner today?"""

    engagement: str
    status: ExitState
    counts: ExitCounts
    summary: str
    items: list[CheckItem]
    partner: str

    @classmethod
    def of(cls, engagement: str, items: list[CheckItem], partner: str = "") -> ExitReadiness:
        state = overall(items)
        counts = ExitCounts(**{s.value: sum(1 for i in items if i.status == s) for s in STATES})
        summary = (
            f"{state.value.replace('_', ' ')}: {counts.ready} ready, {counts.at_risk} at risk, {counts.blocked} blocked"
        )
        return cls(engagement=engagement, status=state, counts=counts, summary=summary, items=items, partner=partner)


PayloadT = TypeVar("PayloadT", ContractReview, ScanResult, DocsAudit)


@dataclass(frozen=True)
class StoredResult(Generic[PayloadT]):
    """A stored analysis result as the rules need it: its validated payload (a contract review,
    a scan or a documentation audit), the stored row's id and its subject."""

    payload: PayloadT
    result_id: int | None = None
    subject: str = ""
    name: str = ""  # a short name for messages (file name, repository name)


Finding = OwnershipFinding | KnowledgeTransferFinding | SourceAccessFinding | MaintenanceFinding | ExitFinding


def clause(review: ContractReview, kind: ClauseKind) -> Finding:
    """The review's finding about the clause ``kind``."""
    finding: Finding = getattr(review.clauses, kind)
    return finding


def _item(
    area: ExitArea,
    key: str,
    title: str,
    status: ExitState,
    reason: str,
    evidence: Evidence,
    action: str = "",
    measured: bool = True,
) -> CheckItem:
    return CheckItem(
        area=area,
        key=key,
        title=title,
        status=status,
        reason=reason,
        action=action,
        measured=measured,
        evidence=evidence,
    )


def unmeasured(area: ExitArea, key: str, title: str, how: str) -> CheckItem:
    return _item(
        area,
        key,
        title,
        AT_RISK,
        f"{NOT_MEASURED}: {how}",
        Evidence(source="none", ref=NOT_MEASURED),
        action=how[0].upper() + how[1:],
        measured=False,
    )


def _quote(finding: Finding) -> str | None:
    text = finding.evidence[0].text if finding.evidence else None
    return " ".join(text.split())[:200] if text else None


_CONTRACT_RULES: dict[ClauseKind, tuple[str, dict[str, ExitState], str]] = {
    "deliverable_ownership": (
        "Deliverable ownership",
        {"client": READY, "partial": AT_RISK, "vendor": BLOCKED},
        "Negotiate an ownership clause assigning code, models, data and documentation to the client",
    ),
    "exit": (
        "Exit conditions",
        {"full": READY, "partial": AT_RISK},
        "Add exit terms: termination for convenience, return of data, code and models, transition help",
    ),
    "source_access": (
        "Source and documentation access",
        {"during": READY, "after_only": AT_RISK},
        "Get repository and documentation access during the work, not only at delivery",
    ),
}


def contract_items(contract: StoredResult[ContractReview] | None, how: str) -> list[CheckItem]:
    """Ownership, exit and access from the latest contract review."""
    if contract is None:
        return [
            unmeasured("contract", f"contract.{kind}", title, how) for kind, (title, _, _) in _CONTRACT_RULES.items()
        ]
    review = contract.payload
    flags = {f.kind: f for f in review.red_flags}
    conditions = review.clauses.deliverable_ownership.conditions
    items = []
    for kind, (title, verdicts, action) in _CONTRACT_RULES.items():
        finding = clause(review, kind)
        status_found = finding.status
        status = verdicts.get(status_found, BLOCKED)
        reason = f"the contract's {title.lower()} clause is {status_found.replace('_', ' ')}"
        if kind == "deliverable_ownership" and conditions:
            reason += f" (conditions: {'; '.join(conditions)})"
        if kind == "exit":
            binding = [
                k
                for k in ("termination_fee", "no_termination_for_convenience")
                if k in flags and flags[k].binds in ("client", "both", "unknown")
            ]
            if binding:
                reason += "; red flags: " + ", ".join(k.replace("_", " ") for k in binding)
                status = AT_RISK if status == READY else status
        if kind == "deliverable_ownership" and "vendor_retains_ip" in flags and status == READY:
            status, reason = AT_RISK, reason + "; but the vendor retains some IP"
        evidence = Evidence(
            source="contract",
            ref=f"{contract.name or contract.subject}: clauses.{kind}",
            result_id=contract.result_id,
            quote=_quote(finding),
        )
        items.append(
            _item("contract", f"contract.{kind}", title, status, reason, evidence, "" if status == READY else action)
        )
    return items


_DOC_RULES = {  # item -> (title, verdict per status, action)
    "operations_guide": (
        "Operations guide (how it works, architecture, troubleshooting)",
        {"present": READY, "stale": AT_RISK, "partial": AT_RISK, "missing": BLOCKED},
        "Get an operations guide covering how the system works, its architecture and troubleshooting",
    ),
    "setup": (
        "Setup and run instructions",
        {"present": READY, "stale": AT_RISK, "missing": BLOCKED},
        "Get setup and run instructions written and kept current",
    ),
    "model_card": (
        "Model documentation (model card)",
        {"present": READY},
        "Ask for a model card: intended use, training data, evaluation, limitations",
    ),
    "datasheet": (
        "Data documentation (datasheet)",
        {"present": READY},
        "Ask for a datasheet: data sources, composition, collection, preprocessing",
    ),
}
_RANK = {"present": 0, "stale": 1, "partial": 2, "missing": 3}


def _doc_state(audit: StoredResult[DocsAudit], key: str) -> tuple[str, str, str]:
    """(status, pointer, reason) of one documentation item in one stored audit."""
    items: dict[str, DocItem] = {i.kind: i for i in audit.payload.items}
    if key == "operations_guide":
        status = audit.payload.operations_guide.status
        parts = [items.get(k) for k in OPERATIONS_GUIDE]
        files = sorted({p.file for p in parts if p is not None and p.file and p.status != "missing"})
        gaps = [
            f"{k.replace('_', ' ')} {p.status if p is not None else 'missing'}"
            for k, p in zip(OPERATIONS_GUIDE, parts, strict=True)
            if p is None or p.status != "present"
        ]
        reason = f"operations guide {status}" + (f" ({', '.join(gaps)})" if gaps else "")
        return status, ", ".join(files), reason
    item = items.get(key)
    if item is None:
        return "missing", "", f"{key} missing"
    return item.status, item.pointer() or "", item.reason or f"{key} {item.status}"


def documentation_items(audits: list[StoredResult[DocsAudit]], how: str) -> list[CheckItem]:
    if not audits:
        return [unmeasured("documentation", f"docs.{key}", title, how) for key, (title, _, _) in _DOC_RULES.items()]
    items = []
    for key, (title, verdicts, action) in _DOC_RULES.items():
        states = [(_doc_state(audit, key), audit) for audit in audits]
        (status_found, pointer, reason), audit = min(states, key=lambda s: _RANK.get(s[0][0], 3))
        status = verdicts.get(status_found, AT_RISK if key in ("model_card", "datasheet") else BLOCKED)
        ref = f"{audit.name}: {pointer}" if pointer else f"{audit.name}: documentation audit"
        items.append(
            _item(
                "documentation",
                f"docs.{key}",
                title,
                status,
                reason,
                Evidence(source="docs_audit", ref=ref, result_id=audit.result_id),
                "" if status == READY else action,
            )
        )
    return items


def knowledge_items(scans: list[StoredResult[ScanResult]], how: str) -> list[CheckItem]:
    """If the partner left today: the files nobody inside authors, per scanned repository."""
    if not scans:
        return [unmeasured("knowledge", "knowledge.offboarding", "Knowledge if the partner left", how)]
    items = []
    for scan in scans:
        off = scan.payload.offboarding
        share = off.orphaned_share
        status = READY if share <= 0.10 else AT_RISK if share <= 0.50 else BLOCKED
        worst = [d for d in off.by_directory if d.orphaned_files]
        where = f"; worst: {worst[0].path or '.'} ({worst[0].orphaned_files}/{worst[0].files} files)" if worst else ""
        reason = (
            f"{off.orphaned_files} of {off.files} files ({share:.0%}) would have no "
            f"internal author if the partner left{where}"
        )
        action = (
            f"Pair internal people on {worst[0].path or 'the orphaned code'} until they author it"
            if worst and status != READY
            else ""
        )
        items.append(
            _item(
                "knowledge",
                f"knowledge.offboarding.{scan.name}",
                f"Knowledge of {scan.name}",
                status,
                reason,
                Evidence(source="scan", ref=f"{scan.name}: offboarding", result_id=scan.result_id),
                action,
            )
        )
    return items


def drill_items(drills: list[Drill], contract: StoredResult[ContractReview] | None, asked: float) -> list[CheckItem]:
    """The latest "can we modify this alone?" drill, and the ``asked`` training hours against the contract's."""
    items = []
    if not drills:
        items.append(
            unmeasured(
                "drills",
                "drills.latest",
                "Can we modify this alone?",
                "run a drill: an internal person makes a change without the partner (`inhouse drill add`)",
            )
        )
    else:
        last = max(drills, key=lambda d: (d.performed_on, d.id or 0))
        status = {DrillOutcome.ALONE: READY, DrillOutcome.WITH_HELP: AT_RISK}.get(last.outcome, BLOCKED)
        stuck = f"; stuck on: {'; '.join(last.stuck_points)}" if last.stuck_points else ""
        reason = (
            f'{last.person} tried "{last.modification}" on {last.performed_on}: '
            f"{last.outcome.value.replace('_', ' ')}{stuck}"
        )
        action = (
            ""
            if status == READY
            else f"Train where the drill got stuck ({last.stuck_points[0]}) and repeat it"
            if last.stuck_points
            else "Repeat the drill without help"
        )
        items.append(
            _item(
                "drills",
                "drills.latest",
                "Can we modify this alone?",
                status,
                reason,
                Evidence(source="drill", ref=f"drill on {last.performed_on} by {last.person}", record_id=last.id),
                action,
            )
        )
    title = "Handover training hours"
    if contract is None:
        items.append(
            unmeasured(
                "drills",
                "drills.training",
                title,
                "check the contract for the knowledge-transfer hours (`inhouse contract check`)",
            )
        )
        return items
    kt = contract.payload.clauses.knowledge_transfer
    hours = kt.hours
    evidence = Evidence(
        source="contract",
        ref=f"{contract.name or contract.subject}: clauses.knowledge_transfer",
        result_id=contract.result_id,
        quote=_quote(kt),
    )
    if kt.status != "present":
        status, reason = AT_RISK, f"the contract has no knowledge-transfer clause; drills asked for {asked:g} h"
    elif hours is None:
        status, reason = AT_RISK, f"the contract promises training without hours; drills asked for {asked:g} h"
    elif hours >= asked:
        status, reason = READY, f"the contract grants {hours:g} h of training; drills asked for {asked:g} h"
    else:
        status, reason = AT_RISK, f"drills asked for {asked:g} h of training, the contract grants {hours:g} h"
    action = "" if status == READY else f"Agree at least {max(asked, 1):g} hours of handover training"
    items.append(_item("drills", "drills.training", title, status, reason, evidence, action))
    return items


def inventory_items(assets: list[Asset], linked_repos: list[str]) -> list[CheckItem]:
    if not assets:
        return [
            unmeasured(
                "inventory",
                "inventory",
                "Asset inventory",
                "list repositories, models, datasets, cloud accounts and credentials with who "
                "holds each (`inhouse asset add`)",
            )
        ]
    items = []
    for asset in assets:
        holder = f" ({asset.holder})" if asset.holder else ""
        status = {HeldBy.INTERNAL: READY, HeldBy.SHARED: AT_RISK}.get(asset.held_by, BLOCKED)
        reason = {
            READY: f"held internally{holder}",
            AT_RISK: f"shared with the partner{holder}: the partner's access must end at exit",
            BLOCKED: f"held by the partner{holder}",
        }[status]
        action = {
            READY: "",
            AT_RISK: f"Make sure the client administers the {asset.kind.value.replace('_', ' ')} "
            f"{asset.name} and can revoke the partner's access",
            BLOCKED: f"Transfer the {asset.kind.value.replace('_', ' ')} {asset.name} to the client",
        }[status]
        items.append(
            _item(
                "inventory",
                f"asset.{asset.id}",
                f"{asset.kind.value.replace('_', ' ')}: {asset.name}",
                status,
                reason,
                Evidence(source="asset", ref=f"asset {asset.name}", record_id=asset.id),
                action,
            )
        )
    kinds = {a.kind for a in assets}
    listed = {a.name.lower() for a in assets if a.kind.value == "repository"}
    gaps = [k.value.replace("_", " ") for k in ESSENTIAL_KINDS if k not in kinds]
    gaps += [f"linked repository {r}" for r in linked_repos if r.lower() not in listed]
    status = AT_RISK if gaps else READY
    reason = ("not listed: " + ", ".join(gaps)) if gaps else "every essential kind of asset is listed"
    items.append(
        _item(
            "inventory",
            "inventory",
            "Asset inventory complete",
            status,
            reason,
            Evidence(source="asset", ref=f"{len(assets)} assets listed"),
            "List the missing assets and who holds them (`inhouse asset add`)" if gaps else "",
        )
    )
    return items


def overall(items: list[CheckItem]) -> ExitState:
    if any(i.status == BLOCKED for i in items):
        return BLOCKED
    return AT_RISK if any(i.status == AT_RISK for i in items) else READY
