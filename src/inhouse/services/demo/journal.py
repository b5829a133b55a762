"""The demo's weekly record: reviews, decisions, drills and a Jira export of tasks, written deterministically.

The record shows each review quality flag (an empty section, boilerplate, a section copied from last
week, weeks without an internal attendee) and a "delegate and wait" period: three weeks of August
with no review and, the internal team being on holiday, no internal task either.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from inhouse.domain.drills import Drill, DrillOutcome
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

INTERNAL = ["Dana Okafor", "Tomás Ribeiro", "Priya Raman"]
PARTNER = ["Lukas Brandt", "Mei Chen", "Arjun Patel"]

WORK = [
    (
        "Added carrier reliability features to the lane model",
        "carrier history explained most of the large errors",
        "Backtest the carrier features on the Midlands lanes",
    ),
    (
        "Moved nightly training to the managed pipeline",
        "manual runs were missed twice in March",
        "Add alerting when the nightly run fails",
    ),
    (
        "Quantile model now serves P50 and P90 arrival times",
        "dispatchers asked for a range, not a point",
        "Show the P90 in the dispatcher screen",
    ),
    (
        "Cached lane features in the serving layer",
        "p95 latency was 480 ms against a 200 ms target",
        "Load-test the cache at peak volume",
    ),
    (
        "Drift monitor on weather features",
        "the February storms shifted the feature distribution",
        "Decide the retraining trigger with Meridian's team",
    ),
    (
        "Backfilled 18 months of carrier status messages",
        "the model needs seasonality from last winter",
        "Validate backfill quality against the EDI archive",
    ),
    (
        "Priya paired with Mei on the retraining job",
        "the internal team must be able to run retraining alone",
        "Priya runs next week's retraining, Mei only reviews",
    ),
    (
        "Wrote the first draft of the operations guide",
        "on-call at Meridian needs a runbook before go-live",
        "Add the troubleshooting section for stale features",
    ),
    (
        "Terraform for the serving cluster reviewed with Tomás",
        "infrastructure was only understood by Quantia",
        "Tomás applies the next infrastructure change himself",
    ),
    (
        "Evaluated holiday calendar features",
        "bank-holiday weeks had the worst errors",
        "Ship the calendar features behind a flag",
    ),
    (
        "Fixed the timezone bug in depot dwell times",
        "dwell times were off by one hour in summer",
        "Add a regression test for daylight-saving changes",
    ),
    (
        "Tuned the alert thresholds with customer service",
        "too many alerts were ignored",
        "Review alert volume after two weeks",
    ),
]


def reviews(engagement_id: int) -> list[WeeklyReview]:
    """About forty weekly reviews from January to November 2026, with realistic gaps and lapses."""
    rng = random.Random(11)
    week = date(2026, 1, 5)
    out: list[WeeklyReview] = []
    index = 0
    while week <= date(2026, 11, 16):
        skipped = week in (date(2026, 4, 6), date(2026, 8, 10), date(2026, 8, 17), date(2026, 8, 24))
        if not skipped and rng.random() > 0.04:
            done, why, nxt = WORK[index % len(WORK)]
            index += 1
            attendees = ["Lukas Brandt", rng.choice(PARTNER[1:])]
            if week >= date(2026, 1, 12) or rng.random() < 0.5:
                attendees += rng.sample(INTERNAL[:2] + (["Priya Raman"] if week >= date(2026, 1, 12) else []), 2)
            if week in (date(2026, 5, 18), date(2026, 7, 6)):
                attendees = ["Lukas Brandt", "Mei Chen"]  # the internal team missed these
            if week == date(2026, 6, 1):
                why = "n/a"
            if week == date(2026, 3, 2):
                why = ""  # nobody wrote down why
            if week == date(2026, 10, 26):
                done = "Various updates"
            if week == date(2026, 9, 14) and out:
                nxt = out[-1].next  # copied from last week
            out.append(
                WeeklyReview(
                    engagement_id=engagement_id,
                    week_of=week,
                    done=done,
                    why=why,
                    next=nxt,
                    attendees=sorted(set(attendees)),
                )
            )
        week += timedelta(days=7)
    return out


def decisions(engagement_id: int, review_ids: dict[date, int]) -> list[Decision]:
    def on(day: date) -> int | None:
        monday = day - timedelta(days=day.weekday())
        return review_ids.get(monday)

    rows = [
        (
            "Use gradient-boosted quantile models rather than deep sequence models",
            DecidedBy.JOINT,
            date(2026, 1, 14),
            "Comparable accuracy on the pilot lanes, far easier for the internal team to run.",
            ["Dana Okafor", "Mei Chen"],
        ),
        (
            "Host serving on Meridian's own cloud account",
            DecidedBy.INTERNAL,
            date(2026, 2, 11),
            "Exit readiness: the client must hold the infrastructure and the credentials.",
            ["Dana Okafor"],
        ),
        (
            "Adopt Quantia's feature-store accelerator",
            DecidedBy.PARTNER,
            date(2026, 3, 18),
            "Faster delivery; licensing of the accelerator to be clarified (Background IP).",
            ["Lukas Brandt"],
        ),
        (
            "Retrain nightly, promote weekly after a backtest",
            DecidedBy.JOINT,
            date(2026, 5, 6),
            "Balances freshness against the risk of promoting a bad model.",
            ["Priya Raman", "Mei Chen"],
        ),
        (
            "Page Meridian on-call first, Quantia second",
            DecidedBy.INTERNAL,
            date(2026, 9, 2),
            "The internal team owns operations from October.",
            ["Dana Okafor", "Tomás Ribeiro"],
        ),
        (
            "Keep the EDI integration out of Quantia's scope",
            DecidedBy.INTERNAL,
            date(2026, 10, 7),
            "Quantia stated EDI is not their specialty; Meridian's integration team owns it.",
            ["Dana Okafor"],
        ),
    ]
    return [
        Decision(
            engagement_id=engagement_id,
            title=t,
            decided_by=by,
            decided_on=d,
            rationale=r,
            review_id=on(d),
            deciders=who,
        )
        for t, by, d, r, who in rows
    ]


def drills(engagement_id: int) -> list[Drill]:
    return [
        Drill(
            engagement_id=engagement_id,
            performed_on=date(2026, 6, 24),
            person="Priya Raman",
            modification="Add a new holiday to the calendar features and retrain",
            outcome=DrillOutcome.ALONE,
        ),
        Drill(
            engagement_id=engagement_id,
            performed_on=date(2026, 9, 9),
            person="Tomás Ribeiro",
            modification="Raise the serving cache TTL and redeploy",
            outcome=DrillOutcome.WITH_HELP,
            stuck_points=["Terraform state lives in Quantia's backend"],
            training_hours=4.0,
        ),
        Drill(
            engagement_id=engagement_id,
            performed_on=date(2026, 11, 4),
            person="Dana Okafor",
            modification="Change the drift alert threshold and roll back a model",
            outcome=DrillOutcome.STUCK,
            stuck_points=["Model registry promotion is undocumented", "Rollback needs Quantia's CI credentials"],
            training_hours=8.0,
        ),
    ]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_JIRA_HEADER = [
    "Summary",
    "Issue key",
    "Issue id",
    "Issue Type",
    "Status",
    "Project key",
    "Project name",
    "Priority",
    "Resolution",
    "Assignee",
    "Reporter",
    "Creator",
    "Created",
    "Updated",
    "Last Viewed",
    "Resolved",
    "Labels",
    "Labels",
    "Sprint",
    "Sprint",
]
_TASKS = [
    "Backtest lane model",
    "Fix feature join",
    "Update retraining DAG",
    "Review drift dashboard",
    "Tune serving cache",
    "Write runbook section",
    "Add data quality check",
    "Rotate service credentials",
    "Profile batch scoring",
    "Label holiday weeks",
    "Clean EDI parser",
    "Upgrade model registry client",
]


def _jira_time(day: date, hour: int) -> str:
    """Jira's export format: ``09/Mar/26 2:15 PM``."""
    clock = f"{(hour - 1) % 12 + 1}:15 {'AM' if hour < 12 else 'PM'}"
    return f"{day.day:02d}/{_MONTHS[day.month - 1]}/{day.year % 100:02d} {clock}"


def jira_export() -> str:
    """A Jira "Export Excel CSV (all fields)" of the engagement's board, January to November 2026.

    The internal share of the tasks grows over the year; in August the internal team is on holiday.
    """
    rng = random.Random(23)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_JIRA_HEADER)
    week, number = date(2026, 1, 5), 100
    while week <= date(2026, 11, 16):
        holiday = date(2026, 8, 10) <= week <= date(2026, 8, 24)
        internal_odds = 0.2 + 0.5 * (week - date(2026, 1, 5)).days / 320
        for _ in range(rng.randint(2, 4)):
            number += 1
            internal = not holiday and rng.random() < internal_odds
            assignee = rng.choice(INTERNAL if internal else PARTNER)
            if number == 117:
                assignee = ""  # an unassigned ticket
            created = week - timedelta(days=rng.randint(3, 20))
            resolved = week + timedelta(days=rng.randint(0, 4))
            done = resolved <= date(2026, 11, 18)
            writer.writerow(
                [
                    rng.choice(_TASKS),
                    f"ETA-{number}",
                    str(10000 + number),
                    rng.choice(["Task", "Story", "Bug"]),
                    "Done" if done else "In Progress",
                    "ETA",
                    "ETA prediction",
                    rng.choice(["Medium", "High", "Low"]),
                    "Done" if done else "",
                    assignee,
                    "Lukas Brandt",
                    "Lukas Brandt",
                    _jira_time(created, 10),
                    _jira_time(resolved, 16),
                    _jira_time(resolved, 17),
                    _jira_time(resolved, 15) if done else "",
                    "eta",
                    rng.choice(["ml", "ops", "data"]),
                    f"ETA Sprint {week.isocalendar()[1] // 2}",
                    "",
                ]
            )
        week += timedelta(days=7)
    return out.getvalue()


def import_tasks(context: DemoContext) -> str:
    """Demo step: write the Jira export into the demo folder and import it as a user would."""
    from inhouse.domain.shapes import Upload
    from inhouse.services import participation

    folder = context.folder / "tracker"
    folder.mkdir(exist_ok=True)
    path = folder / "jira-export.csv"
    path.write_text(jira_export(), encoding="utf-8")
    export = Upload(name=path.name, content=path.read_bytes())
    result = participation.import_tasks(context.ws, str(context.engagement_id), export, "jira")
    return f"imported {result.tasks} Jira tasks ({result.internal} by internal people) from {path.name}"
