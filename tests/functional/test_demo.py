"""`inhouse demo` builds the same realistic workspace every time."""

from __future__ import annotations

import subprocess

from inhouse.bootstrap import Workspace
from inhouse.domain.access import Permission
from inhouse.services import accounts
from inhouse.settings import load_settings
from tests.conftest import Cli


def _head(repo: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _build(tmp_path, name):
    folder = tmp_path / name
    result = Cli(f"sqlite:///{folder / 'inhouse.db'}")("demo", "--dir", str(folder), "--json", db=False)
    assert result.exit_code == 0, result.stderr
    return result.json


def test_demo_is_realistic_and_deterministic(tmp_path):
    first, second = _build(tmp_path, "a"), _build(tmp_path, "b")
    assert _head(first["repo"]) == _head(second["repo"])
    strip = ("created_at", "id", "subject")  # subjects and scan times name each run's own folder
    volatile = ("repos", "analyses", "knowledge")
    a = {k: v for k, v in first["engagement"].items() if k not in volatile}
    b = {k: v for k, v in second["engagement"].items() if k not in volatile}
    assert a == b
    scans = [
        {k: v for k, v in run["engagement"]["knowledge"].items() if k not in ("repo", "scanned_at")}
        for run in (first, second)
    ]
    assert scans[0] == scans[1]
    assert scans[0]["truck_factor"] >= 1 and scans[0]["gap"] < 0  # internal share behind the plan
    assert [{k: v for k, v in x.items() if k not in strip} for x in first["engagement"]["analyses"]] == [
        {k: v for k, v in x.items() if k not in strip} for x in second["engagement"]["analyses"]
    ]
    engagement = first["engagement"]
    assert engagement["phase"] == "project" and engagement["start_date"] == "2025-06-02"
    assert 38 <= engagement["reviews"]["count"] <= 44
    assert engagement["decisions"] >= 3 and engagement["drills"] >= 2
    assert {d["kind"] for d in engagement["documents"]} == {"contract"}
    log = subprocess.run(
        ["git", "-C", first["repo"], "log", "--format=%aE%x09%ad", "--date=short"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    dates = sorted(line.split("\t")[1] for line in log)
    assert dates[0] < "2024-06-01" and dates[-1] > "2026-11-01"  # about 2.5 years
    domains = {line.split("\t")[0].split("@")[1] for line in log}
    assert {"meridianfreight.com", "quantialabs.io"} <= domains
    _check_accounts(first, second)


def _check_accounts(first, second):
    """The demo's accounts come last in its JSON, are the same every time, and sign in with their
    printed passwords: a lead, a viewer and a partner user of Quantia Labs, plus an admin."""
    assert list(first)[-1] == "accounts" and first["accounts"] == second["accounts"]
    by_role = {a["role"]: a for a in first["accounts"]}
    assert set(by_role) == {"admin", "lead", "viewer", "partner"}
    assert by_role["partner"]["partner"] == "Quantia Labs"
    ws = Workspace(load_settings(database_url=first["database"]))
    try:
        stored = {u.role.value: u for u in accounts.list_all(ws)}
        assert {role: u.email for role, u in stored.items()} == {r: a["email"] for r, a in by_role.items()}
        assert stored["partner"].partner == "Quantia Labs" and stored["partner"].engagements == []
        for role in ("lead", "partner"):
            found = accounts.check_password(ws, by_role[role]["email"], by_role[role]["password"])
            with ws.uow() as uow:
                who = accounts.principal(uow, found)
            assert who.can(Permission.CONFIRM_REVIEWS) is (role == "lead")
            assert who.can(Permission.READ_PARTNERS) is (role == "lead")
    finally:
        ws.dispose()


def test_demo_refuses_to_overwrite_without_force(tmp_path):
    _build(tmp_path, "a")
    folder = tmp_path / "a"
    again = Cli("unused")("demo", "--dir", str(folder), db=False)
    assert again.exit_code == 4 and "--force" in again.stderr
    forced = Cli("unused")("demo", "--dir", str(folder), "--force", db=False)
    assert forced.exit_code == 0, forced.stderr
    lines = forced.stdout.splitlines()  # the accounts beside the address to open, one unbroken line each
    assert any("http://127.0.0.1:8000/" in line for line in lines)
    for account in ("lukas@quantialabs.io", "dana.okafor@meridianfreight.com", "grace.mensah@meridianfreight.com"):
        assert any(account in line and "demo-" in line and "-password" in line for line in lines), forced.stdout
