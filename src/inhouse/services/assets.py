"""The asset inventory of an engagement: what the client must hold at exit, and who holds it."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.assets import Asset, AssetIn, AssetRecord, HeldBy
from inhouse.domain.edits import AssetPatch, merged
from inhouse.domain.engagements import Engagement
from inhouse.domain.shapes import MAX_ID
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def _add(uow: UnitOfWork, engagement: Engagement, new: AssetIn) -> AssetRecord:
    assert engagement.id is not None, "a stored engagement has an id"
    if uow.assets.find(engagement.id, new.kind, new.name) is not None:
        raise Conflict(f"engagement {engagement.name!r} already lists the {new.kind.value} {new.name!r}")
    asset = uow.assets.add(
        Asset(
            engagement_id=engagement.id,
            kind=new.kind,
            name=new.name,
            held_by=new.held_by,
            holder=new.holder,
            location=new.location,
            notes=new.notes,
        )
    )
    return AssetRecord.of(asset, engagement.name)


def add(ws: Workspace, engagement: str | None, asset: AssetIn) -> AssetRecord:
    """Record one asset; Conflict when the engagement already lists an asset of that kind and name."""
    with ws.uow() as uow:
        added = _add(uow, lookup.engagement(uow, engagement), asset)
        uow.commit()
        return added


def add_many(ws: Workspace, engagement: str, assets: list[AssetIn]) -> list[AssetRecord]:
    """Record several assets at once, all or nothing (used by the demo)."""
    if not assets:
        raise InvalidInput("assets must not be empty")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        added = [_add(uow, found, asset) for asset in assets]
        uow.commit()
        return added


def list_all(ws: Workspace, engagement: str | None = None, held_by: HeldBy | None = None) -> list[AssetRecord]:
    """Every asset (of one engagement when named), optionally only those one side holds."""
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        names = {e.id: e.name for e in uow.engagements.list()}
        return [
            AssetRecord.of(a, names[a.engagement_id])
            for a in uow.assets.list(engagement_id)
            if held_by is None or a.held_by is held_by
        ]


def edit(ws: Workspace, engagement: str | None, asset_id: int, changes: AssetPatch) -> AssetRecord:
    """Change an asset of ``engagement`` (any engagement's when None); another asset of the same
    kind and name there is a Conflict."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement) if engagement else None
        stored = uow.assets.get(asset_id) if 1 <= asset_id <= MAX_ID else None
        if stored is None or (found is not None and stored.engagement_id != found.id):
            raise NotFound(f"no asset {asset_id}" + (f" in {found.name}" if found else ""))
        owner = found or uow.engagements.get(stored.engagement_id)
        assert owner is not None, "an asset's engagement exists"
        new = merged(
            AssetIn,
            {
                "name": stored.name,
                "kind": stored.kind,
                "held_by": stored.held_by,
                "holder": stored.holder,
                "location": stored.location,
                "notes": stored.notes,
            },
            changes,
        )
        other = uow.assets.find(stored.engagement_id, new.kind, new.name)
        if other is not None and other.id != stored.id:
            raise Conflict(f"engagement {owner.name!r} already lists the {new.kind.value} {new.name!r}")
        stored.name, stored.kind, stored.held_by = new.name, new.kind, new.held_by
        stored.holder, stored.location, stored.notes = new.holder, new.location, new.notes
        uow.assets.update(stored)
        uow.commit()
        return AssetRecord.of(stored, owner.name)
