"""``inhouse export``: every record of the workspace, as JSON Lines per record type, its blobs and a manifest.

The export reads in one transaction (on PostgreSQL at REPEATABLE READ), so it is a consistent
copy of a workspace in use. Its bytes depend on the records alone (no clock, no host), so an
export imported elsewhere and exported again is the same, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import NamedTuple

from inhouse import __version__
from inhouse.bootstrap import Workspace
from inhouse.domain.transfer import FORMAT, FORMAT_VERSION, MANIFEST, ExportedFile, ExportManifest
from inhouse.services.transfer import layout
from inhouse.services.transfer.bundle import Sink
from inhouse.store import migrate
from inhouse.store.database import describe

Progress = Callable[[str, int, int], None]


def _quiet(_stage: str, _done: int, _total: int) -> None:
    return None


class _Counting:
    """The sink, keeping each file's size and checksum for the manifest."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.files: list[ExportedFile] = []

    def write(self, path: str, data: bytes) -> None:
        self.sink.write(path, data)
        self.files.append(ExportedFile(path=path, bytes=len(data), sha256=hashlib.sha256(data).hexdigest()))


class Exported(NamedTuple):
    manifest: ExportManifest
    manifest_bytes: bytes
    """The manifest as written, last, as ``manifest.json``."""
    database: str


def export(ws: Workspace, sink: Sink, progress: Progress = _quiet) -> Exported:
    """Write the workspace's export to ``sink``."""
    out = _Counting(sink)
    revision = migrate.current_revision(ws.engine) or ""
    with ws.uow() as uow:
        if uow.session.get_bind().dialect.name == "postgresql":
            uow.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        types = uow.dump.types
        counts = uow.dump.counts()
        total, done = sum(counts.values()), 0
        progress("export", 0, total)
        written: set[str] = set()
        for kind in types:
            lines: list[str] = []
            for record, blobs in kind.records(uow.session):
                lines.append(record.model_dump_json())
                for digest, data in blobs.items():
                    if digest not in written:
                        out.write(layout.BLOB.format(sha256=digest), data)
                        written.add(digest)
                done += 1
                if done % 200 == 0:
                    progress("export", done, total)
            counts[kind.name] = len(lines)
            out.write(layout.RECORDS.format(name=kind.name), "".join(line + "\n" for line in lines).encode())
            schema = json.dumps(kind.shape.model_json_schema(), indent=2, sort_keys=True) + "\n"
            out.write(layout.SCHEMA.format(name=kind.name), schema.encode())
        out.write(layout.README, layout.readme(counts, types, __version__, revision).encode())
        progress("export", total, total)
    manifest = ExportManifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        inhouse_version=__version__,
        schema_revision=revision,
        records=counts,
        files=out.files,
    )
    data = (manifest.model_dump_json(indent=2) + "\n").encode()
    sink.write(MANIFEST, data)
    return Exported(manifest, data, describe(ws.engine))


def note_export(ws: Workspace, exported: Exported, where: str) -> None:
    """Log the export once it is complete (after it, so the export itself never holds its own entry:
    an export imported and exported again is the same)."""
    with ws.uow() as uow:
        clients = uow.clients.list()
        records = sum(exported.manifest.records.values())
        digest = hashlib.sha256(exported.manifest_bytes).hexdigest()
        uow.audit.note(
            "export",
            f"workspace exported to {where}: {records} records, manifest SHA-256 {digest}",
            record_type="clients",
            record_id=clients[0].id if clients else None,
        )
        uow.commit()
