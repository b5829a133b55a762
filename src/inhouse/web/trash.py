"""The trash on the web: the page that lists it (Restore, and Purge for admins), and the form posts
that delete a record from its page (a Delete button, then a confirmation), restore and purge.

After a post the browser goes back to ``next`` when it is a path of this site (the page the button
was on), else to the trash page."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from inhouse.domain.shapes import MAX_ID, storable
from inhouse.domain.trash import THINGS
from inhouse.errors import InvalidInput
from inhouse.services import trash
from inhouse.web.deps import WS
from inhouse.web.forms.common import to

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="An id")]


def _local(next_url: str | None, fallback: str) -> str:
    """``next_url`` when it is a path of this site (never another site: ``//host`` or a scheme)."""
    if next_url and next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
        return next_url
    return fallback


@router.get("/trash", response_class=HTMLResponse)
def trash_page(request: Request, ws: WS, note: str = "") -> HTMLResponse:
    listed = trash.entries(ws)
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request,
        "trash.html",
        {"entries": [e.model_dump(mode="json") for e in listed], "note": note[:300], "page": "trash"},
    )
    return response


@router.post("/delete/{thing}/{record_id}")
def delete(ws: WS, thing: str, record_id: Id, next: Annotated[str | None, Form()] = None) -> RedirectResponse:
    if next is not None and not storable(next):
        raise InvalidInput("next: must be text without NUL or unpaired surrogate characters")
    if thing not in THINGS:
        raise InvalidInput(f"thing: expected one of {', '.join(THINGS)}")
    done = trash.delete(ws, thing, record_id)
    entry = done.trash.id if done.trash else ""
    back = _local(next, "/trash")
    glue = "&" if "?" in back.split("#")[0] else "?"
    path, _, anchor = back.partition("#")
    note = f"Deleted {done.label}: restore it from the trash ({entry})"
    return to(f"{path}{glue}note={quote(note)}" + (f"#{anchor}" if anchor else ""))


@router.post("/trash/{trash_id}/restore")
def restore(ws: WS, trash_id: Id) -> RedirectResponse:
    done = trash.restore(ws, trash_id)
    return to(f"/trash?note={quote(f'Restored {done.label} ({done.records} records)')}")


@router.post("/trash/{trash_id}/purge")
def purge(ws: WS, trash_id: Id) -> RedirectResponse:
    done = trash.purge(ws, trash_id)
    return to(f"/trash?note={quote(f'Purged {done.label} for good')}")
