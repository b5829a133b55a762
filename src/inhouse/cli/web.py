"""`inhouse serve`: the web dashboard on uvicorn."""

from __future__ import annotations

import typer

from inhouse.cli.context import console, workspace


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web dashboard and its JSON API (docs at /docs)."""
    import uvicorn

    from inhouse.web import create_app

    ws = workspace()
    ws.require_ready()
    app = create_app(ws, warm_status=True)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    console.print(f"inhouse is serving [bold]{ws.settings.database_url}[/]", soft_wrap=True)
    console.print(f"Open [bold]http://{shown}:{port}/[/] (Ctrl+C to stop)", soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
