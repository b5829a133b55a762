"""Decisions: what, who decided (internal, partner, joint), why, when; linked to that week's review,
imported from and exported to architecture decision records (MADR, adr-tools)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inhouse.analysis.journal.adr import FLAVOURS, AdrRecord, normalise_status, parse_adr, render_adr
from inhouse.analysis.journal.text import decode
from inhouse.bootstrap import Workspace
from inhouse.domain.common import parse_date, parse_enum
from inhouse.domain.engagements import Engagement
from inhouse.domain.reviews import DecidedBy, Decision, decided_by_from_sides, week_start
from inhouse.domain.roster import Roster, split_names
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.services.reviews import read_input
from inhouse.store.uow import UnitOfWork


def decision_dict(decision: Decision, engagement: str, review_weeks: dict[int, date]) -> dict:
    review_week = review_weeks.get(decision.review_id) if decision.review_id else None
    return {
        "id": decision.id,
        "engagement": engagement,
        "title": decision.title,
        "decided_by": decision.decided_by.value,
        "decided_on": decision.decided_on.isoformat(),
        "rationale": decision.rationale,
        "deciders": list(decision.deciders),
        "status": decision.status,
        "review_week": review_week.isoformat() if review_week else None,
    }


def _dicts_in(uow: UnitOfWork, engagement: Engagement) -> list[dict]:
    weeks = {r.id: r.week_of for r in uow.reviews.list(engagement.id)}
    return [decision_dict(d, engagement.name, weeks) for d in uow.decisions.list(engagement.id)]


def resolve_side(roster: Roster, deciders: list[str], fallback: DecidedBy | None, source: str) -> DecidedBy:
    """Who decided, from the deciders' sides; ``fallback`` when they name nobody known."""
    matches = [roster.match(d) for d in deciders]
    unknown = [m.text for m in matches if m.side is None]
    side = decided_by_from_sides(m.side for m in matches)
    if any(d.strip().lower() in ("joint", "both", "together") for d in deciders):
        side = DecidedBy.JOINT
    if fallback is not None and (side is None or unknown):
        return fallback
    if unknown:
        raise InvalidInput(
            f"{source}: unknown decider {unknown[0]!r}: add them with `inhouse person add` "
            "or pass --decided-by internal|partner|joint"
        )
    if side is None:
        raise InvalidInput(f"{source}: no deciders: pass --decided-by internal|partner|joint")
    return side


def canonical(roster: Roster, deciders: list[str]) -> list[str]:
    """Deciders as the roster names them (``pat@quantialabs.io`` -> ``Pat Kim``), unknown ones as written."""
    names: list[str] = []
    for decider in deciders:
        match = roster.match(decider)
        name = match.name or match.text
        if name not in names:
            names.append(name)
    return names


def _store(uow: UnitOfWork, decision: Decision) -> str:
    for existing in uow.decisions.list(decision.engagement_id):
        if existing.title.lower() == decision.title.lower() and existing.decided_on == decision.decided_on:
            return "unchanged"
    review = uow.reviews.for_week(decision.engagement_id, week_start(decision.decided_on))
    decision.review_id = review.id if review else None
    uow.decisions.add(decision)
    return "added"


def add(
    ws: Workspace,
    title: str,
    engagement: str | None = None,
    decided_by: str | None = None,
    on: str | None = None,
    why: str = "",
    deciders: list[str] | tuple = (),
    status: str = "accepted",
    today: date | None = None,
) -> dict:
    """Record one decision; ``decided_by`` may be left out when ``deciders`` say it."""
    title = " ".join(str(title).split())
    if not title:
        raise InvalidInput("a decision needs a title: what was decided")
    day = parse_date(on, "decision date") if on else (today or date.today())
    side = parse_enum(DecidedBy, decided_by, "--by") if decided_by else None
    names = split_names(deciders)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        if day < found.start_date:
            raise InvalidInput(f"decision date {day} is before the engagement's start {found.start_date}")
        roster = lookup.roster(uow, found)
        if side is None:
            side = resolve_side(roster, names, None, "decision")
        names = canonical(roster, names)
        decision = Decision(
            engagement_id=found.id,
            title=title,
            decided_by=side,
            decided_on=day,
            rationale=why.strip(),
            status=normalise_status(status),
            deciders=names,
        )
        if _store(uow, decision) == "unchanged":
            raise Conflict(f"decision {title!r} of {day} is already recorded")
        uow.commit()
        return next(d for d in _dicts_in(uow, found) if d["id"] == decision.id)


def list_decisions(ws: Workspace, engagement: str | None = None) -> list[dict]:
    with ws.uow() as uow:
        engagements = [lookup.engagement(uow, engagement)] if engagement else uow.engagements.list()
        return [row for e in engagements for row in _dicts_in(uow, e)]


def adr_files(path: Path) -> list[Path]:
    """ADR files: the numbered ``0001-*.md`` of a folder (else all its Markdown but README/index/template)."""
    if path.is_file():
        return [path]
    markdown = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".md", ".markdown"))
    numbered = [p for p in markdown if p.name[:1].isdigit()]
    return numbered or [
        p for p in markdown if not p.stem.lower().startswith(("readme", "index", "template", "adr-template"))
    ]


def import_adrs(
    ws: Workspace, path: str, engagement: str | None = None, decided_by: str | None = None, on: str | None = None
) -> dict:
    """Import ADR files (a folder or one file), all or nothing."""
    source = Path(path).expanduser()
    if not source.exists():
        raise NotFound(f"no such file or folder: {source}")
    fallback_side = parse_enum(DecidedBy, decided_by, "--decided-by") if decided_by else None
    fallback_day = parse_date(on, "--date") if on else None
    files = adr_files(source)
    if not files:
        raise InvalidInput(f"{source}: no decision records (*.md)")
    records: list[AdrRecord] = []
    for file in files:
        _, data = read_input(ws, file)
        record = parse_adr(decode(data, file.name), file.name)
        if record.decided_on is None:
            if fallback_day is None:
                raise InvalidInput(
                    f"{file.name}: no date (expected 'Date: YYYY-MM-DD' or 'date:' front matter); "
                    "pass --date for records without one"
                )
            record.decided_on = fallback_day
        records.append(record)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        outcome: dict[str, list[str]] = {"added": [], "unchanged": []}
        for record in records:
            if record.decided_on < found.start_date:
                raise InvalidInput(
                    f"{record.source}: date {record.decided_on} is before the engagement's start {found.start_date}"
                )
            side = resolve_side(roster, record.deciders, fallback_side, record.source)
            decision = Decision(
                engagement_id=found.id,
                title=record.title,
                decided_by=side,
                decided_on=record.decided_on,
                rationale=record.rationale,
                status=record.status,
                deciders=canonical(roster, record.deciders),
            )
            outcome[_store(uow, decision)].append(record.source)
        uow.commit()
        return {"engagement": found.name, "files": len(records), **outcome}


def export_adrs(
    ws: Workspace, folder: str, engagement: str | None = None, flavour: str = "madr", force: bool = False
) -> dict:
    """Write every decision of the engagement as ``NNNN-title.md`` ADRs; refuses to overwrite without force."""
    if flavour not in FLAVOURS:
        raise InvalidInput(f"invalid --format {flavour!r}: expected one of {', '.join(FLAVOURS)}")
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise InvalidInput(f"{target} is a file, not a folder")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        decisions = uow.decisions.list(found.id)
    sides = {
        DecidedBy.INTERNAL: [roster.client_name],
        DecidedBy.PARTNER: [roster.partner_name],
        DecidedBy.JOINT: [roster.client_name, roster.partner_name],
    }
    rendered = []
    for number, decision in enumerate(decisions, start=1):
        record = AdrRecord(
            title=decision.title,
            status=decision.status,
            decided_on=decision.decided_on,
            deciders=decision.deciders or sides[decision.decided_by],
            rationale=decision.rationale,
            number=number,
        )
        rendered.append(render_adr(record, flavour))
    clashes = [name for name, _ in rendered if (target / name).exists()]
    if clashes and not force:
        raise Conflict(f"{target / clashes[0]} exists: pass --force to overwrite")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in rendered:
        (target / name).write_text(text, encoding="utf-8")
    return {"engagement": found.name, "folder": str(target), "format": flavour, "files": [name for name, _ in rendered]}
