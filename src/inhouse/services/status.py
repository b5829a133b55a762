"""Engagement status: one screen per engagement, for the CLI and the web dashboard alike.

``engagement_status(ws, ref, today=None)`` returns (keys may be added, never renamed)::

    {"id", "engagement_id", "name", "partner", "phase", "year", "as_of": "YYYY-MM-DD",
     "light": "green|amber|red",
     "lights": [{"name": area, "title", "color": "green|amber|red|grey", "reason": headline}],
     "sections": [{"area", "title", "color", "measured", "headline", "facts": {...},
                   "actions": [action...]}],
     "next_actions": [{"area", "color", "action", "evidence": {"source", "ref", "result_id",
                       "record_id", "quote"}}],          # at most three, most severe first
     "exit_readiness": <inhouse.services.exit_readiness shape>}

Areas, in this order: ``trajectory``, ``knowledge``, ``contract``, ``participation``,
``drills``, ``exit_readiness``. ``grey`` means "not measured yet" (no scan, no contract
review, no review or drill recorded): never an error. The rules are in ``inhouse.domain.status``.

``portfolio(ws, today=None)`` returns one short row per engagement:
``{"id", "engagement_id", "name", "partner", "phase", "light", "lights", "next_actions",
"exit_readiness": {"status", "counts", "summary"}}``.
"""

from __future__ import annotations

from datetime import date, timedelta

from inhouse.bootstrap import Workspace
from inhouse.domain import status as rules
from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import delegate_and_wait as find_alerts
from inhouse.domain.participation import summarise
from inhouse.services import lookup, participation
from inhouse.services.evidence import gather
from inhouse.services.exit_readiness import checklist
from inhouse.store.uow import UnitOfWork

RECENT_WEEKS = 12


def _participation(uow: UnitOfWork, engagement: Engagement, today: date, weeks: int) -> rules.Section:
    reviews = uow.reviews.list(engagement.id)
    last_review = reviews[-1].week_of if reviews else None
    if not reviews:
        return rules.unmeasured("participation", "record weekly reviews (`inhouse review add`)")
    recent = participation.weeks_in(uow, engagement, today)  # read once: the alert and the summary share it
    alert = find_alerts(recent, weeks, today).to_dict()
    if recent and recent[-1].week_of == today - timedelta(days=today.weekday()) and not recent[-1].any_activity:
        recent = recent[:-1]  # the current week is not over yet
    return rules.participation_section(alert, summarise(recent[-RECENT_WEEKS:]), last_review, today)


def status_in(uow: UnitOfWork, engagement: Engagement, today: date, weeks: int = 2) -> dict:
    evidence = gather(uow, engagement)
    readiness = checklist(evidence)
    name = engagement.name
    sections = [
        rules.trajectory_section(
            evidence.scans,
            engagement.planned_share_on(today),
            f'scan the repositories (`inhouse scan REPO --engagement "{name}"`)',
        ),
        rules.knowledge_section(evidence.scans, f'scan the repositories (`inhouse scan REPO --engagement "{name}"`)'),
        rules.contract_section(
            evidence.contract, f'review the contract (`inhouse contract check FILE --engagement "{name}"`)'
        ),
        _participation(uow, engagement, today, weeks),
        rules.drills_section(evidence.drills, evidence.training_hours, today),
        rules.exit_section(readiness),
    ]
    return {
        "id": engagement.id,
        "engagement_id": engagement.id,
        "name": name,
        "partner": evidence.partner,
        "phase": engagement.phase.value,
        "year": engagement.year_on(today),
        "as_of": today.isoformat(),
        "light": rules.overall(sections),
        "lights": [
            {"name": s.area, "title": rules.TITLES[s.area], "color": s.color, "reason": s.headline} for s in sections
        ],
        "sections": [s.to_dict() for s in sections],
        "next_actions": [a.to_dict() for a in rules.next_actions(sections)],
        "exit_readiness": {**readiness.to_dict(), "partner": evidence.partner},
    }


def _weeks(ws: Workspace) -> int:
    return int(getattr(ws.settings, "delegate_alert_weeks", 2))


def engagement_status(ws: Workspace, ref: str | None = None, today: date | None = None) -> dict:
    """The status screen of one engagement (the only one when not named)."""
    with ws.uow() as uow:
        return status_in(uow, lookup.engagement(uow, ref), today or date.today(), _weeks(ws))


def all_engagements(ws: Workspace, today: date | None = None) -> list[dict]:
    """The full status of every engagement (``inhouse status`` with several engagements)."""
    with ws.uow() as uow:
        return [status_in(uow, e, today or date.today(), _weeks(ws)) for e in uow.engagements.list()]


def portfolio(ws: Workspace, today: date | None = None) -> list[dict]:
    """One short row per engagement, for the dashboard's portfolio page."""
    keys = ("id", "engagement_id", "name", "partner", "phase", "light", "lights", "next_actions")
    return [
        {
            **{k: full[k] for k in keys},
            "exit_readiness": {k: full["exit_readiness"][k] for k in ("status", "counts", "summary")},
        }
        for full in all_engagements(ws, today)
    ]
