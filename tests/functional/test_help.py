"""The CLI documents itself: every command has a one-line help and appears in the reference."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command

from inhouse.cli.main import app

ROOT = Path(__file__).resolve().parents[2]


def _commands(command, prefix=()):
    subcommands = getattr(command, "commands", None)
    if subcommands:
        for name, sub in subcommands.items():
            yield from _commands(sub, prefix + (name,))
    else:
        yield prefix, command


def test_every_command_has_a_one_line_help_and_is_in_the_reference():
    reference = (ROOT / "docs" / "cli.md").read_text()
    root = get_command(app)
    seen = 0
    for path, command in _commands(root):
        seen += 1
        help_text = (command.help or "").strip()
        assert help_text, f"inhouse {' '.join(path)} has no help"
        assert help_text.splitlines()[0].endswith("."), f"inhouse {' '.join(path)}: first help line"
        assert f"inhouse {' '.join(path)}" in reference, f"inhouse {' '.join(path)} missing from docs/cli.md"
        assert all(part == part.lower() and "_" not in part for part in path), f"{path} is not kebab-case"
    assert seen >= 12
