"""Weekly reviews: recorded from options or Markdown notes, listed with their quality flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inhouse.analysis.journal.notes import ReviewNote, parse_review_note
from inhouse.analysis.journal.text import decode
from inhouse.bootstrap import Workspace
from inhouse.domain.engagements import Engagement
from inhouse.domain.review_quality import FLAGS, ReviewFlag, review_flags
from inhouse.domain.reviews import WeeklyReview, parse_week, week_start
from inhouse.domain.roster import Roster, split_names
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
_NOT_NOTES = ("readme", "index", "template", "_template")


def read_input(ws: Workspace, path: str | Path, what: str = "file") -> tuple[Path, bytes]:
    """The bytes of a file the user named, with clear errors for a missing or oversized one."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise NotFound(f"no such {what}: {file}")
    size = file.stat().st_size
    if size > ws.settings.max_document_bytes:
        raise InvalidInput(
            f"{file}: {size} bytes is over the limit of {ws.settings.max_document_bytes} (INHOUSE_MAX_DOCUMENT_BYTES)"
        )
    return file, file.read_bytes()


def review_dict(
    review: WeeklyReview,
    engagement: str,
    flags: list[ReviewFlag],
    internal: list[str],
    decisions: list[str] | None = None,
) -> dict:
    return {
        "id": review.id,
        "engagement": engagement,
        "week_of": review.week_of.isoformat(),
        "done": review.done,
        "why": review.why,
        "next": review.next,
        "attendees": list(review.attendees),
        "internal_attendees": list(internal),
        "decisions": list(decisions or []),
        "flags": [f.to_dict() for f in flags],
    }


def flagged_in(
    uow: UnitOfWork,
    engagement: Engagement,
    roster: Roster | None = None,
) -> list[tuple[WeeklyReview, list[ReviewFlag], list[str]]]:
    """Every review of ``engagement`` in week order with its flags and its internal attendees."""
    roster = roster or lookup.roster(uow, engagement)
    out, previous = [], None
    for review in uow.reviews.list(engagement.id):
        internal = roster.internal(review.attendees)
        out.append((review, review_flags(review, previous, internal), internal))
        previous = review
    return out


def quality_in(uow: UnitOfWork, engagement: Engagement) -> dict:
    """Review cadence and quality in one dict (for status screens): counts per flag, last review."""
    rows = flagged_in(uow, engagement)
    by_flag = {flag: sum(1 for _, flags, _ in rows for f in flags if f.flag == flag) for flag in FLAGS}
    return {
        "reviews": len(rows),
        "flagged_reviews": sum(1 for _, flags, _ in rows if flags),
        "by_flag": by_flag,
        "last_review": rows[-1][0].week_of.isoformat() if rows else None,
    }


def _dicts_in(uow: UnitOfWork, engagement: Engagement, weeks: set[date] | None = None) -> list[dict]:
    titles: dict[int, list[str]] = {}
    for decision in uow.decisions.list(engagement.id):
        if decision.review_id is not None:
            titles.setdefault(decision.review_id, []).append(decision.title)
    return [
        review_dict(r, engagement.name, flags, internal, titles.get(r.id))
        for r, flags, internal in flagged_in(uow, engagement)
        if weeks is None or r.week_of in weeks
    ]


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
    uow.reviews.add(review)
    uow.decisions.link_week(review.engagement_id, review.week_of, review.id)
    return "added"


def _note(ws: Workspace, file: str) -> ReviewNote:
    path, data = read_input(ws, file)
    return parse_review_note(decode(data, path.name), path.name)


def add(
    ws: Workspace,
    engagement: str | None = None,
    week: str | None = None,
    done: str | None = None,
    why: str | None = None,
    next_: str | None = None,
    attendees: list[str] | tuple = (),
    file: str | None = None,
    today: date | None = None,
) -> dict:
    """Record one weekly review from ``done``/``why``/``next_`` or a Markdown ``file``."""
    today = today or date.today()
    names = split_names(attendees)
    if file:
        if any(v is not None for v in (done, why, next_)):
            raise InvalidInput("give either --file or --done/--why/--next, not both")
        note = _note(ws, file)
        done, why, next_ = note.done, note.why, note.next
        names = note.attendees + [n for n in names if n not in note.attendees]
        day = parse_week(week, "--week") if week else note.week_of
        if day is None:
            raise InvalidInput(f"{Path(file).name}: no date in the note: pass --week YYYY-MM-DD")
    else:
        missing = [flag for flag, value in (("--done", done), ("--why", why), ("--next", next_)) if value is None]
        if missing:
            raise InvalidInput(
                f"a weekly review needs --done, --why and --next (missing {', '.join(missing)}), or --file NOTES.md"
            )
        day = parse_week(week, "--week") if week else today
    week_of = week_start(day)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        _check_week(found, week_of, today)
        review = WeeklyReview(
            engagement_id=found.id,
            week_of=week_of,
            done=done.strip(),
            why=why.strip(),
            next=next_.strip(),
            attendees=names,
        )
        if _store(uow, review) == "unchanged":
            raise Conflict(f"the week of {week_of} already has this review")
        uow.commit()
        return _dicts_in(uow, found, {week_of})[0]


def note_files(folder: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in NOTE_SUFFIXES and path.stem.lower() not in _NOT_NOTES:
            files.append(path)
    return files


def import_folder(ws: Workspace, folder: str, engagement: str | None = None, today: date | None = None) -> dict:
    """Import a folder of weekly notes, all or nothing: one bad file and nothing is stored."""
    today = today or date.today()
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise NotFound(f"no such folder: {root}")
    files = note_files(root)
    if not files:
        raise InvalidInput(f"{root}: no weekly notes ({', '.join('*' + s for s in NOTE_SUFFIXES)})")
    notes: list[tuple[str, ReviewNote]] = []
    seen: dict[date, str] = {}
    for path in files:
        name = str(path.relative_to(root))
        _, data = read_input(ws, path)
        note = parse_review_note(decode(data, name), name)
        if note.week_of is None:
            raise InvalidInput(
                f"{name}: no date (add 'date: YYYY-MM-DD' front matter, a heading with the date, "
                "or name the file like 2026-01-05.md)"
            )
        week_of = week_start(note.week_of)
        if week_of in seen:
            raise InvalidInput(f"{name}: the week of {week_of} is already covered by {seen[week_of]}")
        seen[week_of] = name
        notes.append((name, note))
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        outcome: dict[str, list[str]] = {"added": [], "unchanged": []}
        for name, note in notes:
            week_of = week_start(note.week_of)
            _check_week(found, week_of, today, name)
            review = WeeklyReview(
                engagement_id=found.id,
                week_of=week_of,
                done=note.done,
                why=note.why,
                next=note.next,
                attendees=note.attendees,
            )
            outcome[_store(uow, review, name)].append(week_of.isoformat())
        uow.commit()
        added = set(date.fromisoformat(w) for w in outcome["added"])
        rows = _dicts_in(uow, found, added)
    return {
        "engagement": found.name,
        "folder": str(root),
        "files": len(files),
        "added": sorted(outcome["added"]),
        "unchanged": sorted(outcome["unchanged"]),
        "flags": sum(len(r["flags"]) for r in rows),
        "reviews": rows,
    }


def list_reviews(ws: Workspace, engagement: str | None = None, flagged_only: bool = False) -> list[dict]:
    """Reviews with their quality flags: of one engagement, or of every engagement."""
    with ws.uow() as uow:
        engagements = [lookup.engagement(uow, engagement)] if engagement else uow.engagements.list()
        rows = [row for e in engagements for row in _dicts_in(uow, e)]
    return [r for r in rows if r["flags"]] if flagged_only else rows
