"""`inhouse contract check`: the five must-have clauses, the lock-in red flags, a score."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, workspace
from inhouse.cli.files import read_uploads
from inhouse.domain.contracts import (
    ContractChecked,
    ContractReview,
    EvidenceSpan,
    KnowledgeTransferFinding,
    MaintenanceFinding,
    OwnershipFinding,
)
from inhouse.domain.shapes import Shape
from inhouse.services import contracts as service
from inhouse.services.dashboard.contracts import verdict

app = typer.Typer(help="Review partner contracts against the playbook's must-have clauses.", no_args_is_help=True)

_COLOURS = {"ok": "green", "warn": "yellow", "bad": "red"}
LABELS = {
    "deliverable_ownership": "Deliverable ownership",
    "knowledge_transfer": "Knowledge transfer",
    "source_access": "Source & docs access",
    "maintenance": "Maintenance",
    "exit": "Exit conditions",
}


@app.command("check")
def check(
    files: list[str] = typer.Argument(..., help="Contracts to review (PDF, DOCX, Markdown, HTML or text)."),
    engagement: str | None = typer.Option(
        None, "--engagement", "-e", help="Engagement the contracts belong to (name or id)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array, one object per file."),
) -> None:
    """Check contracts for ownership, knowledge transfer, access, maintenance, exit and lock-in; store them."""
    ws = workspace()
    uploads = read_uploads(files, ws.settings.max_document_bytes)
    results = service.check(ws, uploads, engagement=engagement)
    # each file is named as the user gave it (the stored review keeps its file name)
    reviews = [item.review.model_copy(update={"file": path}) for item, path in zip(results, files, strict=True)]
    if json_out:
        emit_json(reviews)
        return
    for item, review in zip(results, reviews, strict=True):
        show(item, review)


def _style(status: str) -> str:
    return _COLOURS[verdict(status)]


def _details(clause: Shape) -> str:
    if isinstance(clause, OwnershipFinding):
        return "; ".join(clause.conditions)
    if isinstance(clause, KnowledgeTransferFinding):
        return f"{clause.hours:g} hours" if clause.hours else ("hours not stated" if clause.status == "present" else "")
    if isinstance(clause, MaintenanceFinding) and clause.status == "present":
        free = f"{clause.free_months:g} months free" if clause.free_months is not None else "no free period"
        fee = (
            f"{clause.monthly_fee:,.0f} {clause.currency}/month" if clause.monthly_fee is not None else "no monthly fee"
        )
        return f"{free}; {fee}; scope {'defined' if clause.scope_defined else 'undefined'}"
    return ""


def _quote(evidence: list[EvidenceSpan]) -> str:
    if not evidence:
        return ""
    text = " ".join(evidence[0].text.split())
    return text if len(text) <= 110 else text[:107] + "..."


def show(item: ContractChecked, review: ContractReview) -> None:
    score = review.score
    colour = "green" if score >= 75 else "yellow" if score >= 45 else "red"
    parties = ", ".join(f"{p.name} ({p.role})" for p in review.parties) or "parties not identified"
    console.print(
        f"\n[bold]{escape(review.file)}[/]  score [bold {colour}]{score}/100[/]  "
        f"{review.engagement_model} contract; {escape(parties)}",
        soft_wrap=True,
    )
    table = Table("clause", "verdict", "terms", "evidence", title="Must-have clauses", title_justify="left")
    for kind, label in LABELS.items():
        clause = getattr(review.clauses, kind)
        table.add_row(
            label,
            f"[{_style(clause.status)}]{clause.status}[/]",
            escape(_details(clause)),
            escape(_quote(clause.evidence)),
        )
    console.print(table)
    if review.red_flags:
        flags = Table("red flag", "binds", "evidence", title="Lock-in red flags", title_justify="left")
        for flag in review.red_flags:
            flags.add_row(f"[red]{flag.kind}[/]", flag.binds, escape(_quote(flag.evidence)))
        console.print(flags)
    else:
        console.print("[green]No lock-in red flags found.[/]")
    if review.recommendations:
        console.print("[bold]Recommendations[/]")
        for number, rec in enumerate(review.recommendations, start=1):
            console.print(f"{number}. [bold]{rec.clause}[/]: {escape(rec.problem)}", soft_wrap=True)
            console.print(f"   [dim]Suggested:[/] {escape(rec.suggested_text)}", soft_wrap=True)
    for warning in item.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}")
    stored = f"engagement {item.engagement!r}" if item.engagement else "no engagement"
    console.print(f"Stored as document {item.document_id} and result {item.result_id} ({escape(stored)}).")
