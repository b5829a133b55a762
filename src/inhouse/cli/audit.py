"""`inhouse audit`: the log of every write (who, when, from where, what, before and after), newest first."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.audit import DEFAULT_LIMIT, AuditEntry, AuditPage, AuditQuery
from inhouse.domain.shapes import validated
from inhouse.services import audit as service

ACTION_STYLE = {"insert": "green", "update": "yellow", "delete": "red"}


def _who(entry: AuditEntry) -> str:
    role = f" ({entry.role.value})" if entry.role is not None else ""
    where = f" from {entry.address}" if entry.address else ""
    return escape(f"{entry.actor}{role}{where}")


def render(page: AuditPage) -> None:
    if not page.entries:
        console.print("No entry matches.")
        return
    table = Table("id", "at (UTC)", "who", "action", "record", "summary", title="Audit log")
    for entry in page.entries:
        style = ACTION_STYLE.get(entry.action, "cyan")
        record = entry.record_type + (f" {entry.record_id}" if entry.record_id is not None else "")
        if entry.engagement_id is not None:
            record += f"\n(engagement {entry.engagement_id})"
        table.add_row(
            str(entry.id),
            entry.at.isoformat(sep=" ", timespec="seconds"),
            _who(entry),
            f"[{style}]{entry.action}[/]",
            escape(record),
            escape(entry.summary),
        )
    console.print(table)
    if page.next_before_id is not None:
        console.print(f"[bright_black]Older entries: --before {page.next_before_id}[/]")


def audit(
    since: str | None = typer.Option(None, "--since", help="From this day (YYYY-MM-DD) or moment (UTC) on."),
    user: str | None = typer.Option(None, "--user", help="Who acted: an account's e-mail or the operator's login."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement name or id."),
    record_type: str | None = typer.Option(None, "--type", help="The table written to, e.g. weekly_reviews."),
    action: str | None = typer.Option(None, "--action", help="insert, update, delete, sign_in or sign_out."),
    limit: int = typer.Option(DEFAULT_LIMIT, "--limit", help="At most this many entries (1 to 1000)."),
    before: int | None = typer.Option(None, "--before", help="Only entries older than this id (the next page)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Show the audit log: every write, who made it, from where, and the record before and after."""
    query = validated(
        AuditQuery,
        since=since,
        user=user,
        engagement=engagement,
        record_type=record_type,
        action=action,
        limit=limit,
        before_id=before,
    )
    page = service.list(workspace(), query)
    if json_out:
        emit_json(page)
    else:
        render(page)


def register(app: typer.Typer) -> None:
    app.command("audit")(audit)
