"""`inhouse report`: one engagement as an HTML page or a PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from inhouse.cli.context import console, workspace
from inhouse.cli.files import writable, write_file
from inhouse.errors import InvalidInput


def report(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (the only one when omitted)."),
    format: str = typer.Option("pdf", "--format", help="html or pdf."),
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="File to write, or - for standard output (default: a name from the engagement and the date, "
        "in the current folder). A folder, FIFO or device is refused.",
    ),
) -> None:
    """Write an engagement report: charts, evidence excerpts and the action list."""
    from inhouse import report as report_module

    if format not in report_module.FORMATS:
        raise InvalidInput(f"invalid --format {format!r}: expected html or pdf")
    to_stdout = output is not None and str(output) == "-"
    if output is not None and not to_stdout:
        writable(output, "report file")  # before the report is built
    document = report_module.build(workspace(), engagement, format)
    if to_stdout:
        sys.stdout.buffer.write(document.content)
        sys.stdout.flush()
        return
    target = write_file(output or Path(document.filename), document.content, "report file")
    console.print(f"Wrote {target} ({len(document.content):,} bytes)", soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
