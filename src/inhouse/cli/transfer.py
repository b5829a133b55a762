"""`inhouse export`, `inhouse import` and `inhouse backup`: the whole workspace out, back in, and copied live."""

from __future__ import annotations

import hashlib
from enum import Enum

import typer
from rich.markup import escape

from inhouse.cli.bundles import FolderSink, ZipSink, open_source
from inhouse.cli.context import console, emit_json, workspace
from inhouse.cli.files import writable
from inhouse.cli.progress import progress_bar
from inhouse.domain.transfer import BackupSummary, ExportSummary
from inhouse.errors import InvalidInput
from inhouse.services.transfer import backup as backup_service
from inhouse.services.transfer import export as export_service
from inhouse.services.transfer import load as load_service

STAGES = {"export": "Exporting records", "check": "Checking files", "import": "Importing records"}


class ExportFormat(str, Enum):
    dir = "dir"
    zip = "zip"


def _export(out: str, fmt: ExportFormat) -> ExportSummary:
    ws = workspace()
    sink = ZipSink(out) if fmt is ExportFormat.zip else FolderSink(out)
    with progress_bar(STAGES) as progress, sink:
        exported = export_service.export(ws, sink, progress)
    export_service.note_export(ws, exported, out)
    manifest, manifest_bytes = exported.manifest, exported.manifest_bytes
    return ExportSummary(
        path=str(sink.target),
        format=fmt.value,
        database=exported.database,
        records=manifest.records,
        files=len(manifest.files) + 1,
        bytes=sum(f.bytes for f in manifest.files) + len(manifest_bytes),
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
    )


def export(
    out: str = typer.Argument(..., help="Where to write the export: a new folder, or a new .zip file."),
    fmt: ExportFormat | None = typer.Option(
        None, "--format", help="dir (a folder) or zip (one archive); default: zip when OUT ends in .zip."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Export every record of the workspace (documents with their bytes, analyses, accounts, the audit log)."""
    chosen = fmt or (ExportFormat.zip if out.lower().endswith(".zip") else ExportFormat.dir)
    summary = _export(out, chosen)
    if json_out:
        emit_json(summary)
        return
    records = sum(summary.records.values())
    console.print(
        f"Exported {records} records in {summary.files} files ({summary.bytes:,} bytes) to [bold]{escape(summary.path)}[/]"
    )
    console.print(f"manifest SHA-256 {summary.manifest_sha256}; README.md inside describes the format")


def import_(
    source: str = typer.Argument(..., help="An export: its folder or its .zip file."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Load an export into an empty workspace (this --db), in one transaction: all of it or nothing."""
    bundle = open_source(source)
    ws = workspace()
    try:
        with progress_bar(STAGES) as progress:
            summary = load_service.load(ws, bundle, progress)
    finally:
        close = getattr(bundle, "close", None)
        if close is not None:
            close()
    if json_out:
        emit_json(summary)
        return
    console.print(
        f"Imported {sum(summary.records.values())} records from [bold]{escape(summary.source)}[/] "
        f"into {escape(summary.database)}"
    )


def backup(
    out: str = typer.Argument(..., help="The backup file to write (a new file)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Copy the live workspace: SQLite's online backup of the database file, or on PostgreSQL an export (zip)."""
    ws = workspace()
    if backup_service.is_sqlite(ws):
        target = writable(out, "backup file")
        if target.exists():
            raise InvalidInput(f"{out} exists: name a new file")
        summary = backup_service.sqlite_copy(ws, target)
    else:
        exported = _export(out, ExportFormat.zip)
        summary = BackupSummary(path=exported.path, database=exported.database, method="export", bytes=exported.bytes)
    if json_out:
        emit_json(summary)
        return
    how = "SQLite online backup" if summary.method == "sqlite-online-backup" else "export (zip)"
    console.print(
        f"Backed up {escape(summary.database)} to [bold]{escape(summary.path)}[/] ({how}, {summary.bytes:,} bytes)"
    )


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
    app.command("backup")(backup)
