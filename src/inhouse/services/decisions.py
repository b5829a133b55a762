"""Decisions: what, who decided (internal, partner, joint), why, when; linked to that week's review,
imported from and exported to architecture decision records (MADR, adr-tools)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from inhouse.analysis.journal.adr import AdrRecord, normalise_status, parse_adr, render_adr
from inhouse.analysis.journal.text import decode
from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor
from inhouse.domain.decisions import AdrDefaults, AdrExport, AdrFile, AdrFormat, AdrImport, DecisionIn, DecisionRecord
from inhouse.domain.edits import DecisionPatch, merged
from inhouse.domain.engagements import Engagement
from inhouse.domain.reviews import DecidedBy, Decision, decided_by_from_sides, week_start
from inhouse.domain.roster import Roster, split_names
from inhouse.domain.shapes import MAX_ID, Upload
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.services.reviews import authorship, is_partner
from inhouse.store.uow import UnitOfWork


def _decision_id(decision: Decision) -> int:
    assert decision.id is not None  # read from the store
    return decision.id


def records_in(uow: UnitOfWork, engagement: Engagement) -> list[DecisionRecord]:
    """The decisions of ``engagement`` in date order, each with the week of the review it was recorded in."""
    weeks = {r.id: r.week_of for r in uow.reviews.list(engagement.stored_id)}
    return [
        DecisionRecord(
            id=_decision_id(d),
            engagement=engagement.name,
            title=d.title,
            decided_by=d.decided_by,
            decided_on=d.decided_on,
            rationale=d.rationale,
            deciders=list(d.deciders),
            status=d.status,
            review_week=weeks.get(d.review_id) if d.review_id else None,
            written_by=d.written_by,
            author=d.author,
            author_user_id=d.author_user_id,
        )
        for d in uow.decisions.list(engagement.stored_id)
    ]


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
            f"{source}: unknown decider {unknown[0]!r}: add them as a person of the engagement, "
            "or say who decided (decided_by internal, partner or joint)"
        )
    if side is None:
        raise InvalidInput(f"{source}: no deciders: say who decided (decided_by internal, partner or joint)")
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


def add(ws: Workspace, engagement: str | None, decision: DecisionIn) -> DecisionRecord:
    """Record one decision; ``decided_by`` may be left out when the deciders say it."""
    title = decision.title
    names = split_names(decision.deciders)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        if decision.decided_on < found.start_date:
            raise InvalidInput(f"decided_on {decision.decided_on} is before the engagement's start {found.start_date}")
        roster = lookup.roster(uow, found)
        side = decision.decided_by or resolve_side(roster, names, None, "decision")
        written_by, author, author_user_id = authorship(uow, ws.actor)
        stored = Decision(
            engagement_id=found.stored_id,
            title=title,
            decided_by=side,
            decided_on=decision.decided_on,
            rationale=decision.rationale,
            status=normalise_status(decision.status),
            deciders=canonical(roster, names),
            written_by=written_by,
            author=author,
            author_user_id=author_user_id,
        )
        if _store(uow, stored) == "unchanged":
            raise Conflict(f"decision {title!r} of {decision.decided_on} is already recorded")
        uow.commit()
        return next(d for d in records_in(uow, found) if d.id == stored.id)


def _editable(uow: UnitOfWork, actor: Actor, engagement: Engagement, decision_id: int) -> Decision:
    """The stored decision ``actor`` may edit: a partner user's own only (another's answers as unknown)."""
    stored = uow.decisions.get(decision_id) if 1 <= decision_id <= MAX_ID else None
    if stored is None or stored.engagement_id != engagement.stored_id:
        raise NotFound(f"no decision {decision_id} in {engagement.name}")
    if is_partner(actor) and (stored.author_user_id is None or stored.author_user_id != actor.user_id):
        raise NotFound(f"no decision {decision_id} in {engagement.name}")
    return stored


def patch(ws: Workspace, engagement: str | None, decision_id: int, changes: DecisionPatch) -> DecisionRecord:
    """Change only the fields ``changes`` gives of a stored decision (as :func:`edit` changes them all)."""
    with ws.uow() as uow:
        stored = _editable(uow, ws.actor, lookup.engagement(uow, engagement), decision_id)
        current = {
            "title": stored.title,
            "decided_by": stored.decided_by,
            "decided_on": stored.decided_on,
            "rationale": stored.rationale,
            "deciders": stored.deciders,
            "status": stored.status,
        }
    return edit(ws, engagement, decision_id, merged(DecisionIn, current, changes))


def edit(ws: Workspace, engagement: str | None, decision_id: int, decision: DecisionIn) -> DecisionRecord:
    """Change a stored decision. A partner user edits only a decision it recorded itself (another's
    answers as unknown); internal roles edit any."""
    names = split_names(decision.deciders)
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = _editable(uow, ws.actor, found, decision_id)
        if decision.decided_on < found.start_date:
            raise InvalidInput(f"decided_on {decision.decided_on} is before the engagement's start {found.start_date}")
        for other in uow.decisions.list(found.stored_id):
            same = other.title.lower() == decision.title.lower() and other.decided_on == decision.decided_on
            if same and other.id != stored.id:
                raise Conflict(f"decision {decision.title!r} of {decision.decided_on} is already recorded")
        roster = lookup.roster(uow, found)
        stored.title = decision.title
        stored.decided_by = decision.decided_by or resolve_side(roster, names, None, "decision")
        stored.decided_on = decision.decided_on
        stored.rationale = decision.rationale
        stored.status = normalise_status(decision.status)
        stored.deciders = canonical(roster, names)
        review = uow.reviews.for_week(found.stored_id, week_start(decision.decided_on))
        stored.review_id = review.id if review else None
        uow.decisions.update(stored)
        uow.commit()
        return next(d for d in records_in(uow, found) if d.id == decision_id)


def list_decisions(ws: Workspace, engagement: str | None = None) -> list[DecisionRecord]:
    with ws.uow() as uow:
        engagements = [lookup.engagement(uow, engagement)] if engagement else uow.engagements.list()
        return [row for e in engagements for row in records_in(uow, e)]


def import_adrs(
    ws: Workspace,
    engagement: str | None,
    files: Sequence[Upload],
    defaults: AdrDefaults | None = None,
    committed_on: Mapping[str, date] | None = None,
) -> AdrImport:
    """Import architecture decision records (one file each), all or nothing. A record without a date
    of its own takes its file's last commit (``committed_on``, by file name), else the default's."""
    defaults = defaults or AdrDefaults()
    if not files:
        raise InvalidInput("no decision records (*.md)")
    records: list[tuple[AdrRecord, date]] = []
    for file in files:
        record = parse_adr(decode(file.content, file.name), file.name)
        decided_on = record.decided_on or (committed_on or {}).get(file.name) or defaults.decided_on
        if decided_on is None:
            raise InvalidInput(
                f"{file.name}: no date (expected 'Date: YYYY-MM-DD' or 'date:' front matter); "
                "give a date for records without one"
            )
        records.append((record, decided_on))
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        written_by, author, author_user_id = authorship(uow, ws.actor)
        outcome: dict[str, list[str]] = {"added": [], "unchanged": []}
        for record, decided_on in records:
            if decided_on < found.start_date:
                raise InvalidInput(
                    f"{record.source}: date {decided_on} is before the engagement's start {found.start_date}"
                )
            side = resolve_side(roster, record.deciders, defaults.decided_by, record.source)
            decision = Decision(
                engagement_id=found.stored_id,
                title=record.title,
                decided_by=side,
                decided_on=decided_on,
                rationale=record.rationale,
                status=record.status,
                deciders=canonical(roster, record.deciders),
                written_by=written_by,
                author=author,
                author_user_id=author_user_id,
            )
            outcome[_store(uow, decision)].append(record.source)
        uow.commit()
        return AdrImport(engagement=found.name, files=len(records), **outcome)


def export_adrs(ws: Workspace, engagement: str | None = None, flavour: AdrFormat = "madr") -> AdrExport:
    """Every decision of the engagement as an ``NNNN-title.md`` architecture decision record."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        roster = lookup.roster(uow, found)
        decisions = uow.decisions.list(found.stored_id)
    sides = {
        DecidedBy.INTERNAL: [roster.client_name],
        DecidedBy.PARTNER: [roster.partner_name],
        DecidedBy.JOINT: [roster.client_name, roster.partner_name],
    }
    files = []
    for number, decision in enumerate(decisions, start=1):
        record = AdrRecord(
            title=decision.title,
            status=decision.status,
            decided_on=decision.decided_on,
            deciders=decision.deciders or sides[decision.decided_by],
            rationale=decision.rationale,
            number=number,
        )
        name, text = render_adr(record, flavour)
        files.append(AdrFile(name=name, text=text))
    return AdrExport(engagement=found.name, format=flavour, records=files)
