"""What the report says: the engagement page's data, plus the action list and evidence excerpts."""

from __future__ import annotations

from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.services.dashboard import engagement_page


def _evidence_ref(action: dict) -> str | None:
    evidence = action.get("evidence") or {}
    return evidence.get("ref") if evidence.get("source") not in (None, "none") else None


def actions(data: dict) -> list[dict]:
    """The status service's next actions; without it, what the stored findings ask for."""
    status = data.get("status") or {}
    if status.get("measured") and status.get("next_actions"):
        return [
            {
                "action": a.get("action") or a.get("title") or str(a),
                "why": a.get("why") or a.get("reason", ""),
                "source": "status",
                "color": a.get("color"),
                "evidence": _evidence_ref(a),
            }
            for a in status["next_actions"]
        ]
    out = []
    contract = data.get("contract") or {}
    for item in contract.get("recommendations") or []:
        out.append(
            {
                "action": f"Contract — {item.get('clause', '').replace('_', ' ')}: {item.get('problem', '')}",
                "why": item.get("suggested_text", ""),
                "source": "contract",
            }
        )
    for drill in data.get("drill_list") or []:
        for point in drill.get("stuck_points") or []:
            out.append(
                {
                    "action": f"Training: {point}",
                    "why": f"{drill['person']} got stuck on {drill['performed_on']}",
                    "source": "drill",
                }
            )
    missed = (data.get("timeline") or {}).get("missed_weeks") or []
    if missed:
        out.append(
            {
                "action": f"Hold the weekly review: {len(missed)} week(s) without one",
                "why": "last missed: " + missed[-1],
                "source": "reviews",
            }
        )
    return out


def excerpts(data: dict, limit: int = 2, width: int = 320) -> list[dict]:
    """Per checklist finding, its first evidence quotes, shortened."""
    out = []
    for finding in (data.get("contract") or {}).get("findings") or []:
        quotes = []
        for evidence in finding.get("evidence", [])[:limit]:
            text = " ".join(str(evidence.get("text", "")).split())
            quotes.append(text if len(text) <= width else text[: width - 1].rstrip() + "…")
        out.append({**finding, "quotes": quotes})
    return out


def report_data(ws: Workspace, ref: str | None, today: date | None = None) -> dict:
    data = engagement_page(ws, ref, today)
    data["actions"] = actions(data)
    data["excerpts"] = excerpts(data)
    return data
