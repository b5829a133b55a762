"""Records of the partner-choice feature: reference checks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from inhouse.domain.partners import Answer, ReferenceCheck, ReferenceSource
from inhouse.store.tables_partners import ReferenceCheckRow


def _check(row: ReferenceCheckRow) -> ReferenceCheck:
    return ReferenceCheck(
        partner_id=row.partner_id,
        name=row.name,
        similar_scale=Answer(row.similar_scale),
        still_running=Answer(row.still_running),
        client_contact_offered=Answer(row.client_contact_offered),
        source=ReferenceSource(row.source),
        evidence=list(row.evidence or []),
        notes=row.notes,
        document_id=row.document_id,
        engagement_id=row.engagement_id,
        id=row.id,
        created_at=row.created_at,
    )


class ReferenceCheckRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, check: ReferenceCheck, client_id: int) -> ReferenceCheck:
        row = ReferenceCheckRow(
            client_id=client_id,
            partner_id=check.partner_id,
            engagement_id=check.engagement_id,
            document_id=check.document_id,
            name=check.name,
            similar_scale=check.similar_scale.value,
            still_running=check.still_running.value,
            client_contact_offered=check.client_contact_offered.value,
            source=check.source.value,
            evidence=list(check.evidence),
            notes=check.notes,
        )
        self.session.add(row)
        self.session.flush()
        check.id, check.created_at = row.id, row.created_at
        return check

    def get(self, check_id: int) -> ReferenceCheck | None:
        row = self.session.get(ReferenceCheckRow, check_id)
        return _check(row) if row else None

    def update(self, check: ReferenceCheck) -> None:
        row = self.session.get_one(ReferenceCheckRow, check.id)
        row.name, row.notes = check.name, check.notes
        row.similar_scale, row.still_running = check.similar_scale.value, check.still_running.value
        row.client_contact_offered = check.client_contact_offered.value

    def list(
        self,
        client_id: int,
        partner_id: int | None = None,
        engagement_id: int | None = None,
    ) -> list[ReferenceCheck]:
        query = select(ReferenceCheckRow).where(ReferenceCheckRow.client_id == client_id)
        if partner_id is not None:
            query = query.where(ReferenceCheckRow.partner_id == partner_id)
        if engagement_id is not None:
            query = query.where(ReferenceCheckRow.engagement_id == engagement_id)
        return [_check(r) for r in self.session.scalars(query.order_by(ReferenceCheckRow.id))]
