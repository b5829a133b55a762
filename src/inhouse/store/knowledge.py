"""Records of the git knowledge feature: stored scan states (for incremental rescans)."""

from __future__ import annotations

import json
import zlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inhouse.store.tables import utcnow
from inhouse.store.tables_knowledge import ScanStateRow


def pack(state: dict[str, Any]) -> bytes:
    # surrogate-escaped (non-UTF-8) paths survive as \udcxx escapes in ASCII JSON
    return zlib.compress(json.dumps(state, separators=(",", ":")).encode("ascii"), 1)


def unpack(blob: bytes) -> dict[str, Any] | None:
    try:
        return json.loads(zlib.decompress(blob).decode("ascii"))
    except (zlib.error, ValueError, UnicodeDecodeError):
        return None  # unreadable: the next scan is simply a full one


class ScanStateRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, subject: str) -> ScanStateRow | None:
        query = select(ScanStateRow).where(ScanStateRow.subject == subject)
        return self.session.scalar(query.order_by(ScanStateRow.id.desc()).limit(1))

    def get(self, subject: str) -> dict[str, Any] | None:
        """The stored history of the repository at ``subject``, None when there is none."""
        row = self._row(subject)
        return unpack(row.state) if row else None

    def links(self, subject: str) -> tuple[int | None, int | None] | None:
        """The engagement and repository ids the stored history of ``subject`` is kept for."""
        row = self._row(subject)
        return (row.engagement_id, row.repo_id) if row else None

    def save(
        self, subject: str, state: dict[str, Any], *, engagement_id: int | None = None, repo_id: int | None = None
    ) -> None:
        """Keep one state per repository: replace the stored one."""
        row = self._row(subject)
        if row is None:
            row = ScanStateRow(subject=subject)
            self.session.add(row)
        row.engagement_id, row.repo_id = engagement_id, repo_id
        row.head = state.get("head") or ""
        row.mode = state.get("mode") or "full"
        row.commits = int(state.get("commits") or 0) + int(state.get("merges") or 0)
        row.state = pack(state)
        row.updated_at = utcnow()
        self.session.flush()
