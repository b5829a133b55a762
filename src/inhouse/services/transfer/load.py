"""``inhouse import``: an export loaded into an empty workspace, in one transaction, or not at all.

An export is untrusted input: every file is read with the size its manifest gives, checked
against its SHA-256, and every record validated against its type before anything is stored.
A wrong checksum, a missing file, an unknown format version, another schema revision or a
workspace that already holds records is refused with one line, and nothing is stored.

Every blob is read twice, on purpose: once while the whole export is checked, and again when the
record that holds it is inserted. Keeping the checked bytes instead would hold every document of
the workspace in memory at once; reading again keeps memory to one batch of records (``BATCH``),
and the second read is checked against the same SHA-256, so a file changed in between is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from pydantic import ValidationError

from inhouse.bootstrap import Workspace
from inhouse.domain.transfer import FORMAT, FORMAT_VERSION, MANIFEST, ExportManifest, ImportSummary
from inhouse.errors import Conflict, InvalidInput
from inhouse.services.transfer import layout
from inhouse.services.transfer.bundle import Source
from inhouse.store import migrate
from inhouse.store.database import describe
from inhouse.store.dump import BLOB_SUFFIX, RecordShape, RecordType, record_types

Progress = Callable[[str, int, int], None]
MANIFEST_LIMIT = 16 * 1024 * 1024
BATCH = 500


def _quiet(_stage: str, _done: int, _total: int) -> None:
    return None


def read_manifest(source: Source) -> ExportManifest:
    where = source.describe()
    data = source.read(MANIFEST, MANIFEST_LIMIT)
    if data is None:
        raise InvalidInput(f"{where}: no {MANIFEST}: not an inhouse export")
    if len(data) > MANIFEST_LIMIT:
        raise InvalidInput(f"{where}: {MANIFEST} is larger than {MANIFEST_LIMIT} bytes")
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        raise InvalidInput(f"{where}: {MANIFEST} is not JSON") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InvalidInput(f"{where}: {MANIFEST} is not the manifest of an inhouse export")
    version = raw.get("format_version")
    if version != FORMAT_VERSION:
        raise InvalidInput(f"{where}: export format version {version!r}; this inhouse reads version {FORMAT_VERSION}")
    try:
        manifest = ExportManifest.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"])
        raise InvalidInput(f"{where}: {MANIFEST}: {field}: {error['msg']}") from None
    head = migrate.head_revision()
    if manifest.schema_revision != head:
        raise InvalidInput(
            f"{where}: exported at schema revision {manifest.schema_revision!r}, this inhouse is at {head!r}: "
            "import it with the inhouse version that wrote it, run `inhouse db upgrade`, and export again"
        )
    return manifest


def _check_listing(where: str, manifest: ExportManifest, types: list[RecordType]) -> None:
    paths = [f.path for f in manifest.files]
    if len(set(paths)) != len(paths):
        raise InvalidInput(f"{where}: {MANIFEST} lists a file twice")
    for path in paths:
        if not layout.PATH.match(path) or path == MANIFEST:
            raise InvalidInput(f"{where}: {MANIFEST} lists {path!r}, which is no file of an export")
    known = {t.name for t in types}
    unknown = sorted(set(manifest.records) - known)
    if unknown:
        raise InvalidInput(f"{where}: unknown record type {unknown[0]!r}")
    for kind in types:
        if layout.RECORDS.format(name=kind.name) not in paths:
            raise InvalidInput(f"{where}: missing file {layout.RECORDS.format(name=kind.name)}")


def _read_checked(source: Source, path: str, size: int, sha256: str) -> bytes:
    where = source.describe()
    data = source.read(path, size)
    if data is None:
        raise InvalidInput(f"{where}: missing file {path}")
    if len(data) != size:
        raise InvalidInput(f"{where}: {path} is not the size its manifest gives ({size} bytes)")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise InvalidInput(f"{where}: {path} does not match its SHA-256 in {MANIFEST}")
    return data


def _parse(where: str, kind: RecordType, path: str, data: bytes) -> list[RecordShape]:
    records = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{where}: {path} is not UTF-8") from None
    for number, line in enumerate(text.splitlines(), 1):
        try:
            records.append(kind.shape.model_validate_json(line))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "line"
            raise InvalidInput(f"{where}: {path} line {number}: {field}: {error['msg']}") from None
    return records


def load(ws: Workspace, source: Source, progress: Progress = _quiet) -> ImportSummary:
    """Load the export ``source`` into the empty workspace ``ws`` (its schema created when missing)."""
    where = source.describe()
    manifest = read_manifest(source)
    types = record_types()
    _check_listing(where, manifest, types)
    files = {f.path: f for f in manifest.files}
    total = sum(f.bytes for f in manifest.files)
    progress("check", 0, total)
    checked = 0
    parsed: dict[str, list[RecordShape]] = {}
    for entry in manifest.files:  # every file checked before anything is stored
        data = _read_checked(source, entry.path, entry.bytes, entry.sha256)
        checked += entry.bytes
        progress("check", checked, total)
        for kind in types:
            if entry.path == layout.RECORDS.format(name=kind.name):
                parsed[kind.name] = _parse(where, kind, entry.path, data)
    for kind in types:
        count = len(parsed[kind.name])
        if count != manifest.records.get(kind.name, 0):
            raise InvalidInput(
                f"{where}: {kind.name}: {count} records, the manifest says {manifest.records.get(kind.name, 0)}"
            )
        for record in parsed[kind.name]:
            for column in kind.blobs:
                digest = getattr(record, column + BLOB_SUFFIX)
                if layout.BLOB.format(sha256=digest) not in files:
                    raise InvalidInput(f"{where}: {kind.name} {column}: blob {digest} is not in the export")
    migrate.upgrade(ws.engine)
    records = sum(len(v) for v in parsed.values())
    with ws.uow() as uow:
        held = uow.dump.holds_anything()
        if held:
            raise Conflict(
                f"{describe(ws.engine)} is not empty (it holds {sum(held.values())} records): "
                "import into a new, empty database"
            )
        done = 0
        progress("import", 0, records)
        for kind in types:
            rows = parsed[kind.name]
            step = 20 if kind.blobs else BATCH
            for start in range(0, len(rows), step):
                batch = rows[start : start + step]
                blobs = {}
                for record in batch:
                    for column in kind.blobs:
                        path = layout.BLOB.format(sha256=getattr(record, column + BLOB_SUFFIX))
                        entry = files[path]
                        blobs[entry.sha256] = _read_checked(source, path, entry.bytes, entry.sha256)
                kind.insert(uow.session, batch, blobs)
                done += len(batch)
                progress("import", done, records)
            kind.reset_sequence(uow.session)
        uow.commit()
    return ImportSummary(
        source=where,
        database=describe(ws.engine),
        schema_revision=manifest.schema_revision,
        records={t.name: len(parsed[t.name]) for t in types},
        files=len(manifest.files),
    )
