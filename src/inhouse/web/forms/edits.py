"""Edit forms for every record a user creates, from one table: what each edits, where, and with which service.

:data:`EDITS` names, for each thing (the names the trash uses), the path of its form post, its
patch model (``inhouse.domain.edits``) and the service call the API's ``PATCH`` twin makes; the
routes are generated from it. A page renders a record's form with the ``edit_form`` macro
(templates/edit_form.html), whose inputs come from the patch model (web.forms.edit_fields). A post
sends the fields it shows; they are validated once, as the patch, and given to the service; the
browser then goes back to ``next`` (a path of this site) with a note. A bad value is an
InvalidInput naming the field, and nothing is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.datastructures import UploadFile

from inhouse.bootstrap import Workspace
from inhouse.domain.edits import (
    AssetPatch,
    DocumentPatch,
    DrillPatch,
    EngagementPatch,
    PartnerPatch,
    Patch,
    PersonPatch,
    PhasePatch,
    ReferencePatch,
    RepoPatch,
    TaskPatch,
    UserPatch,
)
from inhouse.domain.shapes import MAX_ID, storable, validated
from inhouse.errors import InvalidInput
from inhouse.services import (
    accounts,
    assets,
    document_titles,
    drills,
    engagements,
    participation,
    partners,
    partners_references,
    people,
    repos,
)
from inhouse.web.access import TABLE
from inhouse.web.deps import WS
from inhouse.web.forms.common import back_to
from inhouse.web.forms.edit_fields import FormField, form_fields, sent_values

router = APIRouter(include_in_schema=False)
Params = dict[str, Any]
Values = Callable[[Mapping[str, Any]], Mapping[str, Any]]


def _as_is(record: Mapping[str, Any]) -> Mapping[str, Any]:
    return record


@dataclass(frozen=True)
class Edit:
    """One record's edit form: its post's ``path``, its ``patch``, the service ``call`` (the
    API's), the page to go back to (``back``, filled with the path's values) and its ``noun``."""

    path: str
    patch: type[Patch]
    call: Callable[[Workspace, Params, Any], object]
    back: str
    noun: str
    values: Values = _as_is
    named_by: tuple[str, ...] = field(default=())
    """Form fields that name the record (a tracker task's key, which no path could hold)."""

    @property
    def params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)


def _partner_values(record: Mapping[str, Any]) -> Mapping[str, Any]:
    return {**record, "domains": record.get("email_domains", [])}


def _engagement_values(record: Mapping[str, Any]) -> Mapping[str, Any]:
    plan = [round(float(year["internal_share"]) * 100, 2) for year in record.get("plan") or []]
    return {**record, "plan": plan}


EDITS: dict[str, Edit] = {
    "partner": Edit(
        "/partners/{ref}/edit",
        PartnerPatch,
        lambda ws, p, patch: partners.edit(ws, p["ref"], patch),
        "/partners#partner-{ref}",
        "partner",
        _partner_values,
    ),
    "reference": Edit(
        "/partners/{ref}/references/{reference_id}/edit",
        ReferencePatch,
        lambda ws, p, patch: partners_references.edit(ws, p["reference_id"], patch, partner=p["ref"]),
        "/partners#partner-{ref}",
        "reference check",
    ),
    "engagement": Edit(
        "/engagements/{ref}/edit",
        EngagementPatch,
        lambda ws, p, patch: engagements.edit(ws, p["ref"], patch),
        "/engagements/{ref}",
        "engagement",
        _engagement_values,
    ),
    "phase": Edit(
        "/engagements/{ref}/phases/{phase_id}/edit",
        PhasePatch,
        lambda ws, p, patch: engagements.edit_phase(ws, p["ref"], p["phase_id"], patch),
        "/engagements/{ref}#phases",
        "phase change",
    ),
    "person": Edit(
        "/people/{person_id}/edit",
        PersonPatch,
        lambda ws, p, patch: people.edit(ws, p["person_id"], patch),
        "/",
        "person",
    ),
    "repo": Edit(
        "/engagements/{ref}/repos/{repo_id}/edit",
        RepoPatch,
        lambda ws, p, patch: repos.edit(ws, p["ref"], p["repo_id"], patch),
        "/engagements/{ref}#repos",
        "repository",
    ),
    "document": Edit(
        "/documents/{document_id}/edit",
        DocumentPatch,
        lambda ws, p, patch: document_titles.retitle(ws, p["document_id"], patch),
        "/documents/{document_id}",
        "document",
    ),
    "drill": Edit(
        "/engagements/{ref}/drills/{drill_id}/edit",
        DrillPatch,
        lambda ws, p, patch: drills.edit(ws, p["ref"], p["drill_id"], patch),
        "/engagements/{ref}#drills",
        "drill",
    ),
    "task": Edit(
        "/engagements/{ref}/tasks/edit",
        TaskPatch,
        lambda ws, p, patch: participation.edit_task(ws, p["ref"], p["key"], patch),
        "/engagements/{ref}#tasks",
        "task",
        named_by=("key",),
    ),
    "asset": Edit(
        "/engagements/{ref}/assets/{asset_id}/edit",
        AssetPatch,
        lambda ws, p, patch: assets.edit(ws, p["ref"], p["asset_id"], patch),
        "/engagements/{ref}#assets",
        "asset",
    ),
    "user": Edit(
        "/admin/users/{user_id}/edit",
        UserPatch,
        lambda ws, p, patch: accounts.edit(ws, str(p["user_id"]), patch),
        "/admin/users",
        "account",
    ),
}
"""Every record's edit form, by the name the trash gives the thing (``POST /delete/{thing}/...``)."""

NAMES = ("name", "key", "email", "title", "filename", "phase")
"""The attributes that name an edited record in the note after a post (the first it has)."""


def _param(name: str, value: str) -> object:
    """A value of the path (or a naming form field): an ``..._id`` is a positive id, anything else text."""
    if not storable(value) or not value.strip():
        raise InvalidInput(f"{name}: must be text without NUL or unpaired surrogate characters")
    if not name.endswith("_id"):
        return value
    if not value.isdigit() or not 1 <= int(value) <= MAX_ID:
        raise InvalidInput(f"{name}: must be an id from 1 to {MAX_ID}")
    return int(value)


async def _sent(request: Request) -> dict[str, str]:
    """The fields of the form posted (each once: the last value sent); a file is refused."""
    form = await request.form()
    sent: dict[str, str] = {}
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            raise InvalidInput(f"{name}: must be text, not a file")
        sent[name] = value
    return sent


Sent = Annotated[dict[str, str], Depends(_sent)]


def _named(result: object) -> str:
    for name in NAMES:
        value = getattr(result, name, None)
        if value:
            return str(getattr(value, "value", value))
    return ""


def _route(thing: str, edit: Edit) -> None:
    def post(request: Request, ws: WS, sent: Sent) -> RedirectResponse:
        params = {name: _param(name, str(request.path_params.get(name, ""))) for name in edit.params}
        for name in edit.named_by:
            if name not in sent:
                raise InvalidInput(f"{name}: is required")
            params[name] = _param(name, sent[name])
        patch = validated(edit.patch, sent_values(edit.patch, sent))
        result = edit.call(ws, params, patch)
        named = _named(result)
        note = f"Saved the {edit.noun}" + (f" {named}" if named else "")
        fallback = edit.back.format(**{k: quote(str(v), safe="") for k, v in params.items()})
        return back_to(sent.get("next"), fallback, note)

    post.__name__ = f"edit_{thing}"
    post.__doc__ = f"Edit a {edit.noun} from its page's form (only the fields sent change)."
    router.add_api_route(edit.path, post, methods=["POST"], name=f"edit_{thing}_form")


for _thing, _edit in EDITS.items():
    _route(_thing, _edit)


@dataclass(frozen=True)
class EditForm:
    """What the ``edit_form`` macro renders for one record."""

    id: str
    action: str
    fields: list[FormField]
    hidden: dict[str, str]


def edit_form_of(thing: str, record: Mapping[str, Any], ids: Mapping[str, Any]) -> EditForm:
    """The edit form of ``record`` (a ``thing`` as its page has it, as JSON), posting to the path
    ``ids`` fill (``{"ref": 1, "repo_id": 2}``)."""
    edit = EDITS[thing]
    action = edit.path.format(**{name: quote(str(ids[name]), safe="") for name in edit.params})
    hidden = {name: str(record.get(name, "")) for name in edit.named_by}
    own = record.get("id") or (ids[edit.params[-1]] if edit.params else "")
    return EditForm(
        id=f"edit-{thing}-{own}",
        action=action,
        fields=form_fields(edit.patch, edit.values(record)),
        hidden=hidden,
    )


@pass_context
def may_edit(context: Context, thing: str) -> bool:
    """Whether the page's viewer may post ``thing``'s edit form (its rule in web.access.TABLE)."""
    principal = context.get("principal")
    rule = TABLE.get(f"POST {EDITS[thing].path}")
    return bool(principal is not None and rule is not None and principal.can(rule.permission))
