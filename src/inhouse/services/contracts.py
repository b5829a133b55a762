"""Contract review as a use case: read each contract, review it, and store it.

Every file is read and reviewed before anything is stored; then, in one transaction, each
file is kept as a Document of kind ``contract`` (original bytes kept) with an analysis
result of kind ``contract`` whose payload is the review (:class:`ContractReview`). One
unreadable file stores nothing. Files arrive as uploads (a file name and its bytes).

A contract handed to an engagement is a new version of its contract, never a replacement
(``services/contract_versions.py``); one whose parties are not the engagement's client and partner
(``domain/parties.py``) is stored only when the caller confirms them (``confirm_parties``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.documents import ExtractedText, read_document
from inhouse.bootstrap import Workspace
from inhouse.domain.contracts import ContractChecked, ContractReview
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.engagements import Engagement
from inhouse.domain.limits import DocumentLimits
from inhouse.domain.parties import PartyCheck, check_parties
from inhouse.domain.playbook import PositionsPlaybook
from inhouse.domain.results import AnalysisResult
from inhouse.domain.shapes import MAX_ID, Upload
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

KIND = "contract"


@dataclass
class _Checked:
    upload: Upload
    extracted: ExtractedText
    review: ContractReview


def check(
    ws: Workspace, uploads: list[Upload], engagement: str | None = None, confirm_parties: bool = False
) -> list[ContractChecked]:
    """Review the contracts ``uploads`` (optionally for an engagement) and store them, one
    :class:`ContractChecked` per file, in order. For an engagement, a contract whose parties are
    not its client and partner raises :class:`Conflict` and nothing is stored, unless
    ``confirm_parties``."""
    if not uploads:
        raise InvalidInput("give at least one contract file to check")
    ws.require_ready()
    with ws.uow() as uow:  # resolve the engagement first: a wrong name fails before the reading
        found = lookup.engagement(uow, engagement) if engagement else None
        phase = found.phase.value if found else None
        names = expected_parties(uow, found) if found else None
    limits = DocumentLimits.of(ws.settings)
    checked = [_check(upload, limits, phase, ws.settings.contract_playbook) for upload in uploads]
    parties = [party_check(item.review, names) if names else None for item in checked]
    for item, verdict in zip(checked, parties, strict=True):
        if verdict is not None and verdict.verdict == "mismatch" and not confirm_parties:
            raise Conflict(f"{item.upload.name}: {verdict.message}: {NOT_STORED}")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement) if engagement else None
        done = [
            _store(uow, item, found).model_copy(update={"party_check": verdict})
            for item, verdict in zip(checked, parties, strict=True)
        ]
        uow.commit()
    return done


NOT_STORED = "nothing stored; confirm the parties to store it anyway (--confirm-parties, or confirm_parties=true)"


def expected_parties(uow: UnitOfWork, engagement: Engagement) -> tuple[str, str]:
    """The names a contract of ``engagement`` must name: its client's and its partner's."""
    client = uow.clients.get(engagement.client_id)
    partner = uow.partners.get(engagement.partner_id)
    return (client.name if client else "", partner.name if partner else "")


def party_check(review: ContractReview, names: tuple[str, str]) -> PartyCheck:
    """The review's parties against the engagement's client and partner ``names``."""
    return check_parties([party.name for party in review.parties], *names)


def _held(verdict: PartyCheck) -> str:
    return f"parties found: {', '.join(verdict.found)}; expected {' and '.join(verdict.expected)}"


def _check(upload: Upload, limits: DocumentLimits, phase: str | None, playbook: PositionsPlaybook) -> _Checked:
    extracted = read_document(upload.content, upload.name, limits=limits)
    review = review_contract(extracted.text, file=upload.name, phase=phase, playbook=playbook)
    return _Checked(upload, extracted, review)


def _store(uow: UnitOfWork, item: _Checked, engagement: Engagement | None) -> ContractChecked:
    engagement_id = engagement.id if engagement else None
    partner_id = engagement.partner_id if engagement else None
    document = uow.documents.add(
        Document(
            filename=item.upload.name,
            kind=DocumentKind.CONTRACT,
            content=item.upload.content,
            media_type=item.extracted.media_type,
            engagement_id=engagement_id,
            partner_id=partner_id,
            title=_title(item.extracted.text),
        )
    )
    return _record(uow, document, item.review, item.extracted, engagement)


def _record(
    uow: UnitOfWork, document: Document, review: ContractReview, extracted: ExtractedText, engagement: Engagement | None
) -> ContractChecked:
    summary = summarise(review)
    result = uow.results.add(
        AnalysisResult(
            kind=KIND,
            subject=document.filename,
            payload=review.model_dump(mode="json"),
            summary=summary,
            engagement_id=document.engagement_id,
            partner_id=document.partner_id,
            document_id=document.id,
        )
    )
    assert document.id is not None and result.id is not None, "stored records have ids"
    return ContractChecked(
        review=review,
        summary=summary,
        engagement=engagement.name if engagement else None,
        document_id=document.id,
        result_id=result.id,
        pages=extracted.pages,
        warnings=list(extracted.warnings),
    )


def summarise(review: ContractReview) -> str:
    """One line: the score, the clauses that are there, and the flags."""
    c = review.clauses
    parts = [
        f"score {review.score}/100",
        f"ownership {c.deliverable_ownership.status}",
        f"knowledge transfer {c.knowledge_transfer.status}",
        f"source access {c.source_access.status}",
        f"maintenance {c.maintenance.status}",
        f"exit {c.exit.status}",
    ]
    if review.red_flags:
        parts.append("flags: " + ", ".join(flag.kind for flag in review.red_flags))
    return "; ".join(parts)


def _title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip(" #*\t")
        if line:
            return line[:200]
    return ""


def stored(uow: UnitOfWork, engagement_id: int | None = None) -> list[ContractReview]:
    """The stored contract reviews (of one engagement when given), oldest first."""
    return [ContractReview.model_validate(r.payload) for r in uow.results.list(kind=KIND, engagement_id=engagement_id)]


def review_stored(ws: Workspace, document_id: int, confirm_parties: bool = False) -> ContractChecked:
    """Review a contract already stored as a Document (e.g. by the demo, or handed over for an
    engagement) and store the result. When its parties are not the engagement's, the document is
    held (it waits for a confirmation, not a version of the contract yet) and :class:`Conflict` is
    raised, unless ``confirm_parties``."""
    with ws.uow() as uow:
        document = uow.documents.get(document_id) if 1 <= document_id <= MAX_ID else None
        if document is None or document.id is None:
            raise NotFound(f"no document {document_id}")
        if document.kind is not DocumentKind.CONTRACT:
            raise InvalidInput(f"document {document_id} is a {document.kind.value}, not a contract")
        extracted = read_document(document.content, document.filename, limits=DocumentLimits.of(ws.settings))
        engagement = uow.engagements.get(document.engagement_id) if document.engagement_id is not None else None
        phase = engagement.phase.value if engagement else None
        review = review_contract(
            extracted.text, file=document.filename, phase=phase, playbook=ws.settings.contract_playbook
        )
        verdict = party_check(review, expected_parties(uow, engagement)) if engagement else None
        if verdict is not None and verdict.verdict == "mismatch" and not confirm_parties:
            uow.documents.hold(document.id, _held(verdict))
            uow.commit()
            raise Conflict(f"{document.filename}: {verdict.message}: {NOT_STORED}")
        if document.held:
            uow.documents.hold(document.id, "")
        done = _record(uow, document, review, extracted, engagement)
        uow.commit()
    return done.model_copy(update={"party_check": verdict})


def current_result(uow: UnitOfWork, engagement_id: int) -> AnalysisResult | None:
    """The review ``engagement``'s contract is read from: the latest review of its current version
    (the newest reviewed contract document, ``domain/versions.py``)."""
    return next(iter(current_results(uow, engagement_id)), None)


def current_results(uow: UnitOfWork, engagement_id: int) -> list[AnalysisResult]:
    """The engagement's contract reviews, the current version's latest first, then older ones."""
    results = uow.results.list(kind=KIND, engagement_id=engagement_id)
    return sorted(results, key=lambda r: (r.document_id or 0, r.id or 0), reverse=True)


def demo_step(context: DemoContext) -> str:
    """The demo's review of the partner contract it stored (listed in ``services/demo/steps.py``)."""
    with context.ws.uow() as uow:
        contracts = uow.documents.list(engagement_id=context.engagement_id, kind=DocumentKind.CONTRACT)
    if not contracts or contracts[0].id is None:
        return "no contract stored"
    return review_stored(context.ws, contracts[0].id).summary
