"""The dashboard's read model: stored status and page rows, and the change tracking that keeps them honest.

Every unit of work's session reports what it flushed (``track_changes``): a write to a row
that carries ``engagement_id`` (a review, a result, a document...) raises that engagement's
``version`` in the same transaction; a write for a linked repository raises its engagement's;
a write to a partner, or to a row of a partner's (a proposal, a partner's person), raises the
versions of the partner's engagements; anything else (the client, its people and their
emails, a row of unknown scope) raises them all. What was computed from an older version is
then no longer current, whichever process or command made the change. Job progress and the
scans' mined-history cache change nothing shown, and are left out. A write to anything
partner-scoped (a partner, a proposal, a reference check...) also raises the ``partners``
counter in ``data_versions``, the tag of the partner comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Table, event, func, insert, null, select, update
from sqlalchemy.orm import Session, sessionmaker

from inhouse.store.database import upsert_insert
from inhouse.store.tables import EngagementRow, JobRow, PartnerRow, RepoRow
from inhouse.store.tables_dashboard import DataVersionRow, EngagementStatusRow
from inhouse.store.tables_knowledge import ScanStateRow

#: Rows whose changes never change a status: job progress, the scan's mined-history cache,
#: and the read model itself.
_IGNORED = (JobRow, ScanStateRow, EngagementStatusRow, DataVersionRow)
_table = cast(Table, EngagementStatusRow.__table__)
_versions = cast(Table, DataVersionRow.__table__)


#: The parts of a row: (version column, "for" column, the column read by default, the full one).
PARTS = {
    "status": ("status_version", "status_for", "lights", "status"),
    "page": ("page_version", "page_for", "page", "page"),
}


@dataclass
class Stored:
    engagement_id: int
    version: int
    part_version: int | None
    part_for: str | None
    value: dict | None  # the column asked for

    def current(self, stamp: str) -> bool:
        return self.value is not None and self.part_version == self.version and self.part_for == stamp


class StatusRows:
    def __init__(self, session: Session) -> None:
        self.session = session

    def read(
        self, part: str, engagement_ids: list[int] | None = None, full: bool = False, value: bool = True
    ) -> dict[int, Stored]:
        """Stored ``part`` ("status" or "page") by engagement id; for the status, ``full`` reads
        the whole status rather than the portfolio's lights; ``value=False`` only the versions."""
        version, stamp, slim, whole = (_table.c[name] for name in PARTS[part])
        column = (whole if full else slim) if value else null()
        query = select(_table.c.engagement_id, _table.c.version, version, stamp, column)
        if engagement_ids is not None:
            query = query.where(_table.c.engagement_id.in_(engagement_ids))
        return {row[0]: Stored(*row) for row in self.session.execute(query)}

    def versions(self) -> tuple:
        """A summary of every engagement's version and stored-status version, in one row.

        Versions only go up, ids are never reused while larger ones exist, so any write, new
        engagement, removal or newly stored status changes it."""
        c = _table.c
        status = func.coalesce(c.status_version, 0)
        return tuple(
            self.session.execute(
                select(
                    func.count(),
                    func.max(c.engagement_id),
                    func.sum(c.version),
                    func.sum(c.version * c.engagement_id),
                    func.sum(status),
                    func.sum(status * c.engagement_id),
                )
            ).one()
        )

    def data_version(self, name: str) -> int | None:
        """The counter of a scope that spans engagements (``partners``), None when there is none."""
        return self.session.scalar(select(_versions.c.version).where(_versions.c.name == name))

    def stale(self, part: str, stamp: str) -> list[int]:
        """Engagements whose stored ``part`` is missing or not current for ``stamp``."""
        version, computed_for, value, _ = (_table.c[name] for name in PARTS[part])
        query = select(_table.c.engagement_id).where(
            version.is_(None)
            | (version != _table.c.version)
            | computed_for.is_(None)
            | (computed_for != stamp)
            | value.is_(None)
        )
        missing = select(EngagementRow.id).where(EngagementRow.id.not_in(select(_table.c.engagement_id)))
        return sorted(set(self.session.scalars(query)) | set(self.session.scalars(missing)))

    def save(self, part: str, engagement_id: int, version: int | None, stamp: str, **values: object) -> bool:
        """Store ``part`` computed from ``version`` (``values``: its columns); False, storing
        nothing, when the engagement's data changed since."""
        version_column, stamp_column, _, _ = PARTS[part]
        columns = {version_column: version or 1, stamp_column: stamp, **values}
        if version is None:  # no row yet (an engagement stored before change tracking existed)
            # an upsert that does nothing when a row appeared meanwhile: no savepoint, which on
            # SQLite's legacy transaction handling would commit on its own when nothing was written yet
            make = upsert_insert(self.session.get_bind().dialect.name)
            added = self.session.execute(
                make(_table)
                .values(engagement_id=engagement_id, version=1, **columns)
                .on_conflict_do_nothing(index_elements=[_table.c.engagement_id])
            )
            return cast(CursorResult[Any], added).rowcount == 1
        done = self.session.execute(
            update(_table).where(_table.c.engagement_id == engagement_id, _table.c.version == version).values(**columns)
        )
        return cast(CursorResult[Any], done).rowcount == 1


def _changed(session: Session) -> tuple[set[int], set[int], set[int], set[int], bool, bool]:
    """What a flush wrote: (new engagements, engagements, repositories, partners, everyone,
    anything partner-scoped)."""
    new: set[int] = set()
    touched: set[int] = set()
    repos: set[int] = set()
    partners: set[int] = set()
    everyone = scoped = False
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _IGNORED):
            continue
        scoped = scoped or isinstance(obj, PartnerRow) or getattr(obj, "partner_id", None) is not None
        if isinstance(obj, EngagementRow):
            (new if obj in session.new else touched).add(obj.id)
        elif isinstance(obj, PartnerRow):
            partners.add(obj.id)
        elif getattr(obj, "engagement_id", None) is not None:
            touched.add(obj.engagement_id)
        elif getattr(obj, "repo_id", None) is not None:  # a result stored for a linked repository
            repos.add(obj.repo_id)
        elif getattr(obj, "partner_id", None) is not None:  # a proposal, a reference, a partner's person
            partners.add(obj.partner_id)
        else:  # the client, its people, their emails, and any row of unknown scope: everything
            everyone = True
    return new, touched, repos, partners, everyone, scoped or everyone


def _after_flush(session: Session, _context) -> None:
    new, touched, repos, partners, everyone, scoped = _changed(session)
    if not (new or touched or repos or partners or everyone):
        return
    conn = session.connection()
    if scoped:
        conn.execute(_raise_counter(conn.dialect.name, "partners"))
    bump = update(_table).values(version=_table.c.version + 1)
    if everyone:
        conn.execute(bump)
    else:
        if repos:
            touched |= set(conn.scalars(select(RepoRow.engagement_id).where(RepoRow.id.in_(repos))))
        if partners:
            touched |= set(conn.scalars(select(EngagementRow.id).where(EngagementRow.partner_id.in_(partners))))
        if touched - new:
            conn.execute(bump.where(_table.c.engagement_id.in_(sorted(touched - new))))
    if new:
        conn.execute(insert(_table), [{"engagement_id": eid, "version": 1} for eid in sorted(new)])


def _raise_counter(dialect: str, name: str):
    """``version + 1`` for the counter ``name``, created at 1 when missing (both databases upsert)."""
    if dialect not in ("postgresql", "sqlite"):
        return update(_versions).where(_versions.c.name == name).values(version=_versions.c.version + 1)
    make = upsert_insert(dialect)
    return (
        make(_versions)
        .values(name=name, version=1)
        .on_conflict_do_update(index_elements=[_versions.c.name], set_={"version": _versions.c.version + 1})
    )


def track_changes(sessions: sessionmaker) -> None:
    """Raise the status versions of what every session made by ``sessions`` writes."""
    event.listen(sessions, "after_flush", _after_flush)


def invalidate_all(session: Session) -> None:
    """Raise every engagement's version and the partners counter: for writes the change tracking cannot
    see (records put back by a restore, with Core statements)."""
    conn = session.connection()
    conn.execute(update(_table).values(version=_table.c.version + 1))
    conn.execute(_raise_counter(conn.dialect.name, "partners"))
