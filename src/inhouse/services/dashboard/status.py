"""Status lights, next actions and exit readiness, from the status service once it exists.

The status service (docs audit, exit readiness, engagement status) is built separately;
until it is installed, or when it fails to measure an engagement, the pages say
"not measured yet" rather than inventing a verdict.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from inhouse.bootstrap import Workspace
from inhouse.errors import InhouseError
from inhouse.services import exit_readiness as exit_service
from inhouse.services import status as status_service
from inhouse.services.dashboard import readmodel

log = logging.getLogger(__name__)

NOT_YET = "not measured yet: the status service is not installed in this version"


class ServiceFailed(InhouseError):
    """A sibling service failed unexpectedly; its section shows this instead of breaking the page."""


def _call(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)``; an unexpected failure becomes ServiceFailed, so one section shows it
    instead of the whole page breaking."""
    try:
        return function(*args)
    except InhouseError:
        raise
    except Exception as exc:  # a read-only section must not take the page down
        name = f"{function.__module__}.{function.__name__}"
        log.exception("%s failed", name)
        raise ServiceFailed(f"not measured: {name} failed ({type(exc).__name__})") from exc


def compute(ws: Workspace, engagement_id: int) -> dict:
    """The engagement's status from the status service, normalised (never stored: see ``readmodel``)."""
    try:
        found = _call(status_service.engagement_status, ws, str(engagement_id))
    except InhouseError as exc:
        return {"measured": False, "why": exc.message, "lights": [], "next_actions": []}
    if not isinstance(found, dict):
        return {"measured": False, "why": NOT_YET, "lights": [], "next_actions": []}
    return normalise(found)


def slim(status: dict) -> dict:
    """What the portfolio shows of a status: the lights and next actions, the exit summary."""
    out = {k: status[k] for k in ("measured", "why", "light", "lights", "next_actions") if k in status}
    readiness = status.get("exit_readiness")
    if isinstance(readiness, dict):
        out["exit_readiness"] = {k: readiness.get(k) for k in ("status", "counts", "summary")}
    return out


def stamp(ws: Workspace) -> str:
    """What a status depends on besides the stored data: the day and the settings its rules read."""
    settings = ws.settings
    return (
        f"{date.today().isoformat()}|{getattr(settings, 'delegate_alert_weeks', '')}"
        f"|{getattr(settings, 'training_hours_per_stuck_point', '')}"
    )


MODEL = readmodel.Model("status", compute, lambda value: {"lights": slim(value), "status": value}, stamp, slim)


def engagement_status(ws: Workspace, engagement_id: int) -> dict:
    """``{"measured", "lights": [{"name", "color", "reason"}], "next_actions": [...], ...}``."""
    return MODEL.current(ws, engagement_id)


def portfolio_status(ws: Workspace, engagement_ids: list[int], budget: float = 0.5) -> dict[int, dict]:
    """The slim status of each engagement, from the read model (see ``readmodel.Model.many``)."""
    return MODEL.many(ws, engagement_ids, budget)


def refresh_stale(ws: Workspace) -> int:
    """Compute every status that is out of date (at server start, and in the background)."""
    return MODEL.refresh(ws)


def normalise(found: dict) -> dict:
    lights = found.get("lights") or []
    if isinstance(lights, dict):  # {"name": "green"} or {"name": {"color":..., "reason":...}}
        lights = [dict(name=k, **(v if isinstance(v, dict) else {"color": v})) for k, v in lights.items()]
    clean = []
    for light in lights:
        color = str(light.get("color") or light.get("status") or light.get("light") or "grey").lower()
        clean.append(
            {
                "name": light.get("title") or light.get("name") or light.get("area") or "?",
                "color": color,
                "reason": light.get("reason") or light.get("detail") or "",
                "area": light.get("area") or light.get("name"),
            }
        )
    actions = found.get("next_actions") or found.get("actions") or []
    actions = [a if isinstance(a, dict) else {"action": str(a)} for a in actions]
    for action in actions:
        action.setdefault("action", action.get("title") or "")
    return {
        "measured": True,
        "light": found.get("light"),
        "lights": clean,
        "next_actions": actions,
        "exit_readiness": found.get("exit_readiness"),
        "sections": found.get("sections") or [],
    }


def exit_readiness(ws: Workspace, engagement_id: int, status: dict, stored: dict | None) -> dict:
    """The exit checklist (ready / at_risk / blocked items) from the exit readiness service."""
    value = status.get("exit_readiness") if status.get("measured") else None
    if value is None:
        try:
            value = _call(exit_service.readiness, ws, str(engagement_id))
        except InhouseError as exc:
            return {"measured": False, "why": exc.message}
    if value is None and stored is not None:
        value = stored
    if value is None:
        return {"measured": False, "why": "not measured yet: exit readiness is not available in this version"}
    if not isinstance(value, dict):
        value = {"summary": str(value)}
    return {"measured": True, **value}
