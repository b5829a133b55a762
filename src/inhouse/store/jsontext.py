"""JSON text of stored values: pydantic-core's encoder and decoder, the standard library's for
what they refuse.

A scan's stored payload and state are megabytes of JSON; pydantic-core (Rust, already what every
shape is validated with) writes them 3-4 times as fast as :mod:`json`. It refuses a lone surrogate
(a non-UTF-8 path or name kept with ``surrogateescape``), which :mod:`json` writes as a ``\\udcxx``
escape and reads back; those values, and text holding such escapes, go through :mod:`json`. Both
read back the same values; the text itself may differ (pydantic-core writes non-ASCII characters as
they are and NaN as ``null``), so no one compares stored texts, only what they hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pydantic_core


def encode(value: Any, *, default: Callable[[Any], Any] | None = None) -> bytes:
    """``value`` as compact UTF-8 JSON text (keys in their order); ``default`` turns what is no
    JSON value into one, as :func:`json.dumps`' does."""
    try:
        return pydantic_core.to_json(value, fallback=default)
    except pydantic_core.PydanticSerializationError:  # a lone surrogate; or no JSON value: json says which
        return json.dumps(value, separators=(",", ":"), default=default).encode("ascii")


def dumps(value: Any) -> str:
    """:func:`encode` as text (for a JSON column)."""
    return encode(value).decode("utf-8")


def loads(text: str | bytes) -> Any:
    """The value of the JSON ``text``; ``ValueError`` when it is not JSON."""
    try:
        return pydantic_core.from_json(text)
    except ValueError:  # \\udcxx escapes, which pydantic-core refuses; or not JSON: json says where
        return json.loads(text)
