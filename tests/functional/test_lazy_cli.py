"""Commands load when they run: ``--version`` and ``--help`` import no command module, ``scan``
its own alone, and the lazy root lists exactly the commands (and first help lines) of the whole tree."""

from __future__ import annotations

import subprocess
import sys

from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

from inhouse import __version__
from inhouse.cli.main import COMMANDS, app
from tests.gitrepo import GitRepoBuilder

PROBE = """
import gc
import sys
from inhouse.cli.main import run
try:
    run(sys.argv[1:])
except SystemExit:
    pass
print("COLLECTOR", "on" if gc.isenabled() else "off")
print("MODULES", " ".join(sorted(sys.modules)))
"""


def _probe(*args: str) -> tuple[str, str, set[str]]:
    """What ``inhouse ARGS`` printed, whether the cyclic collector was on at its end, and the modules it loaded."""
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True).stdout
    text, _, listed = out.rpartition("MODULES ")
    text, _, collector = text.rpartition("COLLECTOR ")
    return text, collector.strip(), set(listed.split())


def _modules(*args: str) -> tuple[str, set[str]]:
    text, _, modules = _probe(*args)
    return text, modules


HEAVY = ("sqlalchemy", "alembic", "fastapi", "pydantic", "inhouse.bootstrap", "inhouse.store", "inhouse.services")


def test_version_imports_no_command_and_no_heavy_library():
    text, modules = _modules("--version")
    assert text.strip() == f"inhouse {__version__}"
    loaded = {m.split(".")[0] if not m.startswith("inhouse") else m for m in modules}
    assert not [m for m in loaded if m.startswith(HEAVY)]
    commands = {m for m in modules if m.startswith("inhouse.cli.")}
    assert commands <= {"inhouse.cli.main", "inhouse.cli.lazy", "inhouse.cli.context", "inhouse.cli.startup"}


def test_help_lists_every_command_without_importing_them():
    text, modules = _modules("--help")
    for entry in COMMANDS:
        assert f" {entry.name} " in text, entry.name
    assert not [m for m in modules if m.startswith(HEAVY)]


def test_scan_loads_its_own_module_only():
    _, modules = _modules("scan", "--help")
    assert "inhouse.cli.knowledge" in modules
    others = {"inhouse.cli.partners", "inhouse.cli.edits", "inhouse.cli.web", "inhouse.services.dashboard"}
    assert not modules & others
    assert not [m for m in modules if m.startswith(("fastapi", "weasyprint", "sklearn"))]


def test_the_collector_is_on_again_once_the_command_is_imported():
    # start-up turns Python's cyclic collector off while modules import; a command runs with it on
    assert _probe("scan", "--help")[1] == "on"


def test_a_scan_on_sqlite_loads_no_postgresql_dialect(tmp_path):
    repo = GitRepoBuilder(tmp_path / "repo")
    repo.commit("Ana <ana@client.example>", "2025-01-06T10:00:00", {"app.py": "print(1)\n"})
    db = f"sqlite:///{tmp_path / 'ws.db'}"
    _probe("--db", db, "init", "--client", "Client")
    text, collector, modules = _probe("--db", db, "scan", str(repo.path))
    assert "1 commits" in text
    assert collector == "on"
    assert "sqlalchemy.dialects.sqlite" in modules
    assert not [m for m in modules if m.startswith("sqlalchemy.dialects.postgresql")]


def test_the_table_matches_the_whole_tree():
    root = get_command(app)
    whole = root.commands  # every command, loaded
    assert list(whole) == [c.name for c in COMMANDS]
    for entry in COMMANDS:
        first = (whole[entry.name].help or "").strip().split("\n\n")[0]
        assert " ".join(first.split()) == entry.help, entry.name


def _help_of(group) -> str:
    with CliRunner().isolation() as streams:
        try:
            group.main(["--help"], prog_name="inhouse")
        except SystemExit:
            pass
        return streams[0].getvalue().decode()


def test_lazy_help_is_the_whole_trees_help():
    root = get_command(app)
    lazy = _help_of(root)
    plain = TyperGroup(
        name="inhouse",
        commands=root.commands,  # every command, loaded
        params=root.params,
        help=root.help,
        context_settings=root.context_settings,
    )
    assert "scan" in lazy
    assert lazy == _help_of(plain)


def test_every_group_and_command_runs_its_help():
    runner = CliRunner()
    for entry in COMMANDS:
        result = runner.invoke(app, [entry.name, "--help"], prog_name="inhouse")
        assert result.exit_code == 0, (entry.name, result.output)
        assert "Usage: inhouse " + entry.name in " ".join(result.output.split())
