"""Engagements, phases and people through the CLI: the --json shapes (keys in their documented
order), bad input refused with exit 2 and nothing stored, unknown records with where to look."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from inhouse.errors import NotFound
from inhouse.services import engagements
from tests.conftest import Cli

TOMORROW = (date.today() + timedelta(days=1)).isoformat()
RECORD_KEYS = [
    "id",
    "name",
    "partner",
    "start_date",
    "phase",
    "phase_since",
    "year",
    "plan",
    "planned_internal_share_now",
    "description",
]
DETAIL_KEYS = RECORD_KEYS + [
    "client",
    "phases",
    "people",
    "repos",
    "documents",
    "reviews",
    "decisions",
    "drills",
    "analyses",
    "knowledge",
]


def _setup(cli: Cli) -> None:
    cli.ok("partner", "add", "Quantia Labs", "--domain", "quantialabs.io")
    cli.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")


def test_the_json_shapes_keep_their_keys_and_order(cli):
    _setup(cli)
    assert list(cli.ok("engagement", "list", "--json").json[0]) == RECORD_KEYS
    shown = cli.ok("engagement", "show", "--json").json
    assert list(shown) == DETAIL_KEYS
    assert shown["plan"] == [
        {"year": 1, "internal_share": 0.3},
        {"year": 2, "internal_share": 0.6},
        {"year": 3, "internal_share": 0.9},
    ]
    assert shown["phases"] == [  # the id names it to `engagement phase-edit`
        {"id": 1, "phase": "advisory", "started_on": "2025-06-02", "ended_on": None, "reason": "engagement started"}
    ]
    assert shown["reviews"] == {"count": 0, "first": None, "last": None} and shown["knowledge"] is None
    added = cli.ok("person", "add", "Ann Inside", "--side", "Internal", "--email", "Ann@Acme.com", "--json").json
    assert list(added) == ["id", "name", "side", "emails", "role", "partner"]
    assert added["emails"] == ["ann@acme.com"] and added["side"] == "internal"
    assert list(cli.ok("init", "--json").json) == ["database", "created", "revision", "clients", "client_added"]
    assert list(cli.ok("db", "upgrade", "--json").json) == ["database", "from", "to"]
    assert list(cli.ok("db", "current", "--json").json) == ["database", "revision", "head"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["engagement", "phase", "ETA prediction", "project", "--on", TOMORROW, "--reason", "x"], "in the future"),
        (["engagement", "phase", "ETA prediction", "project", "--on", "2025-10-06", "--reason", " "], "reason"),
        (["engagement", "phase", "ETA prediction", "project", "--on", "2025-05-01", "--reason", "x"], "before"),
        (["engagement", "add", "Y", "--partner", "Quantia Labs", "--start", "2025-01-01", "--plan", "30,inf"], "plan"),
        (["engagement", "add", " ", "--partner", "Quantia Labs", "--start", "2025-01-01"], "name must not be blank"),
        (["person", "add", "Y", "--side", "internal", "--partner", "Quantia Labs"], "only applies"),
        (["person", "list", "--side", "vendor"], "side must be one of"),
    ],
)
def test_bad_input_exits_2_and_stores_nothing(cli, args, message):
    _setup(cli)
    before = cli.ok("engagement", "show", "--json").stdout
    result = cli(*args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert cli.ok("engagement", "show", "--json").stdout == before


def test_unknown_records_say_where_to_look_only_on_the_command_line(cli, ws):
    _setup(cli)
    missing = cli("engagement", "show", "Nope")
    assert missing.exit_code == 3
    assert missing.stderr.strip() == "error: no engagement 'Nope': see `inhouse engagement list`"
    ghost = cli("engagement", "add", "X", "--partner", "Ghost", "--start", "2025-01-01")
    assert ghost.exit_code == 3 and ghost.stderr.strip() == "error: no partner 'Ghost': see `inhouse partner list`"
    with pytest.raises(NotFound) as caught:  # the service's own message speaks of records only
        engagements.show(ws, "Nope")
    assert caught.value.message == "no engagement 'Nope'"
