"""`inhouse user ...` and `inhouse token ...` (being written)."""

from __future__ import annotations

import typer

user_app = typer.Typer(help="Accounts that sign in to the web dashboard and the API.", no_args_is_help=True)
token_app = typer.Typer(help="Personal API tokens (Authorization: Bearer on /api).", no_args_is_help=True)
