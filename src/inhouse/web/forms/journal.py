"""Form posts for the weekly record: reviews, decisions and drills."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from inhouse.domain.decisions import DecisionIn
from inhouse.domain.drills import DrillIn
from inhouse.domain.reviews import ReviewIn
from inhouse.domain.shapes import validated
from inhouse.services import decisions, drills, reviews
from inhouse.web.deps import WS
from inhouse.web.forms.common import Optional, Text, split_lines, to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/reviews")
def add_review(
    ws: WS, ref: str, week_of: Text, done: Text, why: Text, next: Text, attendees: Optional = ""
) -> RedirectResponse:
    review = validated(ReviewIn, week_of=week_of, done=done, why=why, next=next, attendees=split_lines(attendees))
    added = reviews.add(ws, ref, review)
    return to(f"/engagements/{ref}#review-{added.week_of.isoformat()}")


@router.post("/engagements/{ref}/decisions")
def add_decision(
    ws: WS, ref: str, title: Text, decided_by: Text, decided_on: Text, rationale: Optional = ""
) -> RedirectResponse:
    decision = validated(
        DecisionIn, title=title, decided_by=decided_by or None, decided_on=decided_on, rationale=rationale
    )
    decisions.add(ws, ref, decision)
    return to(f"/engagements/{ref}#decisions")


@router.post("/engagements/{ref}/drills")
def add_drill(
    ws: WS,
    ref: str,
    performed_on: Text,
    person: Text,
    modification: Text,
    outcome: Text,
    stuck_points: Optional = "",
    training_hours: Optional = "",
) -> RedirectResponse:
    """``training_hours`` is the drill's total; blank or 0 asks for the default hours for each stuck point."""
    drill = validated(
        DrillIn,
        performed_on=performed_on,
        person=person,
        modification=modification,
        outcome=outcome,
        stuck_points=[line for line in stuck_points.splitlines() if line.strip()],
        training_hours=training_hours.strip() or None,
    )
    if drill.training_hours == 0:  # the form's 0: the default hours for each stuck point
        drill = drill.model_copy(update={"training_hours": None})
    drills.add(ws, ref, drill)
    return to(f"/engagements/{ref}#drills")
