"""`inhouse asset ...`: the inventory of what the client must hold at exit, and who holds it."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, table_output, workspace
from inhouse.domain.assets import AssetIn, AssetRecord, HeldBy
from inhouse.domain.common import parse_enum
from inhouse.domain.shapes import validated
from inhouse.services import assets as service

app = typer.Typer(
    help="Keep the inventory of assets (repositories, models, data, accounts, credentials).", no_args_is_help=True
)

SIDE_STYLE = {"internal": "green", "shared": "yellow", "partner": "red"}


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Asset name, e.g. eta-prediction or 'AWS production account'."),
    kind: str = typer.Option(
        ...,
        "--kind",
        "-k",
        help="repository, model, dataset, cloud_account, credential, pipeline, documentation, domain or other.",
    ),
    held_by: str = typer.Option(..., "--held-by", help="Who holds it: internal, partner or shared."),
    holder: str = typer.Option("", "--holder", help="Name of the holder (team, person or firm)."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement name or id."),
    location: str = typer.Option("", "--location", help="Where it lives (URL, account id, vault path)."),
    notes: str = typer.Option("", "--notes", help="Anything worth knowing at exit."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record an asset and who holds it."""
    asset = validated(AssetIn, name=name, kind=kind, held_by=held_by, holder=holder, location=location, notes=notes)
    result = service.add(workspace(), engagement, asset)
    if json_out:
        emit_json(result)
    else:
        console.print(
            f"Added {result.kind.value} [bold]{escape(result.name)}[/] held by {result.held_by.value}"
            f"{' (' + escape(result.holder) + ')' if result.holder else ''}, id {result.id}"
        )


@app.command("list")
def list_(
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Only this engagement's assets."),
    held_by: str | None = typer.Option(None, "--held-by", help="Only assets held by internal, partner or shared."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    csv_out: bool = CSV,
) -> None:
    """List the asset inventory."""
    output = table_output(json_out, csv_out)
    side = parse_enum(HeldBy, held_by, "--held-by") if held_by else None
    rows = service.list_all(workspace(), engagement, side)
    if output == "csv":
        emit_csv(rows, AssetRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("id", "engagement", "kind", "name", "held by", "holder", "location", title="Assets")
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.engagement),
            row.kind.value,
            escape(row.name),
            f"[{SIDE_STYLE[row.held_by.value]}]{row.held_by.value}[/]",
            escape(row.holder),
            escape(row.location),
        )
    console.print(table)
