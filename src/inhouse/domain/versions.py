"""The versions of an engagement's contract: every contract handed over for it, in upload order.

A contract handed to an engagement never replaces the one before: each is a new version (v1, v2...
in the order they were stored). The newest *reviewed* one is current, the one the score, the status
and the exit readiness read; a contract whose parties did not match waits for a confirmation and is
not current until then (``held``). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from inhouse.domain.shapes import Shape, Timestamp

VersionStatus = Literal["current", "earlier", "awaiting confirmation", "not reviewed"]


class DocumentVersion(Shape):
    """One version of an engagement's contract; ``why`` says why it is (or is not) the current one."""

    version: int
    document_id: int
    name: str
    uploaded_by: str
    uploaded_at: Timestamp | None
    current: bool
    status: VersionStatus
    score: int | None
    why: str


@dataclass(frozen=True)
class Handed:
    """A contract document as the version list needs it (``score`` None: no review stored)."""

    document_id: int
    name: str
    uploaded_by: str
    uploaded_at: datetime | None
    score: int | None
    held: str = ""


def _uploaded(item: Handed) -> str:
    who = item.uploaded_by or "an unrecorded uploader"
    return f"uploaded by {who}, {item.uploaded_at:%Y-%m-%d}" if item.uploaded_at else f"uploaded by {who}"


def number_versions(handed: list[Handed]) -> list[DocumentVersion]:
    """``handed`` (any order) as versions numbered in upload order; the newest reviewed is current."""
    ordered = sorted(handed, key=lambda item: item.document_id)
    reviewed = [item for item in ordered if item.score is not None]
    current = reviewed[-1].document_id if reviewed else None
    number = {item.document_id: n for n, item in enumerate(ordered, start=1)}
    out = []
    for n, item in enumerate(ordered, start=1):
        status: VersionStatus
        if item.document_id == current:
            status = "current"
            of = (
                f"the newest of {len(reviewed)} reviewed versions" if len(reviewed) > 1 else "the only reviewed version"
            )
            why = f"{of}; {_uploaded(item)}"
        elif item.score is not None:
            status = "earlier"
            why = f"replaced by v{number[current]} (newer); {_uploaded(item)}" if current else _uploaded(item)
        elif item.held:
            status = "awaiting confirmation"
            why = f"not stored as the contract until its parties are confirmed: {item.held}; {_uploaded(item)}"
        else:
            status = "not reviewed"
            why = f"not reviewed yet (its review is queued or failed); {_uploaded(item)}"
        out.append(
            DocumentVersion(
                version=n,
                document_id=item.document_id,
                name=item.name,
                uploaded_by=item.uploaded_by,
                uploaded_at=item.uploaded_at,
                current=status == "current",
                status=status,
                score=item.score,
                why=why,
            )
        )
    return out
