"""`inhouse review ...`: weekly reviews (done / why / next) and their quality flags."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.services import reviews as service

app = typer.Typer(help="Record, import and list weekly reviews (done / why / next).", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


def _flag_text(flags: list[dict]) -> str:
    return ", ".join(f"{f['flag']}" + (f"({f['section']})" if f["section"] else "") for f in flags)


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
    result = service.add(
        workspace(), engagement, week=week, done=done, why=why, next_=next_, attendees=attendee, file=file
    )
    if json_out:
        emit_json(result)
        return
    console.print(f"Recorded the review of the week of [bold]{result['week_of']}[/] for {escape(result['engagement'])}")
    for flag in result["flags"]:
        console.print(
            f"  [yellow]flag[/] {flag['flag']}"
            + (f" ({flag['section']})" if flag["section"] else "")
            + f": {escape(flag['detail'])}"
        )


@app.command("import")
def import_(
    folder: str = typer.Argument(..., help="Folder of weekly notes (*.md, *.markdown, *.txt), searched recursively."),
    engagement: str | None = ENGAGEMENT,
    json_out: bool = JSON,
) -> None:
    """Import a folder of weekly notes, all or nothing (the week comes from front matter, a heading or the name)."""
    result = service.import_folder(workspace(), folder, engagement)
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Imported {len(result['added'])} review(s) from {result['files']} file(s) into "
        f"{escape(result['engagement'])}; {len(result['unchanged'])} already stored, "
        f"{result['flags']} quality flag(s) raised"
    )
    for row in result["reviews"]:
        if row["flags"]:
            console.print(f"  {row['week_of']}: {_flag_text(row['flags'])}")


@app.command("list")
def list_(
    engagement: str | None = ENGAGEMENT,
    flagged: bool = typer.Option(False, "--flagged", help="Only reviews with quality flags."),
    json_out: bool = JSON,
) -> None:
    """List weekly reviews with their quality flags (empty, boilerplate, same as last week, no internal attendee)."""
    rows = service.list_reviews(workspace(), engagement, flagged_only=flagged)
    if json_out:
        emit_json(rows)
        return
    several = len({r["engagement"] for r in rows}) > 1
    table = Table(title="Weekly reviews")
    for name in ("week of",) + (("engagement",) if several else ()) + ("done", "internal attendees", "decisions"):
        table.add_column(name)
    table.add_column("flags", overflow="fold")
    for row in rows:
        done = row["done"].splitlines()[0] if row["done"] else ""
        cells = (
            [row["week_of"]]
            + ([escape(row["engagement"])] if several else [])
            + [
                escape(done[:50]),
                escape(", ".join(row["internal_attendees"])) or "[red]none[/]",
                str(len(row["decisions"])),
                "[yellow]" + "\n".join(_flag_text([f]) for f in row["flags"]) + "[/]" if row["flags"] else "",
            ]
        )
        table.add_row(*cells)
    console.print(table)
    flagged_rows = sum(1 for r in rows if r["flags"])
    console.print(f"{len(rows)} review(s), {flagged_rows} flagged")
