"""Text no database can store, on every route: a lone surrogate escape ("\\ud800") in a JSON body,
and a NUL character anywhere (PostgreSQL refuses one in any text); a 4xx naming the field, never
a 500. Every route of the app is walked (web.access.declared_routes): the bad text goes into each
path parameter, each query parameter, each form field, each JSON body field and file name."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest
from pydantic import BaseModel

from inhouse.web import create_app
from inhouse.web.access import declared_routes
from tests import webdata
from tests.webclient import WebClient

SURROGATE, NUL = "\ud800", "\x00"
#: As they travel in an address: percent-encoded (the surrogate as the bytes WTF-8 gives it).
IN_ADDRESS = {"nul": "%00", "nul-inside": "ETA%00prediction", "surrogate": "%ED%A0%80"}


@pytest.fixture
def seeded(ws):
    ids = webdata.seed(ws)
    app = create_app(ws)
    with WebClient(app) as client:
        yield client, app, ids


def _routes(app):
    return sorted(declared_routes(app).items())


def _path(template: str, ids: dict, bad: str | None, target: str | None) -> str:
    """The route's address with ``bad`` in the parameter ``target`` and real ids elsewhere."""
    real = {
        "ref": str(ids["engagement_id"]),
        "document_id": str(ids.get("contract_id", 1)),
        "review_id": "1",
        "decision_id": "1",
        "job_id": "1",
    }

    def fill(match: re.Match) -> str:
        name = match.group(1)
        return bad if name == target and bad is not None else real.get(name, "1")

    return re.sub(r"\{(\w+)\}", fill, template)


def _no_500(response, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"


def test_bad_text_in_every_path_parameter(seeded):
    client, app, ids = seeded
    for key, route in _routes(app):
        method, template = key.split(" ", 1)
        for param in route.dependant.path_params:
            for name, bad in IN_ADDRESS.items():
                url = _path(template, ids, bad, param.name)
                response = client.request(method, url, follow_redirects=False)
                _no_500(response, f"{method} {url} ({name})")


def test_bad_text_in_every_query_parameter(seeded):
    client, app, ids = seeded
    for key, route in _routes(app):
        method, template = key.split(" ", 1)
        names = [p.name for p in route.dependant.query_params] or ["q"]
        for param in names:
            for name, bad in IN_ADDRESS.items():
                url = f"{_path(template, ids, None, None)}?{param}={bad}"
                response = client.request(method, url, follow_redirects=False)
                _no_500(response, f"{method} {url} ({name})")


def _body_model(route) -> type[BaseModel] | None:
    for field in route.dependant.body_params:
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
    return None


@pytest.mark.parametrize("bad", [SURROGATE, NUL, f"a{NUL}b"], ids=["surrogate", "nul", "nul-inside"])
def test_bad_text_in_every_json_body_field(seeded, bad):
    client, app, ids = seeded
    checked = 0
    for key, route in _routes(app):
        model = _body_model(route)
        if model is None:
            continue
        method, template = key.split(" ", 1)
        url = _path(template, ids, None, None)
        for field in model.model_fields:
            body = json.dumps({field: bad})  # "\ud800" travels escaped, as valid JSON text
            response = client.request(method, url, content=body, headers={"content-type": "application/json"})
            _no_500(response, f"{method} {url} {field}")
            assert response.status_code == 422, (key, field, response.text[:300])
            message = response.json()["error"]["message"]
            assert field in message, (key, field, message)
            message.encode("utf-8")  # the answer itself is valid UTF-8 text
            checked += 1
    assert checked > 10


#: A valid value for each form field of the app, so that the one bad field is what a form answers about.
VALID_FORM = {
    "week_of": "2025-07-07",
    "done": "Trained the model",
    "why": "Lanes differ",
    "next": "Backtest",
    "attendees": "Dana Okafor",
    "action": "confirm",
    "note": "Looks right",
    "title": "Use PostgreSQL",
    "decided_by": "joint",
    "decided_on": "2025-07-01",
    "rationale": "Operations know it",
    "performed_on": "2025-07-01",
    "person": "Dana Okafor",
    "modification": "Changed the threshold",
    "outcome": "success",
    "stuck_points": "",
    "training_hours": "1",
    "inactive_days": "30",
    "gone_after": "2026-01-31",
    "kind": "contract",
    "name": "Northwind AI",
    "status": "candidate",
    "website": "https://northwind.example",
    "domains": "northwind.example",
    "notes": "Met at a conference",
    "similar_scale": "true",
    "still_running": "true",
    "client_contact_offered": "true",
    "repo": "/nowhere/repo",
}


def test_bad_text_in_every_form_field_and_file_name(seeded):
    client, app, ids = seeded
    named = 0
    for key, route in _routes(app):
        method, template = key.split(" ", 1)
        fields = [f for f in route.dependant.body_params if _body_model(route) is None]
        if method != "POST" or not fields:
            continue
        url = _path(template, ids, None, None)
        names = [f.name for f in fields if type(f.field_info).__name__ == "Form"]
        files = [f.name for f in fields if type(f.field_info).__name__ == "File"]
        for bad in (NUL, f"a{NUL}b", SURROGATE):
            for target in names:
                data = {name: (bad if name == target else VALID_FORM.get(name, "x")) for name in names}
                upload = {name: ("notes.md", b"# Notes\n", "text/markdown") for name in files}
                if upload:  # multipart: the fields as UTF-8 bytes ("surrogatepass": the surrogate as WTF-8)
                    encoded = {k: v.encode("utf-8", "surrogatepass") for k, v in data.items()}
                    response = client.post(url, data=encoded, files=upload, follow_redirects=False)
                else:
                    form = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in data.items()})
                    headers = {"content-type": "application/x-www-form-urlencoded"}
                    response = client.post(url, content=form, headers=headers, follow_redirects=False)
                _no_500(response, f"{key} {target}={bad!r}")
                if response.status_code == 422 and bad != SURROGATE:  # a surrogate arrives as U+FFFD: storable
                    assert target in response.text, (key, target, bad, _message(response))
                    named += 1
        for target in files:
            for bad_name in (b"notes\x00.md", b"\x00", b"notes\xed\xa0\x80.md", b"notes\xff.md"):
                body, content_type = _multipart(files, target, bad_name)
                response = client.post(
                    url, content=body, headers={"content-type": content_type}, follow_redirects=False
                )
                _no_500(response, f"{key} file name {bad_name!r}")
    assert named > 20


def _message(response) -> str:
    """The error's message, from the JSON answer or the error page."""
    if response.headers.get("content-type", "").startswith("application/json"):
        return response.json()["error"]["message"]
    found = re.search(r"<main.*?</main>", response.text, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", found.group(0) if found else response.text).strip()


def _multipart(files: list[str], target: str, bad_name: bytes) -> tuple[bytes, str]:
    """A form with a contract kind and one file per field, ``target``'s named with raw ``bad_name``
    bytes (what a client may send: the name is not required to be UTF-8)."""
    boundary = b"inhouse-test-boundary"
    parts = [b'Content-Disposition: form-data; name="kind"\r\n\r\ncontract']
    for name in files:
        filename = bad_name if name == target else b"notes.md"
        parts.append(
            b'Content-Disposition: form-data; name="' + name.encode() + b'"; filename="' + filename + b'"\r\n'
            b"Content-Type: text/markdown\r\n\r\n# Notes\n"
        )
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts) + b"--" + boundary + b"--\r\n"
    return body, f"multipart/form-data; boundary={boundary.decode()}"


@pytest.mark.parametrize("bad", [SURROGATE, NUL], ids=["surrogate", "nul"])
def test_a_json_body_error_names_the_field(seeded, bad):
    client, _, ids = seeded
    url = f"/api/engagements/{ids['engagement_id']}/decisions"
    body = {"title": f"Use {bad}PostgreSQL", "decided_by": "joint", "decided_on": "2025-07-01"}
    response = client.post(url, content=json.dumps(body), headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "InvalidInput"
    assert "title" in response.json()["error"]["message"]


def test_a_lone_surrogate_in_the_raw_body_is_a_422(seeded):
    """Bytes that are not UTF-8 at all (a surrogate encoded as WTF-8) are not JSON text."""
    client, _, ids = seeded
    url = f"/api/engagements/{ids['engagement_id']}/decisions"
    raw = b'{"title": "Use \xed\xa0\x80", "decided_by": "joint", "decided_on": "2025-07-01"}'
    response = client.post(url, content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text[:300]
    response.json()


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_an_error_that_echoes_a_lone_surrogate_is_still_answered(ws, accept):
    """A message quoting a value the client sent ("\\ud800" in JSON) is answered escaped, as a 422:
    the app's error translator on a route of its own that raises such an error."""
    from fastapi import FastAPI

    from inhouse.errors import InvalidInput
    from inhouse.web import errors

    app = FastAPI()
    errors.install(app)
    app.state.templates = create_app(ws).state.templates

    @app.get("/echo")
    def echo() -> None:
        raise InvalidInput(f"title {SURROGATE} is not a title")

    with WebClient(app) as client:
        response = client.get("/echo", headers={"accept": accept})
    assert response.status_code == 422, response.text[:300]
    assert "\\ud800" in response.text
