"""Commands imported when they run: the root group knows every command by name and first help
line, and imports a command's module only when that command is asked for.

A :class:`Lazy` names a top-level command, its one-line help (what ``inhouse --help`` lists) and
where it comes from: ``module:attr``, a Typer group added under the name, or a ``register(app)``
function that adds one or more commands. ``inhouse --version`` and ``inhouse --help`` import no
command module; ``inhouse scan ...`` imports the scan's alone. Groups that other modules extend
(the ``edit`` and ``delete`` commands of every record type) come from the whole command tree,
built once per process, exactly as an eager root would build it.

Reading the group's ``commands`` (the CLI reference, the help tests) loads every command; a
name the table lacks is looked up in the whole tree (a test keeps the table complete).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

import typer
from typer._click import Command, Context
from typer.core import TyperCommand, TyperGroup
from typer.main import get_group

from inhouse.cli.startup import collection_back


@dataclass(frozen=True)
class Lazy:
    """One top-level command (or group), imported when it is used."""

    name: str
    help: str  # the first paragraph of the command's help, as ``inhouse --help`` lists it
    source: str  # "module:attr": a Typer added as the group ``name``, or a ``register(app)`` function
    whole: bool = False  # extended by other modules: taken from the whole command tree


def attach(app: typer.Typer, entry: Lazy) -> None:
    """Add ``entry``'s command(s) to ``app`` as the eager root did."""
    module, _, attr = entry.source.partition(":")
    found = getattr(importlib.import_module(module), attr)
    if isinstance(found, typer.Typer):
        app.add_typer(found, name=entry.name)
    else:
        found(app)


def _sources(entries: Sequence[Lazy]) -> Iterator[Lazy]:
    """The entries with one of each source (a register function adds all its commands at once)."""
    seen: set[str] = set()
    for entry in entries:
        if entry.source not in seen:
            seen.add(entry.source)
            yield entry


class LazyGroup(TyperGroup):
    """A Typer group whose commands are :class:`Lazy` entries (a subclass sets ``lazy``, and
    ``whole``: a function adding every command to an app, in the eager root's order)."""

    lazy: Sequence[Lazy] = ()
    whole: Callable[[typer.Typer], None] | None = None
    _built: dict[str, Command] = {}  # shared by every instance: modules load once per process
    _whole_built: dict[str, Command] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._listing = False
        super().__init__(*args, **kwargs)

    # ``commands`` is the whole tree (for the reference and the help tests); running a command
    # goes through list_commands / get_command, which load only what is asked for.
    @property  # type: ignore[override]
    def commands(self) -> MutableMapping[str, Command]:
        every = dict(self._eager)
        for entry in self.lazy:
            if entry.name not in every:
                every[entry.name] = self._load(entry)
        for name, command in self._everything().items():  # one a register function added unlisted
            every.setdefault(name, command)
        return every

    @commands.setter
    def commands(self, value: MutableMapping[str, Command]) -> None:
        self._eager = value

    def add_command(self, cmd: Command, name: str | None = None) -> None:
        name = name or cmd.name
        if name is None:
            raise TypeError("Command has no name.")
        self._eager[name] = cmd

    def list_commands(self, ctx: Context) -> list[str]:
        names = list(self._eager)
        return names + [e.name for e in self.lazy if e.name not in self._eager]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name in self._eager:
            return self._eager[cmd_name]
        entry = next((e for e in self.lazy if e.name == cmd_name), None)
        if entry is None:  # not in the table: a typo, or a command the table does not list yet
            return None if self._listing else self._everything().get(cmd_name)
        if self._listing:  # the root's help lists names and first lines: no module is imported
            return TyperCommand(entry.name, help=entry.help)
        return self._load(entry)

    def format_help(self, ctx: Context, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    # -- loading -------------------------------------------------------------------
    def _load(self, entry: Lazy) -> Command:
        cls = type(self)
        try:
            if entry.whole:
                return self._everything()[entry.name]
            if entry.name not in cls._built:
                app = typer.Typer()
                for same in _sources([e for e in self.lazy if e.source == entry.source]):
                    attach(app, same)
                cls._built.update(get_group(app).commands)
            return cls._built[entry.name]
        finally:
            collection_back()  # the command's modules are in: the collector runs again

    def _everything(self) -> dict[str, Command]:
        cls = type(self)
        if cls._whole_built is None:
            assert cls.whole is not None, "a lazy group with shared groups names how to build them all"
            app = typer.Typer()
            type(self).whole(app)  # type: ignore[misc]
            cls._whole_built = dict(get_group(app).commands)
        return cls._whole_built


def build_all(app: typer.Typer, entries: Sequence[Lazy], then: Callable[[], None] | None = None) -> None:
    """Add every entry to ``app`` in order, then run ``then`` (extensions of the groups)."""
    for entry in _sources(entries):
        attach(app, entry)
    if then is not None:
        then()
