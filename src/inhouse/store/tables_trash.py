"""Table model of the trash: a deleted record with everything that hung on it, until restored or purged."""

from __future__ import annotations

from sqlalchemy import JSON, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from inhouse.store.tables import Base, Timestamped


class TrashRow(Timestamped, Base):
    """One delete (``created_at``: when): the records it removed, in the export's record shapes.

    ``payload`` holds ``records`` (by table, parents first), and ``nulled`` (the references other
    records held to them, set to null by the delete, to be set back on restore); ``blobs`` the
    binary values by SHA-256 (zlib-compressed JSON of base64 text).
    """

    __tablename__ = "trash"
    record_type: Mapped[str] = mapped_column(String(60), nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)
    label: Mapped[str] = mapped_column(String(500), nullable=False)
    engagement_id: Mapped[int | None] = mapped_column(Integer)
    partner_id: Mapped[int | None] = mapped_column(Integer)
    deleted_by: Mapped[str] = mapped_column(String(320), nullable=False)
    deleted_by_user_id: Mapped[int | None] = mapped_column(Integer)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    payload: Mapped[dict] = mapped_column(JSON, nullable=False)
    blobs: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
