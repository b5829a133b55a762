"""Table model of the dashboard's read model: each engagement's status and page, precomputed."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from inhouse.store.tables import Base


class EngagementStatusRow(Base):
    """One row per engagement: what the dashboard computed from its data, and whether it is current.

    ``version`` goes up in the same transaction as every write to the engagement's data
    (``store.status_rows.track_changes``). Each part (``status``: the status service's result,
    with ``lights`` its slim part for the portfolio; ``page``: the engagement page's data) is
    current while its ``<part>_version`` equals ``version`` and its ``<part>_for`` (the day and
    the settings it was computed for) matches.
    """

    __tablename__ = "engagement_status"
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # the small columns first: SQLite reads a row's columns in order, so a version after a large
    # JSON value would cost reading that value's overflow pages
    status_version: Mapped[int | None] = mapped_column(Integer)
    status_for: Mapped[str | None] = mapped_column(String(100))
    page_version: Mapped[int | None] = mapped_column(Integer)
    page_for: Mapped[str | None] = mapped_column(String(100))
    lights: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[dict | None] = mapped_column(JSON)
    page: Mapped[dict | None] = mapped_column(JSON)


class DataVersionRow(Base):
    """A counter per scope that spans many engagements (``partners``: every partner-scoped row),
    raised by the same change tracking: a cheap tag for pages over that scope."""

    __tablename__ = "data_versions"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
