"""`inhouse participation` and `inhouse task ...`: internal participation week by week,
tracker tasks, and the "delegate and wait" alert."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, pct, table_output, workspace
from inhouse.cli.files import read_upload
from inhouse.domain.participation import TaskRecord
from inhouse.errors import InvalidInput
from inhouse.services import participation as service

task_app = typer.Typer(help="Import and list tracker tasks (Jira or plain CSV).", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


@task_app.command("import")
def import_(
    file: str = typer.Argument(..., help="CSV export of the tracker."),
    engagement: str | None = ENGAGEMENT,
    fmt: str = typer.Option(
        "auto", "--format", help="jira (Jira's CSV export), plain (date,title,assignee,status) or auto."
    ),
    json_out: bool = JSON,
) -> None:
    """Import tasks from a tracker's CSV export, all or nothing; a re-import updates tasks by key."""
    ws = workspace()
    result = service.import_tasks(ws, engagement, read_upload(file, ws.settings.max_document_bytes), fmt)
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Imported {result.tasks} {result.format} task(s) into {escape(result.engagement)}: "
        f"{result.added} new, {result.updated} updated, {result.unchanged} unchanged; "
        f"{result.internal} by internal people, {result.partner} by the partner"
    )
    if result.unknown_assignees:
        console.print(
            "  unknown assignees (add them with `inhouse person add`): " + escape(", ".join(result.unknown_assignees)),
            soft_wrap=True,
        )


@task_app.command("list")
def list_(engagement: str | None = ENGAGEMENT, json_out: bool = JSON, csv_out: bool = CSV) -> None:
    """List the imported tasks with the side of their assignee."""
    output = table_output(json_out, csv_out)
    rows = service.list_tasks(workspace(), engagement)
    if output == "csv":
        emit_csv(rows, TaskRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("date", "key", "title", "assignee", "side", "status", title="Tasks")
    for row in rows:
        table.add_row(
            row.worked_on.isoformat(),
            escape(row.key),
            escape(row.title[:50]),
            escape(row.assignee),
            row.side or "-",
            escape(row.status),
        )
    console.print(table)


def participation(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (optional with one engagement)."),
    weeks: int | None = typer.Option(
        None,
        "--weeks",
        help="Weeks without a review or internal participation "
        "before the 'delegate and wait' alert (default 2, INHOUSE_DELEGATE_ALERT_WEEKS).",
    ),
    last: int = typer.Option(12, "--last", help="Show the last N weeks (0: all since records began)."),
    json_out: bool = JSON,
) -> None:
    """Internal participation per week (attendance, decisions, tasks) and the 'delegate and wait' alert."""
    if weeks is not None and weeks < 1:
        raise InvalidInput(f"--weeks must be at least 1, not {weeks}")
    if last < 0:
        raise InvalidInput(f"--last must not be negative, not {last}")
    data = service.participation(workspace(), engagement, weeks=weeks, last=last)
    if json_out:
        emit_json(data)
        return
    table = Table(
        "week of",
        "review",
        "internal attendees",
        "decisions int./joint",
        "tasks internal",
        "participation",
        title=f"Participation: {escape(data.engagement)}",
    )
    for week in data.weeks:
        d, t = week.decisions, week.tasks
        table.add_row(
            week.week_of.isoformat(),
            "yes" if week.review else "[red]no[/]",
            escape(", ".join(week.internal_attendees)) or "-",
            f"{d.internal + d.joint}/{d.total}" if d.total else "-",
            f"{t.internal}/{t.total}" if t.total else "-",
            "yes" if week.internal_participation else "[red]none[/]",
        )
    console.print(table)
    s = data.summary
    console.print(
        f"{s.weeks_with_review}/{s.weeks} weeks reviewed, internal attendance in "
        f"{s.weeks_with_internal_attendance}; decisions internal or joint: "
        f"{pct(s.decisions_internal_or_joint_share)}; tasks by internal people: "
        f"{pct(s.tasks_internal_share)}"
    )
    alert = data.alert
    if alert.active:
        console.print(f"[bold red]Delegate and wait:[/] {alert.message}")
    else:
        console.print(f"No 'delegate and wait' alert now (threshold {alert.threshold_weeks} weeks).")
    past = [p for p in alert.periods if not p.ongoing]
    if past:
        console.print("Earlier alert periods:")
        for period in past:
            what = "no weekly review" if period.kind == "no_review" else "no internal participation"
            console.print(
                f"  {period.start} .. {period.end}: {what} for {period.weeks} week" + ("s" if period.weeks != 1 else "")
            )


def register(app: typer.Typer) -> None:
    app.command("participation")(participation)
    app.add_typer(task_app, name="task")
