"""`inhouse decision ...`: who decided what, when and why; ADR import and export."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, pct, workspace
from inhouse.services import decisions as service

app = typer.Typer(help="Record, list, import and export decisions (MADR / adr-tools).", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


@app.command("add")
def add(
    title: str = typer.Argument(..., help="What was decided."),
    engagement: str | None = ENGAGEMENT,
    by: str | None = typer.Option(
        None, "--by", help="Who decided: internal, partner or joint (default: from the --decider sides)."
    ),
    decider: list[str] = typer.Option([], "--decider", help="A person who decided (repeatable)."),
    why: str = typer.Option("", "--why", help="Why it was decided."),
    on: str | None = typer.Option(None, "--on", help="Date of the decision, YYYY-MM-DD (default: today)."),
    status: str = typer.Option("accepted", "--status", help="proposed, accepted, rejected, deprecated, superseded."),
    json_out: bool = JSON,
) -> None:
    """Record a decision, linked to the weekly review of its week."""
    result = service.add(workspace(), title, engagement, decided_by=by, on=on, why=why, deciders=decider, status=status)
    if json_out:
        emit_json(result)
        return
    link = f", recorded in the review of {result['review_week']}" if result["review_week"] else ", no review that week"
    console.print(
        f"Recorded {result['decided_by']} decision [bold]{escape(result['title'])}[/] of {result['decided_on']}{link}"
    )


@app.command("list")
def list_(engagement: str | None = ENGAGEMENT, json_out: bool = JSON) -> None:
    """List decisions: who decided (internal, partner, joint), when, why."""
    rows = service.list_decisions(workspace(), engagement)
    if json_out:
        emit_json(rows)
        return
    table = Table("date", "decided by", "decision", "why", "review", title="Decisions")
    for row in rows:
        table.add_row(
            row["decided_on"],
            row["decided_by"],
            escape(row["title"]),
            escape(row["rationale"][:60]),
            row["review_week"] or "-",
        )
    console.print(table)
    shared = sum(1 for r in rows if r["decided_by"] in ("internal", "joint"))
    console.print(f"{len(rows)} decision(s); internal or joint: {pct(shared / len(rows)) if rows else '-'}")


@app.command("import")
def import_(
    path: str = typer.Argument(..., help="A folder of ADRs (0001-*.md) or one ADR file."),
    engagement: str | None = ENGAGEMENT,
    decided_by: str | None = typer.Option(
        None, "--decided-by", help="internal, partner or joint for records whose deciders are missing or unknown."
    ),
    on: str | None = typer.Option(None, "--date", help="Date for records without one, YYYY-MM-DD."),
    json_out: bool = JSON,
) -> None:
    """Import architecture decision records (adr-tools or MADR), all or nothing."""
    result = service.import_adrs(workspace(), path, engagement, decided_by=decided_by, on=on)
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Imported {len(result['added'])} decision(s) into {escape(result['engagement'])}; "
        f"{len(result['unchanged'])} already stored"
    )


@app.command("export")
def export(
    folder: str = typer.Argument(..., help="Folder to write NNNN-title.md files into (created)."),
    engagement: str | None = ENGAGEMENT,
    fmt: str = typer.Option("madr", "--format", help="madr (front matter) or adr-tools."),
    force: bool = typer.Option(False, "--force", help="Overwrite files of the same name."),
    json_out: bool = JSON,
) -> None:
    """Export the decisions as architecture decision records (MADR or adr-tools)."""
    result = service.export_adrs(workspace(), folder, engagement, flavour=fmt, force=force)
    if json_out:
        emit_json(result)
        return
    console.print(f"Wrote {len(result['files'])} {result['format']} record(s) to {escape(result['folder'])}")
