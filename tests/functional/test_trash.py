"""Deleting is soft: `inhouse <thing> delete`, `inhouse trash list | restore | purge`.

On the demo workspace, each kind of record is deleted and restored; the workspace's export
(audit log and trash aside) is then the same as before, byte for byte: everything that hung on
the record came back with it.
"""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from inhouse.domain.trash import THINGS
from tests.conftest import POSTGRES_URL, Cli, _truncate_postgres

SKIP = {"records/audit_log.jsonl", "records/trash.jsonl", "manifest.json", "README.md", "schemas/trash.schema.json"}


@pytest.fixture
def live(demo_db, tmp_path) -> tuple[Cli, Path]:
    path = tmp_path / "inhouse.db"
    shutil.copy(demo_db, path)
    return Cli(f"sqlite:///{path}"), path


def _records(cli: Cli, where: Path) -> dict[str, bytes]:
    cli.ok("export", str(where))
    with zipfile.ZipFile(where) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n not in SKIP}


def _ids(path: Path, table: str, where: str = "") -> list[int]:
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute(f"SELECT id FROM {table} {where} ORDER BY id")]


def _delete_target(path: Path, thing: str) -> int:
    if thing == "partner":  # the candidate: the engaged one still has its engagement
        return _ids(path, "partners", "WHERE status = 'candidate'")[0]
    return _ids(path, THINGS[thing])[-1 if thing in ("review", "task") else 0]


@pytest.mark.parametrize("thing", list(THINGS))
def test_delete_then_restore_gives_everything_back(live, tmp_path, thing):
    cli, path = live
    before = _records(cli, tmp_path / "before.zip")
    record_id = _delete_target(path, thing)
    group = {"phase": ["engagement", "phase-delete"], "reference": ["partner", "reference", "delete"]}.get(
        thing, [thing, "delete"]
    )
    deleted = cli.ok(*group, str(record_id), "--json").json
    assert deleted["thing"] == thing and deleted["record_id"] == record_id and not deleted["purged"]
    assert record_id not in _ids(path, THINGS[thing])
    listed = cli.ok("trash", "list", "--json").json
    assert [e["id"] for e in listed] == [deleted["trash"]["id"]] and listed[0]["records"] == deleted["records"]
    restored = cli.ok("trash", "restore", str(deleted["trash"]["id"]), "--json").json
    assert restored["record_id"] == record_id and restored["renumbered"] == {}
    assert _records(cli, tmp_path / "after.zip") == before
    assert cli.ok("trash", "list", "--json").json == []
    cli.ok("status")


def test_an_engagement_goes_with_everything_on_it(live):
    cli, path = live
    deleted = cli.ok("engagement", "delete", "1", "--json").json
    assert deleted["records"] > 100  # reviews, decisions, drills, documents, analyses, tasks, assets...
    for table in ("weekly_reviews", "decisions", "drills", "documents", "tasks", "assets", "repos"):
        assert _ids(path, table, "WHERE engagement_id IS NOT NULL") == [], table  # a partner's proposals stay
    assert cli.ok("engagement", "list", "--json").json == []


def test_a_record_still_used_is_not_deleted(live):
    cli, path = live
    engaged = _ids(path, "partners", "WHERE status = 'engaged'")[0]
    result = cli("partner", "delete", str(engaged))
    assert result.exit_code == 4 and "still used by 1 engagement" in result.stderr
    assert engaged in _ids(path, "partners")
    assert cli.ok("trash", "list", "--json").json == []


def test_unknown_records_and_trash_entries_are_not_found(live):
    cli, _ = live
    for args in (["drill", "delete", "999"], ["trash", "restore", "999"], ["trash", "purge", "999"]):
        result = cli(*args)
        assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 1, args


def test_a_taken_id_is_renumbered_on_restore(live):
    cli, path = live
    newest = _ids(path, "drills")[-1]
    deleted = cli.ok("drill", "delete", str(newest), "--json").json
    added = cli.ok("drill", "add", "retrain the model", "--person", "Dana Okafor", "--outcome", "alone", "--json").json
    restored = cli.ok("trash", "restore", str(deleted["trash"]["id"]), "--json").json
    assert added["id"] == newest  # SQLite gives the largest id freed to the next record
    assert restored["record_id"] == newest + 1 and restored["renumbered"] == {"drills": {str(newest): newest + 1}}
    assert _ids(path, "drills")[-2:] == [newest, newest + 1]


def test_restore_needs_what_it_belongs_to(live):
    cli, path = live
    review = _ids(path, "weekly_reviews")[-1]
    first = cli.ok("review", "delete", str(review), "--json").json["trash"]["id"]
    second = cli.ok("engagement", "delete", "1", "--json").json["trash"]["id"]
    result = cli("trash", "restore", str(first))
    assert result.exit_code == 4 and "which is gone" in result.stderr
    cli.ok("trash", "restore", str(second))
    cli.ok("trash", "restore", str(first))
    assert review in _ids(path, "weekly_reviews")


def test_purge_and_the_audit_log(live):
    cli, path = live
    drill = _ids(path, "drills")[0]
    gone = cli.ok("drill", "delete", str(drill), "--purge", "--json").json
    assert gone["purged"] and gone["trash"] is None and cli.ok("trash", "list", "--json").json == []
    asset = _ids(path, "assets")[0]
    entry = cli.ok("asset", "delete", str(asset), "--json").json["trash"]["id"]
    cli.ok("trash", "purge", str(entry))
    assert cli("trash", "restore", str(entry)).exit_code == 3
    review = _ids(path, "weekly_reviews")[0]
    entry = cli.ok("review", "delete", str(review), "--json").json["trash"]["id"]
    cli.ok("trash", "restore", str(entry))
    log = cli.ok("audit", "--limit", "50", "--json").json["entries"]
    deletes = [e for e in log if e["action"] == "delete" and e["record_type"] in ("drills", "assets", "weekly_reviews")]
    assert {e["record_id"] for e in deletes} == {drill, asset, review}
    assert all(e["before"] and e["after"] is None for e in deletes)
    assert [e["action"] for e in log if e["action"] in ("restore", "purge")] == ["restore", "purge"]


def test_entries_past_their_retention_are_purged(live, monkeypatch):
    cli, path = live
    cli.ok("drill", "delete", str(_ids(path, "drills")[0]))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE trash SET created_at = datetime('now', '-40 days')")
    assert cli.ok("trash", "list", "--json").json == []
    cli.ok("drill", "delete", str(_ids(path, "drills")[0]))
    monkeypatch.setenv("INHOUSE_TRASH_RETENTION_DAYS", "1")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE trash SET created_at = datetime('now', '-2 days')")
    assert cli.ok("trash", "list", "--json").json == []


@pytest.mark.skipif(not POSTGRES_URL, reason="INHOUSE_TEST_POSTGRES_URL is not set")
@pytest.mark.postgres
def test_delete_and_restore_on_postgres(demo_db, tmp_path, postgres_database):
    Cli(f"sqlite:///{demo_db}").ok("export", str(tmp_path / "demo.zip"))
    _truncate_postgres(postgres_database)
    pg = Cli(postgres_database)
    pg.ok("import", str(tmp_path / "demo.zip"))
    before = _records(pg, tmp_path / "before.zip")
    entry = pg.ok("engagement", "delete", "1", "--json").json["trash"]["id"]
    pg.ok("trash", "restore", str(entry))
    assert _records(pg, tmp_path / "after.zip") == before
    _truncate_postgres(postgres_database)
