"""A bug is still answered in the one error shape, without its details."""

from __future__ import annotations

from inhouse.domain.access import Permission
from inhouse.web import access, create_app
from tests.webclient import WebClient


def test_an_unexpected_error_keeps_the_error_shape_and_hides_its_detail(ws, monkeypatch):
    app = create_app(ws)

    @app.get("/api/broken")
    def broken() -> None:
        raise RuntimeError("a secret in the traceback")

    monkeypatch.setitem(access.TABLE, "GET /api/broken", access.Rule(Permission.READ))
    access.install(app)  # the added route needs its rule, like every route
    with WebClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/broken")
    assert response.status_code == 500
    assert response.json()["error"]["type"] == "InternalError"
    assert "secret" not in response.text
