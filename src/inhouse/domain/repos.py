"""Git repositories linked to an engagement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Repo:
    engagement_id: int
    name: str
    path: str
    default_rev: str = "HEAD"
    id: int | None = None
    created_at: datetime | None = None
