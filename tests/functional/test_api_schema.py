"""Every JSON route declares the model it answers with, and /openapi.json describes it.

The walk is over ``app.routes``, so a route added without a response model fails here.
"""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

from inhouse.bootstrap import Workspace
from inhouse.settings import load_settings
from inhouse.web import create_app
from tests.webclient import WebClient


@pytest.fixture
def app(sqlite_url):
    ws = Workspace(load_settings(database_url=sqlite_url))
    yield create_app(ws)
    ws.dispose()


def json_routes(app) -> list:
    """Every route of the JSON API, with the context its router was included in (prefix, status)."""
    return [
        r
        for r in iter_route_contexts(app.routes)
        if isinstance(r.original_route, APIRoute) and r.include_in_schema and r.path.startswith("/api/")
    ]


def _schema_ref(schema: dict) -> str | None:
    """The component a response schema points at (directly, or as the items of a list)."""
    if "$ref" in schema:
        return schema["$ref"]
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        return schema["items"]["$ref"]
    return None


def test_the_api_has_routes(app):
    assert len(json_routes(app)) >= 15


def test_every_json_route_declares_a_response_model(app):
    missing = [f"{sorted(r.methods)} {r.path}" for r in json_routes(app) if r.response_model is None]
    assert missing == []
    untyped = []
    for route in json_routes(app):
        model = route.response_model
        inner = getattr(model, "__args__", (model,))[0] if getattr(model, "__origin__", None) is list else model
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            untyped.append(f"{route.path}: {model!r}")
    assert untyped == []


def test_openapi_has_a_schema_for_every_json_response(app):
    with WebClient(app) as client:
        spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    problems = []
    for route in json_routes(app):
        operation_path = route.path
        for method in route.methods:
            operation = spec["paths"][operation_path][method.lower()]
            status = str(route.status_code or 200)
            content = operation["responses"][status].get("content", {}).get("application/json", {})
            ref = _schema_ref(content.get("schema", {}))
            if ref is None:
                problems.append(f"{method} {operation_path}: no schema for {status}")
                continue
            name = ref.rsplit("/", 1)[-1]
            if not components.get(name, {}).get("properties"):
                problems.append(f"{method} {operation_path}: {name} has no fields")
    assert problems == []


def test_openapi_shows_closed_sets_as_enums(app):
    with WebClient(app) as client:
        spec = client.get("/openapi.json").json()
    enums = [name for name, schema in spec["components"]["schemas"].items() if "enum" in schema]
    assert enums, "no enum in the API schema: closed sets (sides, outcomes, colours) should be enums"


def test_openapi_declares_how_the_api_is_authenticated(app):
    with WebClient(app) as client:
        spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["bearerAuth"]["description"],
    }
    assert schemes["sessionCookie"]["in"] == "cookie" and schemes["sessionCookie"]["name"] == "inhouse_session"
    operations = [(p, m, o) for p, ops in spec["paths"].items() for m, o in ops.items() if p.startswith("/api/")]
    assert operations
    for path, method, operation in operations:
        assert {"bearerAuth": []} in operation.get("security", []), f"{method.upper()} {path}"
