"""The base of every typed shape, and the value types that input models are built from.

Every service result and every stored analysis payload is a :class:`Shape` (a pydantic model
defined once, next to the domain it belongs to); the CLI's ``--json``, the web API and the report
serialise the same model. Every service input is an :class:`Input`, validated once at the service
boundary: a bad value raises :class:`~inhouse.errors.InvalidInput` with a message that names the
field (``training_hours must be a finite number ≥ 0``), never a CLI flag.

The limits are documented in ``docs/inputs.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

from inhouse.errors import InvalidInput

MAX_TITLE = 200
"""Characters in a title, a name or any other one-line text (what every name column holds)."""
MAX_BODY = 20_000
"""Characters in a body of text (a review section, a rationale, notes)."""
MAX_ITEMS = 200
"""Items in a list a user sends (attendees, stuck points, domains)."""
MAX_ID = 2**31 - 1
"""The largest record id: ids are positive integers the size both databases store them in
(PostgreSQL's INTEGER); a larger number is no record's id."""
EPOCH = date(1970, 1, 1)
"""The earliest date anything can have happened on."""
MAX_FILE_NAME_BYTES = 255
"""Bytes of a file name in UTF-8 (the limit of common file systems)."""


class Shape(BaseModel):
    """A result or stored payload: no unknown keys, never a non-finite number."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, populate_by_name=True)


class Input(BaseModel):
    """A service's input: unknown keys refused, every value checked before anything is stored."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=True, str_strip_whitespace=True)


ModelT = TypeVar("ModelT", bound=BaseModel)


def _finite(value: float, ge: float = 0.0) -> float:
    if not math.isfinite(value) or value < ge:
        raise PydanticCustomError("finite_quantity", "must be a finite number ≥ {ge}", {"ge": f"{ge:g}"})
    return value


def _past(value: date) -> date:
    if value < EPOCH:
        raise PydanticCustomError("date_too_early", "must not be before 1970-01-01")
    if value > date.today():
        raise PydanticCustomError("date_in_future", "must not be in the future")
    return value


def _not_before_epoch(value: date) -> date:
    if value < EPOCH:
        raise PydanticCustomError("date_too_early", "must not be before 1970-01-01")
    return value


def storable(value: str) -> bool:
    """Whether both databases can store ``value``: no NUL character, no unpaired surrogate."""
    return "\x00" not in value and not any("\ud800" <= ch <= "\udfff" for ch in value)


def plain_text(value: str) -> str:
    """``value`` if both databases can store it (for text types with limits of their own)."""
    if "\x00" in value:
        raise PydanticCustomError("text_nul", "must not contain NUL characters")
    if not storable(value):
        raise PydanticCustomError("text_surrogate", "must not contain unpaired surrogate characters")
    return value


def lowered(value: object) -> object:
    """Text trimmed and in lower case (for enum fields that accept ``Internal`` as ``internal``)."""
    return value.strip().lower() if isinstance(value, str) else value


def _file_name(value: str) -> str:
    if not value or value in (".", "..") or "/" in value or "\\" in value or not storable(value):
        raise PydanticCustomError("file_name", "must be a plain file name (no folders)")
    if len(value.encode("utf-8")) > MAX_FILE_NAME_BYTES:
        raise PydanticCustomError("file_name_too_long", "must be at most {n} bytes", {"n": MAX_FILE_NAME_BYTES})
    return value


Hours = Annotated[float, AfterValidator(_finite), Field(json_schema_extra={"minimum": 0})]
"""Hours of work or training: a finite number ≥ 0."""
Amount = Annotated[float, AfterValidator(_finite), Field(json_schema_extra={"minimum": 0})]
"""Money or any other quantity that cannot be negative."""
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]
"""A record's id: a positive 64-bit integer."""
PastDate = Annotated[date, AfterValidator(_past)]
"""The date something happened: from 1970-01-01 up to today."""
CalendarDate = Annotated[date, AfterValidator(_not_before_epoch)]
"""A date that may lie ahead (a plan, a deadline), but not before 1970-01-01."""
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE), AfterValidator(plain_text)
]
"""One line of text that must say something: a title, a name, a topic."""
Body = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_BODY), AfterValidator(plain_text)
]
"""A body of text that must say something."""
OptionalBody = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_BODY), AfterValidator(plain_text)]
"""A body of text that may be empty (notes, a rationale)."""
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE),
    AfterValidator(plain_text),
    AfterValidator(lambda value: " ".join(value.split())),
]
"""A record's name as it is stored: 1 to 200 characters after trimming, on one line."""
Ref = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE), AfterValidator(plain_text)
]
"""How a user names a record: its id or its name."""
OptionalTitle = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TITLE), AfterValidator(plain_text)
]
"""One line of text that may be empty (a holder, a role)."""
FileName = Annotated[str, AfterValidator(_file_name)]
"""A file's own name, without any folder: at most 255 bytes in UTF-8."""


def as_id(ref: object) -> int | None:
    """The record id ``ref`` spells (ASCII digits within 64 bits), or None when it is a name."""
    text = str(ref).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


Timestamp = Annotated[
    datetime, PlainSerializer(lambda value: value.isoformat(timespec="seconds"), return_type=str, when_used="json")
]
"""When a record was stored: ISO 8601 to the second in JSON (``2026-11-16T09:30:00``, with the
offset when the database keeps one)."""


class Upload(Input):
    """A document as a service receives it: its file name and its bytes (never a path)."""

    name: FileName
    content: bytes = Field(repr=False)


_PHRASES: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "string_too_short": "must not be blank",
    "string_too_long": "must be at most {max_length} characters",
    "string_type": "must be text",
    "string_unicode": "must be valid Unicode text",
    "too_long": "must have at most {max_length} items",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "greater_than_equal": "must be ≥ {ge}",
    "greater_than": "must be > {gt}",
    "less_than_equal": "must be ≤ {le}",
    "less_than": "must be < {lt}",
    "date_parsing": "must be a date YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date YYYY-MM-DD",
    "date_type": "must be a date YYYY-MM-DD",
    "enum": "must be one of {expected}",
    "literal_error": "must be one of {expected}",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "bytes_type": "must be a file's bytes",
}


_LOCATIONS = ("body", "query", "path", "form", "header", "cookie")


def _where(loc: tuple[int | str, ...]) -> str:
    """The field a web framework's error location names (its leading part says where the field was
    sent; a field may itself be called ``path`` or ``body``)."""
    parts = [str(p) for p in loc]
    if len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts) or "request"


def describe(errors: Sequence[Mapping[str, Any]]) -> str:
    """One line for a list of pydantic errors: each names its field (``week_of must be a date YYYY-MM-DD``)."""
    lines = []
    for error in errors:
        kind = str(error.get("type", ""))
        ctx = dict(error.get("ctx") or {})
        template = _PHRASES.get(kind)
        if template is None:
            phrase = str(error.get("msg", "is invalid"))
        else:
            try:
                phrase = template.format(**ctx)
            except (KeyError, IndexError):
                phrase = str(error.get("msg", "is invalid"))
        if kind == "value_error":
            phrase = phrase.removeprefix("Value error, ")
        lines.append(f"{_where(tuple(error.get('loc', ())))} {phrase}")
    return "; ".join(dict.fromkeys(lines)) or "invalid input"


def validated(model: type[ModelT], data: Mapping[str, Any] | None = None, **values: Any) -> ModelT:
    """``model`` built from ``data`` and ``values``, or InvalidInput naming each bad field."""
    try:
        return model.model_validate({**(data or {}), **values})
    except ValidationError as exc:
        raise InvalidInput(describe(exc.errors())) from None
