"""`inhouse init` and `inhouse db ...`: creating and migrating the workspace database."""

from __future__ import annotations

import typer
from rich.markup import escape

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.shapes import validated
from inhouse.domain.workspace import WorkspaceIn
from inhouse.services import workspace as service

db_app = typer.Typer(help="Inspect and migrate the workspace database.", no_args_is_help=True)


def init(
    client: str | None = typer.Option(None, "--client", help="Name of the client organisation (your company)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Create the workspace database (or bring it up to date) and record the client."""
    result = service.init(workspace(), validated(WorkspaceIn, client=client))
    if json_out:
        emit_json(result)
        return
    verb = "Created" if result.created else "Up to date:"
    console.print(f"{verb} workspace [bold]{escape(result.database)}[/] (schema {result.revision})")
    if result.clients:
        console.print("Client: " + escape(", ".join(result.clients)))
    else:
        console.print("No client recorded yet: run [bold]inhouse init --client NAME[/]")


@db_app.command("upgrade")
def upgrade(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """Apply pending schema migrations."""
    result = service.upgrade(workspace())
    if json_out:
        emit_json(result)
    else:
        console.print(f"{escape(result.database)}: {result.from_ or 'empty'} -> {result.to}")


@db_app.command("current")
def current(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """Show the schema revision of the database and the one this inhouse needs."""
    result = service.status(workspace())
    if json_out:
        emit_json(result)
    else:
        console.print(f"{escape(result.database)}: at {result.revision or 'nothing (empty)'}, head {result.head}")


@db_app.command("check")
def check(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """Fail when the table models and the migrated schema differ."""
    result = service.check(workspace())
    if json_out:
        emit_json(result)
    elif result.differences:
        for line in result.differences:
            console.print(escape(line))
    else:
        console.print("Schema and models agree.")
    if result.differences:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(db_app, name="db")
