"""What an exit needs beyond the checklist: the documentation audit and the asset inventory.

``docs_audit`` turns the latest stored ``docs_audit`` result (``DocsAudit.to_dict()``) into the
page's section; ``inventory_in`` lists the engagement's assets with who holds each.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from inhouse.domain.engagements import Engagement
from inhouse.store.uow import UnitOfWork

HOLDERS = ("internal", "shared", "partner")


def not_audited(name: str) -> str:
    return f'no documentation audit stored yet: `inhouse docs audit REPO --engagement "{name}"`'


def not_listed(name: str) -> str:
    return f'no asset listed yet: `inhouse asset add NAME --kind model --held-by partner --engagement "{name}"`'


def _detail(item: dict[str, Any]) -> str:
    """The audit's reason without what the page shows beside it (where it was found, the verdict)."""
    reason = str(item.get("reason") or "")
    if reason.startswith("found in ") and "; " in reason:
        reason = reason.split("; ", 1)[1]
    return reason.removesuffix(" - stale")


def docs_audit(payload: dict[str, Any] | None, meta: dict[str, Any] | None, engagement: str) -> dict:
    """The documentation audit: the operations guide as a whole, then each item with where it was found."""
    if not payload or "items" not in payload:
        return {"measured": False, "why": not_audited(engagement)}
    items = []
    for item in payload.get("items") or []:
        where = item.get("file")
        if where and item.get("section"):
            where = f"{where} § {item['section']}"
        items.append(
            {
                "kind": item.get("kind"),
                "title": item.get("title") or item.get("kind"),
                "status": item.get("status", "missing"),
                "group": item.get("group"),
                "where": where,
                "line": item.get("line"),
                "reason": item.get("reason") or "",
                "detail": _detail(item),
            }
        )
    guide = payload.get("operations_guide") or {}
    meta = meta or {}
    return {
        "measured": True,
        "repo": PurePath(str(payload.get("repo") or "")).name or payload.get("repo"),
        "repo_path": payload.get("repo"),
        "head": payload.get("head"),
        "result_id": meta.get("id"),
        "audited_at": meta.get("created_at"),
        "operations_guide": guide.get("status", "missing"),
        "counts": payload.get("counts") or {},
        "items": items,
        "rule": (payload.get("rule") or {}).get("description"),
        "warnings": payload.get("warnings") or [],
    }


def inventory_in(uow: UnitOfWork, engagement: Engagement) -> dict:
    """Every asset of the engagement (partner-held first: those block an exit), with counts per holder."""
    assets = [asset.to_dict() for asset in uow.assets.list(engagement.id)]
    if not assets:
        return {"measured": False, "why": not_listed(engagement.name), "assets": [], "counts": {}}
    order = {side: n for n, side in enumerate(("partner", "shared", "internal"))}
    assets.sort(key=lambda a: (order.get(a["held_by"], 3), a["kind"], a["name"].lower()))
    counts = {side: sum(1 for a in assets if a["held_by"] == side) for side in HOLDERS}
    return {"measured": True, "assets": assets, "counts": counts}
