"""The unit of work: one transaction, every record collection, all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from inhouse.domain.accounts import SYSTEM, Actor
from inhouse.errors import Conflict, StorageUnavailable
from inhouse.store.accounts import SecretRecords, SessionRecords, TokenRecords, UserRecords
from inhouse.store.assets import AssetRecords
from inhouse.store.audit import AuditRecords, record_writes
from inhouse.store.database import describe, first_line
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
from inhouse.store.status_rows import StatusRows, track_changes
from inhouse.store.trash import TrashRecords


class UnitOfWork:
    """``with uow: ...; uow.commit()``: anything not committed is rolled back on exit."""

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
        self.clients = ClientRecords(session)
        self.partners = PartnerRecords(session)
        self.people = PersonRecords(session)
        self.engagements = EngagementRecords(session)
        self.repos = RepoRecords(session)
        self.documents = DocumentRecords(session)
        self.results = ResultRecords(session)
        self.reviews = ReviewRecords(session)
        self.decisions = DecisionRecords(session)
        self.drills = DrillRecords(session)
        self.tasks = TaskRecords(session)
        self.assets = AssetRecords(session)
        self.jobs = JobRecords(session)
        self.scan_states = ScanStateRecords(session)
        self.references = ReferenceCheckRecords(session)
        self.status_rows = StatusRows(session)
        self.users = UserRecords(session)
        self.web_sessions = SessionRecords(session)
        self.tokens = TokenRecords(session)
        self.secrets = SecretRecords(session)
        self.audit = AuditRecords(session)
        self.paths = PathRecords(session)
        self.dump = Dump(session)
        self.trash = TrashRecords(session)
        self.schedule_ticks = ScheduleTicks(session)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
            self._session = None
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
