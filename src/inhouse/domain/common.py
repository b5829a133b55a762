"""Small value types shared by every domain module."""

from __future__ import annotations

import enum
from datetime import date
from typing import TypeVar

EnumT = TypeVar("EnumT", bound=enum.Enum)


class Side(str, enum.Enum):
    """Which side of an engagement a person or git identity works for."""

    INTERNAL = "internal"
    PARTNER = "partner"
    OTHER = "other"


class Phase(str, enum.Enum):
    """The playbook's two contract shapes: start advisory, convert proven scope to project."""

    ADVISORY = "advisory"
    PROJECT = "project"


class PartnerStatus(str, enum.Enum):
    CANDIDATE = "candidate"
    ENGAGED = "engaged"
    FORMER = "former"


def parse_enum(enum_cls: type[EnumT], value: str, what: str) -> EnumT:
    """Return the member of ``enum_cls`` named by ``value`` or raise InvalidInput."""
    from inhouse.errors import InvalidInput

    try:
        return enum_cls(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise InvalidInput(f"invalid {what} {value!r}: expected one of {allowed}") from None


def parse_date(value: str | date, what: str = "date") -> date:
    """``YYYY-MM-DD`` to a date, or InvalidInput naming ``what``."""
    from inhouse.errors import InvalidInput

    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInput(f"invalid {what} {value!r}: expected YYYY-MM-DD") from None
