"""Weekly reviews: recorded from their three sections or a Markdown note, imported from a set of
notes, listed with their quality flags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from inhouse.analysis.journal.notes import ReviewNote, parse_review_note
from inhouse.analysis.journal.text import decode
from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor, Role
from inhouse.domain.edits import ReviewPatch, merged
from inhouse.domain.engagements import Engagement
from inhouse.domain.review_quality import ReviewFlag, review_flags
from inhouse.domain.reviews import (
    ConfirmationIn,
    ReviewImport,
    ReviewIn,
    ReviewRecord,
    WeeklyReview,
    WrittenBy,
    parse_week,
    week_start,
)
from inhouse.domain.roster import Roster, split_names
from inhouse.domain.shapes import MAX_ID, Upload, validated
from inhouse.errors import Conflict, Forbidden, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def flagged_in(
    uow: UnitOfWork,
    engagement: Engagement,
    roster: Roster | None = None,
) -> list[tuple[WeeklyReview, list[ReviewFlag], list[str]]]:
    """Every review of ``engagement`` in week order with its flags and its internal attendees."""
    roster = roster or lookup.roster(uow, engagement)
    out: list[tuple[WeeklyReview, list[ReviewFlag], list[str]]] = []
    previous = None
    for review in uow.reviews.list(engagement.stored_id):
        internal = roster.internal(review.attendees)
        out.append((review, review_flags(review, previous, internal), internal))
        previous = review
    return out


def records_in(
    uow: UnitOfWork, engagement: Engagement, weeks: set[date] | None = None, roster: Roster | None = None
) -> list[ReviewRecord]:
    """The reviews of ``engagement`` (of ``weeks`` only, when given) in week order, with their flags
    (``roster``: the engagement's, when the caller has read it)."""
    titles: dict[int, list[str]] = {}
    for decision in uow.decisions.list(engagement.stored_id):
        if decision.review_id is not None:
            titles.setdefault(decision.review_id, []).append(decision.title)
    return [
        ReviewRecord(
            id=_review_id(review),
            engagement=engagement.name,
            week_of=review.week_of,
            done=review.done,
            why=review.why,
            next=review.next,
            attendees=list(review.attendees),
            internal_attendees=list(internal),
            decisions=titles.get(_review_id(review), []),
            flags=flags,
            written_by=review.written_by,
            author=review.author,
            author_user_id=review.author_user_id,
            confirmed_by=review.confirmed_by,
            confirmed_on=review.confirmed_on,
            confirmation_note=review.confirmation_note,
        )
        for review, flags, internal in flagged_in(uow, engagement, roster)
        if weeks is None or review.week_of in weeks
    ]


def _review_id(review: WeeklyReview) -> int:
    assert review.id is not None  # read from the store
    return review.id


def _check_week(engagement: Engagement, week: date, today: date, source: str = "") -> None:
    prefix = f"{source}: " if source else ""
    if week < week_start(engagement.start_date):
        raise InvalidInput(f"{prefix}week {week} is before the engagement's start {engagement.start_date}")
    if week > week_start(today):
        raise InvalidInput(f"{prefix}week {week} is in the future")


def _store(uow: UnitOfWork, review: WeeklyReview, source: str = "") -> str:
    existing = uow.reviews.for_week(review.engagement_id, review.week_of)
    if existing is not None:
        if existing.same_content(review):
            return "unchanged"
        prefix = f"{source}: " if source else ""
        raise Conflict(f"{prefix}the week of {review.week_of} already has a different review")
    stored = uow.reviews.add(review)
    uow.decisions.link_week(review.engagement_id, review.week_of, _review_id(stored))
    return "added"


def authorship(uow: UnitOfWork, actor: Actor) -> tuple[WrittenBy, str, int | None]:
    """Who writes as ``actor``: a partner user writes ``partner`` (to be confirmed), anyone else
    ``internal``; the author is the account's name, or the operator's (or job's) label."""
    account = uow.users.get(actor.user_id) if actor.user_id is not None else None
    name = account.name if account is not None else actor.label
    written_by: WrittenBy = "partner" if actor.role is Role.PARTNER else "internal"
    return written_by, name, account.id if account is not None else None


def is_partner(actor: Actor) -> bool:
    return actor.role is Role.PARTNER


def _weekly(uow: UnitOfWork, actor: Actor, engagement: Engagement, review: ReviewIn) -> WeeklyReview:
    """The review to store for ``engagement`` (attendees one name each), written by ``actor``."""
    written_by, author, author_user_id = authorship(uow, actor)
    return WeeklyReview(
        engagement_id=engagement.stored_id,
        week_of=review.week_of,
        done=review.done,
        why=review.why,
        next=review.next,
        attendees=split_names(review.attendees),
        written_by=written_by,
        author=author,
        author_user_id=author_user_id,
    )


def add(ws: Workspace, engagement: str | None, review: ReviewIn, today: date | None = None) -> ReviewRecord:
    """Record one weekly review of ``engagement`` (its week is the Monday of ``review.week_of``); a
    partner user's review is partner-written and waits for an internal participant's confirmation."""
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        _check_week(found, review.week_of, today)
        if _store(uow, _weekly(uow, ws.actor, found, review)) == "unchanged":
            raise Conflict(f"the week of {review.week_of} already has this review")
        uow.commit()
        return records_in(uow, found, {review.week_of})[0]


def _stored_review(uow: UnitOfWork, engagement: Engagement, review_id: int) -> WeeklyReview:
    stored = uow.reviews.get(review_id) if 1 <= review_id <= MAX_ID else None
    if stored is None or stored.engagement_id != engagement.stored_id:
        raise NotFound(f"no weekly review {review_id} in {engagement.name}")
    return stored


def _record(uow: UnitOfWork, engagement: Engagement, review_id: int) -> ReviewRecord:
    return next(r for r in records_in(uow, engagement) if r.id == review_id)


def _editable(uow: UnitOfWork, actor: Actor, engagement: Engagement, review_id: int) -> WeeklyReview:
    """The stored review ``actor`` may edit: a partner user's own, until it is confirmed."""
    stored = _stored_review(uow, engagement, review_id)
    if is_partner(actor):
        if stored.author_user_id is None or stored.author_user_id != actor.user_id:
            raise NotFound(f"no weekly review {review_id} in {engagement.name}")
        if stored.confirmed_on is not None:
            raise Conflict(f"the review of {stored.week_of} is confirmed: it can no longer be edited")
    return stored


def patch(
    ws: Workspace, engagement: str | None, review_id: int, changes: ReviewPatch, today: date | None = None
) -> ReviewRecord:
    """Change only the fields ``changes`` gives of a stored review (as :func:`edit` changes them all)."""
    with ws.uow() as uow:
        stored = _editable(uow, ws.actor, lookup.engagement(uow, engagement), review_id)
        current = {
            "week_of": stored.week_of,
            "done": stored.done,
            "why": stored.why,
            "next": stored.next,
            "attendees": stored.attendees,
        }
    return edit(ws, engagement, review_id, merged(ReviewIn, current, changes), today)


def edit(
    ws: Workspace, engagement: str | None, review_id: int, review: ReviewIn, today: date | None = None
) -> ReviewRecord:
    """Change a stored review's week, sections and attendees. A partner user edits only its own
    review (another's answers as unknown) and only until it is confirmed; internal roles edit any."""
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = _editable(uow, ws.actor, found, review_id)
        _check_week(found, review.week_of, today)
        other = uow.reviews.for_week(found.stored_id, review.week_of)
        if other is not None and other.id != stored.id:
            raise Conflict(f"the week of {review.week_of} already has a different review")
        stored.week_of = review.week_of
        stored.done, stored.why, stored.next = review.done, review.why, review.next
        stored.attendees = split_names(review.attendees)
        uow.reviews.update(stored)
        uow.commit()
        return _record(uow, found, review_id)


def confirm(
    ws: Workspace, engagement: str | None, review_id: int, answer: ConfirmationIn, today: date | None = None
) -> ReviewRecord:
    """An internal participant confirms a partner-written review (``confirmed by Ann Lee, 2026-11-18``)
    or only comments on it. A partner user cannot; an internally written review needs no confirmation."""
    if is_partner(ws.actor):
        raise Forbidden("a partner user cannot confirm weekly reviews")
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = _stored_review(uow, found, review_id)
        if stored.written_by != "partner":
            raise Conflict(f"the review of {stored.week_of} was written internally: nothing to confirm")
        if answer.action == "confirm":
            if stored.confirmed_on is not None:
                raise Conflict(
                    f"the review of {stored.week_of} is already confirmed by {stored.confirmed_by}, "
                    f"{stored.confirmed_on.isoformat()}"
                )
            _, name, user_id = authorship(uow, ws.actor)
            stored.confirmed_by, stored.confirmed_by_user_id, stored.confirmed_on = name, user_id, today
        if answer.note or answer.action == "comment":
            stored.confirmation_note = answer.note
        uow.reviews.update(stored)
        uow.commit()
        return _record(uow, found, review_id)


def resolve_id(ws: Workspace, engagement: str | None, week_or_id: str) -> int:
    """The id of the review ``week_or_id`` names in ``engagement``: a review id, or its week (any day of it)."""
    text = str(week_or_id).strip()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        if text.isdigit() and len(text) < 19:
            return _review_id(_stored_review(uow, found, int(text)))
        week = parse_week(text, "review")
        stored = uow.reviews.for_week(found.stored_id, week)
        if stored is None:
            raise NotFound(f"no weekly review for the week of {week} in {found.name}")
        return _review_id(stored)


def _parse(note: Upload) -> ReviewNote:
    return parse_review_note(decode(note.content, note.name), note.name)


def from_note(note: Upload, week_of: date | None = None, attendees: Sequence[str] = ()) -> ReviewIn:
    """The review a Markdown note holds; ``week_of`` (any day of it) when the note has no date or
    another one should be used, ``attendees`` added to the note's."""
    parsed = _parse(note)
    day = week_of or parsed.week_of
    if day is None:
        raise InvalidInput(f"{note.name}: no date in the note: give the week it reviews")
    names = parsed.attendees + [n for n in split_names(attendees) if n not in parsed.attendees]
    return _review_in(note.name, day, parsed, names)


def _review_in(source: str, day: date, note: ReviewNote, attendees: list[str]) -> ReviewIn:
    try:
        return validated(ReviewIn, week_of=day, done=note.done, why=note.why, next=note.next, attendees=attendees)
    except InvalidInput as exc:
        raise InvalidInput(f"{source}: {exc.message}") from None


def import_notes(
    ws: Workspace, engagement: str | None, notes: Sequence[Upload], folder: str = "", today: date | None = None
) -> ReviewImport:
    """Import weekly notes (one file a week), all or nothing: one bad note and nothing is stored.
    ``folder`` names where the notes came from, for the result."""
    today = today or date.today()
    if not notes:
        raise InvalidInput(f"{folder or 'import'}: no weekly notes")
    parsed: list[tuple[str, ReviewIn]] = []
    seen: dict[date, str] = {}
    for upload in notes:
        note = _parse(upload)
        if note.week_of is None:
            raise InvalidInput(
                f"{upload.name}: no date (add 'date: YYYY-MM-DD' front matter, a heading with the date, "
                "or name the file like 2026-01-05.md)"
            )
        review = _review_in(upload.name, note.week_of, note, note.attendees)
        if review.week_of in seen:
            raise InvalidInput(
                f"{upload.name}: the week of {review.week_of} is already covered by {seen[review.week_of]}"
            )
        seen[review.week_of] = upload.name
        parsed.append((upload.name, review))
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        outcome: dict[str, list[date]] = {"added": [], "unchanged": []}
        for name, review in parsed:
            _check_week(found, review.week_of, today, name)
            outcome[_store(uow, _weekly(uow, ws.actor, found, review), name)].append(review.week_of)
        uow.commit()
        rows = records_in(uow, found, set(outcome["added"]))
    return ReviewImport(
        engagement=found.name,
        folder=folder,
        files=len(notes),
        added=sorted(outcome["added"]),
        unchanged=sorted(outcome["unchanged"]),
        flags=sum(len(r.flags) for r in rows),
        reviews=rows,
    )


def list_reviews(ws: Workspace, engagement: str | None = None, flagged_only: bool = False) -> list[ReviewRecord]:
    """Reviews with their quality flags: of one engagement, or of every engagement."""
    with ws.uow() as uow:
        engagements = [lookup.engagement(uow, engagement)] if engagement else uow.engagements.list()
        rows = [row for e in engagements for row in records_in(uow, e)]
    return [r for r in rows if r.flags] if flagged_only else rows
