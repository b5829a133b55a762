"""Weekly reviews: recorded from their three sections or a Markdown note, imported from a set of
notes, listed with their quality flags."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from inhouse.analysis.journal.notes import ReviewNote, parse_review_note
from inhouse.analysis.journal.text import decode
from inhouse.bootstrap import Workspace
from inhouse.domain.engagements import Engagement
from inhouse.domain.review_quality import ReviewFlag, review_flags
from inhouse.domain.reviews import ReviewImport, ReviewIn, ReviewRecord, WeeklyReview, week_start
from inhouse.domain.roster import Roster, split_names
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import Conflict, InvalidInput
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


def _weekly(engagement: Engagement, review: ReviewIn) -> WeeklyReview:
    """The review to store for ``engagement`` (attendees one name each)."""
    return WeeklyReview(
        engagement_id=engagement.stored_id,
        week_of=review.week_of,
        done=review.done,
        why=review.why,
        next=review.next,
        attendees=split_names(review.attendees),
    )


def add(ws: Workspace, engagement: str | None, review: ReviewIn, today: date | None = None) -> ReviewRecord:
    """Record one weekly review of ``engagement`` (its week is the Monday of ``review.week_of``)."""
    today = today or date.today()
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        _check_week(found, review.week_of, today)
        if _store(uow, _weekly(found, review)) == "unchanged":
            raise Conflict(f"the week of {review.week_of} already has this review")
        uow.commit()
        return records_in(uow, found, {review.week_of})[0]


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
            outcome[_store(uow, _weekly(found, review), name)].append(review.week_of)
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
