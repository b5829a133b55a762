"""Form posts for the weekly record: reviews (added, edited, confirmed), decisions and drills.

A partner user's posts return to its home page (``/``); everyone else's to the engagement page."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from inhouse.domain.decisions import DecisionIn
from inhouse.domain.drills import DrillIn
from inhouse.domain.reviews import ConfirmationIn, ReviewIn
from inhouse.domain.shapes import validated
from inhouse.services import decisions, drills, reviews
from inhouse.web.access import principal_of
from inhouse.web.api.journal import DecisionId, ReviewId
from inhouse.web.deps import WS
from inhouse.web.forms.common import Optional, Text, split_lines, to

router = APIRouter(include_in_schema=False)
NOTE_CHARS = 200
"""The note a partner user's home shows after a post is cut to this length (the page takes 300)."""


def back(request: Request, ref: str, anchor: str, note: str = "") -> RedirectResponse:
    """To the partner user's home (with ``note``), or to the engagement page at ``anchor``."""
    principal = principal_of(request)
    if principal is not None and principal.is_partner:
        short = note if len(note) <= NOTE_CHARS else note[: NOTE_CHARS - 3] + "..."
        return to(f"/?note={quote(short)}#{anchor}" if note else f"/#{anchor}")
    return to(f"/engagements/{quote(ref)}#{anchor}")


def _review(week_of: str, done: str, why: str, next: str, attendees: str) -> ReviewIn:
    return validated(ReviewIn, week_of=week_of, done=done, why=why, next=next, attendees=split_lines(attendees))


@router.post("/engagements/{ref}/reviews")
def add_review(
    request: Request, ws: WS, ref: str, week_of: Text, done: Text, why: Text, next: Text, attendees: Optional = ""
) -> RedirectResponse:
    added = reviews.add(ws, ref, _review(week_of, done, why, next, attendees))
    note = f"review of the week of {added.week_of} saved" + (
        ": it waits for the client's confirmation" if added.awaiting_confirmation else ""
    )
    return back(request, ref, f"review-{added.week_of.isoformat()}", note)


@router.post("/engagements/{ref}/reviews/{review_id}")
def edit_review(
    request: Request,
    ws: WS,
    ref: str,
    review_id: ReviewId,
    week_of: Text,
    done: Text,
    why: Text,
    next: Text,
    attendees: Optional = "",
) -> RedirectResponse:
    edited = reviews.edit(ws, ref, review_id, _review(week_of, done, why, next, attendees))
    return back(request, ref, f"review-{edited.week_of.isoformat()}", f"review of the week of {edited.week_of} saved")


@router.post("/engagements/{ref}/reviews/{review_id}/confirmation")
def confirm_review(
    request: Request, ws: WS, ref: str, review_id: ReviewId, action: Optional = "confirm", note: Optional = ""
) -> RedirectResponse:
    answer = validated(ConfirmationIn, action=action or "confirm", note=note)
    done = reviews.confirm(ws, ref, review_id, answer)
    return back(request, ref, f"review-{done.week_of.isoformat()}")


def _decision(title: str, decided_by: str, decided_on: str, rationale: str) -> DecisionIn:
    return validated(DecisionIn, title=title, decided_by=decided_by or None, decided_on=decided_on, rationale=rationale)


@router.post("/engagements/{ref}/decisions")
def add_decision(
    request: Request, ws: WS, ref: str, title: Text, decided_by: Text, decided_on: Text, rationale: Optional = ""
) -> RedirectResponse:
    added = decisions.add(ws, ref, _decision(title, decided_by, decided_on, rationale))
    return back(request, ref, "decisions", f"decision {added.title!r} recorded")


@router.post("/engagements/{ref}/decisions/{decision_id}")
def edit_decision(
    request: Request,
    ws: WS,
    ref: str,
    decision_id: DecisionId,
    title: Text,
    decided_by: Text,
    decided_on: Text,
    rationale: Optional = "",
) -> RedirectResponse:
    edited = decisions.edit(ws, ref, decision_id, _decision(title, decided_by, decided_on, rationale))
    return back(request, ref, f"decision-{edited.id}", f"decision {edited.title!r} saved")


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
