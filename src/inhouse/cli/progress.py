"""The progress bar every long command shows on a terminal: one bar per stage the work reports.

Services report progress as ``(stage, done, total)``; :func:`progress_bar` turns that into Rich
bars on standard error (nothing when it is not a terminal, so ``--json`` output stays clean). A
stage's bar never shows more done than its total: when the work finds more than it first counted,
the total grows with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TaskID, TextColumn, TimeElapsedColumn

from inhouse.cli.context import err_console

ProgressFn = Callable[[str, int, int], None]

#: The stages the services report, named for a person (a command's own names come first).
STAGES = {"mining": "mining commits", "analysis": "analysing", "blame": "blame", "docs": "reading documents"}


@contextmanager
def progress_bar(names: Mapping[str, str] | None = None, elapsed: bool = False) -> Iterator[ProgressFn]:
    """A progress callback drawing one bar per stage, named by ``names`` (else the stage itself);
    ``elapsed`` adds the time since each bar started."""
    columns: list[ProgressColumn] = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if elapsed:
        columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                label = (names or {}).get(stage) or STAGES.get(stage, stage)
                tasks[stage] = bar.add_task(label, total=max(total, done) or None)
            bar.update(tasks[stage], completed=done, total=max(total, done) if total else None)

        yield progress


@contextmanager
def optional_progress_bar(names: Mapping[str, str] | None = None, elapsed: bool = False) -> Iterator[ProgressFn | None]:
    """:func:`progress_bar` on a terminal; elsewhere None, so that the work does not even count
    what it would report (a scan's commit count is a pass over the history of its own)."""
    if not err_console.is_terminal:
        yield None
        return
    with progress_bar(names, elapsed) as progress:
        yield progress
