"""JSON API: the weekly record: reviews, decisions and drills."""

from __future__ import annotations

from fastapi import APIRouter

from inhouse.domain.decisions import DecisionIn, DecisionRecord
from inhouse.domain.drills import DrillAdded, DrillIn
from inhouse.domain.reviews import ReviewIn, ReviewRecord
from inhouse.services import decisions, drills, reviews
from inhouse.web.deps import WS

router = APIRouter()


@router.post("/engagements/{ref}/reviews", status_code=201, summary="Add a weekly review")
def add_review(ws: WS, ref: str, body: ReviewIn) -> ReviewRecord:
    return reviews.add(ws, ref, body)


@router.post("/engagements/{ref}/decisions", status_code=201, summary="Record a decision")
def add_decision(ws: WS, ref: str, body: DecisionIn) -> DecisionRecord:
    return decisions.add(ws, ref, body)


@router.post(
    "/engagements/{ref}/drills",
    status_code=201,
    summary="Record a 'can we modify this alone?' drill",
    description="`training_hours` is the drill's total; `hours_per_stuck_point` instead requests so many hours "
    "for each stuck point; with neither, each stuck point requests the default hours of the settings.",
)
def add_drill(ws: WS, ref: str, body: DrillIn) -> DrillAdded:
    return drills.add(ws, ref, body)
