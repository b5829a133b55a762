"""`inhouse person ...`: the people on either side and the emails they commit with."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.roster import PeopleQuery, PersonIn
from inhouse.domain.shapes import validated
from inhouse.services import people as service

app = typer.Typer(help="Add and list people (internal or partner side).", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Full name."),
    side: str = typer.Option(..., "--side", help="internal or partner."),
    email: list[str] = typer.Option([], "--email", help="Email address used in git (repeatable)."),
    partner: str | None = typer.Option(None, "--partner", help="The partner a partner-side person works for."),
    role: str = typer.Option("", "--role", help="Role, e.g. 'ML engineer'."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record a person on the internal or the partner side."""
    new = validated(PersonIn, name=name, side=side, emails=email, partner=partner, role=role)
    result = service.add(workspace(), new)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Added {result.side.value} person [bold]{escape(result.name)}[/], id {result.id}")


@app.command("list")
def list_(
    side: str | None = typer.Option(None, "--side", help="Only this side (internal, partner)."),
    partner: str | None = typer.Option(None, "--partner", help="Only this partner's people."),
    engagement: str | None = typer.Option(None, "--engagement", help="Only the people of this engagement."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List people."""
    rows = service.list_all(workspace(), validated(PeopleQuery, side=side, partner=partner, engagement=engagement))
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "name", "side", "partner", title="People")
    table.add_column("emails", overflow="fold", min_width=24)
    table.add_column("role")
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.name),
            row.side.value,
            escape(row.partner or ""),
            ", ".join(row.emails),
            escape(row.role),
        )
    console.print(table)
