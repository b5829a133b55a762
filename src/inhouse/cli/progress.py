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
                tasks[stage] = bar.add_task((names or {}).get(stage, stage), total=total or None)
            bar.update(tasks[stage], completed=done, total=max(total, done) if total else None)

        yield progress
