"""`inhouse <thing> delete ID` for everything a user creates, and `inhouse trash list | restore | purge`."""

from __future__ import annotations

from collections.abc import Callable

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli import assets, decisions, drills, engagements, participation, partners, people, repos, reviews, users
from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.trash import Deleted, TrashEntry
from inhouse.services import trash as service

app = typer.Typer(help="Deleted records, kept to be restored: list, restore, purge.", no_args_is_help=True)
document_app = typer.Typer(help="Documents handed over (contracts, proposals, others).", no_args_is_help=True)


def _said(result: Deleted) -> None:
    more = result.records - 1
    hung = f" and {more} record{'s' if more != 1 else ''} that hung on it" if more else ""
    if result.purged:
        console.print(f"Deleted {escape(result.label)}{hung} for good")
        return
    assert result.trash is not None
    console.print(
        f"Deleted {escape(result.label)}{hung}: in the trash as {result.trash.id} until "
        f"{result.trash.expires_at:%Y-%m-%d} (`inhouse trash restore {result.trash.id}` brings it back)"
    )


def _delete_command(thing: str) -> Callable[..., None]:
    def delete(
        record_id: int = typer.Argument(..., help=f"The {thing}'s id."),
        purge: bool = typer.Option(False, "--purge", help="Delete for good, not into the trash (admins only)."),
        json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    ) -> None:
        result = service.delete(workspace(), thing, record_id, purge=purge)
        if json_out:
            emit_json(result)
        else:
            _said(result)

    delete.__doc__ = f"Delete a {thing} and what hangs on it, into the trash (restorable; --purge: for good)."
    return delete


def render(listed: list[TrashEntry]) -> None:
    if not listed:
        console.print("The trash is empty.")
        return
    table = Table("id", "deleted (UTC)", "by", "what", "records", "restorable until", title="Trash")
    for entry in listed:
        table.add_row(
            str(entry.id),
            entry.deleted_at.isoformat(sep=" ", timespec="minutes"),
            escape(entry.deleted_by),
            escape(f"{entry.label} (id {entry.record_id})"),
            str(entry.records),
            f"{entry.expires_at:%Y-%m-%d}",
        )
    console.print(table)


@app.command("list")
def list_(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """List the trash, newest first: each delete, what it removed, and until when it can be restored."""
    listed = service.entries(workspace())
    if json_out:
        emit_json(listed)
    else:
        render(listed)


@app.command("restore")
def restore(
    trash_id: int = typer.Argument(..., help="The trash entry's id (see `inhouse trash list`)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Bring a deleted record back, with everything that hung on it."""
    result = service.restore(workspace(), trash_id)
    if json_out:
        emit_json(result)
        return
    console.print(f"Restored {escape(result.label)} ({result.records} records), id {result.record_id}")
    for table, ids in result.renumbered.items():
        changed = ", ".join(f"{old} -> {new}" for old, new in ids.items())
        console.print(f"  {table}: new ids (the old ones were taken since): {changed}")


@app.command("purge")
def purge(
    trash_id: int = typer.Argument(..., help="The trash entry's id (see `inhouse trash list`)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Delete a trash entry for good (admins only): it can no longer be restored."""
    result = service.purge(workspace(), trash_id)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Purged {escape(result.label)} ({result.records} records) for good")


def register(root: typer.Typer) -> None:
    for group, thing in (
        (partners.app, "partner"),
        (partners.references_app, "reference"),
        (engagements.app, "engagement"),
        (people.app, "person"),
        (repos.app, "repo"),
        (document_app, "document"),
        (reviews.app, "review"),
        (decisions.app, "decision"),
        (drills.app, "drill"),
        (participation.task_app, "task"),
        (assets.app, "asset"),
        (users.user_app, "user"),
    ):
        group.command("delete")(_delete_command(thing))
    engagements.app.command("phase-delete")(_delete_command("phase"))
    root.add_typer(document_app, name="document")
    root.add_typer(app, name="trash")
