"""What `contract diff` and `proposal diff` print alike: the heading line naming the two versions
and the tables that set what each version says side by side."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console


def heading(before: tuple[int, str], after: tuple[int, str], measure: str) -> None:
    """ "v1 name -> v2 name: <measure>" (``before`` and ``after`` are (version, name))."""
    console.print(
        f"[bold]v{before[0]}[/] {escape(before[1])} -> [bold]v{after[0]}[/] {escape(after[1])}: {measure}",
        soft_wrap=True,
    )


def says_table(title: str, columns: tuple[str, ...], before: int, after: int) -> Table:
    """A table of ``columns`` then what version ``before`` and version ``after`` say."""
    return Table(*columns, f"v{before} says", f"v{after} says", title=title, title_justify="left")
