"""Deny by default: a route without an entry in the permission table stops the app from starting,
and a route the table does not know answers 404 to everyone."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from inhouse.domain.access import GRANTS, Permission
from inhouse.domain.accounts import Role
from inhouse.web import access, create_app


def test_a_route_without_a_permission_stops_the_app(ws):
    app = create_app(ws)

    @app.get("/undeclared")
    def undeclared() -> dict:
        return {}

    with pytest.raises(RuntimeError, match="GET /undeclared"):
        access.install(app)


def test_every_route_of_the_app_is_in_the_table(ws):
    app: FastAPI = create_app(ws)
    assert set(access.declared_routes(app)) <= set(access.TABLE)


def test_roles_hold_no_permission_by_default():
    """Each role holds only what GRANTS lists; the partner role holds no client read."""
    partner = GRANTS[Role.PARTNER]
    assert Permission.READ not in partner and Permission.READ_PARTNERS not in partner
    assert Permission.READ_CONTRACTS not in partner and Permission.ADMIN not in partner
    assert (
        GRANTS[Role.VIEWER] & {p for p in Permission if p.value.startswith(("write", "run", "confirm", "upload"))}
        == set()
    )
    assert Permission.PUBLIC not in GRANTS[Role.ADMIN]  # public routes need no grant
