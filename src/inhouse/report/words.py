"""The words and colours the web pages and the report share for lights and checklist states."""

from __future__ import annotations

#: What each status light means, in words.
COLOR_WORDS = {
    "red": "act now",
    "amber": "at risk",
    "yellow": "at risk",
    "green": "on track",
    "grey": "not measured yet",
}
#: The colour of a checklist state (exit readiness, documentation audit, asset holder).
STATE_COLORS = {
    "ready": "green",
    "present": "green",
    "internal": "green",
    "at_risk": "amber",
    "stale": "amber",
    "partial": "amber",
    "shared": "amber",
    "blocked": "red",
    "missing": "red",
    "partner": "red",
}


def color_word(color: str | None) -> str:
    return COLOR_WORDS.get(color or "", color or "")


def state_color(state: str | None) -> str:
    return STATE_COLORS.get(state or "", "grey")
