"""`inhouse user ...` and `inhouse token ...` end to end: stable names, one-line errors, documented exit codes."""

from __future__ import annotations

import json

from inhouse.bootstrap import Workspace
from inhouse.cli.main import app
from inhouse.errors import Unauthenticated
from inhouse.services import accounts, tokens
from inhouse.settings import load_settings
from tests.conftest import CliResult

PASSWORD = "correct horse battery"


def run(cli, *args: str, stdin: str | None = None) -> CliResult:
    result = cli.runner.invoke(app, ["--db", cli.url, *args], input=stdin, catch_exceptions=False)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def one_line_error(result: CliResult, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def workspace(cli) -> Workspace:
    return Workspace(load_settings(database_url=cli.url))


def test_user_add_list_disable_and_password(cli_any):
    cli_any.ok("partner", "add", "Quantia Labs")
    cli_any.ok("engagement", "add", "ETA prediction", "--partner", "Quantia Labs", "--start", "2025-06-02")
    added = run(
        cli_any,
        "user",
        "add",
        "Ann@Example.com",
        "--name",
        "Ann Lee",
        "--role",
        "lead",
        "--password-stdin",
        "--json",
        stdin=PASSWORD + "\n",
    )
    assert added.exit_code == 0, added.stderr
    assert added.json["email"] == "ann@example.com" and added.json["role"] == "lead"
    partner = run(
        cli_any,
        "user",
        "add",
        "mei@quantialabs.io",
        "--name",
        "Mei Chen",
        "--role",
        "partner",
        "--partner",
        "Quantia Labs",
        "--engagement",
        "ETA prediction",
    )
    assert partner.exit_code == 0, partner.stderr
    assert "single sign-on" in partner.stdout

    listed = cli_any.ok("user", "list", "--json").json
    assert [u["email"] for u in listed] == ["ann@example.com", "mei@quantialabs.io"]
    mei = listed[1]
    assert mei["partner"] == "Quantia Labs" and mei["engagements"] == ["ETA prediction"] and not mei["disabled"]
    assert set(mei) == {
        "id",
        "email",
        "name",
        "role",
        "partner",
        "engagements",
        "disabled",
        "sso",
        "created_at",
        "last_login_at",
    }  # never a password or its hash
    assert "Ann Lee" in cli_any.ok("user", "list").stdout

    ws = workspace(cli_any)
    try:
        assert accounts.check_password(ws, "ann@example.com", PASSWORD).role.value == "lead"
        new = "a brand new passphrase"
        assert run(cli_any, "user", "password", "ann@example.com", "--password-stdin", stdin=new + "\n").exit_code == 0
        assert accounts.check_password(ws, "ANN@example.com", new).email == "ann@example.com"
        try:
            accounts.check_password(ws, "ann@example.com", PASSWORD)
            raise AssertionError("the old password still signs in")
        except Unauthenticated:
            pass
        disabled = cli_any.ok("user", "disable", "ann@example.com", "--json").json
        assert disabled["disabled"] is True
        try:
            accounts.check_password(ws, "ann@example.com", new)
            raise AssertionError("a disabled account signs in")
        except Unauthenticated:
            pass
    finally:
        ws.dispose()


def test_user_errors_are_one_line_with_their_exit_code(cli):
    cli.ok("partner", "add", "Quantia Labs")
    short = run(
        cli, "user", "add", "a@example.com", "--name", "A", "--role", "lead", "--password-stdin", stdin="short\n"
    )
    assert "--password-stdin" in one_line_error(short, 2)
    bad = run(cli, "user", "add", "not-an-email", "--name", "A", "--role", "boss")
    line = one_line_error(bad, 2)
    assert "email (EMAIL)" in line and "role (--role)" in line
    assert "--partner" in one_line_error(
        run(cli, "user", "add", "p@example.com", "--name", "P", "--role", "partner"), 2
    )
    assert "partner role" in one_line_error(
        run(cli, "user", "add", "l@example.com", "--name", "L", "--role", "lead", "--partner", "Quantia Labs"), 2
    )
    empty = run(cli, "user", "add", "e@example.com", "--name", "E", "--role", "lead", "--password-stdin", stdin="")
    assert "standard input" in one_line_error(empty, 2)
    assert run(cli, "user", "add", "a@example.com", "--name", "A", "--role", "viewer").exit_code == 0
    assert "already exists" in one_line_error(
        run(cli, "user", "add", "A@example.com", "--name", "A", "--role", "viewer"), 4
    )
    assert (
        "no partner"
        in one_line_error(
            run(cli, "user", "add", "q@example.com", "--name", "Q", "--role", "partner", "--partner", "Nobody"), 3
        ).lower()
    )
    one_line_error(run(cli, "user", "disable", "nobody@example.com"), 3)
    one_line_error(run(cli, "user", "password", "nobody@example.com", "--password-stdin", stdin=PASSWORD + "\n"), 3)
    assert "--password-stdin" in one_line_error(run(cli, "user", "password", "a@example.com"), 2)
    one_line_error(run(cli, "token", "create", "nobody@example.com"), 3)
    assert "--expires" in one_line_error(run(cli, "token", "create", "a@example.com", "--expires", "forever"), 2)
    assert "366" in one_line_error(run(cli, "token", "create", "a@example.com", "--expires", "400d"), 2)
    one_line_error(run(cli, "token", "revoke", "12345"), 3)
    one_line_error(run(cli, "token", "list", "nobody@example.com"), 3)


def test_token_create_prints_it_once_and_revoke_takes_id_or_token(cli):
    run(
        cli,
        "user",
        "add",
        "ann@example.com",
        "--name",
        "Ann Lee",
        "--role",
        "viewer",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    created = cli.ok("token", "create", "ann@example.com", "--expires", "30d", "--json").json
    assert set(created) == {"token", "expires_at"} and created["token"].startswith("ih_")
    human = cli.ok("token", "create", "ann@example.com", "--expires", "12h").stdout
    second = human.splitlines()[0].strip()
    assert second.startswith("ih_") and "not shown again" in human

    listed = cli.ok("token", "list", "--json")
    assert created["token"] not in listed.stdout and second not in listed.stdout
    assert [t["active"] for t in listed.json] == [True, True]
    assert created["token"].split("_", 2)[2] not in cli.ok("token", "list").stdout
    assert json.loads(cli.ok("token", "list", "ann@example.com", "--json").stdout) == listed.json

    first_id = str(listed.json[0]["id"])
    assert cli.ok("token", "revoke", first_id, "--json").json["active"] is False
    assert cli.ok("token", "revoke", second, "--json").json["revoked_at"] is not None
    assert [t["active"] for t in cli.ok("token", "list", "--json").json] == [False, False]
    ws = workspace(cli)
    try:
        for token in (created["token"], second):
            try:
                tokens.resolve(ws, token)
                raise AssertionError("a revoked token still works")
            except Unauthenticated:
                pass
    finally:
        ws.dispose()
