"""Engagement status: one light per area and the next three actions. Pure rules.

Lights are ``green``, ``amber``, ``red``, or ``grey`` when the area is not measured yet.

- trajectory (latest scan of each repository): the latest period's internal commit share
  against the plan: at or above -> green, up to 10 points below -> amber, further -> red.
- knowledge: the share of files with no internal author if the partner left: up to 10% green,
  up to 50% amber, more red (the exit readiness thresholds); a truck factor of 1 is amber at best.
- contract (latest review): deliverable ownership vendor/absent or no exit clause -> red; any
  other missing or weak clause, or a red flag -> amber; none -> green.
- participation: an ongoing "delegate and wait" alert (no review, no internal participation, or a
  partner-written review unconfirmed for the alert's weeks) -> red; fewer than 3 in 4 recent weeks
  with a review or with internal attendance, or under half of the decisions internal or
  joint -> amber; otherwise green.
- drills: the latest stuck -> red, with help -> amber, alone -> green; none in 90 days -> amber.
  A drill dated after the day of the status has not happened yet and is not counted.
- exit readiness: blocked -> red, at risk -> amber, ready -> green.

The overall light is red when any area is red, else amber when any is amber or grey, else
green. The next actions: at most one per area first, the most severe first (red, amber, grey),
in the order of ``AREAS``; each points at its evidence.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Literal

from inhouse.domain.common import Phase
from inhouse.domain.contracts import ClauseKind, ContractReview
from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.exit_readiness import (
    AT_RISK,
    BLOCKED,
    Evidence,
    ExitCounts,
    ExitReadiness,
    ExitState,
    StoredResult,
    clause,
)
from inhouse.domain.knowledge import ScanResult
from inhouse.domain.participation import DelegateAndWait, ParticipationSummary
from inhouse.domain.shapes import CalendarDate, Input, Shape


class Color(str, enum.Enum):
    """A status light: ``grey`` when the area is not measured yet."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    GREY = "grey"


GREEN, AMBER, RED, GREY = Color.GREEN, Color.AMBER, Color.RED, Color.GREY
SEVERITY = {RED: 0, AMBER: 1, GREY: 2, GREEN: 3}
Area = Literal["participation", "knowledge", "contract", "exit_readiness", "drills", "trajectory"]
AREAS: tuple[Area, ...] = ("participation", "knowledge", "contract", "exit_readiness", "drills", "trajectory")
TITLES: dict[Area, str] = {
    "trajectory": "Dependency trajectory",
    "knowledge": "Knowledge at risk",
    "contract": "Contract gaps",
    "participation": "Reviews and participation",
    "drills": "Drills",
    "exit_readiness": "Exit readiness",
}
DRILL_MAX_AGE_DAYS = 90


class Action(Shape):
    """One thing to do next, in one area, pointing at its evidence."""

    area: Area
    color: Color
    action: str
    evidence: Evidence


class TrajectoryRepo(Shape):
    """One repository's latest period with commits against the plan (``period`` None: none yet)."""

    repo: str
    period: str | None
    internal_share: float | None = None
    plan: float | None = None
    gap: float | None = None
    plan_reached_on: str | None = None


class TrajectoryFacts(Shape):
    repos: list[TrajectoryRepo]


class KnowledgeRepo(Shape):
    """One repository's knowledge if the partner left."""

    repo: str
    orphaned_share: float
    orphaned_files: int
    files: int
    orphaned_lines: int | None
    truck_factor: int | None
    worst: str | None


class KnowledgeFacts(Shape):
    repos: list[KnowledgeRepo]


class ContractFacts(Shape):
    """The contract review's gaps (clause -> what is wrong) and red flags."""

    file: str
    gaps: dict[str, str]
    red_flags: list[str]
    score: int | float | None


class ParticipationFacts(Shape):
    last_review: date | None
    weeks: int
    weeks_with_review: int
    weeks_with_internal_attendance: int
    decisions_internal_or_joint_share: float | None
    alert: str | None
    reviews_by_partner: int = 0
    reviews_awaiting_confirmation: int = 0


class DrillOutcomes(Shape):
    alone: int
    with_help: int
    stuck: int


class DrillFacts(Shape):
    drills: int
    outcomes: DrillOutcomes
    latest: date
    latest_outcome: DrillOutcome
    stuck_points: list[str]
    training_hours_requested: float


class ExitFacts(Shape):
    status: ExitState
    counts: ExitCounts


class NoFacts(Shape):
    """The facts of an area not measured yet: none."""


Facts = TrajectoryFacts | KnowledgeFacts | ContractFacts | ParticipationFacts | DrillFacts | ExitFacts | NoFacts


class Section(Shape):
    """One area of the status: its light, the headline, the facts behind it and its actions."""

    area: Area
    title: str
    color: Color
    measured: bool = True
    headline: str
    facts: Facts
    actions: list[Action] = []


class Light(Shape):
    """An area's light: ``name`` is the area (``knowledge``), ``title`` what a page shows."""

    name: Area
    title: str
    color: Color
    reason: str


class EngagementStatus(Shape):
    """The ``inhouse status --json`` shape of one engagement."""

    id: int
    engagement_id: int
    name: str
    partner: str
    phase: Phase
    year: int
    as_of: date
    light: Color
    lights: list[Light]
    sections: list[Section]
    next_actions: list[Action]
    exit_readiness: ExitReadiness


class StatusQuery(Input):
    """The day a status is evaluated on (None: today); any day from 1970 on, past or ahead."""

    as_of: CalendarDate | None = None


def section(
    area: Area,
    color: Color,
    headline: str,
    facts: Facts | None = None,
    actions: list[Action] | None = None,
    measured: bool = True,
) -> Section:
    return Section(
        area=area,
        title=TITLES[area],
        color=color,
        measured=measured,
        headline=headline,
        facts=facts or NoFacts(),
        actions=actions or [],
    )


def action(area: Area, color: Color, text: str, evidence: Evidence) -> Action:
    return Action(area=area, color=color, action=text, evidence=evidence)


def light(s: Section) -> Light:
    return Light(name=s.area, title=s.title, color=s.color, reason=s.headline)


def worst(colors: list[Color]) -> Color:
    return min(colors, key=SEVERITY.__getitem__) if colors else GREY


def unmeasured(area: Area, how: str) -> Section:
    return section(
        area,
        GREY,
        f"not measured yet: {how}",
        actions=[action(area, GREY, how[0].upper() + how[1:], Evidence(source="none", ref="not measured yet"))],
        measured=False,
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def trajectory_section(scans: list[StoredResult[ScanResult]], planned_now: float | None, how: str) -> Section:
    if not scans:
        return unmeasured("trajectory", how)
    repos: list[TrajectoryRepo] = []
    colors: list[Color] = []
    actions: list[Action] = []
    for scan in scans:
        shares = [(p, p.internal_commit_share) for p in scan.payload.trajectory if p.commits]
        periods = [(p, share) for p, share in shares if share is not None]
        if not periods:
            repos.append(TrajectoryRepo(repo=scan.name, period=None))
            colors.append(GREY)
            continue
        last, share = periods[-1]
        plan = last.plan_internal_share if last.plan_internal_share is not None else planned_now
        gap = None if plan is None else round(share - plan, 4)
        color = GREY if gap is None else GREEN if gap >= 0 else AMBER if gap >= -0.10 else RED
        forecast = scan.payload.forecast
        reached_on = forecast.reached_on if forecast is not None else None
        repos.append(
            TrajectoryRepo(
                repo=scan.name,
                period=last.period,
                internal_share=share,
                plan=plan,
                gap=gap,
                plan_reached_on=reached_on.isoformat() if reached_on is not None else None,
            )
        )
        colors.append(color)
        if color in (RED, AMBER):
            actions.append(
                action(
                    "trajectory",
                    color,
                    f"Move work inside on {scan.name}: internal share {_pct(share)} against the plan's {_pct(plan)}",
                    Evidence(source="scan", ref=f"{scan.name}: trajectory {last.period}", result_id=scan.result_id),
                )
            )
    color = worst(colors)
    shown = next((r for r, c in zip(repos, colors, strict=True) if c == color and r.period), repos[0])
    headline = (
        "no period with commits yet"
        if not shown.period
        else (
            f"internal share {_pct(shown.internal_share)} against the plan's {_pct(shown.plan)} "
            f"({shown.repo}, {shown.period})"
            + (
                f"; the plan's final share reached around {shown.plan_reached_on} at this pace"
                if shown.plan_reached_on
                else ""
            )
        )
    )
    return section("trajectory", color, headline, TrajectoryFacts(repos=repos), actions)


def knowledge_section(scans: list[StoredResult[ScanResult]], how: str) -> Section:
    if not scans:
        return unmeasured("knowledge", how)
    repos: list[KnowledgeRepo] = []
    colors: list[Color] = []
    actions: list[Action] = []
    for scan in scans:
        off = scan.payload.offboarding
        share = off.orphaned_share
        truck = scan.payload.truck_factor.value
        color = GREEN if share <= 0.10 else AMBER if share <= 0.50 else RED
        if truck == 1 and color == GREEN:
            color = AMBER
        worst_dir = next((d for d in off.by_directory if d.orphaned_files), None)
        repos.append(
            KnowledgeRepo(
                repo=scan.name,
                orphaned_share=share,
                orphaned_files=off.orphaned_files,
                files=off.files,
                orphaned_lines=off.orphaned_lines,
                truck_factor=truck,
                worst=worst_dir.path if worst_dir else None,
            )
        )
        colors.append(color)
        if color != GREEN and worst_dir:
            actions.append(
                action(
                    "knowledge",
                    color,
                    f"Pair internal people on {worst_dir.path or '.'} "
                    f"in {scan.name}: {worst_dir.orphaned_files} of {worst_dir.files} "
                    "files have no internal author",
                    Evidence(source="scan", ref=f"{scan.name}: offboarding {worst_dir.path}", result_id=scan.result_id),
                )
            )
    top = max(repos, key=lambda r: r.orphaned_share)
    headline = (
        f"{_pct(top.orphaned_share)} of the files of {top.repo} would have no internal author if "
        f"the partner left"
        + (f"; worst: {top.worst}" if top.worst else "")
        + (f"; truck factor {top.truck_factor}" if top.truck_factor is not None else "")
    )
    return section("knowledge", worst(colors), headline, KnowledgeFacts(repos=repos), actions)


_GOOD: dict[ClauseKind, tuple[str, ...]] = {
    "deliverable_ownership": ("client",),
    "knowledge_transfer": ("present",),
    "source_access": ("during",),
    "maintenance": ("present",),
    "exit": ("full",),
}


def contract_section(contract: StoredResult[ContractReview] | None, how: str) -> Section:
    if contract is None:
        return unmeasured("contract", how)
    review = contract.payload
    gaps: list[tuple[str, str]] = []
    for clause_kind, good in _GOOD.items():
        found = clause(review, clause_kind).status
        if found not in good:
            gaps.append((clause_kind, found))
        elif clause_kind == "knowledge_transfer" and review.clauses.knowledge_transfer.hours is None:
            gaps.append((clause_kind, "present without hours"))
        elif clause_kind == "maintenance" and not review.clauses.maintenance.scope_defined:
            gaps.append((clause_kind, "present without a defined scope"))
    flags: list[str] = [f.kind for f in review.red_flags]
    statuses = dict(gaps)
    red = statuses.get("deliverable_ownership") in ("vendor", "unclear", "absent") or statuses.get("exit") == "absent"
    color = RED if red else AMBER if gaps or flags else GREEN
    problems: dict[str, str] = {r.clause: r.problem for r in review.recommendations}
    actions: list[Action] = []
    order = ("deliverable_ownership", "exit", "source_access", "knowledge_transfer", "maintenance")
    for kind, status in sorted(gaps, key=lambda g: order.index(g[0])):
        problem = problems.get(kind) or f"{kind.replace('_', ' ')} is {status}"
        actions.append(
            action(
                "contract",
                color,
                f"Renegotiate the {kind.replace('_', ' ')} clause: {problem}",
                Evidence(source="contract", ref=f"{contract.name}: clauses.{kind}", result_id=contract.result_id),
            )
        )
    for flag in flags:
        actions.append(
            action(
                "contract",
                color,
                f"Remove the {flag.replace('_', ' ')} red flag",
                Evidence(source="contract", ref=f"{contract.name}: red_flags.{flag}", result_id=contract.result_id),
            )
        )
    described = [f"{k.replace('_', ' ')} {s.replace('_', ' ')}" for k, s in gaps]
    headline = (
        f"{len(gaps)} clause gaps"
        + (f" ({'; '.join(described)})" if described else "")
        + (f"; red flags: {', '.join(f.replace('_', ' ') for f in flags)}" if flags else "")
        + f" (score {review.score})"
    )
    facts = ContractFacts(file=contract.name, gaps=dict(gaps), red_flags=flags, score=review.score)
    return section("contract", color, headline, facts, actions)


def participation_section(
    alert: DelegateAndWait | None, summary: ParticipationSummary | None, last_review: date | None, today: date
) -> Section:
    """From the participation service's alert and summary of recent weeks."""
    if alert is None or summary is None:
        return unmeasured("participation", "record weekly reviews (`inhouse review add`)")
    weeks = summary.weeks
    reviewed = summary.weeks_with_review
    attended = summary.weeks_with_internal_attendance
    decided = summary.decisions_internal_or_joint_share
    facts = ParticipationFacts(
        last_review=last_review,
        weeks=weeks,
        weeks_with_review=reviewed,
        weeks_with_internal_attendance=attended,
        decisions_internal_or_joint_share=decided,
        alert=alert.message,
        reviews_by_partner=summary.reviews_by_partner,
        reviews_awaiting_confirmation=summary.reviews_awaiting_confirmation,
    )
    ago = (today - last_review).days // 7 if last_review else 0
    since = (
        f"last review {last_review.isoformat()} ({ago} week{'' if ago == 1 else 's'} ago)"
        if last_review
        else "no review recorded"
    )
    headline = f"{since}; {reviewed}/{weeks} weeks reviewed, {attended}/{weeks} with internal attendance" + (
        f", {_pct(decided)} of decisions internal or joint" if decided is not None else ""
    )
    up_to = last_review.isoformat() if last_review else "none"
    evidence = Evidence(source="reviews", ref=f"weekly reviews up to {up_to}")
    if alert.active:
        return section(
            "participation",
            RED,
            f"delegate and wait: {alert.message}; {headline}",
            facts,
            [action("participation", RED, text, evidence) for text in _alert_actions(alert)],
        )
    weak = []
    if weeks and reviewed / weeks < 0.75:
        weak.append("Hold the weekly review every week")
    if weeks and attended / weeks < 0.75:
        weak.append("Bring an internal person to every weekly review")
    if decided is not None and decided < 0.5:
        weak.append("Share in the decisions: most are taken by the partner alone")
    actions = [action("participation", AMBER, text, evidence) for text in weak]
    return section("participation", AMBER if weak else GREEN, headline, facts, actions)


def _alert_actions(alert: DelegateAndWait) -> list[str]:
    """What to do about an ongoing alert: hold the review with someone internal, and/or confirm
    the partner-written reviews waiting for it."""
    runs = [p.describe() for p in alert.current if p.kind != "unconfirmed_review"]
    waiting = [p.describe() for p in alert.current if p.kind == "unconfirmed_review"]
    texts = [f"Hold the weekly review with an internal participant ({'; '.join(runs)})"] if runs else []
    if waiting:
        texts.append(f"Read and confirm the partner-written weekly reviews ({'; '.join(waiting)})")
    return texts


def drills_section(drills: list[Drill], requested_hours: float, today: date) -> Section:
    """The latest drill performed up to ``today``: a drill dated later has not happened yet."""
    drills = [d for d in drills if d.performed_on <= today]
    if not drills:
        return unmeasured("drills", 'run a "can we modify this alone?" drill (`inhouse drill add`)')
    last = max(drills, key=lambda d: (d.performed_on, d.id or 0))
    color = {DrillOutcome.ALONE: GREEN, DrillOutcome.WITH_HELP: AMBER}.get(last.outcome, RED)
    age = (today - last.performed_on).days
    facts = DrillFacts(
        drills=len(drills),
        outcomes=DrillOutcomes(**{o.value: sum(1 for d in drills if d.outcome is o) for o in DrillOutcome}),
        latest=last.performed_on,
        latest_outcome=last.outcome,
        stuck_points=list(last.stuck_points),
        training_hours_requested=requested_hours,
    )
    evidence = Evidence(source="drill", ref=f"drill on {last.performed_on} by {last.person}", record_id=last.id)
    actions = []
    if last.stuck_points and color != GREEN:
        actions.append(
            action(
                "drills",
                color,
                f"Train {last.person} where the drill got stuck ({last.stuck_points[0]}) and repeat it without help",
                evidence,
            )
        )
    if age > DRILL_MAX_AGE_DAYS:
        color = AMBER if color == GREEN else color
        actions.append(action("drills", color, f"Run a new drill: the last one was {age} days ago", evidence))
    headline = (
        f"{len(drills)} drills; latest {last.performed_on} by {last.person}: "
        f"{last.outcome.value.replace('_', ' ')}"
        + (f" (stuck on {'; '.join(last.stuck_points)})" if last.stuck_points else "")
        + f"; {requested_hours:g} h of training requested"
    )
    return section("drills", color, headline, facts, actions)


def exit_section(readiness: ExitReadiness) -> Section:
    color = {BLOCKED: RED, AT_RISK: AMBER}.get(readiness.status, GREEN)
    actions = []  # the areas without a section of their own: documentation and inventory
    for state in (BLOCKED, AT_RISK):
        for item in readiness.items:
            if item.status == state and item.area in ("documentation", "inventory") and item.action:
                urgency = GREY if not item.measured else RED if state == BLOCKED else AMBER
                actions.append(action("exit_readiness", urgency, item.action, item.evidence))
    return section(
        "exit_readiness",
        color,
        readiness.summary,
        ExitFacts(status=readiness.status, counts=readiness.counts),
        actions,
    )


def _rank(a: Action) -> tuple[int, int]:
    return SEVERITY[a.color], AREAS.index(a.area)


def next_actions(sections: list[Section], limit: int = 3) -> list[Action]:
    """The most severe actions, at most one per area until every area had its turn."""
    ranked = sorted((a for s in sections for a in s.actions), key=_rank)
    chosen: list[Action] = []
    for candidate in ranked:
        if len(chosen) < limit and all(c.area != candidate.area for c in chosen):
            chosen.append(candidate)
    for candidate in ranked:
        if len(chosen) < limit and candidate not in chosen:
            chosen.append(candidate)
    chosen.sort(key=_rank)
    return chosen


def overall(sections: list[Section]) -> Color:
    colors = [s.color for s in sections]
    if RED in colors:
        return RED
    return AMBER if AMBER in colors or GREY in colors else GREEN
