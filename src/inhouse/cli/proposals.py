"""`inhouse proposal versions|diff`: the versions of a partner's proposal (a new proposal is a new
version, never a replacement; the newest assessed one is current) and what changed between two."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_json, table_output, workspace
from inhouse.cli.version_diff import heading, listed_elsewhere, says_table
from inhouse.domain.proposal_diff import ProposalDiff
from inhouse.services import proposal_versions

app = typer.Typer(help="The versions of partners' proposals and what changed between them.", no_args_is_help=True)

ENGAGEMENT_HELP = (
    "The engagement the proposal is for (name or id; default: the partner's proposals naming none, "
    "else the one engagement they are for)."
)


@app.command("versions")
def versions(
    partner: str = typer.Argument(..., help="The partner (name or id)."),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help=ENGAGEMENT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print a JSON array, one object per version."),
    csv_out: bool = CSV,
) -> None:
    """List the versions of a partner's proposal, and which one is current and why.

    In upload order, with who uploaded each and when; the newest assessed version is current (the one
    the scorecard reads)."""
    output = table_output(json_out, csv_out)
    listed = proposal_versions.versions(workspace(), partner, engagement)
    if listed_elsewhere(output, listed, "No proposal stored for this partner yet."):
        return
    table = Table(
        "version",
        "document",
        "file",
        "uploaded by",
        "uploaded at",
        "status",
        "why",
        title="Proposal versions",
        title_justify="left",
    )
    for v in listed:
        status = f"[bold green]{v.status}[/]" if v.current else v.status
        when = f"{v.uploaded_at:%Y-%m-%d %H:%M}" if v.uploaded_at else "-"
        table.add_row(
            f"v{v.version}", str(v.document_id), escape(v.name), escape(v.uploaded_by), when, status, escape(v.why)
        )
    console.print(table)


def _quote(quotes: tuple[str, ...]) -> str:
    if not quotes:
        return "[dim]no quote[/]"
    text = " ".join(quotes[0].split())
    return escape(text if len(text) <= 110 else text[:107] + "...")


def _yes(value: bool) -> str:
    return "[green]yes[/]" if value else "[red]no[/]"


@app.command("diff")
def diff(
    partner: str = typer.Argument(..., help="The partner (name or id)."),
    before: str | None = typer.Argument(
        None, help="The older version: its number (1 or v1) or its document (doc:12); default: the one before AFTER."
    ),
    after: str | None = typer.Argument(
        None, help="The newer version, named the same way; default: the current version."
    ),
    engagement: str | None = typer.Option(None, "--engagement", "-e", help=ENGAGEMENT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the comparison as one JSON object."),
) -> None:
    """Show what changed between two versions of a partner's proposal, with both versions' quotes.

    The three signals' verdicts, the references stated, the red flags and the overall assessment;
    BEFORE and AFTER are version numbers (1 or v1) or documents (doc:12); default: the two newest."""
    result = proposal_versions.diff(workspace(), partner, before, after, engagement)
    if json_out:
        emit_json(result)
        return
    show_diff(result)


def show_diff(result: ProposalDiff) -> None:
    b, a = result.before, result.after
    change = f"{result.signals_change:+d}" if result.signals_change else "unchanged"
    heading(
        (b.version, b.name), (a.version, a.name), f"signals shown {b.signals_shown}/3 -> {a.signals_shown}/3 ({change})"
    )
    console.print(f"  v{b.version}: {escape(b.summary)}", soft_wrap=True)
    console.print(f"  v{a.version}: {escape(a.summary)}", soft_wrap=True)
    table = says_table("Signals", ("signal", "before", "after"), b.version, a.version)
    for s in result.signals:
        label = f"[bold]{s.label}[/] (changed)" if s.changed else s.label
        table.add_row(
            label,
            f"{_yes(s.value_before)} ({s.confidence_before:.0%})",
            f"{_yes(s.value_after)} ({s.confidence_after:.0%})",
            _quote(s.evidence_before or s.counter_evidence_before),
            _quote(s.evidence_after or s.counter_evidence_after),
        )
    console.print(table)
    if result.references:
        refs = Table("reference", "change", "before", "after", title="References stated", title_justify="left")
        for r in result.references:
            answers = [
                "-"
                if f is None
                else f"similar scale {f.similar_scale.value}, still running {f.still_running.value}, "
                f"contact {f.client_contact_offered.value}"
                for f in (r.before, r.after)
            ]
            refs.add_row(escape(r.name), r.change, *answers)
        console.print(refs)
    if result.red_flags:
        flags = says_table("Red flags", ("red flag", "change"), b.version, a.version)
        for f in result.red_flags:
            flags.add_row(f"[red]{f.kind}[/]", f.change, _quote(f.evidence_before), _quote(f.evidence_after))
        console.print(flags)
    if result.same:
        console.print("No signal verdict, reference or red flag changed.")
