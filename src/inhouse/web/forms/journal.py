"""Form posts for the weekly record: reviews, decisions and drills."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from inhouse.web import writes
from inhouse.web.deps import WS
from inhouse.web.forms.common import Optional, Text, split_lines, to

router = APIRouter(include_in_schema=False)


@router.post("/engagements/{ref}/reviews")
def add_review(
    ws: WS, ref: str, week_of: Text, done: Text, why: Text, next: Text, attendees: Optional = ""
) -> RedirectResponse:
    review = writes.add_review(ws, ref, week_of, done, why, next, split_lines(attendees))
    return to(f"/engagements/{ref}#review-{review.get('week_of', week_of)}")


@router.post("/engagements/{ref}/decisions")
def add_decision(
    ws: WS, ref: str, title: Text, decided_by: Text, decided_on: Text, rationale: Optional = ""
) -> RedirectResponse:
    writes.add_decision(ws, ref, title, decided_by, decided_on, rationale)
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
    training_hours: Annotated[float, Form()] = 0.0,
) -> RedirectResponse:
    writes.add_drill(
        ws,
        ref,
        performed_on,
        person,
        modification,
        outcome,
        [line for line in stuck_points.splitlines() if line.strip()],
        training_hours,
    )
    return to(f"/engagements/{ref}#drills")
