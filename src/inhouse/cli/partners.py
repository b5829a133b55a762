"""`inhouse partner ...`: candidate and engaged partners."""

from __future__ import annotations

import re
from typing import Any

import typer
from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from inhouse.cli import partner_views
from inhouse.cli.context import CSV, console, emit_csv, emit_json, table_output, workspace
from inhouse.cli.files import read_uploads
from inhouse.domain.common import PartnerStatus
from inhouse.domain.organisations import PartnerIn, PartnerRecord
from inhouse.domain.partners import ReferenceIn
from inhouse.domain.scorecard import Scorecard
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import partners as service
from inhouse.services import partners_assess as assess_service
from inhouse.services import partners_compare as compare_service
from inhouse.services import partners_references as references_service

app = typer.Typer(help="Add, list and assess partners.", no_args_is_help=True)


def _with_flags(model: type[BaseModel], flags: dict[str, str], **values: Any) -> Any:
    """``validated(model, ...)``, its message naming the option beside each field."""
    try:
        return validated(model, **values)
    except InvalidInput as exc:
        message = exc.message
        for field, flag in flags.items():
            message = re.sub(rf"(?<![\w.])({field}(?:\.\d+)?)(?![\w.])", rf"\1 ({flag})", message)
        raise InvalidInput(message) from None


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Partner company name."),
    status: str = typer.Option("candidate", "--status", help="candidate, engaged or former."),
    website: str | None = typer.Option(None, "--website", help="Partner website."),
    domain: list[str] = typer.Option([], "--domain", help="Email domain of the partner's people (repeatable)."),
    notes: str = typer.Option("", "--notes", help="Free-text notes."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record a partner (a candidate by default)."""
    partner: PartnerIn = _with_flags(
        PartnerIn,
        {"status": "--status", "website": "--website", "domains": "--domain", "notes": "--notes"},
        name=name,
        status=status,
        website=website,
        domains=domain,
        notes=notes,
    )
    result = service.add(workspace(), partner)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Added partner [bold]{escape(result.name)}[/] ({result.status.value}), id {result.id}")


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="Only partners with this status."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    csv_out: bool = CSV,
) -> None:
    """List partners."""
    output = table_output(json_out, csv_out)
    rows = service.list_all(workspace(), _status(status) if status else None)
    if output == "csv":
        emit_csv(rows, PartnerRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("id", "name", "status", "domains", "website", title="Partners")
    for row in rows:
        table.add_row(
            str(row.id), escape(row.name), row.status.value, ", ".join(row.email_domains), escape(row.website or "")
        )
    console.print(table)


def _status(value: str) -> PartnerStatus:
    try:
        return PartnerStatus(value.strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in PartnerStatus)
        raise InvalidInput(f"status (--status) must be one of {allowed}") from None


@app.command("assess")
def assess(
    files: list[str] = typer.Argument(
        ..., help="Proposals, pitch decks, call transcripts or email threads (PDF, DOCX, Markdown, HTML or text)."
    ),
    partner: str | None = typer.Option(
        None, "--partner", "-p", help="The partner they come from (default: the stored partner they name)."
    ),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement the choice is for."),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array, one object per file."),
) -> None:
    """Read what a partner sends and says for the three signals, references and red flags; store it."""
    ws = workspace()
    uploads = read_uploads(files, ws.settings.max_document_bytes)
    try:
        results = assess_service.assess(ws, uploads, partner=partner, engagement=engagement)
    except assess_service.PartnerNotRecognised as exc:
        raise InvalidInput(f"{exc.message} with --partner") from None
    if json_out:  # each object names the file as it was given on the command line
        emit_json(
            [item.assessment.model_copy(update={"file": path}) for item, path in zip(results, files, strict=True)]
        )
        return
    for item, path in zip(results, files, strict=True):
        partner_views.show_assessment(item, path)


references_app = typer.Typer(help="Record and list reference checks of partners.", no_args_is_help=True)
app.add_typer(references_app, name="reference")


@references_app.command("add")
def reference_add(
    partner: str = typer.Argument(..., help="The partner whose reference this is."),
    name: str = typer.Argument(..., help="The reference: the client or project it is about."),
    similar_scale: str = typer.Option("unknown", "--similar-scale", help="Similar in scale to ours? yes, no, unknown."),
    still_running: str = typer.Option("unknown", "--still-running", help="Still running today? yes, no, unknown."),
    contact: str = typer.Option("unknown", "--contact", help="Can we talk to that client directly? yes, no, unknown."),
    notes: str = typer.Option("", "--notes", help="What the reference said."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Engagement the choice is for."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record a reference you checked by hand."""
    reference: ReferenceIn = _with_flags(
        ReferenceIn,
        {
            "similar_scale": "--similar-scale",
            "still_running": "--still-running",
            "client_contact_offered": "--contact",
            "notes": "--notes",
        },
        name=name,
        similar_scale=similar_scale,
        still_running=still_running,
        client_contact_offered=contact,
        notes=notes,
    )
    result = references_service.add(workspace(), partner, reference, engagement=engagement)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Recorded reference [bold]{escape(result.name)}[/] for {escape(result.partner)}, id {result.id}")


@references_app.command("list")
def reference_list(
    partner: str | None = typer.Option(None, "--partner", "-p", help="Only this partner's references."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Only references for this engagement."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List reference checks, by hand and as claimed in assessed documents."""
    rows = references_service.list_all(workspace(), partner=partner, engagement=engagement)
    if json_out:
        emit_json(rows)
    else:
        partner_views.show_references(rows)


@app.command("compare")
def compare(
    engagement: str | None = typer.Option(None, "--engagement", "-e", help="Only candidates for this engagement."),
    weight: list[str] = typer.Option(
        [],
        "--weight",
        "-w",
        help="Criterion weight NAME=NUMBER (repeatable): problem_first, honest_limits, "
        "starts_small, references, red_flags, technical_skill.",
    ),
    technical_skill: list[str] = typer.Option(
        [], "--technical-skill", "-t", help="Your rating PARTNER=0..5 of a partner's technical skill (repeatable)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Rank candidate partners on the scorecard, side by side, with the reasons."""
    result = compare_service.compare(
        workspace(),
        engagement=engagement,
        weights=Scorecard.parse_weights(weight),
        technical_skill=_ratings(technical_skill),
    )
    if json_out:
        emit_json(result)
    else:
        partner_views.show_comparison(result)


def _ratings(items: list[str]) -> dict[str, float]:
    """``["Fathom=4"]`` as ``{"Fathom": 4.0}`` (the partner's name may itself hold an ``=``)."""
    ratings: dict[str, float] = {}
    for item in items:
        name, sep, raw = item.rpartition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"invalid --technical-skill {item!r}: expected PARTNER=N with N from 0 to 5")
        try:
            ratings[name.strip()] = float(raw)
        except ValueError:
            raise InvalidInput(f"invalid --technical-skill {item!r}: {raw!r} is not a number") from None
    return ratings
