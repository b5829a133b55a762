"""The ``inhouse`` command: root options, command groups, and the one error translator."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperGroup

from inhouse import __version__
from inhouse.cli import (
    assets,
    context,
    decisions,
    docs_audit,
    drills,
    edits,
    engagements,
    exit_readiness,
    knowledge,
    participation,
    partners,
    people,
    proposals,
    report,
    repos,
    reviews,
    status,
    transfer,
    trash,
    web,
    workspace,
)
from inhouse.cli import audit as audit_cli
from inhouse.cli import contracts as contracts_cli
from inhouse.cli import demo as demo_cli
from inhouse.cli import jobs as jobs_cli
from inhouse.cli import users as users_cli
from inhouse.errors import InhouseError, InvalidInput, NotFound
from inhouse.services.lookup import Unclear, Unknown

#: Where to look, added to a record that was not found (the services' messages speak of records).
NOT_FOUND_HINTS = {
    "client": "run `inhouse init --client NAME`",
    "partner": "see `inhouse partner list`",
    "engagement": "see `inhouse engagement list`",
}
#: How to name one record when several fit.
UNCLEAR_HINTS = {
    "client": "a workspace keeps one client: `inhouse export` it and move each client's records to a workspace of its own",
    "engagement": "see `inhouse engagement list`",
}


def message_of(exc: InhouseError) -> str:
    """The error's message, with the command that helps when the CLI knows one."""
    hint = None
    if isinstance(exc, Unknown):
        hint = NOT_FOUND_HINTS.get(exc.record)
    elif isinstance(exc, Unclear):
        hint = UNCLEAR_HINTS.get(exc.record)
    return f"{exc.message}: {hint}" if hint else exc.message


#: Where the standard library refuses a path (a NUL character, an unknown ~user, a link loop).
PATH_MODULES = frozenset({"pathlib", "posixpath", "genericpath", "os", "shutil", "tempfile", "subprocess"})


def os_error_line(exc: OSError) -> str:
    """An OSError as one line: the path and the system's reason."""
    reason = exc.strerror or " ".join(str(exc).split()) or exc.__class__.__name__
    return f"cannot use {exc.filename}: {reason}" if exc.filename else f"cannot read or write a file: {reason}"


def from_path_handling(exc: BaseException) -> bool:
    """Whether ``exc`` was raised by the standard library's path handling (its last frame)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and Path(tb.tb_frame.f_code.co_filename).stem in PATH_MODULES


class InhouseGroup(TyperGroup):
    """The root group: translates every InhouseError into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InhouseError as exc:
            if context.state.debug:
                raise
            context.err_console.print(f"[bold red]error:[/] {escape(message_of(exc))}", soft_wrap=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # a file or folder the user named, refused by the system where it was met
            if context.state.debug:
                raise
            code = NotFound.exit_code if isinstance(exc, FileNotFoundError) else InvalidInput.exit_code
            context.err_console.print(f"[bold red]error:[/] {escape(os_error_line(exc))}", soft_wrap=True)
            ctx.exit(code)
        except (RuntimeError, ValueError) as exc:
            if context.state.debug or not from_path_handling(exc):
                raise
            line = " ".join(str(exc).split()) or exc.__class__.__name__
            context.err_console.print(f"[bold red]error:[/] {escape(f'unusable path: {line}')}", soft_wrap=True)
            ctx.exit(InvalidInput.exit_code)
        except typer.TyperException as exc:  # a bad option value, a missing argument: one line too
            found = getattr(exc, "ctx", None)
            where = found.command_path if found is not None else "inhouse"
            line = " ".join(exc.format_message().split())
            if line:  # empty when the help was shown instead (a group called without a command)
                context.err_console.print(f"[bold red]error:[/] {escape(line)} (see `{where} -h`)", soft_wrap=True)
            ctx.exit(exc.exit_code)
        finally:
            context.reset()


app = typer.Typer(
    name="inhouse",
    cls=InhouseGroup,
    help="Measure, don't trust: keep the knowledge of outsourced AI work in-house.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inhouse {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: str | None = typer.Option(
        None,
        "--db",
        help="Database URL (default: INHOUSE_DATABASE_URL or sqlite:///inhouse.db).",
        envvar=None,
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """Measure, don't trust: keep the knowledge of outsourced AI work in-house."""
    context.reset()
    context.state.db = db
    context.state.debug = debug


workspace.register(app)
app.add_typer(engagements.app, name="engagement")
app.add_typer(partners.app, name="partner")
app.add_typer(proposals.app, name="proposal")
app.add_typer(people.app, name="person")
app.add_typer(repos.app, name="repo")
app.add_typer(reviews.app, name="review")
app.add_typer(decisions.app, name="decision")
app.add_typer(drills.app, name="drill")
participation.register(app)
demo_cli.register(app)
knowledge.register(app)
jobs_cli.register(app)
web.register(app)
report.register(app)
app.add_typer(docs_audit.app, name="docs")
app.add_typer(contracts_cli.app, name="contract")
app.add_typer(assets.app, name="asset")
exit_readiness.register(app)
status.register(app)
app.add_typer(users_cli.user_app, name="user")
app.add_typer(users_cli.token_app, name="token")
audit_cli.register(app)
transfer.register(app)
trash.register(app)
edits.register()


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):  # a file name of bytes that are not UTF-8 is shown escaped
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    app(args=argv, prog_name="inhouse")
