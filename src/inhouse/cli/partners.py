"""`inhouse partner ...`: candidate and engaged partners."""

from __future__ import annotations

from typing import List, Optional

import typer
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.services import partners as service

app = typer.Typer(help="Add, list and assess partners.", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Partner company name."),
    status: str = typer.Option("candidate", "--status", help="candidate, engaged or former."),
    website: Optional[str] = typer.Option(None, "--website", help="Partner website."),
    domain: List[str] = typer.Option([], "--domain", help="Email domain of the partner's people (repeatable)."),
    notes: str = typer.Option("", "--notes", help="Free-text notes."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record a partner (a candidate by default)."""
    result = service.add(workspace(), name, status=status, website=website, domains=domain, notes=notes)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Added partner [bold]{result['name']}[/] ({result['status']}), id {result['id']}")


@app.command("list")
def list_(
    status: Optional[str] = typer.Option(None, "--status", help="Only partners with this status."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List partners."""
    rows = service.list_all(workspace(), status)
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "name", "status", "domains", "website", title="Partners")
    for row in rows:
        table.add_row(str(row["id"]), row["name"], row["status"], ", ".join(row["email_domains"]),
                      row["website"] or "")
    console.print(table)
