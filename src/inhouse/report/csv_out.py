"""Tables out as CSV: the same shapes the ``--json`` output and the API serialise, one row per model.

One writer for the CLI's ``--csv`` and the web's "Download CSV" links (RFC 4180: a header row, ``\\r\\n``
line endings, fields quoted when they hold a comma, a quote or a line break; UTF-8 without a byte-order
mark). The columns are the model's fields in their ``--json`` order:

- a sub-model (or an optional one) becomes dotted columns (``result.summary``), empty when it is None;
- a list of plain values is joined with ``"; "``; a list of models, a dict or a union of shapes is its
  compact JSON text;
- dates and times are ISO 8601, enums their values, booleans ``true``/``false``, None an empty cell;
- numbers stay numbers (``-3`` is written as ``-3``: a spreadsheet reads it as a number, not a formula).

Formula injection (OWASP's CSV injection guidance): a text cell whose first character is ``=``, ``+``,
``-``, ``@``, a tab, a carriage return or a line feed gets a leading single quote (``'=HYPERLINK(...)``),
so a spreadsheet shows the text instead of evaluating it. Only text is changed; numeric cells are not.
"""

from __future__ import annotations

import csv
import io
import json
import types
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet read a cell as a formula (or hide what follows)."""
LIST_SEPARATOR = "; "
MEDIA_TYPE = "text/csv; charset=utf-8"


def neutralised(text: str) -> str:
    """``text`` as a cell no spreadsheet evaluates: a leading ``'`` before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _unwrapped(annotation: Any) -> Any:
    """The annotation without ``Annotated[...]`` and without ``| None``."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(rest) == 1:
            return _unwrapped(rest[0])
    return annotation


def _sub_model(annotation: Any) -> type[BaseModel] | None:
    found = _unwrapped(annotation)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The CSV columns of ``model``: its fields in order, a sub-model's as dotted columns."""
    names: list[str] = []
    by_alias = bool(model.model_config.get("serialize_by_alias"))  # the keys --json prints
    for name, info in model.model_fields.items():
        key = (info.serialization_alias or info.alias or name) if by_alias else name
        sub = _sub_model(info.annotation)
        if sub is not None:
            names += columns(sub, f"{prefix}{key}.")
        else:
            names.append(prefix + key)
    return names


def _value(dumped: dict[str, Any], column: str) -> Any:
    value: Any = dumped
    for part in column.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def cell(value: Any) -> str | int | float:
    """One JSON-mode value as a CSV cell (text neutralised against formula injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, list) and all(item is None or isinstance(item, (str, int, float)) for item in value):
        return neutralised(LIST_SEPARATOR.join("" if item is None else str(item) for item in value))
    return neutralised(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def rows(models: Iterable[BaseModel], model: type[BaseModel]) -> Iterable[list[str | int | float]]:
    """The header row, then one row per model."""
    names = columns(model)
    yield list(names)
    for item in models:
        dumped = item.model_dump(mode="json")
        yield [cell(_value(dumped, name)) for name in names]


def to_csv(models: Sequence[BaseModel], model: type[BaseModel]) -> str:
    """``models`` (each a ``model``) as CSV text: a header row (even with no model) and a row each."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows(models, model))
    return out.getvalue()
