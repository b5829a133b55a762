"""Records of the git knowledge feature: stored scan states (for incremental rescans).

A state is stored in two blobs: the mined facts (``state``, megabytes for a long history) and the
report they were analysed into (``report``, with the keys it is checked against). A rescan reads
the report alone first (:meth:`ScanStateRecords.kept`); the facts only when there is something new.
"""

from __future__ import annotations

import zlib
from functools import partial
from typing import Any

import zstandard
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from inhouse.store import jsontext
from inhouse.store.tables import utcnow
from inhouse.store.tables_knowledge import ScanStateRow

#: The start of a blob holding JSON with bytes beside it (a blob without it is JSON alone).
_FRAMED = b"IHS1"
#: Where the JSON of a framed blob says which of its keys were bytes, in order, and how many.
_BYTES_KEY = "$bytes"
#: Where a framed blob's JSON starts: after the mark and the JSON's length (8 bytes, little-endian).
_JSON_AT = len(_FRAMED) + 8
#: The start of a Zstandard frame: blobs written before are zlib streams, and still read.
_ZSTD = b"\x28\xb5\x2f\xfd"
#: Zstandard's quickest level: on a rails state (9.6 MB) 14 ms to write and 6 ms to read, against
#: zlib's 44 and 19 at its level 1, and a tenth smaller.
_LEVEL = 1


def pack(state: dict[str, Any]) -> bytes:
    """``state`` compressed: its ``bytes`` values (top level) stored as they are after the JSON
    of the rest, so that packed numbers pass through no text encoding."""
    binary = {key: value for key, value in state.items() if isinstance(value, bytes)}
    if not binary:
        return _compress(jsontext.encode(state))
    rest = {key: value for key, value in state.items() if key not in binary}
    rest[_BYTES_KEY] = [[key, len(value)] for key, value in binary.items()]
    text = jsontext.encode(rest)
    return _compress(b"".join([_FRAMED, len(text).to_bytes(_JSON_AT - len(_FRAMED), "little"), text, *binary.values()]))


def unpack(blob: bytes) -> dict[str, Any] | None:
    """What :func:`pack` kept; None when the blob cannot be read (the next scan is a full one)."""
    try:
        data = _decompress(blob)
        if not data.startswith(_FRAMED):
            found = jsontext.loads(data)
            return found if isinstance(found, dict) else None
        at = _JSON_AT + int.from_bytes(data[len(_FRAMED) : _JSON_AT], "little")
        state = jsontext.loads(data[_JSON_AT:at])
        if not isinstance(state, dict):
            return None
        for key, length in state.pop(_BYTES_KEY):
            state[key] = data[at : at + length]
            at += length
        return state if at == len(data) else None
    except (zlib.error, zstandard.ZstdError, ValueError, TypeError, KeyError, AttributeError):
        return None  # unreadable: the next scan is simply a full one


#: The most a stored blob may hold once decompressed (a rails state holds 10 MB): a larger one, such
#: as a decompression bomb in an imported export, is not read, and the next scan is a full one.
MAX_UNPACKED = 1 << 30


def _compress(data: bytes) -> bytes:
    return zstandard.ZstdCompressor(level=_LEVEL).compress(data)


def _decompress(blob: bytes) -> bytes:
    """The bytes ``blob`` holds, read no further than :data:`MAX_UNPACKED` (ValueError past it)."""
    if not blob.startswith(_ZSTD):
        stream = zlib.decompressobj()
        data = stream.decompress(blob, MAX_UNPACKED + 1)
        if len(data) > MAX_UNPACKED or stream.unconsumed_tail:
            raise ValueError("the stored blob is larger than the limit")
        return data
    # read in parts, so that a frame claiming a huge size allocates nothing for it
    parts, size = [], 0
    with zstandard.ZstdDecompressor().stream_reader(blob, read_across_frames=True) as reader:
        while part := reader.read(1 << 24):
            size += len(part)
            if size > MAX_UNPACKED:
                raise ValueError("the stored blob is larger than the limit")
            parts.append(part)
    return b"".join(parts)


#: The key of a state that holds the report it was analysed into (``analysis.git.scanner.REPORT``).
REPORT = "report"
#: What a kept report is checked against, stored beside it so that checking needs no facts.
KEPT_KEYS = ("version", "head", "mode", "boundaries")


def _kept(blob: bytes) -> dict[str, Any] | None:
    """A stored report blob, its report (the JSON stored as bytes beside the stamp) read when called;
    a report stored inside the JSON (before) is returned as it is."""
    kept = unpack(blob)
    if kept is not None and isinstance(kept.get(REPORT), bytes):
        kept[REPORT] = partial(_report, kept[REPORT])
    return kept


def _report(text: bytes) -> Any:
    """A kept report's JSON, read; None when it cannot be (the scan analyses again)."""
    try:
        return jsontext.loads(text)
    except ValueError:
        return None


class ScanStateRecords:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, subject: str) -> ScanStateRow | None:
        """The stored row of ``subject``, its blobs left unread until used (they are replaced or not needed)."""
        query = select(ScanStateRow).options(defer(ScanStateRow.state), defer(ScanStateRow.report))
        query = query.where(ScanStateRow.subject == subject)
        return self.session.scalar(query.order_by(ScanStateRow.id.desc()).limit(1))

    def get(self, subject: str, *, with_report: bool = True) -> dict[str, Any] | None:
        """The stored history of the repository at ``subject`` with its report (unless ``with_report``
        is false: the caller read it with :meth:`kept`), None when there is none."""
        columns = (ScanStateRow.state, ScanStateRow.report) if with_report else (ScanStateRow.state,)
        query = select(*columns).where(ScanStateRow.subject == subject)
        found = self.session.execute(query.order_by(ScanStateRow.id.desc()).limit(1)).first()
        if found is None:
            return None
        state = unpack(found.state)
        if state is not None and with_report and found.report is not None:
            kept = _kept(found.report)
            if kept is not None:
                state[REPORT] = kept.get(REPORT)
        return state

    def kept(self, subject: str) -> dict[str, Any] | None:
        """The report stored for ``subject`` with what it is checked against (the state's version,
        head, mode and shallow boundaries), without the facts; None when none is stored apart.

        The report itself is a function that reads it: a rescan after new commits checks the
        head alone and never needs the report (a megabyte of JSON on a long history)."""
        query = select(ScanStateRow.report).where(ScanStateRow.subject == subject)
        blob = self.session.scalar(query.order_by(ScanStateRow.id.desc()).limit(1))
        return _kept(blob) if blob is not None else None

    def links(self, subject: str) -> tuple[int | None, int | None] | None:
        """The engagement and repository ids the stored history of ``subject`` is kept for."""
        row = self._row(subject)
        return (row.engagement_id, row.repo_id) if row else None

    def save(
        self, subject: str, state: dict[str, Any], *, engagement_id: int | None = None, repo_id: int | None = None
    ) -> None:
        """Keep one state per repository: replace the stored one."""
        row = self._row(subject)
        if row is None:
            row = ScanStateRow(subject=subject)
            self.session.add(row)
        row.engagement_id, row.repo_id = engagement_id, repo_id
        row.head = state.get("head") or ""
        row.mode = state.get("mode") or "full"
        row.commits = int(state.get("commits") or 0) + int(state.get("merges") or 0)
        facts = {key: value for key, value in state.items() if key != REPORT}
        row.state = pack(facts)
        kept = state.get(REPORT)
        stamp = {key: state.get(key) for key in KEPT_KEYS}
        row.report = pack({**stamp, REPORT: jsontext.encode(kept)}) if kept is not None else None
        row.updated_at = utcnow()
        self.session.flush()

    def relink(self, subject: str, *, engagement_id: int | None, repo_id: int | None) -> None:
        """The stored state of ``subject`` kept for another engagement or repository (its facts unchanged)."""
        row = self._row(subject)
        if row is not None:
            row.engagement_id, row.repo_id = engagement_id, repo_id
            self.session.flush()
