"""`inhouse docs audit`: is the knowledge written down, and is it current?"""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.cli.progress import optional_progress_bar
from inhouse.domain.docs_audit import DEFAULT_MIN_COMMITS, DEFAULT_STALE_SHARE, DocsAuditIn
from inhouse.domain.shapes import validated
from inhouse.services import docs_audit as service

app = typer.Typer(help="Audit the documentation of a repository.", no_args_is_help=True)

STYLE = {"present": "green", "stale": "yellow", "partial": "yellow", "missing": "red"}


@app.command("audit")
def audit(
    repo: str = typer.Argument(
        ..., help="Path of a local git repository (working copy or bare), or the name of a registered one."
    ),
    engagement: str | None = typer.Option(
        None,
        "--engagement",
        "-e",
        help="Engagement the result belongs to (default: the one the repository is linked to).",
    ),
    rev: str = typer.Option("HEAD", "--rev", help="Revision audited."),
    min_commits: int = typer.Option(
        DEFAULT_MIN_COMMITS,
        "--min-commits",
        help="Stale only after at least this many commits changed the described code.",
    ),
    stale_share: float = typer.Option(
        DEFAULT_STALE_SHARE,
        "--stale-share",
        help="Stale when the code's changes since the document reach this share of all its changes.",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Find the operations guide, setup instructions, model card and datasheet; present, stale or missing."""
    request = validated(
        DocsAuditIn, repo=repo, engagement=engagement, rev=rev, min_commits=min_commits, stale_share=stale_share
    )
    with optional_progress_bar({"history": "reading the history", "docs": "judging the documentation"}) as progress:
        result = service.audit(workspace(), request, progress=progress)
    if json_out:
        emit_json(result)
        return
    guide = result.operations_guide.status
    console.print(
        f"[bold]Documentation of {escape(result.repo)}[/] at {result.head or result.rev}: "
        f"operations guide [{STYLE.get(guide, 'white')}]{guide}[/]"
    )
    table = Table("item", "status", "found in", "why")
    for item in result.items:
        where = (item.file or "-") + (f" # {item.section}" if item.section else "")
        table.add_row(item.title, f"[{STYLE[item.status]}]{item.status}[/]", escape(where), escape(item.reason))
    console.print(table)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}")
    stored = f"for engagement {result.engagement!r}" if result.engagement else "without an engagement"
    rule = escape(result.rule.description)
    console.print(f"Stored as result {result.result_id} {escape(stored)}. Rule: {rule}.", soft_wrap=True)
