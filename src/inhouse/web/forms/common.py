"""What every form route shares: text fields and the redirect after a post."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form
from fastapi.responses import RedirectResponse

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
