"""Engagement status: one screen per engagement, for the CLI and the web dashboard alike.

``engagement_status(ws, ref, today=None)`` returns an ``EngagementStatus`` (the
``inhouse status --json`` shape, ``inhouse.domain.status``): the overall light, one light per
area (``name`` is the area, ``title`` its display title), each area's section with its facts
and actions, the next three actions with their evidence, and the exit readiness checklist.

Areas, in this order: ``trajectory``, ``knowledge``, ``contract``, ``participation``,
``drills``, ``exit_readiness``. ``grey`` means "not measured yet" (no scan, no contract
review, no review or drill recorded): never an error. The rules are in ``inhouse.domain.status``.
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
    reviews = uow.reviews.list(engagement.stored_id)
    if not reviews:  # not measured yet (the rules say how to measure it)
        return rules.participation_section(None, None, None, today)
    last_review = reviews[-1].week_of
    recent = participation.weeks_in(uow, engagement, today)  # read once: the alert and the summary share it
    alert = find_alerts(recent, weeks, today)
    if recent and recent[-1].week_of == today - timedelta(days=today.weekday()) and not recent[-1].any_activity:
        recent = recent[:-1]  # the current week is not over yet
    summary = summarise(recent[-RECENT_WEEKS:])
    return rules.participation_section(alert, summary, last_review, today)


def status_in(uow: UnitOfWork, engagement: Engagement, today: date, weeks: int = 2) -> rules.EngagementStatus:
    evidence = gather(uow, engagement)
    readiness = checklist(evidence)
    name = engagement.name
    scan_it = f'scan the repositories (`inhouse scan REPO --engagement "{name}"`)'
    sections = [
        rules.trajectory_section(evidence.scans, engagement.planned_share_on(today), scan_it),
        rules.knowledge_section(evidence.scans, scan_it),
        rules.contract_section(
            evidence.contract, f'review the contract (`inhouse contract check FILE --engagement "{name}"`)'
        ),
        _participation(uow, engagement, today, weeks),
        rules.drills_section(evidence.drills, evidence.training_hours, today),
        rules.exit_section(readiness),
    ]
    engagement_id = engagement.stored_id
    return rules.EngagementStatus(
        id=engagement_id,
        engagement_id=engagement_id,
        name=name,
        partner=evidence.partner,
        phase=engagement.phase,
        year=engagement.year_on(today),
        as_of=today,
        light=rules.overall(sections),
        lights=[rules.light(s) for s in sections],
        sections=sections,
        next_actions=rules.next_actions(sections),
        exit_readiness=readiness,
    )


def engagement_status(ws: Workspace, ref: str | None = None, today: date | None = None) -> rules.EngagementStatus:
    """The status screen of one engagement (the only one when not named)."""
    with ws.uow() as uow:
        return status_in(uow, lookup.engagement(uow, ref), today or date.today(), ws.settings.delegate_alert_weeks)


def all_engagements(ws: Workspace, today: date | None = None) -> list[rules.EngagementStatus]:
    """The full status of every engagement (``inhouse status`` with several engagements)."""
    with ws.uow() as uow:
        weeks = ws.settings.delegate_alert_weeks
        return [status_in(uow, e, today or date.today(), weeks) for e in uow.engagements.list()]
