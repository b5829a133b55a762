"""Documents the client receives (contracts, proposals, transcripts), kept byte for byte."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from datetime import datetime

from inhouse.domain.shapes import Shape, Timestamp


class DocumentKind(str, enum.Enum):
    CONTRACT = "contract"
    PROPOSAL = "proposal"
    TRANSCRIPT = "transcript"
    EMAIL = "email"
    OTHER = "other"


@dataclass
class Document:
    filename: str
    kind: DocumentKind
    content: bytes
    media_type: str = "application/octet-stream"
    engagement_id: int | None = None
    partner_id: int | None = None
    title: str = ""
    id: int | None = None
    created_at: datetime | None = None
    uploaded_by: str = ""  # the actor's label (filled from the unit of work's actor when empty)
    uploaded_by_user_id: int | None = None
    held: str = ""  # a contract waiting for its parties to be confirmed: why (see domain/versions.py)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)


class DocumentRecord(Shape):
    """A stored document without its bytes (what ``document edit --json`` prints)."""

    id: int
    kind: DocumentKind
    filename: str
    title: str
    size: int
    sha256: str
    engagement_id: int | None
    partner_id: int | None
    created_at: Timestamp | None = None
    uploaded_by: str = ""  # who handed it over (the actor's label)
