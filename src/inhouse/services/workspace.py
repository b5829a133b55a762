"""Creating and upgrading a workspace."""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.organisations import Client, require_name
from inhouse.store import migrate
from inhouse.store.database import describe


def init(ws: Workspace, client_name: str | None = None) -> dict:
    """Create (or upgrade) the schema and record the client organisation."""
    before = migrate.current_revision(ws.engine)
    revision = migrate.upgrade(ws.engine)
    created_client = None
    with ws.unchecked_uow() as uow:
        clients = uow.clients.list()
        if client_name:
            name = require_name(client_name, "client")
            existing = uow.clients.by_name(name)
            if existing is None:
                created_client = uow.clients.add(Client(name=name))
                uow.commit()
                clients = uow.clients.list()
    return {
        "database": describe(ws.engine),
        "created": before is None,
        "revision": revision,
        "clients": [c.name for c in clients],
        "client_added": created_client.name if created_client else None,
    }


def status(ws: Workspace) -> dict:
    return {
        "database": describe(ws.engine),
        "revision": migrate.current_revision(ws.engine),
        "head": migrate.head_revision(),
    }


def upgrade(ws: Workspace) -> dict:
    before = migrate.current_revision(ws.engine)
    after = migrate.upgrade(ws.engine)
    return {"database": describe(ws.engine), "from": before, "to": after}


def check(ws: Workspace) -> dict:
    ws.require_ready()
    return {"database": describe(ws.engine), "differences": migrate.check(ws.engine)}
