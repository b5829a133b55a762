"""The ``inhouse`` command: root options, command groups, and the one error translator."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from inhouse import __version__
from inhouse.cli import context
from inhouse.cli.lazy import Lazy, LazyGroup, build_all
from inhouse.cli.startup import pause_collection
from inhouse.errors import InhouseError, InvalidInput, NotFound

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
    from inhouse.services.lookup import Unclear, Unknown  # loaded with the services that raise them

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


#: Every top-level command, in the order ``inhouse --help`` lists them (commands, then groups).
COMMANDS: tuple[Lazy, ...] = (
    Lazy(
        "init",
        "Create the workspace database (or bring it up to date) and record the client.",
        "inhouse.cli.workspace:register",
    ),
    Lazy(
        "participation",
        "Internal participation per week (attendance, decisions, tasks) and the 'delegate and wait' alert.",
        "inhouse.cli.participation:register",
        whole=True,
    ),
    Lazy(
        "demo",
        "Build a realistic demo workspace (client, partners, engagement, git history, documents, reviews).",
        "inhouse.cli.demo:register",
    ),
    Lazy(
        "scan",
        "Scan a git repository: who knows the code, truck factor, off-boarding risk, internal share.",
        "inhouse.cli.knowledge:register",
    ),
    Lazy(
        "files-at-risk",
        "List the files at risk: per directory, the files with no internal author if the partner left (latest scan).",
        "inhouse.cli.knowledge:register",
    ),
    Lazy("jobs", "List background jobs (the older name of `inhouse job list`).", "inhouse.cli.jobs:register"),
    Lazy(
        "worker",
        "Run a worker that takes the workspace's queued jobs until SIGINT or SIGTERM.",
        "inhouse.cli.jobs:register",
    ),
    Lazy("serve", "Serve the web dashboard and its JSON API (docs at /docs).", "inhouse.cli.web:register"),
    Lazy(
        "report",
        "Write an engagement report: charts, evidence excerpts and the action list.",
        "inhouse.cli.report:register",
    ),
    Lazy(
        "exit-readiness",
        "Check exit readiness: contract, documentation, knowledge, drills and assets, each ready, at risk or blocked.",
        "inhouse.cli.exit_readiness:register",
    ),
    Lazy(
        "status",
        "Show the status of an engagement: lights per area and the next three actions, with their evidence.",
        "inhouse.cli.status:register",
    ),
    Lazy(
        "audit",
        "Show the audit log: every write, who made it, from where, and the record before and after.",
        "inhouse.cli.audit:register",
    ),
    Lazy(
        "export",
        "Export every record of the workspace (documents with their bytes, analyses, accounts, the audit log).",
        "inhouse.cli.transfer:register",
    ),
    Lazy(
        "import",
        "Load an export into an empty workspace (this --db), in one transaction: all of it or nothing.",
        "inhouse.cli.transfer:register",
    ),
    Lazy(
        "backup",
        "Copy the live workspace: SQLite's online backup of the database file, or on PostgreSQL an export (zip).",
        "inhouse.cli.transfer:register",
    ),
    Lazy("db", "Inspect and migrate the workspace database.", "inhouse.cli.workspace:register"),
    Lazy("engagement", "Add, list and show engagements.", "inhouse.cli.engagements:app", whole=True),
    Lazy("partner", "Add, list and assess partners.", "inhouse.cli.partners:app", whole=True),
    Lazy("proposal", "The versions of partners' proposals and what changed between them.", "inhouse.cli.proposals:app"),
    Lazy("person", "Add and list people (internal or partner side).", "inhouse.cli.people:app", whole=True),
    Lazy(
        "repo", "Link git repositories (local folders or URLs) to an engagement.", "inhouse.cli.repos:app", whole=True
    ),
    Lazy(
        "review", "Record, import and list weekly reviews (done / why / next).", "inhouse.cli.reviews:app", whole=True
    ),
    Lazy(
        "decision",
        "Record, list, import and export decisions (MADR / adr-tools).",
        "inhouse.cli.decisions:app",
        whole=True,
    ),
    Lazy("drill", "Record and list 'can we modify this alone?' drills.", "inhouse.cli.drills:app", whole=True),
    Lazy(
        "task", "Import and list tracker tasks (Jira or plain CSV).", "inhouse.cli.participation:register", whole=True
    ),
    Lazy("job", "Background jobs: list, show, cancel and retry them.", "inhouse.cli.jobs:register"),
    Lazy("docs", "Audit the documentation of a repository.", "inhouse.cli.docs_audit:app"),
    Lazy("contract", "Review partner contracts against the playbook's must-have clauses.", "inhouse.cli.contracts:app"),
    Lazy(
        "asset",
        "Keep the inventory of assets (repositories, models, data, accounts, credentials).",
        "inhouse.cli.assets:app",
        whole=True,
    ),
    Lazy("user", "Accounts that sign in to the web dashboard and the API.", "inhouse.cli.users:user_app", whole=True),
    Lazy("token", "Personal API tokens (Authorization: Bearer on /api).", "inhouse.cli.users:token_app"),
    Lazy("document", "Documents handed over (contracts, proposals, others).", "inhouse.cli.trash:register", whole=True),
    Lazy(
        "trash", "Deleted records, kept to be restored: list, restore, purge.", "inhouse.cli.trash:register", whole=True
    ),
)

#: The order the commands are added in (the ``edit`` and ``delete`` commands extend the groups last).
ORDER = (
    "init",
    "engagement",
    "partner",
    "proposal",
    "person",
    "repo",
    "review",
    "decision",
    "drill",
    "participation",
    "demo",
    "scan",
    "jobs",
    "serve",
    "report",
    "docs",
    "contract",
    "asset",
    "exit-readiness",
    "status",
    "user",
    "token",
    "audit",
    "export",
    "trash",
)


def every_command(app: typer.Typer) -> None:
    """Add every command to ``app``, as one eager root would (the whole tree)."""
    from inhouse.cli import edits

    by_name = {c.name: c for c in COMMANDS}
    build_all(app, [by_name[name] for name in ORDER], then=edits.register)


class InhouseGroup(LazyGroup):
    """The root group: its commands load when used (see ``lazy.py``); translates every
    InhouseError into one line on stderr and its exit code."""

    lazy = COMMANDS
    whole = staticmethod(every_command)

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


def run(argv: list[str] | None = None) -> None:
    """Run the command line ``argv`` (the process's arguments by default); ends with ``SystemExit``."""
    pause_collection()  # on again once the command's modules are imported (cli/startup.py)
    for stream in (sys.stdout, sys.stderr):  # a file name of bytes that are not UTF-8 is shown escaped
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        app(args=argv, prog_name="inhouse")
    finally:
        # the process ends here: every object still alive moves where the interpreter's last full
        # collection does not walk them (0.1 s of a short command's exit; docs/performance.md)
        gc.freeze()
