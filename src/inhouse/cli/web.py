"""`inhouse serve`: the web dashboard on uvicorn."""

from __future__ import annotations

import functools
import ipaddress
import os
import socket

import typer
from rich.markup import escape

from inhouse.bootstrap import Workspace
from inhouse.cli.context import console, err_console, workspace
from inhouse.errors import InvalidInput
from inhouse.services import accounts
from inhouse.settings import Settings

NO_ADMIN = (
    "refusing to listen on {host}, reachable from other machines, while no active admin account exists: "
    "add one first (inhouse user add EMAIL --name NAME --role admin --password-stdin)"
)


def default_workers() -> int:
    """One server process per core, at most four (each keeps its own connections and caches).
    Measured on 2 cores with the database on the same machine: two processes answered 20 busy
    users faster than one (docs/performance-web.md)."""
    return max(1, min(os.cpu_count() or 1, 4))


def server_options(settings: Settings) -> dict[str, object]:
    """uvicorn's options that bound what one client can hold: an idle kept-alive connection closes
    after ``request_keep_alive_seconds``; at most ``request_concurrency`` connections and requests at
    once (then 503); request headers within ``web.uploads.HEADER_SECONDS`` and
    ``MAX_HEADER_BYTES`` (the h11 protocol with a header deadline); the body is bounded in size and
    time by the app itself (``web.uploads.BodyLimit``)."""
    from inhouse.web.uploads import MAX_HEADER_BYTES, PROTOCOL

    return {
        "http": PROTOCOL,
        "timeout_keep_alive": settings.request_keep_alive_seconds,
        "limit_concurrency": settings.request_concurrency,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
    }


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(
        0, "--workers", min=0, help="Server processes (uvicorn workers); 0: one per core, at most four."
    ),
) -> None:
    """Serve the web dashboard and its JSON API (docs at /docs)."""
    import uvicorn

    from inhouse.web import create_app
    from inhouse.web.app import served_app

    ws = workspace()
    ws.require_ready()
    local = sign_in_mode(ws, host)
    workers = workers or default_workers()
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    console.print(
        f"inhouse is serving [bold]{escape(ws.database_shown)}[/] ({workers} process{'es' if workers > 1 else ''})",
        soft_wrap=True,
    )
    if local:
        console.print(
            "Local single-user mode: no account exists, so nobody signs in and anyone who can reach this "
            "address can read and change everything (add an admin with `inhouse user add` to require sign-in)",
            soft_wrap=True,
        )
    else:
        console.print("Sign-in required on every page (accounts exist)", soft_wrap=True)
    if not is_loopback(host):
        names = ", ".join(ws.settings.allowed_hosts) or "none besides this address"
        err_console.print(
            f"[bold yellow]warning:[/] listening on {escape(host)}, reachable from other machines; host names "
            f"answered (INHOUSE_ALLOWED_HOSTS): {escape(names)}; serve it behind HTTPS (docs/security.md)",
            soft_wrap=True,
        )
    console.print(f"Open [bold]http://{shown}:{port}/[/] (Ctrl+C to stop)", soft_wrap=True)
    if workers == 1:
        app = create_app(ws, warm_status=True, local_mode=local, hosts=(host,))
        uvicorn.run(app, host=host, port=port, log_level="warning", **server_options(ws.settings))  # type: ignore[arg-type]
        return
    # worker processes build their own workspace from the settings, so pass ours on
    os.environ["INHOUSE_DATABASE_URL"] = ws.settings.database_url
    if ws.settings.debug:
        os.environ["INHOUSE_DEBUG"] = "1"
    ws.dispose()
    from uvicorn.supervisors import Multiprocess

    # each worker calls served_app with the same decision (the partial is handed to the spawned processes)
    factory = functools.partial(served_app, local_mode=local, hosts=(host,))
    config = uvicorn.Config(
        factory,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        **server_options(ws.settings),  # type: ignore[arg-type]
    )
    try:
        Multiprocess(config, sockets=[listen(host, port)]).run()
    except KeyboardInterrupt:
        pass


def sign_in_mode(ws: Workspace, host: str) -> bool:
    """Whether to serve in local single-user mode: only on a loopback address with no account at all.

    Off the loopback, refuse (InvalidInput, exit 2) unless an active admin account exists; then, and
    on the loopback once any account exists, every page needs sign-in."""
    if not is_loopback(host):
        if accounts.count_admins(ws) == 0:
            raise InvalidInput(NO_ADMIN.format(host=host))
        return False
    return accounts.count_active(ws) == 0 and not accounts.list_all(ws)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def listen(host: str, port: int) -> socket.socket:
    """The listening socket the worker processes share, made as a TCP socket explicitly.

    uvicorn's own (``Config.bind_socket``) leaves the protocol number at 0, so asyncio does not
    set TCP_NODELAY on accepted connections and every small answer on a keep-alive connection
    waits about 40 ms for the client's delayed ACK (uvicorn issue 3149)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InvalidInput(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
