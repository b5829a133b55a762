"""What every form route shares: text fields and the redirect after a post (to a path of this site)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Form
from fastapi.responses import RedirectResponse

from inhouse.domain.shapes import storable
from inhouse.errors import InvalidInput

Text = Annotated[str, Form()]
Optional = Annotated[str, Form()]


def to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def split_lines(text: str | None) -> list[str]:
    """Form text areas and comma lists: one item per line or comma, blanks dropped."""
    items = []
    for line in (text or "").replace(",", "\n").splitlines():
        if line.strip():
            items.append(line.strip())
    return items


def local_path(next_url: str | None, fallback: str) -> str:
    """``next_url`` when it is a path of this site (never another site: ``//host`` or a scheme)."""
    if next_url and next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
        return next_url
    return fallback


def back_to(next_url: str | None, fallback: str, note: str) -> RedirectResponse:
    """Back to ``next_url`` (a path of this site, else ``fallback``) with ``note`` for the page to show."""
    if next_url is not None and not storable(next_url):
        raise InvalidInput("next: must be text without NUL or unpaired surrogate characters")
    path, _, anchor = local_path(next_url, fallback).partition("#")
    glue = "&" if "?" in path else "?"
    return to(f"{path}{glue}note={quote(note[:300])}" + (f"#{anchor}" if anchor else ""))
