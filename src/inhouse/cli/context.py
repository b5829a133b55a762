"""What every command shares: the workspace built from the root options, and output helpers."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer
from rich.console import Console

from inhouse.errors import InvalidInput

if TYPE_CHECKING:  # the workspace and the shapes load with the first command that needs them
    from pydantic import BaseModel

    from inhouse.bootstrap import Workspace
    from inhouse.domain.accounts import Actor

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@dataclass
class CliState:
    db: str | None = None
    debug: bool = False
    _workspace: Workspace | None = field(default=None, repr=False)


state = CliState()


def workspace() -> Workspace:
    """The workspace for this invocation (built on first use from --db / INHOUSE_DATABASE_URL)."""
    if state._workspace is None:
        from inhouse.bootstrap import bootstrap

        built = bootstrap(database_url=state.db, debug=state.debug or None)
        state._workspace = built.acting(operator())
    return state._workspace


def operator() -> Actor:
    """The CLI acts with the rights of the local operator, who holds the database; the audit log
    names the operator's login name."""
    from inhouse.domain.accounts import Actor

    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name for this process's user id
        name = "unknown"
    return Actor(kind="operator", label=name, address="cli")


def reset() -> None:
    """Forget the workspace (between in-process invocations, e.g. in tests)."""
    if state._workspace is not None:
        state._workspace.dispose()
    state._workspace = None
    state.db = None
    state.debug = False


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(data: Any) -> None:
    """Print ``data`` (a shape, a list of shapes, or plain data) as JSON on stdout, keys in the
    model's field order."""
    sys.stdout.write(json.dumps(jsonable(data), indent=2, default=_default, ensure_ascii=False, allow_nan=False) + "\n")


def jsonable(data: Any) -> Any:
    """Shapes dumped in JSON mode (dates as ISO text, enums as values); other data as it is."""
    from pydantic import BaseModel

    if isinstance(data, BaseModel):
        return data.model_dump(mode="json")
    if isinstance(data, (list, tuple)):
        return [jsonable(item) for item in data]
    if isinstance(data, dict):
        return {key: jsonable(value) for key, value in data.items()}
    return data


CSV = typer.Option(
    False, "--csv", help="Print the table as CSV (RFC 4180, UTF-8; formula-like text cells start with ')."
)
"""The ``--csv`` option of every command that lists a table, beside its ``--json``."""


def table_output(json_out: bool, csv_out: bool) -> Literal["json", "csv"] | None:
    """Which of ``--json`` and ``--csv`` was asked for (None: the Rich table); both is bad input."""
    if json_out and csv_out:
        raise InvalidInput("--json and --csv cannot be used together: choose one")
    return "json" if json_out else "csv" if csv_out else None


def emit_csv(rows: Sequence[BaseModel], model: type[BaseModel]) -> None:
    """Print ``rows`` (each a ``model``, the shape ``--json`` prints) as CSV on stdout, ``\r\n``
    line endings written as they are."""
    from inhouse.report.csv_out import to_csv  # the report package is not loaded for every command

    text = to_csv(rows, model)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"
