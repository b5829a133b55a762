"""JSON API: the weekly record: reviews, decisions and drills."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from inhouse.web import writes
from inhouse.web.deps import WS

router = APIRouter()

Json = dict[str, Any]


class ReviewIn(BaseModel):
    week_of: str = Field(description="Monday of the week, YYYY-MM-DD")
    done: str = Field(description="What was done")
    why: str = Field(description="Why those decisions were made")
    next: str = Field(description="What's next")
    attendees: list[str] = []


class DecisionIn(BaseModel):
    title: str
    decided_by: str = Field(description="internal, partner or joint")
    decided_on: str = Field(description="YYYY-MM-DD")
    rationale: str = ""


class DrillIn(BaseModel):
    performed_on: str = Field(description="YYYY-MM-DD")
    person: str
    modification: str
    outcome: str = Field(description="alone, with_help or stuck")
    stuck_points: list[str] = []
    training_hours: float = 0.0


@router.post("/engagements/{ref}/reviews", status_code=201, summary="Add a weekly review")
def add_review(ws: WS, ref: str, body: ReviewIn) -> Json:
    return writes.add_review(ws, ref, body.week_of, body.done, body.why, body.next, body.attendees)


@router.post("/engagements/{ref}/decisions", status_code=201, summary="Record a decision")
def add_decision(ws: WS, ref: str, body: DecisionIn) -> Json:
    return writes.add_decision(ws, ref, body.title, body.decided_by, body.decided_on, body.rationale)


@router.post("/engagements/{ref}/drills", status_code=201, summary="Record a 'can we modify this alone?' drill")
def add_drill(ws: WS, ref: str, body: DrillIn) -> Json:
    return writes.add_drill(
        ws, ref, body.performed_on, body.person, body.modification, body.outcome, body.stuck_points, body.training_hours
    )
