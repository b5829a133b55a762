"""`inhouse demo`: a realistic, deterministic workspace to explore every feature.

Meridian Freight (the client) engaged Quantia Labs on 2 June 2025 to build
shipment ETA prediction; BrightPath AI was the other candidate. The
engagement is in its second year; the internal share of the work grows but
stays behind the 30% -> 60% -> 90% plan.
"""

from __future__ import annotations

import shutil
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
from inhouse.errors import Conflict
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


def _prepare(folder: Path, force: bool) -> None:
    db_file, repos = folder / "inhouse.db", folder / "repos"
    if (db_file.exists() or repos.exists()) and not force:
        raise Conflict(f"{folder} already holds a workspace: pass --force to rebuild it")
    if db_file.exists():
        db_file.unlink()
    if repos.exists():
        shutil.rmtree(repos)
    for extra in ("inhouse.db-journal", "inhouse.db-wal", "inhouse.db-shm"):
        (folder / extra).unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)


def _id(value: int | None) -> int:
    assert value is not None, "a stored record has an id"
    return value


def _records(ws: Workspace, uow: UnitOfWork, folder: Path) -> DemoContext:
    client = uow.clients.by_name(CLIENT) or uow.clients.add(Client(name=CLIENT))
    if uow.partners.by_name(_id(client.id), ENGAGED) is not None:
        raise Conflict(f"the workspace already holds the demo ({ENGAGED}): use a new --dir or --force")
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
    with its demo accounts (:mod:`inhouse.services.demo.accounts`)."""
    folder = folder.expanduser().resolve()
    if database_url is None:
        _prepare(folder, force)
        database_url = f"sqlite:///{folder / 'inhouse.db'}"
    else:
        folder.mkdir(parents=True, exist_ok=True)
        if (folder / "repos").exists():
            if not force:
                raise Conflict(f"{folder} already holds demo repositories: pass --force to rebuild them")
            shutil.rmtree(folder / "repos")
    ws = Workspace(load_settings(database_url=database_url))
    try:
        workspace_service.init(ws, WorkspaceIn(client=CLIENT))
        with ws.uow() as uow:
            context = _records(ws, uow, folder)
        from inhouse.services.demo.steps import analyses

        for name, step in analyses():
            context.notes.append(f"{name}: {step(context)}")
        summary = engagement_service.show(ws, str(context.engagement_id))
        signed = demo_accounts.add(ws, ENGAGED)
    finally:
        ws.dispose()
    return DemoWorkspace(
        folder=str(folder),
        database=database_url,
        engagement=summary,
        analyses=context.notes,
        repo=str(context.repo_path),
        documents={k: str(v) for k, v in context.document_paths.items()},
        accounts=signed,
    )
