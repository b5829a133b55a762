"""Status lights, next actions and exit readiness for the dashboard, from the read model.

An engagement's status (``services.status``) is stored in the read model (``readmodel``) as
``EngagementStatus.model_dump(mode="json")`` and read back with ``model_validate``; the
portfolio reads only its slim part (``StatusLights``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from inhouse.bootstrap import Workspace
from inhouse.domain.exit_readiness import ExitReadiness, ExitSummary
from inhouse.domain.shapes import Shape
from inhouse.domain.status import Action, Color, EngagementStatus, Light
from inhouse.services import status as status_service
from inhouse.services.dashboard import readmodel

SHAPE_VERSION = 2
"""Raised whenever the stored status's shape changes, so rows stored by an older version are recomputed."""


class StatusLights(Shape):
    """What the portfolio shows of a status: the lights, the next actions and the exit summary.

    ``measured`` is false while a status was never computed (``pending``); ``updating`` marks
    the previous lights shown while the background computes the current ones."""

    measured: bool = True
    why: str | None = None
    light: Color | None = None
    lights: list[Light] = []
    next_actions: list[Action] = []
    exit_readiness: ExitSummary | None = None
    updating: bool = False
    pending: bool = False


def compute(ws: Workspace, engagement_id: int) -> dict[str, Any]:
    """The engagement's status, as stored (never stored here: see ``readmodel``)."""
    return status_service.engagement_status(ws, str(engagement_id)).model_dump(mode="json")


def slim(status: dict[str, Any]) -> dict[str, Any]:
    """The stored slim part of a stored status (an ``EngagementStatus`` dumped as JSON): its
    parts picked, not the whole status validated again."""
    readiness = status["exit_readiness"]
    lights = StatusLights.model_validate(
        {
            "light": status["light"],
            "lights": status["lights"],
            "next_actions": status["next_actions"],
            "exit_readiness": {key: readiness[key] for key in ExitSummary.model_fields},
        }
    )
    return lights.model_dump(mode="json")


def stamp(ws: Workspace) -> str:
    """What a status depends on besides the stored data: the day, the settings its rules read, its shape."""
    settings = ws.settings
    return (
        f"{date.today().isoformat()}|{settings.delegate_alert_weeks}"
        f"|{settings.training_hours_per_stuck_point}|v{SHAPE_VERSION}"
    )


MODEL = readmodel.Model("status", compute, lambda value: {"lights": slim(value), "status": value}, stamp, slim)


def engagement_status(ws: Workspace, engagement_id: int) -> EngagementStatus:
    """The engagement's status (as ``inhouse status --json``), from the read model."""
    return EngagementStatus.model_validate(MODEL.current(ws, engagement_id))


def portfolio_status(ws: Workspace, engagement_ids: list[int], budget: float = 0.5) -> dict[int, StatusLights]:
    """The slim status of each engagement, from the read model (see ``readmodel.Model.many``)."""
    return {eid: _lights(value) for eid, value in MODEL.many(ws, engagement_ids, budget).items()}


def _lights(value: dict[str, Any]) -> StatusLights:
    try:
        return StatusLights.model_validate(value)
    except ValidationError:  # previous lights stored by an older version, shown while they are recomputed
        return StatusLights(measured=False, pending=True, why=readmodel.PENDING)


def refresh_stale(ws: Workspace) -> int:
    """Compute every status that is out of date (at server start, and in the background)."""
    return MODEL.refresh(ws)


def exit_readiness(status: EngagementStatus) -> ExitReadiness:
    """The exit checklist (ready / at_risk / blocked items) the status was drawn from."""
    return status.exit_readiness
