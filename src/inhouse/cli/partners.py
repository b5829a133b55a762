"""`inhouse partner ...`: candidate and engaged partners."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli import partner_views
from inhouse.cli.context import console, emit_json, workspace
from inhouse.services import partners as service
from inhouse.services import partners_assess as assess_service
from inhouse.services import partners_compare as compare_service
from inhouse.services import partners_references as references_service

app = typer.Typer(help="Add, list and assess partners.", no_args_is_help=True)


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
    result = service.add(workspace(), name, status=status, website=website, domains=domain, notes=notes)
    if json_out:
        emit_json(result)
    else:
        console.print(f"Added partner [bold]{result['name']}[/] ({result['status']}), id {result['id']}")


@app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="Only partners with this status."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """List partners."""
    rows = service.list_all(workspace(), status)
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "name", "status", "domains", "website", title="Partners")
    for row in rows:
        table.add_row(str(row["id"]), row["name"], row["status"], ", ".join(row["email_domains"]), row["website"] or "")
    console.print(table)


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
    results = assess_service.assess(workspace(), files, partner=partner, engagement=engagement)
    if json_out:
        emit_json([item["assessment"] for item in results])
        return
    for item in results:
        partner_views.show_assessment(item)


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
    result = references_service.add(
        workspace(),
        partner,
        name,
        similar_scale=similar_scale,
        still_running=still_running,
        client_contact_offered=contact,
        notes=notes,
        engagement=engagement,
    )
    if json_out:
        emit_json(result)
    else:
        console.print(
            f"Recorded reference [bold]{escape(result['name'])}[/] for {escape(result['partner'])}, id {result['id']}"
        )


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
        workspace(), engagement=engagement, weights=weight, technical_skill=technical_skill
    )
    if json_out:
        emit_json(result)
    else:
        partner_views.show_comparison(result)
