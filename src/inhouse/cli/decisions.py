"""`inhouse decision ...`: who decided what, when and why; ADR import and export."""

from __future__ import annotations

from datetime import date

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.analysis.journal.adr import adr_file_names, last_commit_dates
from inhouse.cli.context import CSV, console, emit_csv, emit_json, pct, table_output, workspace
from inhouse.cli.files import folder_entries, kind_of, local_path, read_upload, read_uploads
from inhouse.domain.common import parse_date, parse_enum
from inhouse.domain.decisions import ADR_FORMATS, AdrDefaults, AdrWritten, DecisionIn, DecisionRecord
from inhouse.domain.reviews import DecidedBy
from inhouse.domain.shapes import Upload, validated
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import decisions as service

app = typer.Typer(help="Record, list, import and export decisions (MADR / adr-tools).", no_args_is_help=True)

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


@app.command("add")
def add(
    title: str = typer.Argument(..., help="What was decided."),
    engagement: str | None = ENGAGEMENT,
    by: str | None = typer.Option(
        None, "--by", help="Who decided: internal, partner or joint (default: from the --decider sides)."
    ),
    decider: list[str] = typer.Option([], "--decider", help="A person who decided (repeatable)."),
    why: str = typer.Option("", "--why", help="Why it was decided."),
    on: str | None = typer.Option(None, "--on", help="Date of the decision, YYYY-MM-DD (default: today)."),
    status: str = typer.Option("accepted", "--status", help="proposed, accepted, rejected, deprecated, superseded."),
    json_out: bool = JSON,
) -> None:
    """Record a decision, linked to the weekly review of its week."""
    decision = validated(
        DecisionIn,
        title=title,
        decided_by=parse_enum(DecidedBy, by, "--by") if by else None,
        decided_on=parse_date(on, "--on") if on else date.today(),
        rationale=why,
        deciders=list(decider),
        status=status,
    )
    result = service.add(workspace(), engagement, decision)
    if json_out:
        emit_json(result)
        return
    link = f", recorded in the review of {result.review_week}" if result.review_week else ", no review that week"
    console.print(
        f"Recorded {result.decided_by.value} decision [bold]{escape(result.title)}[/] of {result.decided_on}{link}"
    )


@app.command("list")
def list_(engagement: str | None = ENGAGEMENT, json_out: bool = JSON, csv_out: bool = CSV) -> None:
    """List decisions: who decided (internal, partner, joint), when, why."""
    output = table_output(json_out, csv_out)
    rows = service.list_decisions(workspace(), engagement)
    if output == "csv":
        emit_csv(rows, DecisionRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("date", "decided by", "decision", "why", "review", title="Decisions")
    for row in rows:
        table.add_row(
            row.decided_on.isoformat(),
            row.decided_by.value,
            escape(row.title),
            escape(row.rationale[:60]),
            row.review_week.isoformat() if row.review_week else "-",
        )
    console.print(table)
    shared = sum(1 for r in rows if r.decided_by in (DecidedBy.INTERNAL, DecidedBy.JOINT))
    console.print(f"{len(rows)} decision(s); internal or joint: {pct(shared / len(rows)) if rows else '-'}")


@app.command("import")
def import_(
    path: str = typer.Argument(..., help="A folder of ADRs (0001-*.md) or one ADR file."),
    engagement: str | None = ENGAGEMENT,
    decided_by: str | None = typer.Option(
        None, "--decided-by", help="internal, partner or joint for records whose deciders are missing or unknown."
    ),
    on: str | None = typer.Option(None, "--date", help="Date for records without one, YYYY-MM-DD."),
    json_out: bool = JSON,
) -> None:
    """Import architecture decision records (adr-tools or MADR), all or nothing."""
    ws = workspace()
    defaults = validated(
        AdrDefaults,
        decided_by=parse_enum(DecidedBy, decided_by, "--decided-by") if decided_by else None,
        decided_on=parse_date(on, "--date") if on else None,
    )
    uploads = adr_uploads(path, ws.settings.max_document_bytes)
    result = service.import_adrs(ws, engagement, uploads, defaults, committed_on=adr_commit_dates(path, uploads))
    if json_out:
        emit_json(result)
        return
    console.print(
        f"Imported {len(result.added)} decision(s) into {escape(result.engagement)}; "
        f"{len(result.unchanged)} already stored"
    )


@app.command("export")
def export(
    folder: str = typer.Argument(..., help="Folder to write NNNN-title.md files into (created)."),
    engagement: str | None = ENGAGEMENT,
    fmt: str = typer.Option("madr", "--format", help="madr (front matter) or adr-tools."),
    force: bool = typer.Option(False, "--force", help="Overwrite files of the same name."),
    json_out: bool = JSON,
) -> None:
    """Export the decisions as architecture decision records (MADR or adr-tools)."""
    if fmt not in ADR_FORMATS:
        raise InvalidInput(f"invalid --format {fmt!r}: expected one of {', '.join(ADR_FORMATS)}")
    target = local_path(folder, "folder")
    if kind_of(target) not in (None, "folder"):
        raise InvalidInput(f"{target} is a file, not a folder")
    export = service.export_adrs(workspace(), engagement, flavour="madr" if fmt == "madr" else "adr-tools")
    clashes = [(r.name, kind) for r in export.records if (kind := kind_of(target / r.name)) is not None]
    for name, kind in clashes:
        if kind != "file":  # a folder, a FIFO (writing to one would wait for a reader)
            raise InvalidInput(f"{target / name} exists and is not a file")
    if clashes and not force:
        raise Conflict(f"{target / clashes[0][0]} exists: pass --force to overwrite")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for record in export.records:
            (target / record.name).write_text(record.text, encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"cannot write to {target}: {exc.strerror or exc}") from None
    result = AdrWritten(
        engagement=export.engagement, folder=str(target), format=export.format, files=[r.name for r in export.records]
    )
    if json_out:
        emit_json(result)
        return
    console.print(f"Wrote {len(result.files)} {result.format} record(s) to {escape(result.folder)}")


def adr_commit_dates(path: str, uploads: list[Upload]) -> dict[str, date]:
    """The day of each ADR's last commit, when the file or folder is in a git work tree."""
    source = local_path(path)
    folder = source if kind_of(source) == "folder" else source.parent
    return last_commit_dates(folder, [upload.name for upload in uploads])


def adr_uploads(path: str, max_bytes: int) -> list[Upload]:
    """One ADR file, or the ADRs of a folder (``0001-*.md``, else its Markdown but README and templates)."""
    source = local_path(path)
    kind = kind_of(source)
    if kind is None:
        raise NotFound(f"no such file or folder: {source}")
    if kind == "file":
        return [read_upload(source, max_bytes)]
    if kind != "folder":
        raise InvalidInput(f"{source} is not a file or folder")
    names = adr_file_names([p.name for p in folder_entries(source)])
    if not names:
        raise InvalidInput(f"{source}: no decision records (*.md)")
    return read_uploads([source / name for name in names], max_bytes)
