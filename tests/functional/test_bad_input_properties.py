"""Property tests for the two other doors: web forms and CLI commands.

Whatever a form posts or a command is given, the answer is a redirect, a 4xx or a documented exit
code with one line on stderr, never a 500 or a traceback. The form routes are found by walking the
app (a new form is covered at once); the commands are the ones that record something.
"""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inhouse.web import create_app
from tests import webdata
from tests.conftest import Cli
from tests.webclient import WebClient

PROFILE = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
EXIT_CODES = {0, 2, 3, 4, 5}

# what a form field or a command-line argument can carry: text only, of every awkward kind
words = st.one_of(
    st.text(max_size=30).filter(lambda s: "\x00" not in s),  # a NUL cannot reach a form or argv
    st.sampled_from(["", "  ", "x" * 20_001, "⒉", "2099-01-01", "1960-01-01", "inf", "nan", "-3", "1e309"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)).map(date.isoformat),
    st.integers(min_value=-(10**22), max_value=10**22).map(str),
)


@pytest.fixture
def seeded(ws):
    return ws, webdata.seed(ws)


SIGN_IN = ("/login", "/logout")
"""Signing in and out are tested on their own (test_web_auth): a sign-out would end the session here."""


def form_routes(app) -> list[tuple[str, list[str], bool]]:
    """Each form post: its path, its text fields, and whether it takes a file."""
    out = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if context.path in SIGN_IN:
            continue
        if isinstance(route, APIRoute) and "POST" in route.methods and not context.path.startswith("/api/"):
            params = route.dependant.body_params
            fields = [p.name for p in params if type(p.field_info).__name__ == "Form"]
            out.append((context.path, fields, any(type(p.field_info).__name__ == "File" for p in params)))
    return out


def _fill(path: str, ids: dict) -> str:
    ref = str(ids["engagement_id"]) if path.startswith("/engagements/") else webdata.PARTNER
    return path.replace("{ref}", ref).replace("{document_id}", str(ids["document_id"]))


def _form_poster(client, url: str, fields: list[str], with_file: bool):
    names = st.one_of(words, st.sampled_from(["a.md", "x.pdf", "é" * 200 + ".txt", ".md", "no-suffix"]))

    @PROFILE
    @given(
        data=st.fixed_dictionaries({}, optional=dict.fromkeys(fields, words)),
        name=names,
        content=st.binary(max_size=200),
    )
    def post(data, name, content):
        files = {"file": (name, content)} if with_file else None
        response = client.post(url, data=data, files=files, follow_redirects=False)
        assert response.status_code < 500, response.text[:300]
        assert response.status_code in (303, 400, 404, 409, 413, 422), response.status_code

    return post


def test_every_form_post_redirects_or_refuses(seeded):
    ws, ids = seeded
    app = create_app(ws)
    routes = form_routes(app)
    assert len(routes) >= 8
    with WebClient(app, raise_server_exceptions=False) as client:
        for path, fields, with_file in routes:
            _form_poster(client, _fill(path, ids), fields, with_file)()


COMMANDS = {
    "drill add": lambda v: ["drill", "add", v[0], "--person", v[1], "--outcome", v[2], "--stuck", v[3],
                            "--hours", v[4], "--on", v[5]],
    "review add": lambda v: ["review", "add", "--week", v[0], "--done", v[1], "--why", v[2], "--next", v[3],
                             "--attendee", v[4]],
    "decision add": lambda v: ["decision", "add", v[0], "--by", v[1], "--on", v[2], "--why", v[3],
                               "--decider", v[4]],
    "partner add": lambda v: ["partner", "add", v[0], "--status", v[1], "--website", v[2], "--domain", v[3]],
    "partner reference add": lambda v: ["partner", "reference", "add", v[0], v[1], "--similar-scale", v[2],
                                        "--contact", v[3]],
    "engagement add": lambda v: ["engagement", "add", v[0], "--partner", v[1], "--start", v[2], "--plan", v[3]],
    "engagement phase": lambda v: ["engagement", "phase", v[0], v[1], "--on", v[2], "--reason", v[3]],
    "person add": lambda v: ["person", "add", v[0], "--side", v[1], "--email", v[2], "--partner", v[3]],
    "asset add": lambda v: ["asset", "add", v[0], "--kind", v[1], "--held-by", v[2], "--holder", v[3]],
}  # fmt: skip


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_commands_answer_any_arguments_with_a_documented_exit(seeded, database_url, command):
    build = COMMANDS[command]
    cli = Cli(database_url)

    @PROFILE
    @given(values=st.lists(words, min_size=6, max_size=6))
    def run(values):
        # a value that starts with "-" would be read as an option: a user would quote it with a space
        args = build([" " + v if v.startswith("-") else v for v in values])
        result = cli(*args)  # an unexpected exception fails here: the runner does not catch it
        assert result.exit_code in EXIT_CODES, (args, result.exit_code, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        if result.exit_code:
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr

    run()
