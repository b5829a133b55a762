"""Documents uploaded for an engagement (by a partner user among others): stored byte for byte;
a contract is stored as such and reviewed for the client in a job (``inhouse.jobs.documents``),
but the uploader's answer only says what was received."""

from __future__ import annotations

import hashlib
import mimetypes
from typing import Literal

from pydantic import Field

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.shapes import Input, Shape, Upload
from inhouse.services import lookup

ReceivedKind = Literal["contract", "other"]


class DocumentIn(Input):
    """What an uploaded document is: a contract (reviewed for the client) or any other document."""

    kind: ReceivedKind = Field("other", description="contract: reviewed against the must-have clauses")


class DocumentReceived(Shape):
    """What the uploader is told: the document was stored (its review, if any, is the client's)."""

    id: int
    name: str
    bytes: int
    sha256: str
    uploaded_by: str = Field("", description="Who handed it over (the account's e-mail, or the operator)")


def receive(ws: Workspace, engagement: str | None, upload: Upload, what: DocumentIn | None = None) -> DocumentReceived:
    """Store ``upload`` for ``engagement`` byte for byte, as a contract or another document (a
    contract's review is queued by the caller, once it is stored)."""
    what = what or DocumentIn()
    kind = DocumentKind.CONTRACT if what.kind == "contract" else DocumentKind.OTHER
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = uow.documents.add(
            Document(
                filename=upload.name,
                kind=kind,
                content=upload.content,
                media_type=mimetypes.guess_type(upload.name)[0] or "application/octet-stream",
                engagement_id=found.stored_id,
                partner_id=found.partner_id,
            )
        )
        uow.commit()
    assert stored.id is not None, "a stored document has an id"
    digest = hashlib.sha256(upload.content).hexdigest()
    return DocumentReceived(
        id=stored.id, name=upload.name, bytes=len(upload.content), sha256=digest, uploaded_by=stored.uploaded_by
    )
