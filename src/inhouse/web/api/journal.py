"""JSON API: the weekly record: the journal a partner reads, reviews (added, edited, confirmed),
decisions and drills."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from inhouse.domain.decisions import DecisionIn, DecisionRecord
from inhouse.domain.drills import DrillAdded, DrillIn
from inhouse.domain.reviews import ConfirmationIn, ReviewIn, ReviewRecord
from inhouse.domain.shapes import MAX_ID
from inhouse.services import decisions, drills, journal_view, reviews
from inhouse.services.journal_view import EngagementJournal
from inhouse.web.deps import WS

router = APIRouter()

ReviewId = Annotated[int, Path(ge=1, le=MAX_ID, description="A weekly review's id")]
DecisionId = Annotated[int, Path(ge=1, le=MAX_ID, description="A decision's id")]


@router.get(
    "/engagements/{ref}/journal",
    summary="The weekly record: reviews, decisions, drills and the documentation audit (what a partner reads)",
)
def journal(ws: WS, ref: str) -> EngagementJournal:
    return journal_view.journal(ws, ref)


@router.post("/engagements/{ref}/reviews", status_code=201, summary="Add a weekly review")
def add_review(ws: WS, ref: str, body: ReviewIn) -> ReviewRecord:
    return reviews.add(ws, ref, body)


@router.put(
    "/engagements/{ref}/reviews/{review_id}",
    summary="Edit a weekly review (a partner user: its own, until it is confirmed)",
)
def edit_review(ws: WS, ref: str, review_id: ReviewId, body: ReviewIn) -> ReviewRecord:
    return reviews.edit(ws, ref, review_id, body)


@router.post(
    "/engagements/{ref}/reviews/{review_id}/confirmation",
    summary="Confirm a partner-written weekly review, or comment on it",
)
def confirm_review(ws: WS, ref: str, review_id: ReviewId, body: ConfirmationIn) -> ReviewRecord:
    return reviews.confirm(ws, ref, review_id, body)


@router.post("/engagements/{ref}/decisions", status_code=201, summary="Record a decision")
def add_decision(ws: WS, ref: str, body: DecisionIn) -> DecisionRecord:
    return decisions.add(ws, ref, body)


@router.put(
    "/engagements/{ref}/decisions/{decision_id}",
    summary="Edit a decision (a partner user: one it recorded)",
)
def edit_decision(ws: WS, ref: str, decision_id: DecisionId, body: DecisionIn) -> DecisionRecord:
    return decisions.edit(ws, ref, decision_id, body)


@router.post(
    "/engagements/{ref}/drills",
    status_code=201,
    summary="Record a 'can we modify this alone?' drill",
    description="`training_hours` is the drill's total; `hours_per_stuck_point` instead requests so many hours "
    "for each stuck point; with neither, each stuck point requests the default hours of the settings.",
)
def add_drill(ws: WS, ref: str, body: DrillIn) -> DrillAdded:
    return drills.add(ws, ref, body)
