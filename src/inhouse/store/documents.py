"""Records of documents (original bytes kept) and of analysis results."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.results import AnalysisResult
from inhouse.store.tables import AnalysisResultRow, DocumentRow, utcnow


def _document(row: DocumentRow, with_content: bool) -> Document:
    return Document(
        filename=row.filename,
        kind=DocumentKind(row.kind),
        content=row.content if with_content else b"",
        media_type=row.media_type,
        engagement_id=row.engagement_id,
        partner_id=row.partner_id,
        title=row.title,
        id=row.id,
        created_at=row.created_at,
        uploaded_by=row.uploaded_by,
        uploaded_by_user_id=row.uploaded_by_user_id,
        held=row.held,
    )


class DocumentRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: Document) -> Document:
        """Store ``document``; who uploaded it is the unit of work's actor unless it says."""
        actor = self.session.info.get("actor")
        if not document.uploaded_by and actor is not None:
            document.uploaded_by, document.uploaded_by_user_id = actor.label[:320], actor.user_id
        row = DocumentRow(
            engagement_id=document.engagement_id,
            partner_id=document.partner_id,
            kind=document.kind.value,
            filename=document.filename,
            title=document.title,
            media_type=document.media_type,
            sha256=document.sha256,
            size=document.size,
            content=document.content,
            uploaded_by=document.uploaded_by,
            uploaded_by_user_id=document.uploaded_by_user_id,
            held=document.held,
        )
        self.session.add(row)
        self.session.flush()
        document.id, document.created_at = row.id, row.created_at
        return document

    def hold(self, document_id: int, why: str) -> None:
        """Mark a contract as waiting for its parties to be confirmed (``why``; "" releases it)."""
        row = self.session.get(DocumentRow, document_id)
        if row is not None and row.held != why[:500]:
            row.held = why[:500]
            self.session.flush()

    def set_title(self, document_id: int, title: str) -> None:
        """A document's title (its bytes never change)."""
        self.session.get_one(DocumentRow, document_id).title = title

    def get(self, document_id: int, with_content: bool = True) -> Document | None:
        row = self.session.get(DocumentRow, document_id)
        return _document(row, with_content) if row else None

    def list(
        self,
        engagement_id: int | None = None,
        partner_id: int | None = None,
        kind: DocumentKind | None = None,
    ) -> list[Document]:
        """Documents without their bytes (use ``get`` for the content)."""
        query = select(DocumentRow).options(defer(DocumentRow.content)).order_by(DocumentRow.id)
        if engagement_id is not None:
            query = query.where(DocumentRow.engagement_id == engagement_id)
        if partner_id is not None:
            query = query.where(DocumentRow.partner_id == partner_id)
        if kind is not None:
            query = query.where(DocumentRow.kind == kind.value)
        return [_document(r, with_content=False) for r in self.session.scalars(query)]


def _result(row: AnalysisResultRow, with_payload: bool = True) -> AnalysisResult:
    return AnalysisResult(
        kind=row.kind,
        subject=row.subject,
        payload=row.payload if with_payload else {},
        engagement_id=row.engagement_id,
        partner_id=row.partner_id,
        document_id=row.document_id,
        repo_id=row.repo_id,
        summary=row.summary,
        id=row.id,
        created_at=row.created_at,
        checked_at=row.checked_at,
        digest=row.digest,
    )


class ResultRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, result: AnalysisResult) -> AnalysisResult:
        row = AnalysisResultRow(
            kind=result.kind,
            subject=result.subject,
            summary=result.summary,
            payload=result.payload,
            engagement_id=result.engagement_id,
            partner_id=result.partner_id,
            document_id=result.document_id,
            repo_id=result.repo_id,
            digest=result.digest,
        )
        self.session.add(row)
        self.session.flush()
        result.id, result.created_at = row.id, row.created_at
        return result

    def confirm(self, result_id: int) -> AnalysisResult:
        """Record that a run found the stored result ``result_id`` again (instead of storing a copy);
        the result comes back without its payload (empty), which is left unread."""
        row = self.session.get_one(AnalysisResultRow, result_id, options=[defer(AnalysisResultRow.payload)])
        row.checked_at = utcnow()
        self.session.flush()
        return _result(row, with_payload=False)

    def get(self, result_id: int) -> AnalysisResult | None:
        row = self.session.get(AnalysisResultRow, result_id)
        return _result(row) if row else None

    def _query(self, kind, engagement_id, partner_id, repo_id, document_id, subject):
        query = select(AnalysisResultRow)
        if kind is not None:
            query = query.where(AnalysisResultRow.kind == kind)
        for column, value in (
            (AnalysisResultRow.engagement_id, engagement_id),
            (AnalysisResultRow.partner_id, partner_id),
            (AnalysisResultRow.repo_id, repo_id),
            (AnalysisResultRow.document_id, document_id),
            (AnalysisResultRow.subject, subject),
        ):
            if value is not None:
                query = query.where(column == value)
        return query

    def list(
        self,
        kind: str | None = None,
        engagement_id: int | None = None,
        partner_id: int | None = None,
        repo_id: int | None = None,
        document_id: int | None = None,
        subject: str | None = None,
        with_payload: bool = True,
    ) -> list[AnalysisResult]:
        """The results that match, oldest first; without their payloads (empty) unless ``with_payload``."""
        query = self._query(kind, engagement_id, partner_id, repo_id, document_id, subject)
        query = query.order_by(AnalysisResultRow.id)
        if not with_payload:
            query = query.options(defer(AnalysisResultRow.payload))
        return [_result(r, with_payload) for r in self.session.scalars(query)]

    def latest(
        self,
        kind: str,
        engagement_id: int | None = None,
        partner_id: int | None = None,
        repo_id: int | None = None,
        document_id: int | None = None,
        subject: str | None = None,
        with_payload: bool = True,
    ) -> AnalysisResult | None:
        """The newest result that matches; without its payload (empty) unless ``with_payload``."""
        query = self._query(kind, engagement_id, partner_id, repo_id, document_id, subject)
        if not with_payload:
            query = query.options(defer(AnalysisResultRow.payload))
        row = self.session.scalar(query.order_by(AnalysisResultRow.id.desc()).limit(1))
        return _result(row, with_payload) if row else None

    def latest_of_each_kind(self, engagement_id: int) -> builtins.list[AnalysisResult]:
        """The engagement's latest result of each kind, by kind, their payloads left unread (empty):
        an engagement with years of nightly scans reads a few rows, not megabytes."""
        kinds = (
            select(func.max(AnalysisResultRow.id).label("newest"), func.min(AnalysisResultRow.id).label("first"))
            .where(AnalysisResultRow.engagement_id == engagement_id)
            .group_by(AnalysisResultRow.kind)
            .subquery()
        )
        query = (
            select(AnalysisResultRow)
            .join(kinds, AnalysisResultRow.id == kinds.c.newest)
            .options(defer(AnalysisResultRow.payload))
            .order_by(kinds.c.first)  # the kinds in the order they first appeared
        )
        return [_result(r, with_payload=False) for r in self.session.scalars(query)]
