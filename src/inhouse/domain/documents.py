"""Documents the client receives (contracts, proposals, transcripts), kept byte for byte."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from datetime import datetime


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

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return len(self.content)
