"""The whole workspace out and back in: the export's manifest, and what an export, an import or a backup did."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from inhouse.domain.shapes import Shape

FORMAT = "inhouse-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class ExportedFile(Shape):
    """One file of an export: its path inside the export, its size and its SHA-256."""

    path: str
    bytes: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ExportManifest(Shape):
    """``manifest.json``: what the export holds and how to check it (every other file is listed with its checksum)."""

    format: Literal["inhouse-export"]
    format_version: int
    inhouse_version: str
    schema_revision: str
    records: dict[str, int]
    files: list[ExportedFile]


class ExportSummary(Shape):
    """``inhouse export``: where the export went and what it holds."""

    path: str
    format: Literal["dir", "zip"]
    database: str
    records: dict[str, int]
    files: int
    bytes: int
    manifest_sha256: str


class ImportSummary(Shape):
    """``inhouse import``: what was loaded into which workspace."""

    source: str
    database: str
    schema_revision: str
    records: dict[str, int]
    files: int


class BackupSummary(Shape):
    """``inhouse backup``: the copy taken of a live workspace, and how."""

    path: str
    database: str
    method: Literal["sqlite-online-backup", "export"]
    bytes: int
