"""`inhouse drill ...`: "can we modify this alone?" drills and the training they request."""

from __future__ import annotations

from datetime import date

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, table_output, workspace
from inhouse.domain.common import parse_date
from inhouse.domain.drills import DrillIn, DrillRecord, TrainingComparison
from inhouse.domain.shapes import validated
from inhouse.services import drills as service

app = typer.Typer(help="Record and list 'can we modify this alone?' drills.", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


def _training_line(training: TrainingComparison) -> str:
    line = f"Training requested: {training.requested_hours:g} h"
    if training.status == "unknown" or training.contract_hours is None:
        return line + " (no knowledge-transfer hours found in a contract review)"
    verdict = "covered by" if training.status == "covered" else "[red]more than[/]"
    return f"{line}, {verdict} the contract's {training.contract_hours:g} h of knowledge transfer"


@app.command("add")
def add(
    modification: str = typer.Argument(..., help="The modification tried without the partner's help."),
    person: str = typer.Option(..., "--person", help="The internal person who tried it."),
    outcome: str = typer.Option(..., "--outcome", help="alone, with_help or stuck."),
    stuck: list[str] = typer.Option(
        [], "--stuck", help="Where they got stuck (repeatable); each becomes a training request."
    ),
    hours: float | None = typer.Option(
        None, "--hours", help="Training hours per stuck point (default 4, INHOUSE_TRAINING_HOURS_PER_STUCK_POINT)."
    ),
    on: str | None = typer.Option(None, "--on", help="Date of the drill, YYYY-MM-DD (default: today)."),
    engagement: str | None = ENGAGEMENT,
    json_out: bool = JSON,
) -> None:
    """Record a drill: the modification, who, when, the outcome and where they got stuck."""
    drill = validated(
        DrillIn,
        performed_on=parse_date(on, "--on") if on else date.today(),
        person=person,
        modification=modification,
        outcome=outcome.strip().lower().replace("-", "_"),
        stuck_points=[p for p in stuck if p.strip()],
        hours_per_stuck_point=hours,
    )
    result = service.add(workspace(), engagement, drill)
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Recorded drill by [bold]{escape(result.person)}[/] on {result.performed_on}: "
        f"{result.outcome.value}; {len(result.stuck_points)} training request(s), "
        f"{result.training_hours:g} h"
    )
    console.print(_training_line(result.training))


@app.command("list")
def list_(engagement: str | None = ENGAGEMENT, json_out: bool = JSON, csv_out: bool = CSV) -> None:
    """List drills, the training requests from their stuck points, and the total against the contract."""
    output = table_output(json_out, csv_out)
    data = service.list_drills(workspace(), engagement)
    if output == "csv":  # the drills, one a row (the training total is in --json and the table's last line)
        emit_csv(data.drills, DrillRecord)
        return
    if output == "json":
        emit_json(data)
        return
    table = Table("date", "person", "modification", "outcome", "stuck at", "hours", title="Drills")
    for row in data.drills:
        colour = {"alone": "green", "with_help": "yellow", "stuck": "red"}[row.outcome.value]
        table.add_row(
            row.performed_on.isoformat(),
            escape(row.person),
            escape(row.modification),
            f"[{colour}]{row.outcome.value}[/]",
            escape("; ".join(row.stuck_points)) or "-",
            f"{row.training_hours:g}",
        )
    console.print(table)
    console.print(_training_line(data.training))
