"""Property tests: whatever a client sends, the API answers with a validated value or a 4xx.

Bodies are generated from each route's own request schema in /openapi.json (so a new route is
covered without a new test), with values a client can really send: any text (blank, huge,
control characters, unpaired surrogates escaped in JSON), any number (huge integers,
``Infinity`` and ``NaN`` as Python's JSON writes them), dates far in the past and the future.
Run in process against real SQLite and PostgreSQL workspaces.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inhouse.web import create_app
from tests import webdata
from tests.webclient import WebClient

EXAMPLES = 25
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "   ", "\t\n", "x" * 100_000, "⒉", "2099-01-01", "1969-12-31", "inf", "-1", "yes"]),
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 2**63, 2**64, 1e308]),
)
dates = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["2099-01-01", "1960-05-05", "2026-02-30", "today", "2026-W02", ""]),
)
scalars = st.one_of(texts, numbers, dates, st.booleans(), st.none())
values = st.one_of(scalars, st.lists(scalars, max_size=4), st.dictionaries(st.text(max_size=5), scalars, max_size=2))


def _field_value(schema: dict) -> st.SearchStrategy:
    kind = schema.get("type")
    if kind == "array":
        return st.one_of(st.lists(_field_value(schema.get("items", {})), max_size=4), values)
    if schema.get("format") == "date":
        return st.one_of(dates, values)
    if kind in ("number", "integer"):
        return st.one_of(numbers, values)
    if kind == "string":
        return st.one_of(texts, dates, values)
    return values


def bodies(schema: dict) -> st.SearchStrategy:
    """Objects with the schema's fields (each present or not), then maybe an unknown one."""
    fields = schema.get("properties", {})
    parts = {name: st.one_of(st.none(), _field_value(spec)) for name, spec in fields.items()}
    base = st.fixed_dictionaries({}, optional=parts)
    return st.one_of(base, st.builds(lambda b, extra: {**b, "unexpected": extra}, base, scalars))


def _resolve(spec: dict, schema: dict) -> dict:
    if "$ref" in schema:
        return spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


@pytest.fixture
def api(ws):
    ids = webdata.seed(ws)
    with WebClient(create_app(ws), raise_server_exceptions=False) as client:
        spec = client.get("/openapi.json").json()
        yield client, ids, spec


def json_posts(spec: dict) -> list[tuple[str, dict]]:
    out = []
    for path, operations in spec["paths"].items():
        body = operations.get("post", {}).get("requestBody", {}).get("content", {})
        if "application/json" in body:
            out.append((path, _resolve(spec, body["application/json"]["schema"])))
    return out


def fill(path: str, ids: dict) -> str:
    return (
        path.replace("{ref}", str(ids["engagement_id"]) if "/engagements/" in path else webdata.PARTNER)
        .replace("{document_id}", str(ids["document_id"]))
        .replace("{job_id}", "1")
    )


def assert_answered(response) -> None:
    assert response.status_code < 500, response.text[:500]
    data = response.json()
    if response.status_code >= 400:
        assert set(data) == {"error"} and data["error"]["message"].strip()


def test_every_json_post_route_is_covered(api):
    _, _, spec = api
    assert len(json_posts(spec)) >= 5


def _poster(client, url: str, schema: dict):
    @PROFILE
    @given(body=bodies(schema))
    def post(body):
        raw = json.dumps(body)  # Python writes Infinity and NaN, as a careless client would
        response = client.post(url, content=raw, headers={"content-type": "application/json"})
        assert_answered(response)

    return post


def test_generated_bodies_are_validated_or_refused(api):
    client, ids, spec = api
    for path, schema in json_posts(spec):
        _poster(client, fill(path, ids), schema)()


@PROFILE
@given(ref=st.one_of(texts, numbers.map(str)))
def test_any_reference_in_a_path_is_found_or_refused(api, ref):
    client, _, spec = api
    quoted = quote(ref, safe="") or "%20"
    for template in ("/api/engagements/{}", "/api/documents/{}", "/api/jobs/{}", "/api/engagements/{}/jobs"):
        assert_answered(client.get(template.format(quoted)))
