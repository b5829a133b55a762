"""`inhouse demo --force` builds the new workspace beside the old one and renames it in only when
complete: a build that fails or is interrupted midway leaves the old workspace as it was."""

from __future__ import annotations

import pytest

from inhouse.errors import AnalyzerError
from inhouse.services.demo import steps
from tests.conftest import Cli

MARKER = "Kept from before the rebuild"


@pytest.fixture
def built(tmp_path):
    """A demo workspace, with a decision of the user's own (so the old database can be told apart
    from a new build) and a file of the user's in the folder."""
    folder = tmp_path / "demo"
    cli = Cli(f"sqlite:///{folder / 'inhouse.db'}")
    result = cli("demo", "--dir", str(folder), "--json", db=False)
    assert result.exit_code == 0, result.stderr
    cli.ok("decision", "add", MARKER, "--by", "internal", "--on", "2026-01-05")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    return folder, cli


def _failing_midway(monkeypatch, error: BaseException) -> list[str]:
    """The demo's analyses with one that raises after the scan (records, files and the scan are made)."""
    ran: list[str] = []
    real = steps.analyses()

    def step(context) -> str:
        ran.append(str(context.folder))
        raise error

    monkeypatch.setattr(steps, "analyses", lambda: real[:2] + [("broken", step)] + real[2:])
    return ran


def _old_workspace_intact(folder, cli) -> None:
    assert cli.ok("status").exit_code == 0
    titles = [d["title"] for d in cli.ok("decision", "list", "--json").json]
    assert MARKER in titles
    repos = cli.ok("repo", "list", "--json").json
    assert [r["path"] for r in repos] == [str(folder / "repos" / "eta-prediction")]
    assert (folder / "repos" / "eta-prediction" / ".git").is_dir()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["demo"]  # no build left beside


@pytest.mark.parametrize(
    "error, code",
    [(AnalyzerError("the scan could not read the repository"), 5), (KeyboardInterrupt(), 130)],
    ids=["step-fails", "interrupted"],
)
def test_a_failed_rebuild_leaves_the_old_workspace(built, monkeypatch, error, code):
    folder, cli = built
    ran = _failing_midway(monkeypatch, error)
    result = cli("demo", "--dir", str(folder), "--force", db=False)
    assert result.exit_code == code
    assert "Traceback" not in result.stdout + result.stderr
    assert ran and ran[0] != str(folder)  # the build ran elsewhere, beside the folder
    _old_workspace_intact(folder, cli)


def test_a_complete_rebuild_replaces_the_workspace_and_keeps_the_users_files(built):
    folder, cli = built
    result = cli("demo", "--dir", str(folder), "--force", "--json", db=False)
    assert result.exit_code == 0, result.stderr
    assert result.json["repo"] == str(folder / "repos" / "eta-prediction")
    assert MARKER not in [d["title"] for d in cli.ok("decision", "list", "--json").json]
    repos = cli.ok("repo", "list", "--json").json
    assert [r["path"] for r in repos] == [str(folder / "repos" / "eta-prediction")]
    assert ".building-" not in result.stdout  # every stored path names the folder, not the build's
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.parent.iterdir()) == ["demo"]


def test_without_force_an_existing_workspace_is_refused_and_kept(built):
    folder, cli = built
    result = cli("demo", "--dir", str(folder), db=False)
    assert result.exit_code == 4 and "--force" in result.stderr
    _old_workspace_intact(folder, cli)


def _dead_pid() -> int:
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_what_a_killed_build_left_beside_is_swept_by_the_next(built):
    """A build killed (SIGKILL: no cleanup ran) leaves its half-made folder beside; one killed between
    its two renames leaves the old workspace beside and nothing in its place. The next build deletes
    the first and puts the second back (then refuses it without --force, as any workspace)."""
    folder, cli = built
    dead = _dead_pid()
    half = folder.parent / f".demo.building-{dead}-x1y2"
    (half / "repos").mkdir(parents=True)
    aside = folder.parent / f".demo.previous-{dead}-a3b4"
    folder.rename(aside)
    result = cli("demo", "--dir", str(folder), db=False)
    assert result.exit_code == 4 and "pass --force" in result.stderr, result.stderr
    assert sorted(p.name for p in folder.parent.iterdir()) == ["demo"]
    _old_workspace_intact(folder, cli)


def test_a_running_builds_folder_is_left_alone(built):
    import os

    folder, cli = built
    mine = folder.parent / f".demo.building-{os.getpid()}-busy"  # a build of a live process
    mine.mkdir()
    assert cli("demo", "--dir", str(folder), "--force", db=False).exit_code == 0
    assert mine.is_dir()
