"""The unit of work: one transaction, every record collection, all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inhouse.domain.accounts import SYSTEM, Actor
from inhouse.errors import Conflict, StorageUnavailable
from inhouse.store.audit import record_writes
from inhouse.store.database import describe, first_line
from inhouse.store.lazy import LazyRecords
from inhouse.store.status_rows import track_changes

if TYPE_CHECKING:
    from inhouse.store.accounts import SecretRecords, SessionRecords, TokenRecords, UserRecords
    from inhouse.store.assets import AssetRecords
    from inhouse.store.audit import AuditRecords
    from inhouse.store.code_reviews import ChangeRequestRecords
    from inhouse.store.documents import DocumentRecords, ResultRecords
    from inhouse.store.dump import Dump
    from inhouse.store.engagements import EngagementRecords, RepoRecords
    from inhouse.store.jobs import JobRecords
    from inhouse.store.journal import DecisionRecords, DrillRecords, ReviewRecords, TaskRecords
    from inhouse.store.knowledge import ScanStateRecords
    from inhouse.store.organisations import ClientRecords, PartnerRecords, PersonRecords
    from inhouse.store.partners import ReferenceCheckRecords
    from inhouse.store.relocation import PathRecords
    from inhouse.store.schedule import ScheduleTicks
    from inhouse.store.sign_in_attempts import SignInAttempts
    from inhouse.store.status_rows import StatusRows
    from inhouse.store.trash import TrashRecords


class UnitOfWork:
    """``with uow: ...; uow.commit()``: anything not committed is rolled back on exit.

    Each record collection is made on first use in a transaction (its module imported then): a
    command that reads two tables does not pay for importing the other twenty."""

    clients: LazyRecords[ClientRecords] = LazyRecords("organisations", "ClientRecords")
    partners: LazyRecords[PartnerRecords] = LazyRecords("organisations", "PartnerRecords")
    people: LazyRecords[PersonRecords] = LazyRecords("organisations", "PersonRecords")
    engagements: LazyRecords[EngagementRecords] = LazyRecords("engagements", "EngagementRecords")
    repos: LazyRecords[RepoRecords] = LazyRecords("engagements", "RepoRecords")
    documents: LazyRecords[DocumentRecords] = LazyRecords("documents", "DocumentRecords")
    results: LazyRecords[ResultRecords] = LazyRecords("documents", "ResultRecords")
    reviews: LazyRecords[ReviewRecords] = LazyRecords("journal", "ReviewRecords")
    decisions: LazyRecords[DecisionRecords] = LazyRecords("journal", "DecisionRecords")
    drills: LazyRecords[DrillRecords] = LazyRecords("journal", "DrillRecords")
    tasks: LazyRecords[TaskRecords] = LazyRecords("journal", "TaskRecords")
    assets: LazyRecords[AssetRecords] = LazyRecords("assets", "AssetRecords")
    jobs: LazyRecords[JobRecords] = LazyRecords("jobs", "JobRecords")
    scan_states: LazyRecords[ScanStateRecords] = LazyRecords("knowledge", "ScanStateRecords")
    change_requests: LazyRecords[ChangeRequestRecords] = LazyRecords("code_reviews", "ChangeRequestRecords")
    references: LazyRecords[ReferenceCheckRecords] = LazyRecords("partners", "ReferenceCheckRecords")
    status_rows: LazyRecords[StatusRows] = LazyRecords("status_rows", "StatusRows")
    users: LazyRecords[UserRecords] = LazyRecords("accounts", "UserRecords")
    web_sessions: LazyRecords[SessionRecords] = LazyRecords("accounts", "SessionRecords")
    tokens: LazyRecords[TokenRecords] = LazyRecords("accounts", "TokenRecords")
    secrets: LazyRecords[SecretRecords] = LazyRecords("accounts", "SecretRecords")
    audit: LazyRecords[AuditRecords] = LazyRecords("audit", "AuditRecords")
    paths: LazyRecords[PathRecords] = LazyRecords("relocation", "PathRecords")
    dump: LazyRecords[Dump] = LazyRecords("dump", "Dump")
    trash: LazyRecords[TrashRecords] = LazyRecords("trash", "TrashRecords")
    schedule_ticks: LazyRecords[ScheduleTicks] = LazyRecords("schedule", "ScheduleTicks")
    sign_in_attempts: LazyRecords[SignInAttempts] = LazyRecords("sign_in_attempts", "SignInAttempts")

    def __init__(self, session_factory: Callable[[], Session], engine: Engine, actor: Actor = SYSTEM) -> None:
        self._session_factory = session_factory
        self.engine = engine
        self.actor = actor
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The open transaction's session (only inside ``with uow:``)."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open: use `with ws.uow() as uow:`")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = session = self._session_factory()
        session.info["actor"] = self.actor  # whom the audit log names for this transaction's writes
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self._session = None
            LazyRecords.forget(self)
        if isinstance(exc, OperationalError):
            raise StorageUnavailable(f"database error on {describe(self.engine)}: {first_line(exc)}") from None

    def flush(self) -> None:
        try:
            self.session.flush()
        except IntegrityError as exc:
            self.session.rollback()
            raise Conflict(f"conflicts with stored data: {first_line(exc)}") from None

    def commit(self) -> None:
        try:
            self.session.commit()
        except IntegrityError as exc:
            self.session.rollback()
            raise Conflict(f"conflicts with stored data: {first_line(exc)}") from None

    def rollback(self) -> None:
        self.session.rollback()


def uow_factory(engine: Engine) -> Callable[[Actor], UnitOfWork]:
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    track_changes(sessions)  # every write marks the stored statuses it affects as out of date
    record_writes(sessions)  # every write leaves an audit log entry in its own transaction
    return lambda actor: UnitOfWork(sessions, engine, actor)
