"""Engagement status: one light per area and the next three actions. Pure rules.

Lights are ``green``, ``amber``, ``red``, or ``grey`` when the area is not measured yet.

- trajectory (latest scan of each repository): the latest period's internal commit share
  against the plan: at or above -> green, up to 10 points below -> amber, further -> red.
- knowledge: the share of files with no internal author if the partner left: up to 10% green,
  up to 50% amber, more red (the exit readiness thresholds); a truck factor of 1 is amber at best.
- contract (latest review): deliverable ownership vendor/absent or no exit clause -> red; any
  other missing or weak clause, or a red flag -> amber; none -> green.
- participation: an ongoing "delegate and wait" alert -> red; fewer than 3 in 4 recent weeks
  with a review or with internal attendance, or under half of the decisions internal or
  joint -> amber; otherwise green.
- drills: the latest stuck -> red, with help -> amber, alone -> green; none in 90 days -> amber.
- exit readiness: blocked -> red, at risk -> amber, ready -> green.

The overall light is red when any area is red, else amber when any is amber or grey, else
green. The next actions: at most one per area first, the most severe first (red, amber, grey),
in the order of ``AREAS``; each points at its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.exit_readiness import AT_RISK, BLOCKED, Evidence, ExitReadiness, StoredResult

GREEN, AMBER, RED, GREY = "green", "amber", "red", "grey"
SEVERITY = {RED: 0, AMBER: 1, GREY: 2, GREEN: 3}
AREAS = ("participation", "knowledge", "contract", "exit_readiness", "drills", "trajectory")
TITLES = {
    "trajectory": "Dependency trajectory",
    "knowledge": "Knowledge at risk",
    "contract": "Contract gaps",
    "participation": "Reviews and participation",
    "drills": "Drills",
    "exit_readiness": "Exit readiness",
}
DRILL_MAX_AGE_DAYS = 90


@dataclass(frozen=True)
class Action:
    area: str
    color: str
    action: str
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"area": self.area, "color": self.color, "action": self.action, "evidence": self.evidence.to_dict()}


@dataclass
class Section:
    area: str
    color: str
    headline: str
    facts: dict[str, Any] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    measured: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "title": TITLES[self.area],
            "color": self.color,
            "measured": self.measured,
            "headline": self.headline,
            "facts": self.facts,
            "actions": [a.to_dict() for a in self.actions],
        }


def worst(colors: list[str]) -> str:
    return min(colors, key=SEVERITY.__getitem__) if colors else GREY


def unmeasured(area: str, how: str) -> Section:
    return Section(
        area,
        GREY,
        f"not measured yet: {how}",
        actions=[Action(area, GREY, how[0].upper() + how[1:], Evidence("none", "not measured yet"))],
        measured=False,
    )


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def trajectory_section(scans: list[StoredResult], planned_now: float | None, how: str) -> Section:
    if not scans:
        return unmeasured("trajectory", how)
    repos, colors, actions = [], [], []
    for scan in scans:
        periods = [
            p
            for p in scan.payload.get("trajectory") or []
            if isinstance(p, dict) and p.get("internal_commit_share") is not None and p.get("commits", 1)
        ]
        if not periods:
            repos.append({"repo": scan.name, "period": None})
            colors.append(GREY)
            continue
        last = periods[-1]
        share = float(last["internal_commit_share"])
        plan = last.get("plan_internal_share")
        plan = float(plan) if plan is not None else planned_now
        gap = None if plan is None else round(share - plan, 4)
        color = GREY if gap is None else GREEN if gap >= 0 else AMBER if gap >= -0.10 else RED
        forecast = scan.payload.get("forecast") or {}
        repos.append(
            {
                "repo": scan.name,
                "period": last.get("period"),
                "internal_share": share,
                "plan": plan,
                "gap": gap,
                "plan_reached_on": forecast.get("reached_on"),
            }
        )
        colors.append(color)
        if color in (RED, AMBER):
            actions.append(
                Action(
                    "trajectory",
                    color,
                    f"Move work inside on {scan.name}: internal share {_pct(share)} against the plan's {_pct(plan)}",
                    Evidence("scan", f"{scan.name}: trajectory {last.get('period')}", scan.result_id),
                )
            )
    color = worst(colors)
    shown = next((r for r, c in zip(repos, colors, strict=False) if c == color and r.get("period")), repos[0])
    headline = (
        "no period with commits yet"
        if not shown.get("period")
        else (
            f"internal share {_pct(shown['internal_share'])} against the plan's {_pct(shown['plan'])} "
            f"({shown['repo']}, {shown['period']})"
            + (
                f"; the plan's final share reached around {shown['plan_reached_on']} at this pace"
                if shown.get("plan_reached_on")
                else ""
            )
        )
    )
    return Section("trajectory", color, headline, {"repos": repos}, actions)


def knowledge_section(scans: list[StoredResult], how: str) -> Section:
    if not scans:
        return unmeasured("knowledge", how)
    repos, colors, actions = [], [], []
    for scan in scans:
        off = scan.payload.get("offboarding") or {}
        share = float(off.get("orphaned_share") or 0.0)
        truck = (scan.payload.get("truck_factor") or {}).get("value")
        color = GREEN if share <= 0.10 else AMBER if share <= 0.50 else RED
        if truck == 1 and color == GREEN:
            color = AMBER
        worst_dir = next((d for d in off.get("by_directory") or [] if d.get("orphaned_files")), None)
        repos.append(
            {
                "repo": scan.name,
                "orphaned_share": share,
                "orphaned_files": off.get("orphaned_files", 0),
                "files": off.get("files", 0),
                "orphaned_lines": off.get("orphaned_lines"),
                "truck_factor": truck,
                "worst": worst_dir.get("path") if worst_dir else None,
            }
        )
        colors.append(color)
        if color != GREEN and worst_dir:
            actions.append(
                Action(
                    "knowledge",
                    color,
                    f"Pair internal people on {worst_dir.get('path') or '.'} "
                    f"in {scan.name}: {worst_dir['orphaned_files']} of {worst_dir.get('files')} "
                    "files have no internal author",
                    Evidence("scan", f"{scan.name}: offboarding {worst_dir.get('path')}", scan.result_id),
                )
            )
    top = max(repos, key=lambda r: r["orphaned_share"])
    headline = (
        f"{_pct(top['orphaned_share'])} of the files of {top['repo']} would have no internal author if "
        f"the partner left"
        + (f"; worst: {top['worst']}" if top["worst"] else "")
        + (f"; truck factor {top['truck_factor']}" if top["truck_factor"] is not None else "")
    )
    return Section("knowledge", worst(colors), headline, {"repos": repos}, actions)


_GOOD = {
    "deliverable_ownership": ("client",),
    "knowledge_transfer": ("present",),
    "source_access": ("during",),
    "maintenance": ("present",),
    "exit": ("full",),
}


def contract_section(contract: StoredResult | None, how: str) -> Section:
    if contract is None:
        return unmeasured("contract", how)
    clauses = contract.payload.get("clauses") or {}
    gaps = []
    for kind, good in _GOOD.items():
        finding = clauses.get(kind) or {}
        status = finding.get("status", "absent")
        if status not in good:
            gaps.append((kind, status))
        elif kind == "knowledge_transfer" and finding.get("hours") is None:
            gaps.append((kind, "present without hours"))
        elif kind == "maintenance" and not finding.get("scope_defined"):
            gaps.append((kind, "present without a defined scope"))
    flags = [f.get("kind") for f in contract.payload.get("red_flags") or [] if isinstance(f, dict)]
    statuses = dict(gaps)
    red = statuses.get("deliverable_ownership") in ("vendor", "absent") or statuses.get("exit") == "absent"
    color = RED if red else AMBER if gaps or flags else GREEN
    recommendations = {r.get("clause"): r for r in contract.payload.get("recommendations") or [] if isinstance(r, dict)}
    actions = []
    order = ("deliverable_ownership", "exit", "source_access", "knowledge_transfer", "maintenance")
    for kind, status in sorted(gaps, key=lambda g: order.index(g[0])):
        problem = (recommendations.get(kind) or {}).get("problem") or f"{kind.replace('_', ' ')} is {status}"
        actions.append(
            Action(
                "contract",
                color,
                f"Renegotiate the {kind.replace('_', ' ')} clause: {problem}",
                Evidence("contract", f"{contract.name}: clauses.{kind}", contract.result_id),
            )
        )
    for flag in flags:
        actions.append(
            Action(
                "contract",
                color,
                f"Remove the {str(flag).replace('_', ' ')} red flag",
                Evidence("contract", f"{contract.name}: red_flags.{flag}", contract.result_id),
            )
        )
    described = [f"{k.replace('_', ' ')} {s.replace('_', ' ')}" for k, s in gaps]
    headline = (
        f"{len(gaps)} clause gaps"
        + (f" ({'; '.join(described)})" if described else "")
        + (f"; red flags: {', '.join(str(f).replace('_', ' ') for f in flags)}" if flags else "")
        + f" (score {contract.payload.get('score', 'n/a')})"
    )
    return Section(
        "contract",
        color,
        headline,
        {"file": contract.name, "gaps": dict(gaps), "red_flags": flags, "score": contract.payload.get("score")},
        actions,
    )


def participation_section(alert: dict | None, summary: dict | None, last_review: date | None, today: date) -> Section:
    """From the participation service's alert and summary of recent weeks."""
    if alert is None or summary is None:
        return unmeasured("participation", "record weekly reviews (`inhouse review add`)")
    weeks = summary.get("weeks") or 0
    reviewed = summary.get("weeks_with_review", 0)
    attended = summary.get("weeks_with_internal_attendance", 0)
    decided = summary.get("decisions_internal_or_joint_share")
    facts = {
        "last_review": last_review.isoformat() if last_review else None,
        "weeks": weeks,
        "weeks_with_review": reviewed,
        "weeks_with_internal_attendance": attended,
        "decisions_internal_or_joint_share": decided,
        "alert": alert.get("message"),
    }
    ago = (today - last_review).days // 7 if last_review else 0
    since = (
        f"last review {last_review.isoformat()} ({ago} week{'' if ago == 1 else 's'} ago)"
        if last_review
        else "no review recorded"
    )
    headline = f"{since}; {reviewed}/{weeks} weeks reviewed, {attended}/{weeks} with internal attendance" + (
        f", {_pct(decided)} of decisions internal or joint" if decided is not None else ""
    )
    evidence = Evidence("reviews", f"weekly reviews up to {facts['last_review'] or 'none'}")
    if alert.get("active"):
        return Section(
            "participation",
            RED,
            f"delegate and wait: {alert.get('message')}; {headline}",
            facts,
            [
                Action(
                    "participation",
                    RED,
                    f"Hold the weekly review with an internal participant ({alert.get('message')})",
                    evidence,
                )
            ],
        )
    weak = []
    if weeks and reviewed / weeks < 0.75:
        weak.append("Hold the weekly review every week")
    if weeks and attended / weeks < 0.75:
        weak.append("Bring an internal person to every weekly review")
    if decided is not None and decided < 0.5:
        weak.append("Share in the decisions: most are taken by the partner alone")
    actions = [Action("participation", AMBER, text, evidence) for text in weak]
    return Section("participation", AMBER if weak else GREEN, headline, facts, actions)


def drills_section(drills: list[Drill], requested_hours: float, today: date) -> Section:
    if not drills:
        return unmeasured("drills", 'run a "can we modify this alone?" drill (`inhouse drill add`)')
    last = max(drills, key=lambda d: (d.performed_on, d.id or 0))
    color = {DrillOutcome.ALONE: GREEN, DrillOutcome.WITH_HELP: AMBER}.get(last.outcome, RED)
    age = (today - last.performed_on).days
    outcomes = {o.value: sum(1 for d in drills if d.outcome is o) for o in DrillOutcome}
    facts = {
        "drills": len(drills),
        "outcomes": outcomes,
        "latest": last.performed_on.isoformat(),
        "latest_outcome": last.outcome.value,
        "stuck_points": list(last.stuck_points),
        "training_hours_requested": requested_hours,
    }
    evidence = Evidence("drill", f"drill on {last.performed_on} by {last.person}", record_id=last.id)
    actions = []
    if last.stuck_points and color != GREEN:
        actions.append(
            Action(
                "drills",
                color,
                f"Train {last.person} where the drill got stuck ({last.stuck_points[0]}) and repeat it without help",
                evidence,
            )
        )
    if age > DRILL_MAX_AGE_DAYS:
        color = AMBER if color == GREEN else color
        actions.append(Action("drills", color, f"Run a new drill: the last one was {age} days ago", evidence))
    headline = (
        f"{len(drills)} drills; latest {last.performed_on} by {last.person}: "
        f"{last.outcome.value.replace('_', ' ')}"
        + (f" (stuck on {'; '.join(last.stuck_points)})" if last.stuck_points else "")
        + f"; {requested_hours:g} h of training requested"
    )
    return Section("drills", color, headline, facts, actions)


def exit_section(readiness: ExitReadiness) -> Section:
    color = {BLOCKED: RED, AT_RISK: AMBER}.get(readiness.status, GREEN)
    actions = []  # the areas without a section of their own: documentation and inventory
    for state in (BLOCKED, AT_RISK):
        for item in readiness.items:
            if item.status == state and item.area in ("documentation", "inventory") and item.action:
                urgency = GREY if not item.measured else RED if state == BLOCKED else AMBER
                actions.append(Action("exit_readiness", urgency, item.action, item.evidence))
    return Section(
        "exit_readiness",
        color,
        readiness.summary(),
        {"status": readiness.status, "counts": readiness.counts()},
        actions,
    )


def next_actions(sections: list[Section], limit: int = 3) -> list[Action]:
    """The most severe actions, at most one per area until every area had its turn."""
    by_area = {s.area: s for s in sections}
    ranked = sorted(
        (a for s in sections for a in s.actions),
        key=lambda a: (SEVERITY[a.color], AREAS.index(a.area) if a.area in AREAS else 99),
    )
    chosen: list[Action] = []
    for action in ranked:
        if len(chosen) < limit and all(c.area != action.area for c in chosen):
            chosen.append(action)
    for action in ranked:
        if len(chosen) < limit and action not in chosen:
            chosen.append(action)
    chosen.sort(key=lambda a: (SEVERITY[a.color], AREAS.index(a.area) if a.area in by_area else 99))
    return chosen


def overall(sections: list[Section]) -> str:
    colors = [s.color for s in sections]
    if RED in colors:
        return RED
    return AMBER if AMBER in colors or GREY in colors else GREEN
