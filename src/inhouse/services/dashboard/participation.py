"""Participation week by week, the "delegate and wait" alert and the weekly reviews' quality flags.

``participation_in`` gives the engagement page's participation section::

    {"measured", "why", "threshold_weeks", "alert": <participation.alert_in shape>,
     "weeks": [week dicts, newest first], "summary": {...}, "tracking_since"}

``review_quality_in`` gives, per review id, its flags and internal attendees, plus counts.
"""

from __future__ import annotations

from datetime import date

from inhouse.domain.engagements import Engagement
from inhouse.domain.participation import delegate_and_wait, summarise
from inhouse.domain.review_quality import FLAGS
from inhouse.domain.reviews import week_start
from inhouse.services import participation, reviews
from inhouse.store.uow import UnitOfWork

SHOWN_WEEKS = 12
NOT_RECORDED = (
    "no weekly review, decision or tracker task recorded yet: add a weekly review below "
    "(or `inhouse review add`, `inhouse task import`)"
)
FLAG_LABELS = {
    "empty": "empty",
    "boilerplate": "boilerplate",
    "same_as_last_week": "same as last week",
    "no_internal_attendee": "no internal attendee",
}


def participation_in(
    uow: UnitOfWork, engagement: Engagement, today: date, threshold: int, shown: int = SHOWN_WEEKS
) -> dict:
    """The last ``shown`` weeks of participation (newest first) and the alert over all of them."""
    rows = participation.weeks_in(uow, engagement, today)
    if not any(row.any_activity for row in rows):
        return {"measured": False, "why": NOT_RECORDED, "threshold_weeks": threshold}
    alert = delegate_and_wait(rows, threshold, today).to_dict()  # participation.alert_in, on the rows read once
    recent = rows[-shown:]
    weeks = [{**row.to_dict(), "current": row.week_of == week_start(today)} for row in reversed(recent)]
    return {
        "measured": True,
        "threshold_weeks": threshold,
        "alert": alert,
        "tracking_since": rows[0].week_of.isoformat(),
        "weeks": weeks,
        "summary": summarise(recent),
    }


def review_quality_in(uow: UnitOfWork, engagement: Engagement) -> dict:
    """``{"by_review": {id: {"flags", "internal_attendees"}}, "flagged", "by_flag"}``."""
    by_review, by_flag = {}, dict.fromkeys(FLAGS, 0)
    for review, flags, internal in reviews.flagged_in(uow, engagement):
        shown = []
        for flag in flags:
            by_flag[flag.flag] = by_flag.get(flag.flag, 0) + 1
            shown.append({**flag.to_dict(), "label": FLAG_LABELS.get(flag.flag, flag.flag)})
        by_review[review.id] = {"flags": shown, "internal_attendees": list(internal)}
    flagged = sum(1 for item in by_review.values() if item["flags"])
    return {"by_review": by_review, "flagged": flagged, "by_flag": by_flag}


def add_review_quality(timeline: dict, quality: dict) -> None:
    """Put each review's flags and internal attendees on the timeline's reviews, in place."""
    for review in timeline.get("reviews", []):
        found = quality["by_review"].get(review["id"], {})
        review["flags"] = found.get("flags", [])
        review["internal_attendees"] = found.get("internal_attendees", [])
    timeline["flagged"] = quality["flagged"]
    timeline["flag_counts"] = {flag: n for flag, n in quality["by_flag"].items() if n}


def decisions_summary(decisions: list[dict], reviews_by_id: dict[int, str]) -> dict:
    """Who decides: counts by side, the internal-or-joint share; each decision gets its review's week."""
    counts = {"internal": 0, "joint": 0, "partner": 0}
    for decision in decisions:
        counts[decision["decided_by"]] = counts.get(decision["decided_by"], 0) + 1
        decision["review_week"] = reviews_by_id.get(decision.get("review_id"))
    total = sum(counts.values())
    share = round((counts["internal"] + counts["joint"]) / total, 4) if total else None
    return {"total": total, "by_side": counts, "internal_or_joint_share": share}
