"""The fields of an edit form, derived from the record's patch model (``inhouse.domain.edits``).

Each field of a patch becomes one input: a date a date input, an enum or Literal a select, a list a
text area with one item per line, a long text (a ``Body``) a text area, a number a number input, any
other text a text input. :func:`form_fields` gives them with a record's values; :func:`sent_values`
turns the fields a form post sent back into the patch's values (a blank nullable field is null).
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from inhouse.domain.edits import Patch
from inhouse.domain.shapes import MAX_BODY

Kind = Literal["text", "textarea", "lines", "date", "select", "number"]

LABELS = {
    "default_rev": "Revision scanned",
    "similar_scale": "Similar in scale to ours?",
    "still_running": "Still running today?",
    "client_contact_offered": "Can we talk to that client?",
    "plan": "Plan: internal share per engagement year, in percent",
    "domains": "E-mail domains",
    "emails": "E-mails",
    "training_hours": "Training hours (the drill's total)",
    "worked_on": "Last worked on",
    "path": "Folder on this machine",
    "started_on": "Started on",
    "performed_on": "Performed on",
}
"""Labels that say more than the field's name does (any other: its name in words)."""


@dataclass(frozen=True)
class FormField:
    """One input of an edit form: ``value`` is the record's, as the input shows it."""

    name: str
    label: str
    kind: Kind
    options: tuple[str, ...] = ()
    required: bool = False
    nullable: bool = False
    hint: str = ""
    value: str = ""


def _unwrapped(annotation: Any) -> tuple[Any, list[Any]]:
    """The type under ``Annotated`` and ``X | None``, with the metadata met on the way."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            inner, *extra = get_args(annotation)
            annotation, metadata = inner, [*metadata, *extra]
        elif origin in (Union, types.UnionType):
            kept = [a for a in get_args(annotation) if a is not type(None)]
            if len(kept) != 1:
                return annotation, metadata
            annotation = kept[0]
        else:
            return annotation, metadata


def _limit(metadata: list[Any], name: str) -> int | None:
    values = [getattr(m, name) for m in metadata if getattr(m, name, None) is not None]
    return min(values) if values else None


def _field(name: str, annotation: Any, metadata: list[Any], nullable: bool, description: str) -> FormField:
    kind: Kind
    options: tuple[str, ...] = ()
    required = False
    hint = "" if name in LABELS else description
    base, found = _unwrapped(annotation)
    metadata = [*metadata, *found]
    if get_origin(base) is list:
        kind = "lines"
        hint = f"{hint} (one per line)" if hint else "one per line"
    elif isinstance(base, type) and issubclass(base, enum.Enum):
        kind, options, required = "select", tuple(str(m.value) for m in base), True
    elif get_origin(base) is Literal:
        kind, options, required = "select", tuple(str(a) for a in get_args(base)), True
    elif isinstance(base, type) and issubclass(base, date):
        kind, required = "date", True
    elif isinstance(base, type) and issubclass(base, (int, float)) and not issubclass(base, bool):
        kind, required = "number", True
    else:
        longest = _limit(metadata, "max_length")
        kind = "textarea" if longest is not None and longest >= MAX_BODY else "text"
        required = (_limit(metadata, "min_length") or 0) >= 1
    label = LABELS.get(name, name.replace("_", " ").capitalize())
    return FormField(name, label, kind, options, required and not nullable, nullable, hint)


@cache
def patch_fields(patch: type[Patch]) -> tuple[FormField, ...]:
    """Every field of ``patch`` as an input (without values)."""
    return tuple(
        _field(name, info.annotation, list(info.metadata), name in patch.NULLABLE, info.description or "")
        for name, info in patch.model_fields.items()
    )


def shown(value: Any, kind: Kind) -> str:
    """A record's value as its input shows it."""
    if value is None:
        return ""
    if kind == "lines" and isinstance(value, list | tuple):
        return "\n".join(shown(v, "text") for v in value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def form_fields(patch: type[Patch], values: Mapping[str, Any]) -> list[FormField]:
    """The inputs of ``patch``'s form, filled with ``values`` (the record as the page has it)."""
    return [replace(f, value=shown(values.get(f.name), f.kind)) for f in patch_fields(patch)]


def sent_values(patch: type[Patch], sent: Mapping[str, str]) -> dict[str, Any]:
    """The patch's values from the fields a form sent (fields not sent are left out: they keep their
    value): a list one item per line, a blank nullable field null, anything else as typed."""
    values: dict[str, Any] = {}
    for spec in patch_fields(patch):
        if spec.name not in sent:
            continue
        text = sent[spec.name]
        if spec.kind == "lines":
            values[spec.name] = [line.strip() for line in text.splitlines() if line.strip()]
        elif spec.nullable and not text.strip():
            values[spec.name] = None
        else:
            values[spec.name] = text
    return values
