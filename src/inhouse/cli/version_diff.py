"""What the contract and proposal version commands print alike: a version list as JSON, CSV or
nothing yet; the heading line naming the two versions of a diff and the tables that set what
each version says side by side."""

from __future__ import annotations

from typing import Literal

from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_csv, emit_json
from inhouse.domain.versions import DocumentVersion


def listed_elsewhere(output: Literal["json", "csv"] | None, listed: list[DocumentVersion], none_yet: str) -> bool:
    """Print ``listed`` as JSON or CSV when ``output`` asks, or ``none_yet`` when there is no
    version; True when it was printed so (the caller prints its table otherwise)."""
    if output == "json":
        emit_json(listed)
    elif output == "csv":
        emit_csv(listed, DocumentVersion)
    elif not listed:
        console.print(none_yet)
    else:
        return False
    return True


def heading(before: tuple[int, str], after: tuple[int, str], measure: str) -> None:
    """ "v1 name -> v2 name: <measure>" (``before`` and ``after`` are (version, name))."""
    console.print(
        f"[bold]v{before[0]}[/] {escape(before[1])} -> [bold]v{after[0]}[/] {escape(after[1])}: {measure}",
        soft_wrap=True,
    )


def says_table(title: str, columns: tuple[str, ...], before: int, after: int) -> Table:
    """A table of ``columns`` then what version ``before`` and version ``after`` say."""
    return Table(*columns, f"v{before} says", f"v{after} says", title=title, title_justify="left")
