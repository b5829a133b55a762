"""A document's title, the one thing of a stored document that changes (its bytes never do: a new
file is a new version)."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentRecord
from inhouse.domain.edits import DocumentPatch
from inhouse.domain.shapes import MAX_ID
from inhouse.errors import NotFound


def retitle(ws: Workspace, document_id: int, changes: DocumentPatch) -> DocumentRecord:
    """Set the title of document ``document_id`` (when ``changes`` gives one)."""
    with ws.uow() as uow:
        stored = uow.documents.get(document_id) if 1 <= document_id <= MAX_ID else None
        if stored is None or stored.id is None:
            raise NotFound(f"no document {document_id}")
        if changes.title is not None:
            uow.documents.set_title(stored.id, changes.title)
            stored.title = changes.title
            uow.commit()
        return DocumentRecord(
            id=stored.id,
            kind=stored.kind,
            filename=stored.filename,
            title=stored.title,
            size=stored.size,
            sha256=stored.sha256,
            engagement_id=stored.engagement_id,
            partner_id=stored.partner_id,
            created_at=stored.created_at,
            uploaded_by=stored.uploaded_by,
        )
