"""Contract review as a use case: read each contract, review it, and store it.

Every file is read and reviewed before anything is stored; then, in one transaction, each
file is kept as a Document of kind ``contract`` (original bytes kept) with an analysis
result of kind ``contract`` whose payload is the review's ``--json`` object. One unreadable
file stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.documents import ExtractedText, read_document
from inhouse.bootstrap import Workspace
from inhouse.domain.contracts import ContractReview
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.results import AnalysisResult
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.services.files import read_user_file
from inhouse.store.uow import UnitOfWork

KIND = "contract"


@dataclass
class _Checked:
    path: str
    data: bytes
    extracted: ExtractedText
    review: ContractReview


def check(ws: Workspace, paths: list[str], engagement: str | None = None) -> list[dict]:
    """Review the contracts at ``paths`` (optionally for an engagement) and store them.

    Returns one dict per file: ``review`` (the ``--json`` object), ``summary``,
    ``engagement`` (name or None), ``document_id``, ``result_id``, ``pages`` and ``warnings``.
    """
    if not paths:
        raise InvalidInput("give at least one contract file to check")
    ws.require_ready()
    with ws.uow() as uow:  # resolve the engagement first: a wrong name fails before the reading
        found = lookup.engagement(uow, engagement) if engagement else None
        phase = found.phase.value if found else None
    checked = [_check(path, ws.settings.max_document_bytes, phase) for path in paths]
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement) if engagement else None
        done = [_store(uow, item, found) for item in checked]
        uow.commit()
    return done


def _check(path: str, max_bytes: int, phase: str | None) -> _Checked:
    file = Path(path).expanduser()
    data = read_user_file(path)
    extracted = read_document(data, file.name, max_bytes=max_bytes)
    return _Checked(path, data, extracted, review_contract(extracted.text, file=path, phase=phase))


def _store(uow: UnitOfWork, item: _Checked, engagement) -> dict:
    engagement_id = engagement.id if engagement else None
    partner_id = engagement.partner_id if engagement else None
    document = uow.documents.add(
        Document(
            filename=Path(item.path).name,
            kind=DocumentKind.CONTRACT,
            content=item.data,
            media_type=item.extracted.media_type,
            engagement_id=engagement_id,
            partner_id=partner_id,
            title=_title(item.extracted.text),
        )
    )
    summary = summarise(item.review)
    result = uow.results.add(
        AnalysisResult(
            kind=KIND,
            subject=item.path,
            payload=item.review.to_dict(),
            summary=summary,
            engagement_id=engagement_id,
            partner_id=partner_id,
            document_id=document.id,
        )
    )
    return {
        "review": item.review.to_dict(),
        "summary": summary,
        "engagement": engagement.name if engagement else None,
        "document_id": document.id,
        "result_id": result.id,
        "pages": item.extracted.pages,
        "warnings": list(item.extracted.warnings),
    }


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
    return [ContractReview.from_dict(r.payload) for r in uow.results.list(kind=KIND, engagement_id=engagement_id)]


def review_stored(ws: Workspace, document_id: int) -> dict:
    """Review a contract already stored as a Document (e.g. by the demo) and store the result."""
    with ws.uow() as uow:
        document = uow.documents.get(document_id)
        if document is None:
            raise NotFound(f"no document {document_id}")
        extracted = read_document(document.content, document.filename, max_bytes=ws.settings.max_document_bytes)
        phase = None
        if document.engagement_id is not None:
            engagement = uow.engagements.get(document.engagement_id)
            phase = engagement.phase.value if engagement else None
        review = review_contract(extracted.text, file=document.filename, phase=phase)
        summary = summarise(review)
        result = uow.results.add(
            AnalysisResult(
                kind=KIND,
                subject=document.filename,
                payload=review.to_dict(),
                summary=summary,
                engagement_id=document.engagement_id,
                partner_id=document.partner_id,
                document_id=document.id,
            )
        )
        uow.commit()
    return {"review": review.to_dict(), "summary": summary, "document_id": document_id, "result_id": result.id}


def demo_step(context) -> str:
    """The demo's review of the partner contract it stored (listed in ``services/demo/steps.py``)."""
    with context.ws.uow() as uow:
        contracts = uow.documents.list(engagement_id=context.engagement_id, kind=DocumentKind.CONTRACT)
    if not contracts:
        return "no contract stored"
    return review_stored(context.ws, contracts[0].id)["summary"]
