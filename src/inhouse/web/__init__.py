"""The web face: server-rendered pages and a JSON API over the same services as the CLI."""

from inhouse.web.app import create_app

__all__ = ["create_app"]
