"""Table model of the partner-choice feature: reference checks for candidate partners."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inhouse.store.tables import Base, Timestamped


class ReferenceCheckRow(Timestamped, Base):
    """One reference of a partner: entered by hand (``source`` manual) or claimed in a document.

    The answers are ``yes``, ``no`` or ``unknown``; ``evidence`` is a JSON list of quotes.
    """

    __tablename__ = "reference_checks"
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), nullable=False, index=True)
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    similar_scale: Mapped[str] = mapped_column(String(10), nullable=False, default="unknown")
    still_running: Mapped[str] = mapped_column(String(10), nullable=False, default="unknown")
    client_contact_offered: Mapped[str] = mapped_column(String(10), nullable=False, default="unknown")
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="manual")
    evidence: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
