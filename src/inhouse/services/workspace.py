"""Creating and upgrading a workspace."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.organisations import Client
from inhouse.domain.workspace import SchemaCheck, SchemaStatus, SchemaUpgrade, WorkspaceIn, WorkspaceInit
from inhouse.errors import Conflict
from inhouse.store import migrate
from inhouse.store.database import describe


def init(ws: Workspace, new: WorkspaceIn | None = None) -> WorkspaceInit:
    """Create (or upgrade) the schema and record the client organisation."""
    before = migrate.current_revision(ws.engine)
    revision = migrate.upgrade(ws.engine)
    created_client = None
    with ws.unchecked_uow() as uow:
        clients = uow.clients.list()
        if new is not None and new.client:
            name = new.client
            if clients and uow.clients.by_name(name) is None:
                raise Conflict(
                    f"the workspace already keeps the records of {clients[0].name}: a workspace has one client; "
                    "give the other one its own database (--db)"
                )
            if uow.clients.by_name(name) is None:
                created_client = uow.clients.add(Client(name=name))
                uow.commit()
                clients = uow.clients.list()
    return WorkspaceInit(
        database=describe(ws.engine),
        created=before is None,
        revision=revision,
        clients=[c.name for c in clients],
        client_added=created_client.name if created_client else None,
    )


def status(ws: Workspace) -> SchemaStatus:
    return SchemaStatus(
        database=describe(ws.engine), revision=migrate.current_revision(ws.engine), head=migrate.head_revision()
    )


def upgrade(ws: Workspace) -> SchemaUpgrade:
    before = migrate.current_revision(ws.engine)
    after = migrate.upgrade(ws.engine)
    return SchemaUpgrade(database=describe(ws.engine), from_=before, to=after)


def check(ws: Workspace) -> SchemaCheck:
    ws.require_ready()
    return SchemaCheck(database=describe(ws.engine), differences=migrate.check(ws.engine))
