"""`inhouse exit-readiness`: could the client leave the partner today?"""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.exit_readiness import ExitReadiness
from inhouse.services import exit_readiness as service

STYLE = {"ready": "green", "at_risk": "yellow", "blocked": "red"}


def render(result: ExitReadiness) -> None:
    console.print(
        f"[bold]Exit readiness of {escape(result.engagement)}[/] (partner {escape(result.partner)}): "
        f"[{STYLE[result.status.value]}]{escape(result.summary)}[/]"
    )
    table = Table("area", "item", "status", "reason", "evidence")
    for item in result.items:
        table.add_row(
            item.area,
            escape(item.title),
            f"[{STYLE[item.status.value]}]{item.status.value.replace('_', ' ')}[/]",
            escape(item.reason),
            escape(item.evidence.ref),
        )
    console.print(table)


def exit_readiness(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (optional with one engagement)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Check exit readiness: contract, documentation, knowledge, drills and assets, each ready, at risk or blocked."""
    result = service.readiness(workspace(), engagement)
    if json_out:
        emit_json(result)
    else:
        render(result)


def register(app: typer.Typer) -> None:
    app.command("exit-readiness")(exit_readiness)
