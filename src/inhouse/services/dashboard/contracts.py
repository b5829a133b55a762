"""The contract checklist (the five must-have clauses) and the contract text with its evidence."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, Literal

from pydantic import Field

from inhouse.analysis.documents import read_document
from inhouse.bootstrap import Workspace
from inhouse.domain.contract_diff import FOUND_STATUSES, WEAK_STATUSES, ContractDiff
from inhouse.domain.contracts import (
    ClauseKind,
    ContractReview,
    EngagementModel,
    EvidenceSpan,
    KnowledgeTransferFinding,
    MaintenanceFinding,
    OwnershipFinding,
    PartyRole,
    Recommendation,
    RedFlagKind,
)
from inhouse.domain.documents import DocumentKind
from inhouse.domain.limits import DocumentLimits
from inhouse.domain.shapes import MAX_ID, Shape, Timestamp
from inhouse.domain.versions import DocumentVersion
from inhouse.errors import InhouseError, InvalidInput, NotFound
from inhouse.services import contract_versions

NOT_REVIEWED = "no contract review stored yet: upload the contract (or run inhouse contract check)"

CLAUSES: dict[ClauseKind, str] = {
    "deliverable_ownership": "Deliverable ownership: code, models, data and documentation are yours",
    "knowledge_transfer": "Knowledge transfer: hours of handover training for the internal team",
    "source_access": "Source code and documentation access during the project",
    "maintenance": "Maintenance terms: period, scope and price",
    "exit": "Exit conditions: you can retrieve your data and systems",
}
_GOOD = FOUND_STATUSES
_PARTIAL = WEAK_STATUSES

Verdict = Literal["ok", "warn", "bad"]


class ChecklistFinding(Shape):
    """One line of the checklist: a clause (in the playbook's order) or a red flag."""

    id: str = Field(description="Stable: clause-<kind> or flag-<n>-<kind>")
    group: Literal["clause", "red_flag"]
    kind: ClauseKind | RedFlagKind
    label: str
    status: str = Field(description="The clause's status, or 'binds <side>' for a red flag")
    verdict: Verdict
    detail: str = ""
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    weighed_most: list[str] = Field(
        default_factory=list, description="A model-backed verdict: the words that weighed most (else empty)"
    )
    position: str = Field("", description="A clause: preferred | acceptable | walk_away against the playbook")
    position_detail: str = ""


class NotReviewed(Shape):
    """No contract review is stored yet."""

    measured: Literal[False] = False
    why: str = NOT_REVIEWED


class ReviewedChecklist(Shape):
    """The latest contract review as a checklist."""

    measured: Literal[True] = True
    document_id: int | None = None
    file: str | None = Field(None, description="The contract's file name")
    score: int
    engagement_model: EngagementModel
    findings: list[ChecklistFinding]
    recommendations: list[Recommendation]
    parties: list[PartyRole]
    reviewed_at: Timestamp | None = None


ContractChecklist = ReviewedChecklist | NotReviewed
"""The engagement page's contract section: the checklist, or why there is none."""


class LocatedEvidence(EvidenceSpan):
    """An evidence span as the document page marks it: found in the text or not, and its anchor."""

    located: bool
    anchor: str = Field(description="ev-<finding id>-<n>, the id of its first marked piece")


class MarkedFinding(ChecklistFinding):
    """A finding whose evidence has been looked for in the document's text."""

    evidence: list[LocatedEvidence] = Field(default_factory=list)  # type: ignore[assignment]  # narrower items


class MarkedChecklist(ReviewedChecklist):
    """The checklist beside the document's text: every evidence located."""

    findings: list[MarkedFinding]  # type: ignore[assignment]  # narrower items


class TextSegment(Shape):
    """A piece of the text between evidence boundaries, with the findings covering it."""

    text: str
    findings: list[str]
    anchors: list[str]


class DocumentFacts(Shape):
    id: int
    filename: str
    title: str = ""
    kind: DocumentKind
    size: int
    media_type: str
    created_at: Timestamp | None = None
    uploaded_by: str = ""


class DocumentEngagement(Shape):
    id: int
    name: str


class ContractView(Shape):
    """A document's text with every finding's evidence marked, beside the checklist."""

    document: DocumentFacts
    engagement: DocumentEngagement | None = None
    is_contract: bool
    checklist: MarkedChecklist | NotReviewed
    segments: list[TextSegment]
    text_error: str | None = None
    versions: list[DocumentVersion] = Field(
        default_factory=list, description="The engagement's contract versions (this document's among them)"
    )
    changes: ContractDiff | None = Field(
        None,
        description="What changed since the reviewed version before this one, or between the two versions "
        "asked for (before, after)",
    )


def verdict(status: str | None) -> Verdict:
    if status in _GOOD:
        return "ok"
    if status in _PARTIAL:
        return "warn"
    return "bad"


def _detail(finding: object) -> str:
    if isinstance(finding, KnowledgeTransferFinding) and finding.hours:
        return f"{finding.hours:g} hours"
    if isinstance(finding, MaintenanceFinding) and finding.status == "present":
        parts = []
        if finding.free_months:
            parts.append(f"{finding.free_months:g} months free")
        if finding.monthly_fee:
            parts.append(f"then {finding.monthly_fee:,.0f} {finding.currency or ''}/month".strip())
        if not finding.scope_defined:
            parts.append("scope not defined")
        return ", ".join(parts)
    if isinstance(finding, OwnershipFinding) and finding.conditions:
        return "; ".join(finding.conditions)
    return ""


def findings(review: ContractReview) -> list[ChecklistFinding]:
    """Clauses first (in the playbook's order), then red flags; each with a stable id."""
    out = []
    placed = {p.clause: p for p in review.positions}
    for kind, label in CLAUSES.items():
        finding = getattr(review.clauses, kind)
        position = placed.get(kind)
        out.append(
            ChecklistFinding(
                id=f"clause-{kind}",
                group="clause",
                kind=kind,
                label=label,
                status=finding.status,
                verdict=verdict(finding.status),
                detail=_detail(finding),
                evidence=list(finding.evidence),
                weighed_most=list(getattr(finding, "weighed_most", [])),
                position=position.position if position else "",
                position_detail=f"{position.found}; preferred: {position.preferred}" if position else "",
            )
        )
    for index, flag in enumerate(review.red_flags):
        out.append(
            ChecklistFinding(
                id=f"flag-{index}-{flag.kind}",
                group="red_flag",
                kind=flag.kind,
                label=flag.kind.replace("_", " "),
                status=f"binds {flag.binds}",
                verdict="bad" if flag.binds in ("client", "both", "unknown") else "warn",
                evidence=list(flag.evidence),
                weighed_most=list(flag.weighed_most),
            )
        )
    return out


def checklist(
    payload: ContractReview | Mapping[str, Any] | None, meta: Mapping[str, Any] | None = None
) -> ContractChecklist:
    """The checklist of a stored review (its payload) and the result's ``meta`` (``document_id``,
    ``created_at``); :class:`NotReviewed` when there is none."""
    if payload is None:
        return NotReviewed()
    review = payload if isinstance(payload, ContractReview) else ContractReview.model_validate(payload)
    meta = meta or {}
    return ReviewedChecklist(
        document_id=meta.get("document_id"),
        file=PurePath(review.file).name or None,  # the file's name, never a folder it was read from
        score=review.score,
        engagement_model=review.engagement_model,
        findings=findings(review),
        recommendations=list(review.recommendations),
        parties=list(review.parties),
        reviewed_at=meta.get("created_at"),
    )


def _locate(text: str, evidence: EvidenceSpan) -> tuple[int, int] | None:
    """The evidence's span in ``text``: its offsets when they match, else the quote's first occurrence."""
    start, end, quote = evidence.start, evidence.end, evidence.text
    if 0 <= start < end <= len(text) and (not quote or text[start:end] == quote):
        return start, end
    if quote:
        found = text.find(quote)
        if found >= 0:
            return found, found + len(quote)
    return None


def mark(text: str, items: list[ChecklistFinding]) -> tuple[list[MarkedFinding], list[TextSegment]]:
    """Each finding with its evidence located in ``text``, and ``text`` split at every evidence
    boundary; each piece lists the findings covering it. The first piece of each evidence
    carries ``anchor`` (``ev-<finding id>-<n>``) to link to."""
    spans = []
    marked = []
    for item in items:
        located = []
        for n, evidence in enumerate(item.evidence):
            where = _locate(text, evidence)
            anchor = f"ev-{item.id}-{n}"
            located.append(LocatedEvidence(**evidence.model_dump(), located=where is not None, anchor=anchor))
            if where:
                spans.append((where[0], where[1], item.id, anchor))
        marked.append(MarkedFinding(**{**dict(item), "evidence": located}))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [(fid, anchor, s) for s, e, fid, anchor in spans if s <= left and right <= e]
        anchors = [anchor for _, anchor, s in covering if s == left]
        pieces.append(
            TextSegment(text=text[left:right], findings=sorted({fid for fid, _, _ in covering}), anchors=anchors)
        )
    return marked, pieces


def contract_view(ws: Workspace, document_id: int, before: str | None = None, after: str | None = None) -> ContractView:
    """The contract's text with every finding's evidence marked, beside the checklist; ``changes``
    compares the versions ``before`` and ``after`` (``2``, ``v2`` or ``doc:12``; after defaults to this
    document, before to the reviewed version before after) when either is given, else this version
    with the reviewed one before it."""
    with ws.uow() as uow:
        document = uow.documents.get(document_id) if 1 <= document_id <= MAX_ID else None
        if document is None or document.id is None:
            raise NotFound(f"no document {document_id}")
        result = uow.results.latest("contract", document_id=document.id)
        engagement = uow.engagements.get(document.engagement_id) if document.engagement_id else None
        is_version = engagement is not None and document.kind is DocumentKind.CONTRACT
        versions = contract_versions.versions_in(uow, engagement) if engagement and is_version else []
        changes: ContractDiff | None
        if before or after:
            if engagement is None or not is_version:
                field = "before" if before else "after"
                raise InvalidInput(
                    f"{field}: document {document.id} is not a version of an engagement's contract: "
                    "there is nothing to compare it with"
                )
            changes = contract_versions.diff_in(uow, engagement, before, after or f"doc:{document.id}")
        else:
            changes = contract_versions.changes_of(uow, engagement, document.id) if engagement and is_version else None
    info = DocumentFacts(
        id=document.id,
        filename=document.filename,
        title=document.title,
        kind=document.kind,
        size=document.size,
        media_type=document.media_type,
        created_at=document.created_at,
        uploaded_by=document.uploaded_by,
    )
    link = DocumentEngagement(id=engagement.id, name=engagement.name) if engagement and engagement.id else None
    meta = {"document_id": document.id, "created_at": result.created_at} if result else None
    listed = checklist(result.payload if result else None, meta)
    text_error = None
    try:
        text = read_document(
            document.content, document.filename, max_bytes=0, limits=DocumentLimits.of(ws.settings)
        ).text
    except InhouseError as exc:
        text, text_error = None, exc.message
    if isinstance(listed, NotReviewed):
        marked_list: MarkedChecklist | NotReviewed = listed
        segments = mark(text, [])[1] if text is not None else []
    else:
        marked, segments = mark(text or "", listed.findings)
        marked_list = MarkedChecklist(**{**dict(listed), "findings": marked})
        if text is None:
            segments = []
    return ContractView(
        document=info,
        engagement=link,
        is_contract=document.kind is DocumentKind.CONTRACT,
        checklist=marked_list,
        segments=segments,
        text_error=text_error,
        versions=versions,
        changes=changes,
    )
