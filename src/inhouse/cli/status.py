"""`inhouse status`: one screen per engagement, status lights and the next three actions."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.common import parse_date
from inhouse.domain.shapes import validated
from inhouse.domain.status import EngagementStatus, StatusQuery
from inhouse.services import status as service

DOT = {"green": "[green]●[/]", "amber": "[yellow]●[/]", "red": "[red]●[/]", "grey": "[bright_black]○[/]"}


def render(data: EngagementStatus) -> None:
    table = Table.grid(padding=(0, 1))
    for section in data.sections:
        table.add_row(DOT[section.color.value], f"[bold]{section.title}[/]", escape(section.headline))
    title = (
        f"{DOT[data.light.value]} {escape(data.name)} with {escape(data.partner)} - {data.phase.value}, "
        f"year {data.year}, as of {data.as_of.isoformat()}"
    )
    console.print(Panel(table, title=title, title_align="left", expand=False))
    if data.next_actions:
        console.print("[bold]Next actions[/]")
        for n, action in enumerate(data.next_actions, 1):
            console.print(
                f" {n}. {DOT[action.color.value]} {escape(action.action)}  "
                f"[bright_black](evidence: {escape(action.evidence.ref)})[/]",
                soft_wrap=True,
            )


def status(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (default: every engagement)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Evaluate as of this date, YYYY-MM-DD (default: today)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Show the status of an engagement: lights per area and the next three actions, with their evidence."""
    today = validated(StatusQuery, as_of=parse_date(as_of, "--as-of date") if as_of else None).as_of
    ws = workspace()
    results = [service.engagement_status(ws, engagement, today)] if engagement else service.all_engagements(ws, today)
    if json_out:
        emit_json(results[0] if engagement else results)
        return
    if not results:
        console.print("No engagement yet: add one with [bold]inhouse engagement add[/]")
    for data in results:
        render(data)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
