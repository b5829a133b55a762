"""The whole workspace out and back in: `inhouse export`, `inhouse import`, `inhouse backup`.

The demo workspace is exported, imported into new databases (SQLite and PostgreSQL, and from
one to the other) and exported again: the exports are the same, byte for byte. Broken exports
(a byte changed, a file missing, a future format version, a path out of the export) and a
target that already holds records are refused in one line, with nothing stored.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from inhouse.bootstrap import Workspace
from inhouse.services.demo import accounts as demo_accounts
from inhouse.settings import load_settings
from inhouse.store.dump import LEFT_OUT, record_types
from inhouse.store.tables import Base
from tests.conftest import POSTGRES_URL, Cli, _truncate_postgres

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="INHOUSE_TEST_POSTGRES_URL is not set")


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory, demo_db) -> dict[str, Path]:
    """The demo workspace, exported once as a zip archive and as a folder."""
    where = tmp_path_factory.mktemp("transfer")
    database = where / "inhouse.db"
    shutil.copy(demo_db, database)  # an export notes itself in the audit log
    cli = Cli(f"sqlite:///{database}")
    cli.ok("export", str(where / "first.zip"))
    cli.ok("export", str(where / "first"), "--format", "dir")
    return {
        "zip": where / "first.zip",
        "dir": where / "first",
        "db": database,
        "passwords": [account.password for account in demo_accounts.demo_accounts("Quantia Labs")],
    }


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _count(url: str) -> int:
    ws = Workspace(load_settings(database_url=url))
    try:
        with ws.unchecked_uow() as uow:
            return sum(uow.dump.counts().values())
    finally:
        ws.dispose()


def test_export_holds_every_record_type_and_describes_itself(demo_export):
    with zipfile.ZipFile(demo_export["zip"]) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        readme = archive.read("README.md").decode()
        documents = [json.loads(line) for line in archive.read("records/documents.jsonl").splitlines()]
        users = archive.read("records/users.jsonl").decode()
    assert names[-1] == "manifest.json"
    assert manifest["format"] == "inhouse-export" and manifest["format_version"] == 1
    every = {t.name for t in Base.metadata.sorted_tables}
    assert set(manifest["records"]) == every - LEFT_OUT
    assert manifest["records"]["weekly_reviews"] >= 38 and manifest["records"]["audit_log"] > 0
    listed = {f["path"] for f in manifest["files"]}
    assert listed == set(names) - {"manifest.json"}
    for kind in record_types():
        assert f"`{kind.name}`" in readme
        assert f"records/{kind.name}.jsonl" in listed and f"schemas/{kind.name}.schema.json" in listed
    # a document's original bytes travel as the blob its record names
    assert documents and all(f"blobs/{d['content_sha256']}" in listed for d in documents)
    # accounts travel with their Argon2 hashes, never a password
    assert "$argon2" in users
    with zipfile.ZipFile(demo_export["zip"]) as archive:
        everything = b"".join(archive.read(name) for name in names)
    assert not any(password.encode() in everything for password in demo_export["passwords"])


def test_zip_and_folder_exports_hold_the_same_files(demo_export):
    with zipfile.ZipFile(demo_export["zip"]) as archive:
        zipped = {name: archive.read(name) for name in archive.namelist()}
    folder = _files(demo_export["dir"])
    assert set(zipped) == set(folder)
    # the folder was exported second: its audit log holds the first export's entry
    changed = {"manifest.json", "README.md", "records/audit_log.jsonl"}
    assert {k: v for k, v in zipped.items() if k not in changed} == {
        k: v for k, v in folder.items() if k not in changed
    }


@pytest.mark.parametrize("form", ["zip", "dir"])
def test_sqlite_roundtrip_is_byte_identical(demo_export, tmp_path, form):
    target = f"sqlite:///{tmp_path / 'new.db'}"
    data = Cli(target).ok("import", str(demo_export[form]), "--json").json
    assert data["records"]["weekly_reviews"] >= 38
    again = tmp_path / ("again.zip" if form == "zip" else "again")
    Cli(target).ok("export", str(again))
    if form == "zip":
        assert again.read_bytes() == demo_export["zip"].read_bytes()
    else:
        assert _files(again) == _files(demo_export["dir"])
    # the imported workspace is a working one: its pages build, new records get new ids
    Cli(target).ok("status")
    added = Cli(target).ok("partner", "add", "Northwind AI", "--json").json
    assert added["id"] > 2


@needs_postgres
@pytest.mark.postgres
def test_postgres_roundtrip_and_across_databases(demo_export, tmp_path, postgres_database):
    _truncate_postgres(postgres_database)
    pg = Cli(postgres_database)
    pg.ok("import", str(demo_export["zip"]))
    pg.ok("export", str(tmp_path / "from-pg.zip"))
    assert (tmp_path / "from-pg.zip").read_bytes() == demo_export["zip"].read_bytes()
    # PostgreSQL to PostgreSQL: export from one, into a fresh one
    pg.ok("partner", "add", "Northwind AI")  # ids continue past the imported ones
    pg.ok("export", str(tmp_path / "grown.zip"))
    _truncate_postgres(postgres_database)
    pg.ok("import", str(tmp_path / "grown.zip"))
    pg.ok("export", str(tmp_path / "grown-again.zip"))
    assert (tmp_path / "grown-again.zip").read_bytes() == (tmp_path / "grown.zip").read_bytes()
    # and back to SQLite
    back = f"sqlite:///{tmp_path / 'back.db'}"
    Cli(back).ok("import", str(tmp_path / "grown.zip"))
    Cli(back).ok("export", str(tmp_path / "back.zip"))
    assert (tmp_path / "back.zip").read_bytes() == (tmp_path / "grown.zip").read_bytes()
    _truncate_postgres(postgres_database)


def _broken(demo_export, tmp_path, edit) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(demo_export["dir"], folder)
    edit(folder)
    return folder


def _flip_one_byte(folder: Path) -> None:
    path = folder / "records" / "weekly_reviews.jsonl"
    data = bytearray(path.read_bytes())
    data[100] = ord("X") if data[100] != ord("X") else ord("Y")
    path.write_bytes(bytes(data))


def _manifest(folder: Path, change) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_flip_one_byte, "records/weekly_reviews.jsonl does not match its SHA-256"),
        (lambda f: (f / "records" / "drills.jsonl").unlink(), "missing file records/drills.jsonl"),
        (lambda f: next((f / "blobs").iterdir()).unlink(), "missing file blobs/"),
        (lambda f: _manifest(f, lambda m: m.update(format_version=2)), "export format version 2"),
        (lambda f: _manifest(f, lambda m: m.update(schema_revision="9999_future")), "schema revision '9999_future'"),
        (lambda f: (f / "manifest.json").unlink(), "no manifest.json"),
        (lambda f: (f / "manifest.json").write_text("{"), "manifest.json is not JSON"),
        (
            lambda f: _manifest(
                f, lambda m: m["files"].append({"path": "../etc/passwd", "bytes": 1, "sha256": "0" * 64})
            ),
            "no file of an export",
        ),
        (
            lambda f: _manifest(f, lambda m: m["records"].update(weekly_reviews=m["records"]["weekly_reviews"] + 1)),
            "the manifest says",
        ),
    ],
    ids=["byte", "records-file", "blob", "format-version", "schema", "no-manifest", "bad-json", "traversal", "count"],
)
def test_a_broken_export_is_refused_and_nothing_stored(demo_export, tmp_path, edit, message):
    folder = _broken(demo_export, tmp_path, edit)
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = Cli(target)("import", str(folder))
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], lines
    assert not (tmp_path / "target.db").exists() or _count(target) == 0


def test_a_record_the_schema_refuses_is_refused_and_nothing_stored(demo_export, tmp_path):
    def orphan(folder: Path) -> None:  # a review of an engagement the export does not hold, checksums fixed
        path = folder / "records" / "weekly_reviews.jsonl"
        lines = path.read_text().splitlines()
        first = json.loads(lines[0])
        first["engagement_id"] = 999
        lines[0] = json.dumps(first)
        path.write_text("\n".join(lines) + "\n")
        import hashlib

        data = path.read_bytes()

        def fix(manifest):
            for entry in manifest["files"]:
                if entry["path"] == "records/weekly_reviews.jsonl":
                    entry.update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest())

        _manifest(folder, fix)

    folder = _broken(demo_export, tmp_path, orphan)
    target = f"sqlite:///{tmp_path / 'target.db'}"
    result = Cli(target)("import", str(folder))
    assert result.exit_code == 2 and "weekly_reviews" in result.stderr, result.stderr
    assert _count(target) == 0


def test_a_non_empty_workspace_is_refused(demo_export, cli):
    before = cli.ok("partner", "list", "--json").json
    result = cli("import", str(demo_export["zip"]))
    assert result.exit_code == 4 and "is not empty" in result.stderr
    assert cli.ok("partner", "list", "--json").json == before


def test_zip_members_larger_than_the_manifest_says_are_never_inflated(demo_export, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(demo_export["zip"]) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            out.writestr(name, data + b"\0" * 50_000_000 if name == "records/decisions.jsonl" else data)
    result = Cli(f"sqlite:///{tmp_path / 't.db'}")("import", str(bomb))
    assert result.exit_code == 2 and "not the size its manifest gives" in result.stderr


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda p: p.write_bytes(b"not a zip"), 2, "is not a zip archive"),
        (lambda p: None, 3, "no such export"),
    ],
    ids=["not-zip", "missing"],
)
def test_import_of_something_else_is_one_line(tmp_path, make, code, message):
    path = tmp_path / "export.zip"
    make(path)
    result = Cli(f"sqlite:///{tmp_path / 't.db'}")("import", str(path))
    assert result.exit_code == code and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_never_overwrites(cli, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("mine")
    for target in (tmp_path / "full", tmp_path / "inhouse.db"):
        result = cli("export", str(target))
        assert result.exit_code == 2 and "exists" in result.stderr
    assert (tmp_path / "full" / "x").read_text() == "mine"
    result = cli("export", str(tmp_path / "missing" / "out.zip"))
    assert result.exit_code == 3 and "no such folder" in result.stderr
    (tmp_path / "empty").mkdir()
    cli.ok("export", str(tmp_path / "empty"))  # an empty folder is filled
    assert (tmp_path / "empty" / "manifest.json").is_file()
    assert not list(tmp_path.glob(".*partial*"))


def test_export_is_in_the_audit_log(cli, tmp_path):
    cli.ok("export", str(tmp_path / "out.zip"))
    entries = cli.ok("audit", "--action", "export", "--json").json["entries"]
    assert len(entries) == 1 and "manifest SHA-256" in entries[0]["summary"]


def test_sqlite_backup_is_a_consistent_copy(demo_export, tmp_path):
    source = tmp_path / "live.db"
    shutil.copy(demo_export["db"], source)
    live = Cli(f"sqlite:///{source}")
    data = live.ok("backup", str(tmp_path / "copy.db"), "--json").json
    assert data["method"] == "sqlite-online-backup" and data["bytes"] > 0
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copied = Cli(f"sqlite:///{tmp_path / 'copy.db'}")
    live.ok("export", str(tmp_path / "live.zip"))
    copied.ok("export", str(tmp_path / "copy.zip"))
    assert (tmp_path / "live.zip").read_bytes() == (tmp_path / "copy.zip").read_bytes()
    result = live("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 2 and "exists" in result.stderr


@needs_postgres
@pytest.mark.postgres
def test_postgres_backup_is_an_export(demo_export, tmp_path, postgres_database):
    _truncate_postgres(postgres_database)
    pg = Cli(postgres_database)
    pg.ok("import", str(demo_export["zip"]))
    data = pg.ok("backup", str(tmp_path / "pg-backup.zip"), "--json").json
    assert data["method"] == "export"
    back = f"sqlite:///{tmp_path / 'restored.db'}"
    Cli(back).ok("import", str(tmp_path / "pg-backup.zip"))
    assert _count(back) == _count(postgres_database) - 1  # the backup's own audit entry came after it
    _truncate_postgres(postgres_database)


def test_a_workspace_keeps_one_client(cli, tmp_path):
    result = cli("init", "--client", "Other Corp")
    assert result.exit_code == 4 and "has one client" in result.stderr
    cli.ok("init", "--client", "Acme Analytics")  # naming the client it keeps is fine
    assert cli.ok("status", "--json").exit_code == 0
    # the demo is never added to a workspace that already keeps a client's records
    result = cli("demo", "--dir", str(tmp_path / "d"))
    assert result.exit_code == 4 and "already holds a workspace" in result.stderr
    cli.ok("partner", "add", "Northwind AI")  # and no command asks for an option that does not exist
    cli.ok("person", "add", "Ann Lee", "--side", "internal")
