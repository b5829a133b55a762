"""`inhouse contract check`: the five must-have clauses, the lock-in red flags, a score; the versions
of an engagement's contract (`inhouse contract versions`) and what changed between two (`diff`)."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import console, emit_json, table_output, workspace
from inhouse.cli.files import read_uploads
from inhouse.cli.version_diff import heading, listed_elsewhere, says_table
from inhouse.domain.contract_diff import ContractDiff
from inhouse.domain.contracts import (
    ClausePosition,
    ContractChecked,
    ContractReview,
    EvidenceSpan,
    KnowledgeTransferFinding,
    MaintenanceFinding,
    OwnershipFinding,
)
from inhouse.domain.shapes import Shape
from inhouse.services import contract_versions
from inhouse.services import contracts as service
from inhouse.services.dashboard.contracts import verdict

app = typer.Typer(help="Review partner contracts against the playbook's must-have clauses.", no_args_is_help=True)

_COLOURS = {"ok": "green", "warn": "yellow", "bad": "red"}
_POSITION_COLOURS = {"preferred": "green", "acceptable": "yellow", "walk_away": "red"}
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
    confirm_parties: bool = typer.Option(
        False,
        "--confirm-parties",
        help="Store it for the engagement even if its parties are not the engagement's client and partner "
        "(without it such a contract is refused with exit 4 and nothing is stored).",
    ),
) -> None:
    """Check contracts for ownership, knowledge transfer, access, maintenance, exit and lock-in; store them.

    With --engagement each contract is a new version of the engagement's contract (never a
    replacement: see inhouse contract versions)."""
    ws = workspace()
    uploads = read_uploads(files, ws.settings.max_document_bytes)
    results = service.check(ws, uploads, engagement=engagement, confirm_parties=confirm_parties)
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


def _weighed(words: list[str]) -> str:
    """A model-backed verdict's reason: the words that weighed most in its strongest sentence."""
    return f"\n[dim]model; weighed most: {escape(', '.join(words))}[/]" if words else ""


def show(item: ContractChecked, review: ContractReview) -> None:
    score = review.score
    colour = "green" if score >= 75 else "yellow" if score >= 45 else "red"
    parties = ", ".join(f"{p.name} ({p.role})" for p in review.parties) or "parties not identified"
    console.print(
        f"\n[bold]{escape(review.file)}[/]  score [bold {colour}]{score}/100[/]  "
        f"{review.engagement_model} contract; {escape(parties)}",
        soft_wrap=True,
    )
    table = Table("clause", "verdict", "position", "terms", "evidence", title="Must-have clauses", title_justify="left")
    placed: dict[str, ClausePosition] = {p.clause: p for p in review.positions}
    for kind, label in LABELS.items():
        clause = getattr(review.clauses, kind)
        position = placed.get(kind)
        table.add_row(
            label,
            f"[{_style(clause.status)}]{clause.status}[/]"
            + (f"\n[dim]{position.verdict.replace('_', ' ')}[/]" if position else ""),
            f"[{_POSITION_COLOURS[position.position]}]{position.position.replace('_', '-')}[/]" if position else "",
            escape(_details(clause)),
            escape(_quote(clause.evidence)) + _weighed(getattr(clause, "weighed_most", [])),
        )
    console.print(table)
    if review.red_flags:
        flags = Table("red flag", "binds", "evidence", title="Lock-in red flags", title_justify="left")
        for flag in review.red_flags:
            flags.add_row(
                f"[red]{flag.kind}[/]", flag.binds, escape(_quote(flag.evidence)) + _weighed(flag.weighed_most)
            )
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
    if item.party_check is not None and item.party_check.verdict != "match":
        console.print(f"[yellow]parties:[/] {escape(item.party_check.message)}", soft_wrap=True)
    stored = f"engagement {item.engagement!r}" if item.engagement else "no engagement"
    console.print(f"Stored as document {item.document_id} and result {item.result_id} ({escape(stored)}).")


@app.command("versions")
def versions(
    engagement: str | None = typer.Option(
        None, "--engagement", "-e", help="Engagement (name or id; the only one when omitted)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array, one object per version."),
    csv_out: bool = typer.Option(False, "--csv", help="Print the versions as CSV (the --json fields as columns)."),
) -> None:
    """List the versions of an engagement's contract in upload order, and which one is current and why."""
    output = table_output(json_out, csv_out)
    listed = contract_versions.versions(workspace(), engagement)
    if listed_elsewhere(output, listed, "No contract stored for this engagement yet."):
        return
    table = Table(
        "version", "document", "file", "score", "status", "why", title="Contract versions", title_justify="left"
    )
    for v in listed:
        style = "bold green" if v.current else "yellow" if v.status == "awaiting confirmation" else ""
        status = f"[{style}]{v.status}[/]" if style else v.status
        score = f"{v.score}/100" if v.score is not None else "-"
        table.add_row(f"v{v.version}", str(v.document_id), escape(v.name), score, status, escape(v.why))
    console.print(table)


def _quotes(evidence: list[EvidenceSpan]) -> str:
    return escape(_quote(evidence)) or "[dim]no quote[/]"


@app.command("diff")
def diff(
    before: str | None = typer.Argument(
        None, help="The older version: its number (1 or v1) or its document (doc:12); default: the one before AFTER."
    ),
    after: str | None = typer.Argument(
        None, help="The newer version, named the same way; default: the current version."
    ),
    engagement: str | None = typer.Option(
        None, "--engagement", "-e", help="Engagement (name or id; the only one when omitted)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the comparison as one JSON object."),
) -> None:
    """Show what changed between two versions of a contract, with both versions' evidence.

    Clause verdicts, key terms, red flags and score; BEFORE and AFTER are version numbers (1 or v1)
    or documents (doc:12)."""
    result = contract_versions.diff(workspace(), engagement, before, after)
    if json_out:
        emit_json(result)
        return
    show_diff(result)


def show_diff(result: ContractDiff) -> None:
    b, a = result.before, result.after
    change = f"{result.score_change:+d}" if result.score_change else "unchanged"
    heading((b.version, b.name), (a.version, a.name), f"score {b.score} -> {a.score} ({change})")
    if result.same:
        console.print("Nothing changed in the clauses, terms or red flags.")
        return
    if result.clauses:
        table = says_table("Clauses", ("clause", "before", "after"), b.version, a.version)
        for c in result.clauses:
            table.add_row(
                c.label,
                f"{c.status_before} ({c.verdict_before})",
                f"{c.status_after} ({c.verdict_after})",
                _quotes(c.evidence_before),
                _quotes(c.evidence_after),
            )
        console.print(table)
    if result.terms:
        table = says_table("Terms", ("term", "before", "after"), b.version, a.version)
        for t in result.terms:
            table.add_row(
                t.label,
                escape(t.before or "not stated"),
                escape(t.after or "not stated"),
                _quotes(t.evidence_before),
                _quotes(t.evidence_after),
            )
        console.print(table)
    if result.red_flags:
        table = says_table("Red flags", ("red flag", "change"), b.version, a.version)
        for f in result.red_flags:
            what = {"added": "added", "removed": "removed"}.get(f.change, f"binds {f.binds_before} -> {f.binds_after}")
            table.add_row(f.kind, what, _quotes(f.evidence_before), _quotes(f.evidence_after))
        console.print(table)
