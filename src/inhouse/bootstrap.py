"""The composition root: settings -> engine -> unit-of-work factory, built once per process.

The CLI root, the web app factory and background jobs all start here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import Engine

from inhouse.domain.accounts import SYSTEM, Actor
from inhouse.settings import Settings, load_settings
from inhouse.store import migrate
from inhouse.store.database import describe, make_engine
from inhouse.store.uow import UnitOfWork, uow_factory


@dataclass
class Workspace:
    """What every service needs: the settings and a way to open a unit of work."""

    settings: Settings = field(default_factory=load_settings)
    actor: Actor = field(default_factory=lambda: SYSTEM)
    """Whom the writes of this workspace's units of work are attributed to (the audit log's 'who')."""

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.settings.database_url)

    @cached_property
    def _uow(self) -> Callable[[Actor], UnitOfWork]:
        return uow_factory(self.engine)

    def acting(self, actor: Actor) -> Workspace:
        """This workspace (same engine and sessions) with its writes attributed to ``actor``."""
        other = copy.copy(self)
        other.actor = actor
        return other

    def uow(self) -> UnitOfWork:
        """A new unit of work on a database that is initialised and up to date."""
        self.require_ready()
        return self._uow(self.actor)

    def require_ready(self) -> None:
        if not getattr(self, "_ready", False):
            migrate.require_current(self.engine)
            self._ready = True

    def unchecked_uow(self) -> UnitOfWork:
        """A unit of work without the schema check (for ``init`` itself)."""
        return self._uow(self.actor)

    @property
    def database_shown(self) -> str:
        """The database URL with its password hidden, for anything printed or logged."""
        return describe(self.engine)

    def dispose(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()


def bootstrap(**overrides: object) -> Workspace:
    return Workspace(load_settings(**overrides))
