"""Participation math, the "delegate and wait" alert, and drills turned into training hours."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.domain.common import Side
from inhouse.domain.drills import (
    Drill,
    DrillIn,
    DrillOutcome,
    total_training_hours,
    training_comparison,
    training_requests,
)
from inhouse.domain.participation import Task, delegate_and_wait, summarise, tracking_start, weekly_participation
from inhouse.domain.reviews import DecidedBy, Decision, WeeklyReview
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput

SIDES = {"Ann": Side.INTERNAL, "Bo": Side.INTERNAL, "Pat": Side.PARTNER}
MON = date(2026, 1, 5)


def _week(n: int) -> date:
    return MON + timedelta(days=7 * n)


def _review(n, attendees=("Ann", "Pat")):
    return WeeklyReview(1, _week(n), "done", "why", "next", list(attendees))


def _decision(day, by):
    return Decision(1, "d", by, day)


def _task(day, who):
    return Task(1, f"T-{day}-{who}", "t", day, assignee=who)


def _rows(reviews=(), decisions=(), tasks=(), weeks=6):
    return weekly_participation(MON, _week(weeks - 1), reviews, decisions, tasks, SIDES.get)


def test_participation_per_week():
    rows = _rows(
        reviews=[_review(0), _review(1, ["Pat"])],
        decisions=[
            _decision(_week(0) + timedelta(days=2), DecidedBy.JOINT),
            _decision(_week(0) + timedelta(days=3), DecidedBy.PARTNER),
            _decision(_week(1), DecidedBy.INTERNAL),
        ],
        tasks=[
            _task(_week(1) + timedelta(days=6), "Bo"),
            _task(_week(1), "Pat"),
            _task(_week(1), ""),
            _task(_week(1), "Stranger"),
            _task(_week(9), "Ann"),
        ],  # week 9 is outside the window
    )
    first, second = rows[0].model_dump(mode="json"), rows[1].model_dump(mode="json")
    assert first["internal_attendees"] == ["Ann"] and first["attendees"] == 2
    assert first["decisions"] == {"internal": 0, "partner": 1, "joint": 1, "total": 2, "internal_or_joint_share": 0.5}
    assert second["internal_attendees"] == []
    assert second["tasks"] == {"internal": 1, "partner": 1, "unknown": 2, "total": 4, "internal_share": 0.25}
    assert second["internal_participation"] is True  # no internal attendee, but an internal decision and task
    assert rows[2].model_dump()["decisions"]["internal_or_joint_share"] is None and len(rows) == 6
    summary = summarise(rows).model_dump()
    assert summary["weeks_with_review"] == 2 and summary["weeks_with_internal_attendance"] == 1
    assert summary["decisions_internal_or_joint_share"] == round(2 / 3, 4)
    assert summary["tasks_internal_share"] == 0.25 and summary["weeks_with_internal_participation"] == 2


def test_tracking_starts_at_the_first_record_or_the_engagement_start():
    assert tracking_start(date(2025, 6, 4), [], [], []) == date(2025, 6, 2)
    assert tracking_start(date(2025, 6, 4), [_review(2)], [], [_task(_week(1) + timedelta(days=3), "Ann")]) == _week(1)


def _alert(rows, threshold=2, today=None):
    return [(p.kind, p.start, p.weeks, p.ongoing) for p in delegate_and_wait(rows, threshold, today).periods]


def test_alert_on_runs_of_weeks_without_a_review_or_internal_participation():
    reviews = [_review(0), _review(1, ["Pat"]), _review(2, ["Pat"]), _review(5)]
    rows = _rows(reviews=reviews, tasks=[_task(_week(3), "Pat")])
    assert _alert(rows) == [
        ("no_internal_participation", _week(1), 4, False),  # weeks 1-4: partner only, or nothing
        ("no_review", _week(3), 2, False),
    ]
    assert _alert(rows, threshold=3) == [("no_internal_participation", _week(1), 4, False)]
    assert _alert(rows, threshold=5) == []
    internal_task = _rows(reviews=reviews, tasks=[_task(_week(3), "Ann")])
    assert _alert(internal_task) == [
        ("no_internal_participation", _week(1), 2, False),
        ("no_review", _week(3), 2, False),
    ]


def test_an_ongoing_alert_and_the_unfinished_current_week():
    rows = _rows(reviews=[_review(0), _review(1)], weeks=4)  # weeks 2 and 3 without anything
    assert _alert(rows, today=_week(5)) == [
        ("no_review", _week(2), 2, True),
        ("no_internal_participation", _week(2), 2, True),
    ]
    alert = delegate_and_wait(rows, 2, _week(5)).model_dump(mode="json")
    assert alert["active"] and alert["message"].startswith("no weekly review for 2 weeks (since 2026-01-19)")
    # on Wednesday of week 3 that week is not over: only week 2 counts, below the threshold
    assert _alert(rows, today=_week(3) + timedelta(days=2)) == []
    assert delegate_and_wait(rows, 1, _week(3)).model_dump(mode="json")["current"][0] == {
        "kind": "no_review",
        "from": "2026-01-19",
        "to": "2026-01-19",
        "weeks": 1,
        "ongoing": True,
        "reviews": 0,
    }


def test_a_new_engagement_with_no_record_alerts_after_n_weeks():
    start = date(2026, 1, 7)
    rows = weekly_participation(tracking_start(start, [], [], []), date(2026, 1, 28), [], [], [], SIDES.get)
    assert _alert(rows, today=date(2026, 1, 28)) == [
        ("no_review", MON, 3, True),
        ("no_internal_participation", MON, 3, True),
    ]
    with pytest.raises(InvalidInput, match="at least 1 week"):
        delegate_and_wait(rows, 0)


def test_stuck_points_become_training_requests():
    drills = [
        Drill(1, date(2026, 6, 24), "Ann", "add a holiday", DrillOutcome.ALONE),
        Drill(1, date(2026, 9, 9), "Bo", "raise the cache TTL", DrillOutcome.WITH_HELP, ["terraform state"], 4.0, id=2),
        Drill(
            1,
            date(2026, 11, 4),
            "Ann",
            "roll back a model",
            DrillOutcome.STUCK,
            ["model registry", "CI credentials"],
            10.0,
            id=3,
        ),
    ]
    requests = training_requests(drills)
    assert [(r.topic, r.hours, r.drill_id) for r in requests] == [
        ("terraform state", 4.0, 2),
        ("model registry", 5.0, 3),
        ("CI credentials", 5.0, 3),
    ]
    assert total_training_hours(drills) == 14.0
    covered = training_comparison(drills, 16, "msa.pdf").model_dump(mode="json")
    assert {k: v for k, v in covered.items() if k != "requests"} == {
        "requested_hours": 14.0,
        "contract_hours": 16,
        "shortfall_hours": 0.0,
        "status": "covered",
        "contract": "msa.pdf",
    }
    assert list(covered) == ["requests", "requested_hours", "contract_hours", "shortfall_hours", "status", "contract"]
    assert training_comparison(drills, 8.0).shortfall_hours == 6.0
    assert training_comparison(drills, None).status == "unknown"


DRILL = {"performed_on": "2026-01-01", "person": "Ann", "modification": "change"}


@pytest.mark.parametrize(
    "values,message",
    [
        ({"outcome": "stuck"}, "stuck_points must name at least one point when the outcome is stuck"),
        ({"outcome": "alone", "stuck_points": ["deploy"]}, "stuck_points must be empty when the outcome is alone"),
        ({"outcome": "maybe"}, "outcome must be one of 'alone', 'with_help' or 'stuck'"),
        (
            {"outcome": "stuck", "stuck_points": ["x"], "training_hours": 1, "hours_per_stuck_point": 1},
            "hours_per_stuck_point must not be given with training_hours",
        ),
        ({"outcome": "with_help", "training_hours": float("inf")}, "training_hours must be a finite number ≥ 0"),
        ({"outcome": "with_help", "training_hours": float("nan")}, "training_hours must be a finite number ≥ 0"),
        ({"outcome": "with_help", "training_hours": -1}, "training_hours must be a finite number ≥ 0"),
        ({"outcome": "alone", "performed_on": "2099-01-01"}, "performed_on must not be in the future"),
        ({"outcome": "alone", "performed_on": "1969-12-31"}, "performed_on must not be before 1970-01-01"),
        ({"outcome": "alone", "person": "   "}, "person must not be blank"),
        ({"outcome": "alone", "modification": "x" * 100_000}, "modification must be at most 200 characters"),
    ],
)
def test_drill_rules(values, message):
    with pytest.raises(InvalidInput) as caught:
        validated(DrillIn, {**DRILL, **values})
    assert message in caught.value.message and "--" not in caught.value.message


def test_a_drill_requests_its_total_or_hours_per_stuck_point():
    points = {**DRILL, "outcome": "stuck", "stuck_points": ["a", "b", "c"]}
    assert validated(DrillIn, points, training_hours=1).total_hours(4.0) == 1.0  # the drill's total
    assert validated(DrillIn, points, hours_per_stuck_point=1).total_hours(4.0) == 3.0
    assert validated(DrillIn, points).total_hours(4.0) == 12.0  # the default for each stuck point
