"""`inhouse repo ...`: linking git repositories to engagements (a local folder, or a URL)."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.repos import RepoIn, RepoUrlIn, is_url
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import repos as service

app = typer.Typer(help="Link git repositories (local folders or URLs) to an engagement.", no_args_is_help=True)


@app.command("add")
def add(
    path: str = typer.Argument(
        ...,
        help="Path of a local git repository (working copy or bare), or a URL (https://, ssh://, user@host:path, "
        "file://) each worker mirrors and fetches before each scan.",
    ),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement name or id."),
    name: str | None = typer.Option(None, "--name", help="Display name (default: the folder's or URL's name)."),
    rev: str = typer.Option("HEAD", "--rev", help="Revision scanned by default (a local folder)."),
    branch: str | None = typer.Option(None, "--branch", help="Branch scanned (a URL; default: the remote's HEAD)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Link a git repository (a local folder, or a URL) to an engagement."""
    ws = workspace()
    if is_url(path):
        if rev != "HEAD":
            raise InvalidInput("--rev is for a local folder: give a URL's branch with --branch")
        result = service.add_url(ws, engagement, validated(RepoUrlIn, url=path, name=name, branch=branch))
    else:
        if branch is not None:
            raise InvalidInput("--branch is for a URL: give a local folder's revision with --rev")
        result = service.add(ws, engagement, validated(RepoIn, repository=path, name=name, rev=rev))
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
    table = Table("id", "engagement", "name", "path or URL", "rev", title="Repositories")
    for row in rows:
        table.add_row(str(row.id), str(row.engagement_id), escape(row.name), escape(row.path), escape(row.default_rev))
    console.print(table)
