"""`inhouse demo`: build the demo workspace and show what to try next."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from inhouse.cli.context import console, emit_json, state
from inhouse.cli.engagements import render_show
from inhouse.domain.accounts import Role
from inhouse.domain.demo import DemoAccount
from inhouse.services import demo as service

ADDRESS = "http://127.0.0.1:8000/"
SEES = {
    Role.ADMIN: "everything, and the accounts and audit log",
    Role.LEAD: "the client's dashboard; confirms partner-written reviews",
    Role.VIEWER: "pages and reports, writes nothing",
    Role.PARTNER: f"{service.ENGAGED}'s door: its engagement's weekly reviews and decisions",
}


def demo(
    folder: Path = typer.Option(Path("demo"), "--dir", help="Folder of the demo workspace (created)."),
    force: bool = typer.Option(False, "--force", help="Rebuild the demo workspace if it exists."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Build a realistic demo workspace (client, partners, engagement, git history, documents, reviews)."""
    with console.status("Building the demo workspace..."):
        result = service.build(folder, database_url=state.db, force=force)
    if json_out:
        emit_json(result)
        return
    console.print(f"Demo workspace ready in [bold]{escape(result.folder)}[/]")
    render_show(result.engagement)
    for note in result.analyses:
        console.print(f"  - {escape(note)}")
    where = result.folder
    console.print("\n[bold]Try next[/] (activate the environment first: [bold]source .venv/bin/activate[/]):")
    for line in (
        f"cd {where}",
        "inhouse status                       # lights per area and the next three actions",
        f'inhouse scan repos/eta-prediction -e "{service.ENGAGEMENT}"   # who knows the code',
        "inhouse contract check documents/quantia-msa.md",
        "inhouse review list --flagged",
        "inhouse participation",
        "inhouse exit-readiness",
        "inhouse partner compare",
        "inhouse serve                        # the web dashboard on http://127.0.0.1:8000/",
    ):
        console.print(f"  {line}", soft_wrap=True)
    if not result.database.startswith("sqlite"):
        console.print(f"  (with --db {escape(result.database)} or INHOUSE_DATABASE_URL set to it)", soft_wrap=True)
    show_accounts(result.accounts)


def show_accounts(accounts: list[DemoAccount]) -> None:
    """Where to open the dashboard and whom to sign in as (demo passwords, printed on purpose)."""
    console.print(
        f"\n[bold]Open {ADDRESS}[/] (make demo serves it) and sign in as (demo passwords, this demo only):",
        soft_wrap=True,
    )
    width = max((len(a.email) for a in accounts), default=0)
    for account in accounts:  # one line each, never wrapped or cut: they are typed in as printed
        line = f"  {account.role.value:<8} {account.email:<{width}}  {account.password:<22} {SEES[account.role]}"
        console.print(escape(line), soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
