"""The CLI end to end on a real SQLite workspace: commands, --json shapes, and user errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import Cli


def _setup(cli: Cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")


def test_partner_person_engagement_flow(cli):
    _setup(cli)
    cli.ok("partner", "add", "BrightPath AI", "--website", "https://brightpath.example")
    partners = cli.ok("partner", "list", "--json").json
    assert [(p["name"], p["status"]) for p in partners] == [("BrightPath AI", "candidate"), ("Quantia Labs", "engaged")]
    assert set(partners[0]) == {"id", "name", "status", "website", "email_domains", "notes"}
    cli.ok("person", "add", "Ann Inside", "--side", "internal", "--email", "ann@acme.com")
    cli.ok(
        "person",
        "add",
        "Pat Partner",
        "--side",
        "partner",
        "--partner",
        "Quantia Labs",
        "--email",
        "pat@quantialabs.io",
        "--role",
        "ML engineer",
    )
    people = cli.ok("person", "list", "--engagement", "ETA prediction", "--json").json
    assert [(p["name"], p["side"], p["partner"]) for p in people] == [
        ("Ann Inside", "internal", None),
        ("Pat Partner", "partner", "Quantia Labs"),
    ]
    listed = cli.ok("engagement", "list", "--json").json
    assert len(listed) == 1
    assert set(listed[0]) >= {
        "id",
        "name",
        "partner",
        "start_date",
        "phase",
        "year",
        "plan",
        "planned_internal_share_now",
    }
    cli.ok("engagement", "phase", "ETA prediction", "project", "--on", "2025-10-06", "--reason", "pilot proven")
    shown = cli.ok("engagement", "show", "--json").json
    assert shown["phase"] == "project" and shown["phase_since"] == "2025-10-06"
    assert shown["people"] == {"internal": ["Ann Inside"], "partner": ["Pat Partner"]}
    text = cli.ok("engagement", "show", "ETA prediction").stdout
    assert "ETA prediction" in text and "project since 2025-10-06" in text


def test_repo_add_links_a_real_git_repository(cli, tmp_path):
    _setup(cli)
    repo = tmp_path / "code"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "sub").mkdir()
    linked = cli.ok("repo", "add", str(repo / "sub"), "--engagement", "ETA prediction", "--json").json
    assert linked["path"] == str(repo.resolve()) and linked["name"] == "code"
    duplicate = cli("repo", "add", str(repo), "-e", "ETA prediction")
    assert duplicate.exit_code != 0 and "already linked" in duplicate.stderr
    assert len(cli.ok("repo", "list", "--json").json) == 1


@pytest.mark.parametrize(
    "args,message",
    [
        (["engagement", "add", "X", "--partner", "Quantia Labs", "--start", "2025-02-30"], "start_date must be a date"),
        (["engagement", "show", "Nope"], "no engagement 'Nope'"),
        (["engagement", "add", "X", "--partner", "Ghost", "--start", "2025-01-01"], "no partner 'Ghost'"),
        (
            ["engagement", "add", "X", "--partner", "Quantia Labs", "--start", "2025-01-01", "--phase", "build"],
            "phase must be one of 'advisory' or 'project'",
        ),
        (
            ["person", "add", "Y", "--side", "partner", "--email", "y@x.io"],
            "partner is required for a partner-side person",
        ),
        (
            ["person", "add", "Y", "--side", "internal", "--email", "nope"],
            "emails.0 must be an email address, not 'nope'",
        ),
        (["repo", "add", "/definitely/missing/folder"], "no such folder"),
        (["partner", "add", "Quantia Labs"], "already exists"),
    ],
)
def test_user_errors_are_one_line_and_non_zero(cli, args, message):
    _setup(cli)
    before = cli.ok("engagement", "list", "--json").stdout
    result = cli(*args)
    assert result.exit_code not in (0, None)
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert cli.ok("engagement", "list", "--json").stdout == before


def test_not_a_git_repository(cli, tmp_path):
    _setup(cli)
    result = cli("repo", "add", str(tmp_path))
    assert result.exit_code == 5 and "not a git repository" in result.stderr


def test_uninitialised_and_unreachable_databases(tmp_path):
    fresh = Cli(f"sqlite:///{tmp_path / 'none.db'}")
    result = fresh("engagement", "list")
    assert result.exit_code == 6 and "run `inhouse init` first" in result.stderr
    unreachable = Cli("postgresql+psycopg://nobody@127.0.0.1:1/none")
    result = unreachable("engagement", "list")
    assert result.exit_code == 6 and "cannot reach the database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    bad = Cli("notadb://x")
    result = bad("engagement", "list")
    assert result.exit_code == 2 and "database URL" in result.stderr


def test_db_commands(cli):
    assert cli.ok("db", "current", "--json").json["revision"] == cli.ok("db", "current", "--json").json["head"]
    assert cli.ok("db", "check", "--json").json["differences"] == []
    again = cli.ok("init", "--json").json
    assert again["created"] is False and again["clients"] == ["Acme Analytics"]


def test_console_script_runs_as_a_process(tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    exe = [sys.executable, "-m", "inhouse"]
    done = subprocess.run([*exe, "--db", db, "init", "--client", "Acme"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    failed = subprocess.run([*exe, "--db", db, "engagement", "show", "missing"], capture_output=True, text=True)
    assert failed.returncode == 3
    assert failed.stderr.strip() == "error: no engagement 'missing': see `inhouse engagement list`"


def test_repo_add_and_scan_accept_a_bare_repository(cli, tmp_path):
    _setup(cli)
    work = tmp_path / "work"
    subprocess.run(["git", "init", "-q", "-b", "main", str(work)], check=True)
    (work / "infra").mkdir()
    (work / "app.py").write_text("x = 1\n" * 20)
    (work / "infra" / "main.tf").write_text("a = 1\n" * 20)
    env = {
        "GIT_AUTHOR_NAME": "Ann",
        "GIT_AUTHOR_EMAIL": "ann@acme.com",
        "GIT_COMMITTER_NAME": "Ann",
        "GIT_COMMITTER_EMAIL": "ann@acme.com",
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", "-C", str(work), "add", "."], check=True, env=env)
    subprocess.run(["git", "-C", str(work), "commit", "-qm", "start"], check=True, env=env)
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    linked = cli.ok("repo", "add", str(bare), "-e", "ETA prediction", "--json").json
    assert linked["path"] == str(bare.resolve())
    everything = cli.ok("scan", str(bare), "--json").json
    narrowed = cli.ok("scan", str(bare), "--exclude", "infra/**", "--json").json
    assert everything["offboarding"]["files"] == 2 and narrowed["offboarding"]["files"] == 1
