"""`inhouse user ...` and `inhouse token ...`: accounts of the web dashboard and their personal API tokens.

The CLI acts as the local operator, who holds the database: it adds the first admin account, and
needs no sign-in itself (docs/security.md).
"""

from __future__ import annotations

import getpass
import re
import sys
from typing import Any

import typer
from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.accounts import PasswordIn, TokenRecord, UserIn, UserRecord
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import accounts as service
from inhouse.services import tokens as token_service

user_app = typer.Typer(help="Accounts that sign in to the web dashboard and the API.", no_args_is_help=True)
token_app = typer.Typer(help="Personal API tokens (Authorization: Bearer on /api).", no_args_is_help=True)

USER_FLAGS = {
    "email": "EMAIL",
    "name": "--name",
    "role": "--role",
    "partner": "--partner",
    "engagements": "--engagement",
    "password": "--password-stdin",
}


def _validated(model: type[BaseModel], flags: dict[str, str], **values: Any) -> Any:
    """``validated(model, ...)``, its message naming the option beside each field."""
    try:
        return validated(model, **values)
    except InvalidInput as exc:
        parts = []
        for part in exc.message.split("; "):  # each part starts with the field it is about
            field = re.match(r"^([a-z_]+)((?:\.\d+)?) ", part)
            if field and field.group(1) in flags:
                part = f"{field.group(1)}{field.group(2)} ({flags[field.group(1)]}){part[field.end() - 1 :]}"
            parts.append(part)
        raise InvalidInput("; ".join(parts)) from None


def read_password() -> str:
    """One line of standard input (a prompt without echo on a terminal), without its line break."""
    if sys.stdin is None:
        raise InvalidInput("password (--password-stdin): nothing to read on standard input")
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput("password (--password-stdin): standard input is empty")
    return line.rstrip("\r\n")


def _show_user(verb: str, user: UserRecord) -> None:
    scope = f" of {escape(user.partner)}" if user.partner else ""
    state = " (disabled)" if user.disabled else ""
    console.print(f"{verb} [bold]{escape(user.email)}[/] ({user.role.value}{scope}), id {user.id}{state}")


@user_app.command("add")
def user_add(
    email: str = typer.Argument(..., help="The account's e-mail address (its login name)."),
    name: str = typer.Option(..., "--name", help="The person's name."),
    role: str = typer.Option(..., "--role", help="admin, lead, legal, viewer or partner."),
    partner: str | None = typer.Option(None, "--partner", help="A partner user's organisation (name or id)."),
    engagement: list[str] = typer.Option(
        [], "--engagement", "-e", help="A partner user sees only these engagements (repeatable; default: all)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from standard input (else: single sign-on only)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Add an account that signs in with a password (--password-stdin) or by single sign-on."""
    user: UserIn = _validated(
        UserIn,
        USER_FLAGS,
        email=email,
        name=name,
        role=role.strip().lower(),
        partner=partner,
        engagements=engagement,
        password=read_password() if password_stdin else None,
    )
    result = service.add(workspace(), user)
    if json_out:
        emit_json(result)
        return
    _show_user("Added", result)
    if user.password is None:
        console.print("  It signs in by single sign-on only (no password).")


@user_app.command("list")
def user_list(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """List the accounts."""
    rows = service.list_all(workspace())
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "e-mail", "name", "role", "partner", "state", "last sign-in", title="Accounts")
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.email),
            escape(row.name),
            row.role.value,
            escape(row.partner or ""),
            "disabled" if row.disabled else "active",
            row.last_login_at.strftime("%Y-%m-%d %H:%M") if row.last_login_at else "-",
        )
    console.print(table)


@user_app.command("disable")
def user_disable(
    email: str = typer.Argument(..., help="The account's e-mail address."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Disable an account: its sessions end and its tokens stop working at once."""
    result = service.disable(workspace(), email)
    if json_out:
        emit_json(result)
    else:
        _show_user("Disabled", result)


@user_app.command("password")
def user_password(
    email: str = typer.Argument(..., help="The account's e-mail address."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the new password from standard input (required)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Set an account's password (read from standard input); its open sessions end."""
    if not password_stdin:
        raise InvalidInput("pass --password-stdin and the new password on standard input")
    password: PasswordIn = _validated(PasswordIn, {"password": "--password-stdin"}, password=read_password())
    result = service.set_password(workspace(), email, password)
    if json_out:
        emit_json(result)
    else:
        _show_user("New password for", result)


def _show_tokens(rows: list[TokenRecord]) -> None:
    table = Table("id", "user", "created", "expires", "state", "last used", title="API tokens")
    for row in rows:
        state = "revoked" if row.revoked_at else ("active" if row.active else "inactive")
        table.add_row(
            str(row.id),
            escape(row.user),
            row.created_at.strftime("%Y-%m-%d %H:%M"),
            row.expires_at.strftime("%Y-%m-%d %H:%M"),
            state,
            row.last_used_at.strftime("%Y-%m-%d %H:%M") if row.last_used_at else "-",
        )
    console.print(table)


@token_app.command("create")
def token_create(
    email: str = typer.Argument(..., help="The account the token acts as (with its role)."),
    expires: str = typer.Option("30d", "--expires", help="How long it lives: 12h, 30d, 8w (a year at most)."),
    json_out: bool = typer.Option(False, "--json", help='Print {"token", "expires_at"} as JSON.'),
) -> None:
    """Create a personal API token; it is shown once, here, and never again."""
    result = token_service.create(workspace(), email, expires)
    if json_out:
        emit_json(result)
        return
    typer.echo(result.token)
    console.print(
        f"Expires {result.expires_at:%Y-%m-%d %H:%M} UTC. Send it as 'Authorization: Bearer TOKEN' to /api; "
        "it is not shown again.",
        soft_wrap=True,
    )


@token_app.command("list")
def token_list(
    email: str | None = typer.Argument(None, help="Only this account's tokens."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List API tokens (never the tokens themselves)."""
    rows = token_service.list_all(workspace(), email)
    if json_out:
        emit_json(rows)
    else:
        _show_tokens(rows)


@token_app.command("revoke")
def token_revoke(
    ref: str = typer.Argument(..., metavar="ID", help="The token's id (see `inhouse token list`), or the token."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Revoke an API token: it stops working at once."""
    result = token_service.revoke(workspace(), ref)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Revoked token {result.id} of [bold]{escape(result.user)}[/]")
