"""`inhouse repo ...`: linking git repositories to engagements."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.repos import RepoIn
from inhouse.domain.shapes import validated
from inhouse.services import repos as service

app = typer.Typer(help="Link local git repositories to an engagement.", no_args_is_help=True)


@app.command("add")
def add(
    path: str = typer.Argument(..., help="Path of a local git repository (working copy or bare)."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement name or id."),
    name: str | None = typer.Option(None, "--name", help="Display name (default: the folder name)."),
    rev: str = typer.Option("HEAD", "--rev", help="Revision scanned by default."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Link a local git repository to an engagement."""
    result = service.add(workspace(), engagement, validated(RepoIn, repository=path, name=name, rev=rev))
    if json_out:
        emit_json(result)
    else:
        console.print(f"Linked [bold]{escape(result.name)}[/] ({escape(result.path)}), id {result.id}")


@app.command("list")
def list_(
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Only this engagement's repositories."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List linked repositories."""
    rows = service.list_all(workspace(), engagement)
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "engagement", "name", "path", "rev", title="Repositories")
    for row in rows:
        table.add_row(str(row.id), str(row.engagement_id), escape(row.name), escape(row.path), escape(row.default_rev))
    console.print(table)
