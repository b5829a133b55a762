"""The versions of a document handed over again and again: an engagement's contract, a partner's
proposal. Every document of the series is a version, in upload order; none replaces another.

A contract handed to an engagement never replaces the one before: each is a new version (v1, v2...
in the order they were stored). The newest *reviewed* one is current, the one the score, the status
and the exit readiness read; a contract whose parties did not match waits for a confirmation and is
not current until then (``held``). A partner's proposal (for one engagement, or for none) is
versioned the same way: the newest *assessed* one is current, the one the scorecard reads
(``services/proposal_versions.py``). :func:`pick` finds the version a user names: its number (``2``
or ``v2``) or its document (``doc:12``). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from inhouse.domain.shapes import Shape, Timestamp
from inhouse.errors import InvalidInput, NotFound

VersionStatus = Literal["current", "earlier", "awaiting confirmation", "not reviewed", "not assessed"]

_VERSION = re.compile(r"^\s*(?:v(?P<version>\d{1,6})|(?P<number>\d{1,6})|doc:(?P<document>\d{1,12}))\s*$", re.I)


class DocumentVersion(Shape):
    """One version of a contract or a proposal; ``why`` says why it is (or is not) the current one."""

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
    """A document as the version list needs it (``score`` None: no review stored). ``analysed`` says
    whether its analysis is stored when it has no score (a proposal); None: it is when it has a score."""

    document_id: int
    name: str
    uploaded_by: str
    uploaded_at: datetime | None
    score: int | None
    held: str = ""
    analysed: bool | None = None
    uploader: str = ""  # the uploading account's name, when it has one (``uploaded_by`` is its e-mail)

    @property
    def stored(self) -> bool:
        """Whether its review (or assessment) is stored."""
        return self.score is not None if self.analysed is None else self.analysed


@dataclass(frozen=True)
class Wording:
    """How the versions of one kind of document speak of their analysis."""

    done: str  # "reviewed"
    missing: VersionStatus  # the status of a version without one
    waiting: str  # why such a version is not current


CONTRACT = Wording("reviewed", "not reviewed", "not reviewed yet (its review is queued or failed)")
PROPOSAL = Wording("assessed", "not assessed", "not assessed yet (its assessment is queued or failed)")


def uploaded(who: str, when: datetime | None) -> str:
    """ "uploaded by Ann Lee, 2026-11-18" (who is unrecorded for older documents)."""
    who = who or "an unrecorded uploader"
    return f"uploaded by {who}, {when:%Y-%m-%d}" if when else f"uploaded by {who}"


def number_versions(handed: list[Handed], wording: Wording = CONTRACT) -> list[DocumentVersion]:
    """``handed`` (any order) as versions numbered in upload order; the newest analysed is current."""
    ordered = sorted(handed, key=lambda item: item.document_id)
    analysed = [item for item in ordered if item.stored]
    current = analysed[-1].document_id if analysed else None
    number = {item.document_id: n for n, item in enumerate(ordered, start=1)}
    done = wording.done
    out = []
    for n, item in enumerate(ordered, start=1):
        status: VersionStatus
        when = uploaded(item.uploader or item.uploaded_by, item.uploaded_at)
        if item.document_id == current:
            status = "current"
            of = f"the newest of {len(analysed)} {done} versions" if len(analysed) > 1 else f"the only {done} version"
            why = f"{of}; {when}"
        elif item.stored:
            status = "earlier"
            why = f"replaced by v{number[current]} (newer); {when}" if current else when
        elif item.held:
            status = "awaiting confirmation"
            why = f"not stored as the contract until its parties are confirmed: {item.held}; {when}"
        else:
            status = wording.missing
            why = f"{wording.waiting}; {when}"
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


def pick(listed: list[DocumentVersion], ref: str, field: str, whole: str, of: str) -> DocumentVersion:
    """The version of ``listed`` that ``ref`` names (``2``, ``v2`` or ``doc:12``); a bad one is
    InvalidInput, an unknown one NotFound, both naming ``field``. ``whole`` ("the contract") and
    ``of`` ("this engagement's contract") name the series in the messages."""
    match = _VERSION.match(ref)
    if match is None:
        raise InvalidInput(f"{field}: {ref!r} is not a version: give its number (2 or v2) or its document (doc:12)")
    number = match.group("version") or match.group("number")
    if number is not None:
        found = next((v for v in listed if v.version == int(number)), None)
        if found is None:
            raise NotFound(f"{field}: no version {int(number)} ({whole} has {len(listed)})")
        return found
    document = int(match.group("document"))
    found = next((v for v in listed if v.document_id == document), None)
    if found is None:
        raise NotFound(f"{field}: document {document} is not a version of {of}")
    return found


def pick_pair(
    listed: list[DocumentVersion],
    analysed: list[DocumentVersion],
    before: str | None,
    after: str | None,
    whole: str,
    of: str,
    done: str,
) -> tuple[DocumentVersion, DocumentVersion]:
    """The two versions a comparison is of: ``after`` (default: the current one, the newest of
    ``analysed``) and ``before`` (default: the ``analysed`` version before it). ``whole`` and ``of``
    name the series as in :func:`pick`; ``done`` is its analysis ("reviewed")."""
    if after:
        newer = pick(listed, after, "after", whole, of)
    elif analysed:
        newer = next((v for v in analysed if v.current), analysed[-1])
    else:
        raise InvalidInput(f"{of} has no {done} version to compare")
    if before:
        return pick(listed, before, "before", whole, of), newer
    earlier = [v for v in analysed if v.version < newer.version]
    if not earlier:
        raise InvalidInput(
            f"before: v{newer.version} is the first {done} version of {of}: there is none to compare it with"
        )
    return earlier[-1], newer
