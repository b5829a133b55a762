"""`inhouse demo`: a realistic, deterministic workspace to explore every feature.

Meridian Freight (the client) engaged Quantia Labs on 2 June 2025 to build
shipment ETA prediction; BrightPath AI was the other candidate. The
engagement is in its second year; the internal share of the work grows but
stays behind the 30% -> 60% -> 90% plan.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.domain.common import PartnerStatus, Phase, Side
from inhouse.domain.demo import DemoWorkspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.engagements import Engagement, PhaseChange
from inhouse.domain.organisations import Client, Partner, Person
from inhouse.domain.repos import Repo
from inhouse.domain.workspace import WorkspaceIn
from inhouse.errors import Conflict, InvalidInput
from inhouse.services import engagements as engagement_service
from inhouse.services import workspace as workspace_service
from inhouse.services.demo import accounts as demo_accounts
from inhouse.services.demo import gitgen, journal
from inhouse.settings import load_settings
from inhouse.store.uow import UnitOfWork

CLIENT = "Meridian Freight"
ENGAGEMENT = "ETA prediction"
ENGAGED = "Quantia Labs"
CANDIDATE = "BrightPath AI"

PEOPLE = [
    ("Dana Okafor", Side.INTERNAL, ["dana.okafor@meridianfreight.com"], "Head of Data", None),
    ("Tomás Ribeiro", Side.INTERNAL, ["tomas.ribeiro@meridianfreight.com"], "Data engineer", None),
    ("Priya Raman", Side.INTERNAL, ["priya.raman@meridianfreight.com"], "ML engineer", None),
    ("Lukas Brandt", Side.PARTNER, ["lukas@quantialabs.io"], "Delivery lead", ENGAGED),
    ("Mei Chen", Side.PARTNER, ["mei.chen@quantialabs.io"], "ML engineer", ENGAGED),
    ("Arjun Patel", Side.PARTNER, ["arjun@quantialabs.io"], "MLOps engineer", ENGAGED),
]


@dataclass
class DemoContext:
    """What later demo steps (analyses) need: the workspace and the ids it created."""

    ws: Workspace
    folder: Path
    engagement_id: int
    partner_ids: dict[str, int]
    repo_path: Path
    document_paths: dict[str, Path]
    notes: list[str] = field(default_factory=list)


def _file(name: str) -> bytes:
    return resources.files("inhouse.services.demo").joinpath("files", name).read_bytes()


#: What a demo build writes into its folder; anything else a user put there is kept across a rebuild.
DEMO_ENTRIES = frozenset({"inhouse.db", "repos", "documents", "tracker"})
_SQLITE_SIDE_FILES = ("inhouse.db-journal", "inhouse.db-wal", "inhouse.db-shm")


def _check_target(folder: Path, force: bool, own_database: bool) -> None:
    """Conflict when ``folder`` holds a workspace (or demo repositories) and ``force`` is not given."""
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is a file, not a folder")
    held = (folder / "repos").exists() or (own_database and (folder / "inhouse.db").exists())
    if held and not force:
        what = "a workspace" if own_database else "demo repositories"
        raise Conflict(f"{folder} already holds {what}: pass --force to rebuild it")


def _leftover_of(folder: Path, entry: Path) -> tuple[str, int] | None:
    """("building" | "previous", the pid of the build that made it) for a folder a build left beside
    ``folder`` (``.<name>.building-<pid>-<random>``), else None."""
    head = f".{folder.name}."
    if not entry.name.startswith(head):
        return None
    kind, _, rest = entry.name[len(head) :].partition("-")
    pid = rest.partition("-")[0]
    if kind not in ("building", "previous") or not pid.isdigit():
        return None
    return kind, int(pid)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**31  # another user's process
    return True


def _sweep(folder: Path) -> None:
    """What a killed build left beside ``folder`` (its process gone): a half-made build is deleted; an
    old workspace renamed aside just before the new one was renamed in goes back when nothing is in
    its place, and is deleted otherwise."""
    try:
        entries = list(folder.parent.iterdir())
    except OSError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        found = _leftover_of(folder, entry)
        if found is None or _running(found[1]) or not entry.is_dir() or entry.is_symlink():
            continue
        if found[0] == "previous" and not folder.exists():
            entry.rename(folder)
        else:
            shutil.rmtree(entry, ignore_errors=True)


def _staging(folder: Path) -> Path:
    """A new empty folder beside ``folder`` (same file system, so the finished build is renamed in),
    named with this process's id so that a later build can tell a killed build's leftovers."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{folder.name}.building-{os.getpid()}-", dir=folder.parent))
    except OSError as exc:
        raise InvalidInput(f"cannot create the demo workspace beside {folder}: {exc.strerror or exc}") from None


def _swap_in(staging: Path, folder: Path) -> None:
    """Put the finished build at ``folder``: one rename when there is nothing there; else the old
    folder is renamed aside, the build renamed in, what a user added to the old folder moved over,
    and only then the old workspace deleted (a crash in between leaves it whole, beside, and the next
    build puts it back or deletes it: :func:`_sweep`)."""
    if not folder.exists():
        staging.rename(folder)
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{folder.name}.previous-{os.getpid()}-", dir=folder.parent))
    previous.rmdir()
    folder.rename(previous)
    staging.rename(folder)
    for entry in previous.iterdir():
        if entry.name not in DEMO_ENTRIES and entry.name not in _SQLITE_SIDE_FILES:
            entry.rename(folder / entry.name)
    shutil.rmtree(previous, ignore_errors=True)


def _relocate(uow: UnitOfWork, staging: Path, folder: Path) -> None:
    """The stored paths of a build made in ``staging`` moved to ``folder``, where the build is about to
    be renamed; the audit log keeps the history (added in the staging folder, then moved)."""
    uow.paths.move(str(staging), str(folder))
    uow.commit()


def _id(value: int | None) -> int:
    assert value is not None, "a stored record has an id"
    return value


def _records(ws: Workspace, uow: UnitOfWork, folder: Path) -> DemoContext:
    client = uow.clients.by_name(CLIENT) or uow.clients.add(Client(name=CLIENT))
    quantia = uow.partners.add(
        Partner(
            name=ENGAGED,
            status=PartnerStatus.ENGAGED,
            website="https://quantialabs.example",
            email_domains=["quantialabs.io"],
            notes="ML engineering boutique, Berlin",
            client_id=client.id,
        )
    )
    bright = uow.partners.add(
        Partner(
            name=CANDIDATE,
            status=PartnerStatus.CANDIDATE,
            website="https://brightpath.example",
            email_domains=["brightpath.ai"],
            notes="Large AI platform vendor",
            client_id=client.id,
        )
    )
    partners = {ENGAGED: quantia, CANDIDATE: bright}
    for name, side, emails, role, partner in PEOPLE:
        uow.people.add(
            Person(
                name=name,
                side=side,
                emails=emails,
                role=role,
                client_id=client.id,
                partner_id=partners[partner].id if partner else None,
            )
        )
    start = gitgen.ENGAGEMENT_START
    engagement = Engagement(
        name=ENGAGEMENT,
        client_id=_id(client.id),
        partner_id=_id(quantia.id),
        start_date=start,
        phase=Phase.ADVISORY,
        description="Predict shipment arrival times on Meridian's lanes; internal team to own it by year 3.",
        phases=[PhaseChange(Phase.ADVISORY, start, "four-week pilot on two lanes, then advisory")],
    )
    engagement.change_phase(
        Phase.PROJECT,
        date(2025, 10, 6),
        "pilot cut large ETA errors by a third on two lanes; production build fixed-scope",
    )
    uow.engagements.add(engagement)
    engagement_id = _id(engagement.id)

    repo_path = gitgen.generate(folder / "repos" / "eta-prediction")
    uow.repos.add(Repo(engagement_id=engagement_id, name="eta-prediction", path=str(repo_path.resolve())))

    doc_folder = folder / "documents"
    doc_folder.mkdir(exist_ok=True)
    paths = {}
    for name, kind, document_engagement, partner_id in (
        ("quantia-msa.md", DocumentKind.CONTRACT, engagement_id, quantia.id),
        ("quantia-proposal.md", DocumentKind.PROPOSAL, None, quantia.id),
        ("brightpath-proposal.md", DocumentKind.PROPOSAL, None, bright.id),
    ):
        content = _file(name)
        (doc_folder / name).write_bytes(content)
        paths[name] = doc_folder / name
        uow.documents.add(
            Document(
                filename=name,
                kind=kind,
                content=content,
                media_type="text/markdown",
                engagement_id=document_engagement,
                partner_id=partner_id,
            )
        )

    review_ids = {}
    for review in journal.reviews(engagement_id):
        uow.reviews.add(review)
        review_ids[review.week_of] = _id(review.id)
    for decision in journal.decisions(engagement_id, review_ids):
        uow.decisions.add(decision)
    for drill in journal.drills(engagement_id):
        uow.drills.add(drill)
    uow.commit()
    return DemoContext(
        ws=ws,
        folder=folder,
        engagement_id=engagement_id,
        partner_ids={n: _id(p.id) for n, p in partners.items()},
        repo_path=repo_path,
        document_paths=paths,
    )


def build(folder: Path, database_url: str | None = None, force: bool = False) -> DemoWorkspace:
    """Build the demo workspace in ``folder`` (SQLite ``folder/inhouse.db`` unless ``database_url``),
    with its demo accounts (:mod:`inhouse.services.demo.accounts`).

    The build is made in a new folder beside ``folder`` and renamed in only once complete, so a
    build that fails or is interrupted leaves the workspace that was there (``--force``) as it was."""
    try:
        folder = folder.expanduser().resolve()
        _sweep(folder)  # before the check: an old workspace put back is refused without --force
        _check_target(folder, force, own_database=database_url is None)
    except (OSError, RuntimeError) as exc:  # a name too long, a link loop, an unknown ~user
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidInput(f"cannot use {folder} as the demo folder: {reason}") from None
    staging = _staging(folder)
    try:
        url = database_url or f"sqlite:///{staging / 'inhouse.db'}"
        ws = Workspace(load_settings(database_url=url))
        try:
            context = _build_in(ws, staging)
            with ws.uow() as uow:
                _relocate(uow, staging, folder)
            summary = engagement_service.show(ws, str(context.engagement_id))
            signed = demo_accounts.add(ws, ENGAGED)
        finally:
            ws.dispose()
        _swap_in(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return DemoWorkspace(
        folder=str(folder),
        database=database_url or f"sqlite:///{folder / 'inhouse.db'}",
        engagement=summary,
        analyses=context.notes,
        repo=str(folder / context.repo_path.relative_to(staging)),
        documents={k: str(folder / v.relative_to(staging)) for k, v in context.document_paths.items()},
        accounts=signed,
    )


def _build_in(ws: Workspace, staging: Path) -> DemoContext:
    """The demo's records, files and analyses, made in ``staging``."""
    workspace_service.init(ws)  # the schema, then: is the database empty?
    with ws.uow() as uow:
        held = uow.clients.list()
    if held:
        raise Conflict(
            f"the database already holds a workspace (client {held[0].name}): the demo is built in an empty "
            "database; --force rebuilds only a demo in its own SQLite file: use a new database or leave out --db"
        )
    workspace_service.init(ws, WorkspaceIn(client=CLIENT))
    with ws.uow() as uow:
        context = _records(ws, uow, staging)
    from inhouse.services.demo.steps import analyses

    for name, step in analyses():
        context.notes.append(f"{name}: {step(context)}")
    return context
