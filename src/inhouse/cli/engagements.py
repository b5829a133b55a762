"""`inhouse engagement ...`: engagements, their phases and their summary."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from inhouse.cli.context import console, emit_json, pct, workspace
from inhouse.domain.engagements import EngagementDetail, EngagementIn, PhaseChangeIn
from inhouse.domain.shapes import validated
from inhouse.services import engagements as service

app = typer.Typer(help="Add, list and show engagements.", no_args_is_help=True)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Engagement name."),
    partner: str = typer.Option(..., "--partner", help="The partner doing the work (name or id)."),
    start: str = typer.Option(..., "--start", help="Start date, YYYY-MM-DD."),
    phase: str = typer.Option("advisory", "--phase", help="advisory (the playbook's start) or project."),
    plan: str | None = typer.Option(
        None, "--plan", help="Internal share per year, e.g. 30,60,90 (the playbook's default)."
    ),
    description: str = typer.Option("", "--description", help="What the engagement is for."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Start an engagement with a partner."""
    new = validated(
        EngagementIn, name=name, partner=partner, start_date=start, phase=phase, plan=plan, description=description
    )
    result = service.add(workspace(), new)
    if json_out:
        emit_json(result)
    else:
        shares = " -> ".join(pct(p.internal_share) for p in result.plan)
        console.print(
            f"Added engagement [bold]{escape(result.name)}[/] with {escape(result.partner)}, id {result.id}; "
            f"plan (internal share): {shares}"
        )


@app.command("list")
def list_(json_out: bool = typer.Option(False, "--json", help="Print the result as JSON.")) -> None:
    """List engagements."""
    rows = service.list_all(workspace())
    if json_out:
        emit_json(rows)
        return
    table = Table("id", "name", "partner", "phase", "started", "year", "plan now", title="Engagements")
    for row in rows:
        table.add_row(
            str(row.id),
            escape(row.name),
            escape(row.partner),
            row.phase.value,
            row.start_date.isoformat(),
            str(row.year),
            pct(row.planned_internal_share_now),
        )
    console.print(table)


@app.command("phase")
def phase(
    engagement: str = typer.Argument(..., help="Engagement name or id."),
    new_phase: str = typer.Argument(..., metavar="PHASE", help="advisory or project."),
    on: str = typer.Option(..., "--on", help="Date of the change, YYYY-MM-DD."),
    reason: str = typer.Option(..., "--reason", help="Why (required), e.g. which advisory scope was proven."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Record a phase change (e.g. converting proven advisory scope to a project)."""
    change = validated(PhaseChangeIn, phase=new_phase, started_on=on, reason=reason)
    result = service.change_phase(workspace(), engagement, change)
    if json_out:
        emit_json(result)
    else:
        console.print(
            f"[bold]{escape(result.name)}[/] is now in the {result.phase.value} phase since {result.phase_since}"
            f" ({escape(result.phases[-1].reason)})"
        )


@app.command("show")
def show(
    engagement: str | None = typer.Argument(None, help="Engagement name or id (optional with one engagement)."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Show one engagement and the latest analyses stored for it."""
    data = service.show(workspace(), engagement)
    if json_out:
        emit_json(data)
        return
    render_show(data)


def render_show(data: EngagementDetail) -> None:
    plan = " -> ".join(pct(p.internal_share) for p in data.plan)
    reviews = data.reviews
    lines = [
        f"[bold]{escape(data.name)}[/]  {escape(data.client)} with {escape(data.partner)}",
        f"Phase: {data.phase.value} since {data.phase_since} (started {data.start_date}, year {data.year})",
        f"Plan (internal share by year): {plan}; now {pct(data.planned_internal_share_now)}",
        f"People: {len(data.people.internal)} internal, {len(data.people.partner)} partner",
        f"Repositories: {escape(', '.join(r.name for r in data.repos)) or 'none'}",
        f"Documents: {escape(', '.join(d.kind.value + ' ' + d.filename for d in data.documents)) or 'none'}",
        f"Weekly reviews: {reviews.count}" + (f" ({reviews.first} .. {reviews.last})" if reviews.count else ""),
        f"Decisions: {data.decisions}   Drills: {data.drills}",
    ]
    k = data.knowledge
    if k:  # the latest `inhouse scan`
        lines.append(
            f"Code knowledge: truck factor {k.truck_factor}; {pct(k.orphaned_share)} of files "
            f"orphaned if the partner left; internal share {pct(k.internal_share)} in "
            f"{k.period} vs plan {pct(k.plan_internal_share)}"
        )
    history = []
    for change in data.phases:
        until = f" until {change.ended_on}" if change.ended_on else " (current)"
        reason = f": {escape(change.reason)}" if change.reason else ""
        history.append(f"  {change.phase.value} from {change.started_on}{until}{reason}")
    lines[2:2] = history
    console.print(Panel("\n".join(lines), title="Engagement", expand=False))
    if data.analyses:
        table = Table("analysis", "subject", "summary", "when", title="Latest analyses")
        for item in data.analyses:
            when = item.created_at.isoformat(timespec="seconds") if item.created_at else ""
            table.add_row(item.kind, escape(item.subject), escape(item.summary), when)
        console.print(table)
