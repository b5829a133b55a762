"""Table model of the git knowledge feature: the facts a scan keeps for incremental rescans."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from inhouse.store.tables import Base, Timestamped, utcnow


class ScanStateRow(Timestamped, Base):
    """One row per scanned repository (``subject``: its path): the mined history, compressed.

    Not a result: a cache of raw facts (``analysis.git.history.History``) that lets the next
    scan of the same repository mine only the new commits. Both blobs are read only when asked
    for (deferred): a row's other columns are what lookups need.
    """

    __tablename__ = "scan_states"
    subject: Mapped[str] = mapped_column(String(2000), nullable=False, index=True)
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    repo_id: Mapped[int | None] = mapped_column(ForeignKey("repos.id", ondelete="CASCADE"), index=True)
    head: Mapped[str] = mapped_column(String(64), nullable=False)
    mode: Mapped[str] = mapped_column(String(20), nullable=False)
    commits: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    state: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, deferred=True)  # see store/knowledge.pack
    report: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    """The report the state was analysed into, with what it depends on (compressed JSON, store/knowledge.pack): read
    alone by a rescan, which needs the facts in ``state`` only when there is something new."""
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
