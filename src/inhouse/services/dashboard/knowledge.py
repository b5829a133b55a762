"""The scan payload (``KnowledgeReport.to_dict()``) turned into what the engagement page draws."""

from __future__ import annotations

from typing import Any

NOT_SCANNED = "no scan stored yet: scan the engagement's repository (inhouse scan, or Scan on this page)"


def _names(payload: dict[str, Any]) -> dict[str, str]:
    names = {}
    for identity in payload.get("identities") or []:
        shown = (identity.get("names") or identity.get("emails") or [identity.get("id", "?")])[0]
        names[str(identity.get("id"))] = str(shown)
    return names


def share_series(payload: dict[str, Any] | None, meta: dict[str, Any] | None = None) -> dict:
    """Internal share against the plan, period by period."""
    if not payload or not payload.get("trajectory"):
        return {"measured": False, "why": NOT_SCANNED}
    points = []
    for period in payload["trajectory"]:
        points.append(
            {
                "period": period.get("period"),
                "start": period.get("start"),
                "end": period.get("end"),
                "commits": period.get("commits", 0),
                "internal_share": period.get("internal_commit_share"),
                "internal_line_share": period.get("internal_line_share"),
                "plan": period.get("plan_internal_share"),
                "gap": period.get("gap"),
            }
        )
    latest = next((p for p in reversed(points) if p["commits"]), None)
    return {
        "measured": True,
        "points": points,
        "latest": latest,
        "forecast": payload.get("forecast"),
        "period": payload.get("period"),
        "plan": payload.get("plan"),
        "repo": payload.get("repo"),
        "scanned_at": (meta or {}).get("created_at"),
    }


def knowledge_at_risk(payload: dict[str, Any] | None, meta: dict[str, Any] | None = None) -> dict:
    """Truck factor and the off-boarding simulation (files orphaned by directory)."""
    if not payload or "truck_factor" not in payload:
        return {"measured": False, "why": NOT_SCANNED}
    names = _names(payload)
    truck = payload.get("truck_factor") or {}
    off = payload.get("offboarding") or {}
    directories = sorted(off.get("by_directory") or [], key=lambda d: (-d.get("orphaned_files", 0), d.get("path", "")))
    for item in directories:
        files = item.get("files") or 0
        item["orphaned_share"] = round(item.get("orphaned_files", 0) / files, 4) if files else 0.0
    people = sorted(payload.get("identities") or [], key=lambda i: -i.get("commits", 0))
    return {
        "measured": True,
        "truck_factor": {
            "value": truck.get("value"),
            "authors": [names.get(str(a), str(a)) for a in truck.get("authors") or []],
        },
        "offboarding": {
            "side": off.get("side", "partner"),
            "files": off.get("files", 0),
            "orphaned_files": off.get("orphaned_files", 0),
            "orphaned_share": off.get("orphaned_share", 0.0),
            "orphaned_lines": off.get("orphaned_lines"),
            "by_directory": directories,
        },
        "people": [
            {
                "name": names.get(str(p.get("id")), "?"),
                "side": p.get("side"),
                "commits": p.get("commits", 0),
                "files_authored": p.get("files_authored", 0),
            }
            for p in people[:12]
        ],
        "commits": payload.get("commits"),
        "head": payload.get("head"),
        "warnings": payload.get("warnings") or [],
        "scanned_at": (meta or {}).get("created_at"),
    }
