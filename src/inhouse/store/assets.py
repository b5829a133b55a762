"""Records of the asset inventory."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inhouse.domain.assets import Asset, AssetKind, HeldBy
from inhouse.store.tables import AssetRow


def _asset(row: AssetRow) -> Asset:
    return Asset(
        engagement_id=row.engagement_id,
        kind=AssetKind(row.kind),
        name=row.name,
        held_by=HeldBy(row.held_by),
        holder=row.holder,
        location=row.location,
        notes=row.notes,
        id=row.id,
        created_at=row.created_at,
    )


class AssetRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, asset: Asset) -> Asset:
        row = AssetRow(
            engagement_id=asset.engagement_id,
            kind=asset.kind.value,
            name=asset.name,
            held_by=asset.held_by.value,
            holder=asset.holder,
            location=asset.location,
            notes=asset.notes,
        )
        self.session.add(row)
        self.session.flush()
        asset.id, asset.created_at = row.id, row.created_at
        return asset

    def get(self, asset_id: int) -> Asset | None:
        row = self.session.get(AssetRow, asset_id)
        return _asset(row) if row else None

    def update(self, asset: Asset) -> None:
        row = self.session.get_one(AssetRow, asset.id)
        row.kind, row.name, row.held_by = asset.kind.value, asset.name, asset.held_by.value
        row.holder, row.location, row.notes = asset.holder, asset.location, asset.notes

    def find(self, engagement_id: int, kind: AssetKind, name: str) -> Asset | None:
        row = self.session.scalar(
            select(AssetRow).where(
                AssetRow.engagement_id == engagement_id,
                AssetRow.kind == kind.value,
                func.lower(AssetRow.name) == name.lower(),
            )
        )
        return _asset(row) if row else None

    def list(self, engagement_id: int | None = None) -> list[Asset]:
        query = select(AssetRow).order_by(AssetRow.engagement_id, AssetRow.kind, AssetRow.name, AssetRow.id)
        if engagement_id is not None:
            query = query.where(AssetRow.engagement_id == engagement_id)
        return [_asset(r) for r in self.session.scalars(query)]
