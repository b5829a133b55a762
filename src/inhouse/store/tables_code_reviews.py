"""Table models of imported code reviews: pull/merge requests of a linked repository and their reviews."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inhouse.store.tables import Base, Timestamped, utcnow


class ChangeRequestRow(Timestamped, Base):
    """One pull request (GitHub) or merge request (GitLab): one row per repository, host and
    number, so a re-import updates it (``domain.code_reviews.ChangeRequest``)."""

    __tablename__ = "change_requests"
    __table_args__ = (UniqueConstraint("repo_id", "host", "number"),)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    repo_id: Mapped[int] = mapped_column(ForeignKey("repos.id", ondelete="CASCADE"), nullable=False, index=True)
    host: Mapped[str] = mapped_column(String(20), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    author: Mapped[str] = mapped_column(String(300), nullable=False)
    author_email: Mapped[str | None] = mapped_column(String(320))
    state: Mapped[str] = mapped_column(String(20), nullable=False)
    opened_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    merged_at: Mapped[datetime | None] = mapped_column(DateTime)
    paths: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    imported_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    """Set on every import: the row is written each time, so the engagement's pages are refreshed
    even when only its reviews changed (they are replaced, and carry no engagement)."""


class ChangeReviewRow(Timestamped, Base):
    """One review of a change request (replaced with the request's others on each re-import)."""

    __tablename__ = "change_reviews"
    change_id: Mapped[int] = mapped_column(
        ForeignKey("change_requests.id", ondelete="CASCADE"), nullable=False, index=True
    )
    reviewer: Mapped[str] = mapped_column(String(300), nullable=False)
    state: Mapped[str] = mapped_column(String(40), nullable=False)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
