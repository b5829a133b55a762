"""The asset inventory of an engagement: what the client must hold at exit, and who holds it."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.assets import Asset, parse_held_by, parse_kind
from inhouse.errors import Conflict, InvalidInput
from inhouse.services import lookup


def add(
    ws: Workspace,
    name: str,
    kind: str,
    held_by: str,
    engagement: str | None = None,
    holder: str = "",
    location: str = "",
    notes: str = "",
) -> dict:
    """Record one asset; Conflict when the engagement already lists an asset of that kind and name."""
    asset_kind, side = parse_kind(kind), parse_held_by(held_by)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        asset = Asset(
            engagement_id=found.id,
            kind=asset_kind,
            name=name,
            held_by=side,
            holder=holder,
            location=location.strip(),
            notes=notes.strip(),
        )
        if uow.assets.find(found.id, asset_kind, asset.name) is not None:
            raise Conflict(f"engagement {found.name!r} already lists the {asset_kind.value} {asset.name!r}")
        uow.assets.add(asset)
        uow.commit()
        return {**asset.to_dict(), "engagement": found.name}


def list_all(ws: Workspace, engagement: str | None = None, held_by: str | None = None) -> list[dict]:
    """Every asset (of one engagement when named), optionally only those one side holds."""
    side = parse_held_by(held_by) if held_by else None
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        names = {e.id: e.name for e in uow.engagements.list()}
        return [
            {**a.to_dict(), "engagement": names.get(a.engagement_id)}
            for a in uow.assets.list(engagement_id)
            if side is None or a.held_by is side
        ]


def add_many(ws: Workspace, engagement: str, rows: list[dict]) -> list[dict]:
    """Record several assets at once, all or nothing (used by the demo)."""
    if not rows:
        raise InvalidInput("no asset given")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        added = []
        for row in rows:
            asset = Asset(
                engagement_id=found.id,
                kind=parse_kind(row["kind"]),
                name=row["name"],
                held_by=parse_held_by(row["held_by"]),
                holder=row.get("holder", ""),
                location=row.get("location", ""),
                notes=row.get("notes", ""),
            )
            if uow.assets.find(found.id, asset.kind, asset.name) is not None:
                raise Conflict(f"engagement {found.name!r} already lists the {asset.kind.value} {asset.name!r}")
            added.append(uow.assets.add(asset).to_dict())
        uow.commit()
        return added
