"""`inhouse <thing> edit ID --field value ...` for everything a user creates: only the options given
change; `--json` prints the record as `list --json` (or `add --json`) shows it."""

from __future__ import annotations

import re
from typing import Any

import typer
from pydantic import BaseModel
from rich.markup import escape

from inhouse.cli import assets, decisions, drills, engagements, participation, partners, people, repos, reviews, trash
from inhouse.cli import users as users_cli
from inhouse.cli.context import console, emit_json, workspace
from inhouse.domain.edits import (
    AssetPatch,
    DecisionPatch,
    DocumentPatch,
    DrillPatch,
    EngagementPatch,
    PartnerPatch,
    PersonPatch,
    PhasePatch,
    ReferencePatch,
    RepoPatch,
    ReviewPatch,
    TaskPatch,
    UserPatch,
)
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import accounts, document_titles, partners_references
from inhouse.services import assets as asset_service
from inhouse.services import decisions as decision_service
from inhouse.services import drills as drill_service
from inhouse.services import engagements as engagement_service
from inhouse.services import participation as participation_service
from inhouse.services import partners as partner_service
from inhouse.services import people as people_service
from inhouse.services import repos as repo_service
from inhouse.services import reviews as review_service

ENGAGEMENT = typer.Option(None, "--engagement", "-e", help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the updated record as JSON.")


def patch(model: type[BaseModel], values: dict[str, Any], flags: dict[str, str] | None = None, **explicit: Any) -> Any:
    """``model`` from the options given (None and empty lists: not given; ``explicit``: given as they
    are, a null or an empty list included), its message naming the option beside each field
    (``name (--name) must not be blank``)."""
    given = {k: v for k, v in values.items() if v is not None and v != []} | explicit
    if not given:
        raise InvalidInput("nothing to change: give at least one option (see --help)")
    try:
        return validated(model, given)
    except InvalidInput as exc:
        message = exc.message
        for field in values:
            flag = (flags or {}).get(field, "--" + field.replace("_", "-"))
            message = re.sub(rf"(?<![\w.(-])({field}(?:\.\d+)?)(?![\w.])", rf"\1 ({flag})", message)
        raise InvalidInput(message) from None


def _done(json_out: bool, result: BaseModel, line: str) -> None:
    if json_out:
        emit_json(result)
    else:
        console.print(line)


def partner_edit(
    ref: str = typer.Argument(..., help="The partner: its id or name."),
    name: str | None = typer.Option(None, "--name", help="Its new name."),
    status: str | None = typer.Option(None, "--status", help="candidate, engaged or former."),
    website: str | None = typer.Option(None, "--website", help="Its web address ('' removes it)."),
    domain: list[str] = typer.Option([], "--domain", help="E-mail domain of its people (repeatable: the whole list)."),
    notes: str | None = typer.Option(None, "--notes", help="Notes."),
    json_out: bool = JSON,
) -> None:
    """Change a partner: only the options given change."""
    values = {"name": name, "status": status, "website": website, "domains": domain, "notes": notes}
    changes = patch(PartnerPatch, values, {"domains": "--domain"})
    result = partner_service.edit(workspace(), ref, changes)
    _done(json_out, result, f"Saved partner [bold]{escape(result.name)}[/], id {result.id}")


def reference_edit(
    reference_id: int = typer.Argument(..., help="The reference check's id (see `inhouse partner reference list`)."),
    name: str | None = typer.Option(None, "--name", help="The client or project it is about."),
    similar_scale: str | None = typer.Option(None, "--similar-scale", help="yes, no or unknown."),
    still_running: str | None = typer.Option(None, "--still-running", help="yes, no or unknown."),
    contact: str | None = typer.Option(
        None, "--contact", help="Can we talk to that client directly? yes, no, unknown."
    ),
    notes: str | None = typer.Option(None, "--notes", help="What the reference said."),
    json_out: bool = JSON,
) -> None:
    """Change a reference check: only the options given change."""
    values = {
        "name": name,
        "similar_scale": similar_scale,
        "still_running": still_running,
        "client_contact_offered": contact,
        "notes": notes,
    }
    changes = patch(ReferencePatch, values, {"client_contact_offered": "--contact"})
    result = partners_references.edit(workspace(), reference_id, changes)
    _done(json_out, result, f"Saved reference [bold]{escape(result.name)}[/] of {escape(result.partner)}")


def engagement_edit(
    ref: str = typer.Argument(..., help="The engagement: its id or name."),
    name: str | None = typer.Option(None, "--name", help="Its new name."),
    description: str | None = typer.Option(None, "--description", help="What it is about."),
    start: str | None = typer.Option(None, "--start", help="Its start date, YYYY-MM-DD."),
    plan: str | None = typer.Option(None, "--plan", help="Internal share per year, e.g. 30,60,90."),
    json_out: bool = JSON,
) -> None:
    """Change an engagement's name, description, start date or plan: only the options given change."""
    values = {"name": name, "description": description, "start_date": start, "plan": plan}
    changes = patch(EngagementPatch, values, {"start_date": "--start"})
    result = engagement_service.edit(workspace(), ref, changes)
    _done(json_out, result, f"Saved engagement [bold]{escape(result.name)}[/], id {result.id}")


def phase_edit(
    phase_id: int = typer.Argument(..., help="The phase change's id (see `inhouse engagement show --json`)."),
    engagement: str | None = ENGAGEMENT,
    phase: str | None = typer.Option(None, "--phase", help="advisory or project."),
    started_on: str | None = typer.Option(None, "--on", help="The day it started, YYYY-MM-DD."),
    reason: str | None = typer.Option(None, "--reason", help="Why the engagement moved to it."),
    json_out: bool = JSON,
) -> None:
    """Change a recorded phase change: only the options given change."""
    changes = patch(PhasePatch, {"phase": phase, "started_on": started_on, "reason": reason}, {"started_on": "--on"})
    result = engagement_service.edit_phase(workspace(), engagement, phase_id, changes)
    _done(json_out, result, f"Saved the phase change {phase_id} of {escape(result.name)}: now {result.phase.value}")


def person_edit(
    person_id: int = typer.Argument(..., help="The person's id (see `inhouse person list --json`)."),
    name: str | None = typer.Option(None, "--name", help="Full name."),
    side: str | None = typer.Option(None, "--side", help="internal or partner."),
    email: list[str] = typer.Option([], "--email", help="Email address used in git (repeatable: the whole list)."),
    partner: str | None = typer.Option(None, "--partner", help="The partner of a partner-side person."),
    role: str | None = typer.Option(None, "--role", help="Role, e.g. 'ML engineer'."),
    json_out: bool = JSON,
) -> None:
    """Change a person: only the options given change (moved to the internal side, they lose their partner)."""
    values = {"name": name, "side": side, "emails": email, "partner": partner, "role": role}
    internal = side is not None and side.strip().lower() == "internal" and partner is None
    changes = patch(PersonPatch, values, {"emails": "--email"}, **({"partner": None} if internal else {}))
    result = people_service.edit(workspace(), person_id, changes)
    _done(json_out, result, f"Saved {result.side.value} person [bold]{escape(result.name)}[/], id {result.id}")


def repo_edit(
    repo_id: int = typer.Argument(..., help="The repository's id (see `inhouse repo list`)."),
    engagement: str | None = ENGAGEMENT,
    name: str | None = typer.Option(None, "--name", help="Its display name."),
    path: str | None = typer.Option(None, "--path", help="Its folder, when it moved on disk."),
    rev: str | None = typer.Option(None, "--rev", help="The revision scanned by default."),
    json_out: bool = JSON,
) -> None:
    """Change a linked repository: only the options given change."""
    changes = patch(RepoPatch, {"name": name, "path": path, "default_rev": rev}, {"default_rev": "--rev"})
    result = repo_service.edit(workspace(), engagement, repo_id, changes)
    _done(json_out, result, f"Saved repository [bold]{escape(result.name)}[/] ({escape(result.path)})")


def document_edit(
    document_id: int = typer.Argument(..., help="The document's id."),
    title: str = typer.Option(..., "--title", help="Its title ('' removes it). Its bytes never change."),
    json_out: bool = JSON,
) -> None:
    """Change a document's title (a new file is a new version, not an edit)."""
    changes = patch(DocumentPatch, {"title": title})
    result = document_titles.retitle(workspace(), document_id, changes)
    _done(json_out, result, f"Saved the title of document {result.id} ({escape(result.filename)})")


def review_edit(
    review_id: int = typer.Argument(..., help="The review's id (see `inhouse review list --json`)."),
    engagement: str | None = ENGAGEMENT,
    week: str | None = typer.Option(None, "--week", help="Any day of the week reviewed."),
    done: str | None = typer.Option(None, "--done", help="What was done."),
    why: str | None = typer.Option(None, "--why", help="Why those decisions were made."),
    next_: str | None = typer.Option(None, "--next", help="What's next."),
    attendee: list[str] = typer.Option([], "--attendee", help="Who attended (repeatable: the whole list)."),
    json_out: bool = JSON,
) -> None:
    """Change a weekly review: only the options given change."""
    values = {"week_of": week, "done": done, "why": why, "next": next_, "attendees": attendee}
    changes = patch(ReviewPatch, values, {"week_of": "--week", "attendees": "--attendee"})
    result = review_service.patch(workspace(), engagement, review_id, changes)
    _done(json_out, result, f"Saved the review of the week of [bold]{result.week_of}[/] ({escape(result.engagement)})")


def decision_edit(
    decision_id: int = typer.Argument(..., help="The decision's id (see `inhouse decision list --json`)."),
    engagement: str | None = ENGAGEMENT,
    title: str | None = typer.Option(None, "--title", help="What was decided."),
    decided_by: str | None = typer.Option(None, "--by", help="internal, partner or joint."),
    decided_on: str | None = typer.Option(None, "--on", help="The day it was decided, YYYY-MM-DD."),
    rationale: str | None = typer.Option(None, "--why", help="Why it was decided."),
    decider: list[str] = typer.Option([], "--decider", help="Who decided (repeatable: the whole list)."),
    status: str | None = typer.Option(None, "--status", help="proposed, accepted, rejected, deprecated, superseded."),
    json_out: bool = JSON,
) -> None:
    """Change a decision: only the options given change."""
    values = {
        "title": title,
        "decided_by": decided_by,
        "decided_on": decided_on,
        "rationale": rationale,
        "deciders": decider,
        "status": status,
    }
    changes = patch(
        DecisionPatch,
        values,
        {"decided_by": "--by", "decided_on": "--on", "deciders": "--decider", "rationale": "--why"},
    )
    result = decision_service.patch(workspace(), engagement, decision_id, changes)
    _done(json_out, result, f"Saved decision [bold]{escape(result.title)}[/], id {result.id}")


def drill_edit(
    drill_id: int = typer.Argument(..., help="The drill's id (see `inhouse drill list --json`)."),
    engagement: str | None = ENGAGEMENT,
    performed_on: str | None = typer.Option(None, "--on", help="The day it was done, YYYY-MM-DD."),
    person: str | None = typer.Option(None, "--person", help="The internal person who tried (name or email)."),
    modification: str | None = typer.Option(None, "--modification", help="The modification tried."),
    outcome: str | None = typer.Option(None, "--outcome", help="alone, with_help or stuck."),
    stuck: list[str] = typer.Option([], "--stuck", help="Where they got stuck (repeatable: the whole list)."),
    no_stuck: bool = typer.Option(False, "--no-stuck-points", help="Clear the stuck points (an outcome alone)."),
    training_hours: str | None = typer.Option(None, "--training-hours", help="The drill's total training hours."),
    json_out: bool = JSON,
) -> None:
    """Change a drill: only the options given change; the rules of a new drill hold for the result."""
    if no_stuck and stuck:
        raise InvalidInput("give either --stuck or --no-stuck-points, not both")
    values = {
        "performed_on": performed_on,
        "person": person,
        "modification": modification,
        "outcome": outcome,
        "stuck_points": stuck,
        "training_hours": training_hours,
    }
    flags = {"performed_on": "--on", "stuck_points": "--stuck"}
    changes = patch(DrillPatch, values, flags, **({"stuck_points": []} if no_stuck else {}))
    result = drill_service.edit(workspace(), engagement, drill_id, changes)
    _done(json_out, result, f"Saved drill {result.id} ({result.outcome.value}, {result.training_hours:g} h training)")


def task_edit(
    key: str = typer.Argument(..., help="The task's key (see `inhouse task list`)."),
    engagement: str | None = ENGAGEMENT,
    title: str | None = typer.Option(None, "--title", help="Its title."),
    assignee: str | None = typer.Option(None, "--assignee", help="Who worked on it ('' for nobody)."),
    status: str | None = typer.Option(None, "--status", help="Its status in the tracker."),
    worked_on: str | None = typer.Option(None, "--worked-on", help="The day it was last worked on, YYYY-MM-DD."),
    json_out: bool = JSON,
) -> None:
    """Change a tracker task (a re-import of the tracker's export sets it again)."""
    values = {"title": title, "assignee": assignee, "status": status, "worked_on": worked_on}
    changes = patch(TaskPatch, values)
    result = participation_service.edit_task(workspace(), engagement, key, changes)
    _done(json_out, result, f"Saved task [bold]{escape(result.key)}[/]: {escape(result.title)}")


def asset_edit(
    asset_id: int = typer.Argument(..., help="The asset's id (see `inhouse asset list`)."),
    engagement: str | None = ENGAGEMENT,
    name: str | None = typer.Option(None, "--name", help="Its name."),
    kind: str | None = typer.Option(None, "--kind", "-k", help="repository, model, dataset, cloud_account, ..."),
    held_by: str | None = typer.Option(None, "--held-by", help="internal, partner or shared."),
    holder: str | None = typer.Option(None, "--holder", help="Name of the holder."),
    location: str | None = typer.Option(None, "--location", help="Where it lives."),
    notes: str | None = typer.Option(None, "--notes", help="Anything worth knowing at exit."),
    json_out: bool = JSON,
) -> None:
    """Change an asset: only the options given change."""
    values = {
        "name": name,
        "kind": kind,
        "held_by": held_by,
        "holder": holder,
        "location": location,
        "notes": notes,
    }
    result = asset_service.edit(workspace(), engagement, asset_id, patch(AssetPatch, values))
    _done(json_out, result, f"Saved {result.kind.value} [bold]{escape(result.name)}[/] held by {result.held_by.value}")


def user_edit(
    who: str = typer.Argument(..., help="The account: its e-mail address or id."),
    name: str | None = typer.Option(None, "--name", help="The person's name."),
    role: str | None = typer.Option(None, "--role", help="admin, lead, legal, viewer or partner."),
    partner: str | None = typer.Option(None, "--partner", help="A partner user's organisation (name or id)."),
    engagement: list[str] = typer.Option(
        [], "--engagement", "-e", help="A partner user sees only these engagements (repeatable: the whole list)."
    ),
    json_out: bool = JSON,
) -> None:
    """Change an account's name, role, partner or engagements (its e-mail never changes)."""
    values = {"name": name, "role": role, "partner": partner, "engagements": engagement}
    result = accounts.edit(workspace(), who, patch(UserPatch, values, {"engagements": "--engagement"}))
    _done(json_out, result, f"Saved [bold]{escape(result.email)}[/] ({result.role.value}), id {result.id}")


def register() -> None:
    """Add the ``edit`` commands to their groups (``engagement phase-edit`` for a phase change)."""
    partners.app.command("edit")(partner_edit)
    partners.references_app.command("edit")(reference_edit)
    engagements.app.command("edit")(engagement_edit)
    engagements.app.command("phase-edit")(phase_edit)
    people.app.command("edit")(person_edit)
    repos.app.command("edit")(repo_edit)
    trash.document_app.command("edit")(document_edit)
    reviews.app.command("edit")(review_edit)
    decisions.app.command("edit")(decision_edit)
    drills.app.command("edit")(drill_edit)
    participation.task_app.command("edit")(task_edit)
    assets.app.command("edit")(asset_edit)
    users_cli.user_app.command("edit")(user_edit)
