"""Analysis results: what an analyzer concluded about a subject, stored as a JSON payload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass
class AnalysisResult:
    """``kind`` names the analyzer (``scan``, ``contract``, ``proposal``, ``docs_audit``...),
    ``subject`` what it looked at (a repository path, a document id)."""

    kind: str
    subject: str
    payload: dict[str, Any]
    engagement_id: int | None = None
    partner_id: int | None = None
    document_id: int | None = None
    repo_id: int | None = None
    summary: str = ""
    id: int | None = None
    created_at: datetime | None = None
    checked_at: datetime | None = None  # when a later run last found the same answer (None: never)
    digest: str | None = None  # what the payload says, hashed, so a later run can tell it found the same

    @property
    def current_at(self) -> datetime | None:
        """When this answer was last known to hold: the latest confirmation, else when it was made."""
        return self.checked_at or self.created_at
