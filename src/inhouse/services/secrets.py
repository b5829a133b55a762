"""The server's own secrets: keys generated once, kept in the database, shared by every process.

A key is made with :func:`secrets.token_urlsafe` the first time it is asked for; a second process
that asks at the same moment finds the first one's (the store answers Conflict) and uses it.
"""

from __future__ import annotations

import secrets
import threading

from inhouse.bootstrap import Workspace
from inhouse.errors import Conflict

_CREATING = threading.Lock()


def server_secret(ws: Workspace, name: str) -> str:
    """The secret ``name`` (at most 40 characters), generated and stored the first time."""
    with _CREATING:
        try:
            with ws.uow() as uow:
                stored = uow.secrets.get(name)
                if stored:
                    return stored
                value = secrets.token_urlsafe(32)
                uow.secrets.add(name, value)
                uow.commit()
                return value
        except Conflict:  # another process stored it first: use that one
            with ws.uow() as uow:
                stored = uow.secrets.get(name)
                assert stored is not None, "a secret that conflicted is stored"
                return stored
