"""SQLAlchemy table models. The schema itself comes from the Alembic migrations.

Every row that belongs to an engagement carries ``engagement_id``; rows that
belong to a partner before any engagement exists carry ``partner_id``; so a
later access layer can scope every query to the engagements a user may see.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamped:
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class ClientRow(Timestamped, Base):
    __tablename__ = "clients"
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)


class PartnerRow(Timestamped, Base):
    __tablename__ = "partners"
    __table_args__ = (UniqueConstraint("client_id", "name"),)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="candidate")
    website: Mapped[str | None] = mapped_column(String(500))
    email_domains: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class PersonRow(Timestamped, Base):
    __tablename__ = "people"
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    side: Mapped[str] = mapped_column(String(20), nullable=False)
    role: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class PersonEmailRow(Base):
    __tablename__ = "person_emails"
    __table_args__ = (UniqueConstraint("client_id", "email"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True)
    email: Mapped[str] = mapped_column(String(320), nullable=False)


class EngagementRow(Timestamped, Base):
    __tablename__ = "engagements"
    __table_args__ = (UniqueConstraint("client_id", "name"),)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="RESTRICT"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    phase: Mapped[str] = mapped_column(String(20), nullable=False)
    plan: Mapped[list] = mapped_column(JSON, nullable=False)


class PhaseChangeRow(Base):
    __tablename__ = "engagement_phases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    phase: Mapped[str] = mapped_column(String(20), nullable=False)
    started_on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DocumentRow(Timestamped, Base):
    __tablename__ = "documents"
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    filename: Mapped[str] = mapped_column(String(500), nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    media_type: Mapped[str] = mapped_column(String(200), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    # who handed it over (the actor's label, and the account when one was signed in)
    uploaded_by: Mapped[str] = mapped_column(String(320), nullable=False, default="")
    uploaded_by_user_id: Mapped[int | None] = mapped_column(Integer)
    # a contract whose parties are not the engagement's client and partner: why it waits for a
    # confirmation before it becomes a version of the engagement's contract ("" when it does not)
    held: Mapped[str] = mapped_column(String(500), nullable=False, default="")


class ReviewRow(Timestamped, Base):
    __tablename__ = "weekly_reviews"
    __table_args__ = (UniqueConstraint("engagement_id", "week_of"),)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    week_of: Mapped[date] = mapped_column(Date, nullable=False)
    done: Mapped[str] = mapped_column(Text, nullable=False)
    why: Mapped[str] = mapped_column(Text, nullable=False)
    next: Mapped[str] = mapped_column(Text, nullable=False)
    attendees: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    # who wrote it (a partner user's review waits for an internal confirmation) and who confirmed it;
    # user ids are plain integers: accounts are disabled, never deleted
    written_by: Mapped[str] = mapped_column(String(20), nullable=False, default="internal")
    author: Mapped[str] = mapped_column(String(320), nullable=False, default="")
    author_user_id: Mapped[int | None] = mapped_column(Integer)
    confirmed_by: Mapped[str | None] = mapped_column(String(320))
    confirmed_by_user_id: Mapped[int | None] = mapped_column(Integer)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    confirmation_note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DecisionRow(Timestamped, Base):
    __tablename__ = "decisions"
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    review_id: Mapped[int | None] = mapped_column(ForeignKey("weekly_reviews.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(500), nullable=False)
    decided_by: Mapped[str] = mapped_column(String(20), nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    rationale: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(40), nullable=False, default="accepted")
    deciders: Mapped[list | None] = mapped_column(JSON)
    written_by: Mapped[str] = mapped_column(String(20), nullable=False, default="internal")
    author: Mapped[str] = mapped_column(String(320), nullable=False, default="")
    author_user_id: Mapped[int | None] = mapped_column(Integer)


class DrillRow(Timestamped, Base):
    __tablename__ = "drills"
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    performed_on: Mapped[date] = mapped_column(Date, nullable=False)
    person: Mapped[str] = mapped_column(String(200), nullable=False)
    modification: Mapped[str] = mapped_column(Text, nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    stuck_points: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    training_hours: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)


class RepoRow(Timestamped, Base):
    __tablename__ = "repos"
    __table_args__ = (UniqueConstraint("engagement_id", "path"),)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    path: Mapped[str] = mapped_column(String(2000), nullable=False)
    default_rev: Mapped[str] = mapped_column(String(200), nullable=False, default="HEAD")
    url: Mapped[str | None] = mapped_column(String(2000))  # linked by URL: mirrored on each worker (path: the URL)
    branch: Mapped[str | None] = mapped_column(String(200))  # of a URL's: the branch scanned; NULL: the remote's HEAD


class AnalysisResultRow(Timestamped, Base):
    __tablename__ = "analysis_results"
    kind: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    subject: Mapped[str] = mapped_column(String(2000), nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    payload: Mapped[dict] = mapped_column(JSON, nullable=False)
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    repo_id: Mapped[int | None] = mapped_column(ForeignKey("repos.id", ondelete="CASCADE"), index=True)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime)  # when a later run last found the same
    digest: Mapped[str | None] = mapped_column(String(64))  # the payload's digest, when its analyzer keeps one


class JobRow(Timestamped, Base):
    """Background work (a scan of a large repository): its state, progress and outcome."""

    __tablename__ = "jobs"
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    subject: Mapped[str] = mapped_column(String(2000), nullable=False, default="")
    engagement_id: Mapped[int | None] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"), index=True)
    submitted_by: Mapped[str] = mapped_column(String(320), nullable=False, default="")  # the actor's label
    submitted_by_user_id: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="queued")
    progress: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    message: Mapped[str] = mapped_column(Text, nullable=False, default="")
    result: Mapped[dict | None] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text, nullable=False, default="")
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    payload: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))  # the kind's payload model; NULL: none
    upload_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    upload: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, default=b"")  # an uploaded file, until done
    queue: Mapped[str] = mapped_column(String(100), nullable=False, default="default")
    lock: Mapped[str | None] = mapped_column(String(200))
    queueing_lock: Mapped[str | None] = mapped_column(String(200))
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    run_after: Mapped[datetime | None] = mapped_column(DateTime)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    worker: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    engine_id: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_jobs_status", "status"),
        # no two running jobs hold one lock, no two waiting jobs one queueing lock (the database says so):
        # partial unique indexes, made by migration 0013 with ``sqlite_where`` and ``postgresql_where``.
        # Their predicates are kept here in ``info``, not as dialect arguments: declaring those loads
        # each dialect on every start (docs/performance.md); the drift check does not compare predicates.
        Index("uq_jobs_running_lock", "lock", unique=True, info={"where": "status = 'running'"}),
        Index("uq_jobs_queued_lock", "queueing_lock", unique=True, info={"where": "status = 'queued'"}),
    )


class ScheduleTickRow(Timestamped, Base):
    """A scheduled run that was started: one row per schedule and due time, so that one worker alone starts it."""

    __tablename__ = "schedule_ticks"
    __table_args__ = (UniqueConstraint("name", "due_at"),)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    due_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    worker: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class AssetRow(Timestamped, Base):
    """The asset inventory: what the client must hold at exit, and who holds it."""

    __tablename__ = "assets"
    __table_args__ = (UniqueConstraint("engagement_id", "kind", "name"),)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    held_by: Mapped[str] = mapped_column(String(20), nullable=False)
    holder: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    location: Mapped[str] = mapped_column(String(2000), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class TaskRow(Timestamped, Base):
    """A tracker task (Jira issue, plain CSV row): who worked on it and when, for participation."""

    __tablename__ = "tasks"
    __table_args__ = (UniqueConstraint("engagement_id", "key"),)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), nullable=False, index=True
    )
    key: Mapped[str] = mapped_column(String(200), nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    assignee: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    worked_on: Mapped[date] = mapped_column(Date, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="plain")


# Feature modules with tables of their own, imported so that Base.metadata (migrations, `db check`) sees them.
from inhouse.store import (  # noqa: E402
    tables_accounts,  # noqa: F401
    tables_code_reviews,  # noqa: F401
    tables_dashboard,  # noqa: F401
    tables_knowledge,  # noqa: F401
    tables_partners,  # noqa: F401
    tables_trash,  # noqa: F401
)
