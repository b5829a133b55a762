"""`inhouse exit-readiness`: could the client leave the partner today? And the regulator's register."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, table_output, workspace
from inhouse.domain.common import parse_date
from inhouse.domain.exit_readiness import CheckItem, ExitReadiness
from inhouse.domain.register import RegisterAssessment, RegisterQuery
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import exit_readiness as service
from inhouse.services import register as register_service

STYLE = {"ready": "green", "at_risk": "yellow", "blocked": "red"}


def render(result: ExitReadiness) -> None:
    console.print(
        f"[bold]Exit readiness of {escape(result.engagement)}[/] (partner {escape(result.partner)}): "
        f"[{STYLE[result.status.value]}]{escape(result.summary)}[/]"
    )
    table = Table("area", "item", "status", "reason", "evidence")
    for item in result.items:
        table.add_row(
            item.area,
            escape(item.title),
            f"[{STYLE[item.status.value]}]{item.status.value.replace('_', ' ')}[/]",
            escape(item.reason),
            escape(item.evidence.ref),
        )
    console.print(table)


def render_register(result: RegisterAssessment) -> None:
    console.print(
        f"[bold]Register of information, template {result.template}, for {escape(result.engagement)}[/] "
        f"(partner {escape(result.partner)}), as of {result.as_of.isoformat()}"
    )
    table = Table("code", "field", "value", "reason")
    table.columns[0].no_wrap = True
    for cell in result.cells():
        value = "[bright_black]–[/]" if cell.value is None else escape(str(cell.value))
        if cell.code == result.exit_plan.code and result.exit_plan.value == "Yes":
            flag = result.exit_plan.test
            value += f" [{'green' if flag == 'tested' else 'yellow' if flag == 'untested' else 'red'}]({flag})[/]"
        table.add_row(cell.code, escape(cell.label), value, escape(cell.reason))
    console.print(table)
    console.print(f"[bright_black]{escape(result.citation)}[/]")


def _write(text: str) -> None:
    """``text`` on stdout as UTF-8 bytes, its ``\r\n`` line endings as they are (as ``emit_csv`` writes)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def exit_readiness(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (optional with one engagement)."),
    register: bool = typer.Option(
        False, "--register", help="Show the DORA register of information's assessment (template B_07.01) instead."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="With --register: assess as of this date, YYYY-MM-DD (default: today)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    csv_out: bool = CSV,
) -> None:
    """Check exit readiness: contract, documentation, knowledge, drills and assets, each ready, at risk or blocked.

    With --register: the register of information's columns B_07.01.0050 to 0120 (substitutability, exit
    plan, reintegration, impact, alternatives...), each derived from the stored evidence with its reason;
    --csv then prints the column codes as the header and the values below."""
    output = table_output(json_out, csv_out)
    if as_of is not None and not register:
        raise InvalidInput("--as-of is for --register: the exit checklist is always as of now")
    if register:
        day = validated(RegisterQuery, as_of=parse_date(as_of, "--as-of date") if as_of else None).as_of
        assessment = register_service.register(workspace(), engagement, day)
        if output == "csv":
            from inhouse.report.register_csv import register_csv  # the report package is not loaded for every command

            _write(register_csv(assessment))
        elif output == "json":
            emit_json(assessment)
        else:
            render_register(assessment)
        return
    result = service.readiness(workspace(), engagement)
    if output == "csv":
        emit_csv(result.items, CheckItem)
    elif output == "json":
        emit_json(result)
    else:
        render(result)


def register(app: typer.Typer) -> None:
    app.command("exit-readiness")(exit_readiness)
