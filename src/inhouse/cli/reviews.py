"""`inhouse review ...`: weekly reviews (done / why / next) and their quality flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.analysis.journal.notes import NOTE_SUFFIXES, is_note_file
from inhouse.cli.context import CSV, console, emit_csv, emit_json, table_output, workspace
from inhouse.cli.files import kind_of, local_path, read_upload
from inhouse.domain.reviews import ConfirmationIn, ReviewFlag, ReviewIn, ReviewRecord, parse_week
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import reviews as service

app = typer.Typer(help="Record, import and list weekly reviews (done / why / next).", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


def _flag_text(flags: list[ReviewFlag]) -> str:
    return ", ".join(f.flag + (f"({f.section})" if f.section else "") for f in flags)


def note_uploads(folder: str, max_bytes: int) -> list[Upload]:
    """The weekly notes in ``folder`` and its sub-folders (hidden ones skipped), in path order."""
    root = local_path(folder, "folder")
    kind = kind_of(root)
    if kind is None:
        raise NotFound(f"no such folder: {root}")
    if kind != "folder":
        raise InvalidInput(f"{root} is not a folder")
    files = [
        path
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and is_note_file(path.name)
    ]
    if not files:
        raise InvalidInput(f"{root}: no weekly notes ({', '.join('*' + s for s in NOTE_SUFFIXES)})")
    return [read_upload(path, max_bytes) for path in files]


@app.command("add")
def add(
    engagement: str | None = ENGAGEMENT,
    week: str | None = typer.Option(
        None, "--week", help="Any day of the week reviewed, or YYYY-Www (default: this week, or the date in --file)."
    ),
    done: str | None = typer.Option(None, "--done", help="What was done."),
    why: str | None = typer.Option(None, "--why", help="Why those decisions were made."),
    next_: str | None = typer.Option(None, "--next", help="What's next."),
    attendee: list[str] = typer.Option([], "--attendee", help="Who attended: name or email (repeatable)."),
    file: str | None = typer.Option(
        None,
        "--file",
        help="A Markdown note with the three headings "
        "(What was done / Why / What's next) instead of --done/--why/--next.",
    ),
    json_out: bool = JSON,
) -> None:
    """Record one weekly review: what was done, why, what's next, and who attended."""
    ws = workspace()
    day: date | None = parse_week(week, "--week") if week else None
    if file:
        if any(v is not None for v in (done, why, next_)):
            raise InvalidInput("give either --file or --done/--why/--next, not both")
        review = service.from_note(read_upload(file, ws.settings.max_document_bytes), day, attendee)
    else:
        missing = [flag for flag, value in (("--done", done), ("--why", why), ("--next", next_)) if value is None]
        if missing:
            raise InvalidInput(
                f"a weekly review needs --done, --why and --next (missing {', '.join(missing)}), or --file NOTES.md"
            )
        review = validated(
            ReviewIn, week_of=day or date.today(), done=done, why=why, next=next_, attendees=list(attendee)
        )
    result = service.add(ws, engagement, review)
    if json_out:
        emit_json(result)
        return
    console.print(f"Recorded the review of the week of [bold]{result.week_of}[/] for {escape(result.engagement)}")
    for flag in result.flags:
        console.print(
            f"  [yellow]flag[/] {flag.flag}"
            + (f" ({flag.section})" if flag.section else "")
            + f": {escape(flag.detail)}"
        )


@app.command("import")
def import_(
    folder: str = typer.Argument(..., help="Folder of weekly notes (*.md, *.markdown, *.txt), searched recursively."),
    engagement: str | None = ENGAGEMENT,
    json_out: bool = JSON,
) -> None:
    """Import a folder of weekly notes, all or nothing (the week comes from front matter, a heading or the name)."""
    ws = workspace()
    notes = note_uploads(folder, ws.settings.max_document_bytes)
    result = service.import_notes(ws, engagement, notes, folder=str(Path(folder).expanduser()))
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Imported {len(result.added)} review(s) from {result.files} file(s) into "
        f"{escape(result.engagement)}; {len(result.unchanged)} already stored, "
        f"{result.flags} quality flag(s) raised"
    )
    for row in result.reviews:
        if row.flags:
            console.print(f"  {row.week_of}: {_flag_text(row.flags)}")


@app.command("list")
def list_(
    engagement: str | None = ENGAGEMENT,
    flagged: bool = typer.Option(False, "--flagged", help="Only reviews with quality flags."),
    json_out: bool = JSON,
    csv_out: bool = CSV,
) -> None:
    """List weekly reviews with their quality flags (empty, boilerplate, same as last week, no internal attendee)."""
    output = table_output(json_out, csv_out)
    rows = service.list_reviews(workspace(), engagement, flagged_only=flagged)
    if output == "csv":
        emit_csv(rows, ReviewRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    several = len({r.engagement for r in rows}) > 1
    table = Table(title="Weekly reviews")
    for name in ("week of",) + (("engagement",) if several else ()) + ("done", "internal attendees", "decisions"):
        table.add_column(name)
    table.add_column("flags", overflow="fold")
    for row in rows:
        done = row.done.splitlines()[0] if row.done else ""
        cells = (
            [row.week_of.isoformat()]
            + ([escape(row.engagement)] if several else [])
            + [
                escape(done[:50]),
                escape(", ".join(row.internal_attendees)) or "[red]none[/]",
                str(len(row.decisions)),
                "[yellow]" + "\n".join(_flag_text([f]) for f in row.flags) + "[/]" if row.flags else "",
            ]
        )
        table.add_row(*cells)
    console.print(table)
    flagged_rows = sum(1 for r in rows if r.flags)
    console.print(f"{len(rows)} review(s), {flagged_rows} flagged")


@app.command("confirm")
def confirm(
    week_or_id: str = typer.Argument(..., help="The review: its id, or its week (any day of it, or YYYY-Www)."),
    engagement: str | None = ENGAGEMENT,
    comment: str | None = typer.Option(
        None, "--comment", help="Comment on the partner-written review instead of confirming it."
    ),
    json_out: bool = JSON,
) -> None:
    """Confirm a partner-written weekly review (as the local operator), or only comment on it."""
    ws = workspace()
    answer = validated(ConfirmationIn, action="comment" if comment is not None else "confirm", note=comment or "")
    review_id = service.resolve_id(ws, engagement, week_or_id)
    result = service.confirm(ws, engagement, review_id, answer)
    if json_out:
        emit_json(result)
        return
    if comment is not None:
        console.print(f"Commented on the review of the week of [bold]{result.week_of}[/] ({escape(result.engagement)})")
    else:
        console.print(
            f"Confirmed the review of the week of [bold]{result.week_of}[/] by {escape(result.author)} "
            f"(confirmed by {escape(result.confirmed_by or '')}, {result.confirmed_on})"
        )


@app.command("import-prs")
def import_prs(
    source: str = typer.Argument(
        ...,
        help="A saved review bundle (JSON, see docs/knowledge-models.md), or the repository's address: "
        "https://github.com/OWNER/REPO, a GitLab project, or an API address (token from "
        "INHOUSE_GITHUB_TOKEN / INHOUSE_GITLAB_TOKEN).",
    ),
    repo: str = typer.Option(..., "--repo", help="The engagement's linked repository (id or name)."),
    engagement: str | None = ENGAGEMENT,
    json_out: bool = JSON,
) -> None:
    """Import pull/merge request reviews (GitHub, GitLab) into a linked repository; a re-import updates."""
    from inhouse.domain.code_reviews import MAX_BUNDLE_BYTES
    from inhouse.services import code_reviews

    ws = workspace()
    if code_reviews.is_address(source):
        result = code_reviews.import_prs(ws, repo, engagement=engagement, url=source)
    else:
        upload = read_upload(source, MAX_BUNDLE_BYTES, "review bundle")
        result = code_reviews.import_prs(ws, repo, engagement=engagement, upload=upload)
    if json_out:
        emit_json(result)
        return
    note = " (a bound was reached: older ones left out)" if result.truncated else ""
    console.print(
        f"Imported {result.changes} {result.host} change request(s) with {result.reviews} review(s) into "
        f"[bold]{escape(result.repo)}[/]: {result.added} new, {result.updated} updated{note}"
    )


@app.command("sharing")
def sharing(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (optional with one engagement)."),
    period: str = typer.Option("quarter", "--period", help="month or quarter."),
    json_out: bool = JSON,
) -> None:
    """Code review as knowledge transfer: partner changes reviewed inside, and the review-sharing index."""
    from inhouse.services import code_reviews

    result = code_reviews.sharing(workspace(), engagement, period)
    if json_out:
        emit_json(result)
        return

    def share(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    table = Table(title=f"Review sharing: {escape(result.engagement)}")
    for name in ("period", "changes", "partner changes", "reviewed inside", "reviews", "across", "sharing index"):
        table.add_column(name)
    for row in result.periods:
        table.add_row(
            f"{row.start} - {row.end}",
            str(row.changes),
            str(row.partner_changes),
            f"{row.partner_changes_reviewed_inside} ({share(row.reviewed_inside_share)})",
            str(row.reviews),
            str(row.cross_reviews),
            share(row.sharing_index),
        )
    console.print(table)
    for org in result.by_organisation:
        console.print(
            f"{org.side}: gave {org.reviews_given} review(s), {share(org.given_index)} across; "
            f"received {org.reviews_received}, {share(org.received_index)} from the other side"
        )
    if result.unmatched:
        console.print(f"[yellow]Logins of no known side (left out): {escape(', '.join(result.unmatched))}[/]")
