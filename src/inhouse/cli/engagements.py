"""`inhouse engagement ...`: engagements, their phases and their summary."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from inhouse.cli.context import console, emit_json, pct, workspace
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
    result = service.add(workspace(), name, partner, start, phase=phase, plan=plan, description=description)
    if json_out:
        emit_json(result)
    else:
        shares = " -> ".join(pct(p["internal_share"]) for p in result["plan"])
        console.print(
            f"Added engagement [bold]{result['name']}[/] with {result['partner']}, id {result['id']}; "
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
            str(row["id"]),
            row["name"],
            row["partner"],
            row["phase"],
            row["start_date"],
            str(row["year"]),
            pct(row["planned_internal_share_now"]),
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
    result = service.change_phase(workspace(), engagement, new_phase, on, reason)
    if json_out:
        emit_json(result)
    else:
        console.print(
            f"[bold]{result['name']}[/] is now in the {result['phase']} phase since {result['phase_since']}"
            f" ({result['phases'][-1]['reason']})"
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


def render_show(data: dict) -> None:
    plan = " -> ".join(pct(p["internal_share"]) for p in data["plan"])
    lines = [
        f"[bold]{data['name']}[/]  {data['client']} with {data['partner']}",
        f"Phase: {data['phase']} since {data['phase_since']} (started {data['start_date']}, year {data['year']})",
        f"Plan (internal share by year): {plan}; now {pct(data['planned_internal_share_now'])}",
        f"People: {len(data['people']['internal'])} internal, {len(data['people']['partner'])} partner",
        f"Repositories: {', '.join(r['name'] for r in data['repos']) or 'none'}",
        f"Documents: {', '.join(d['kind'] + ' ' + d['filename'] for d in data['documents']) or 'none'}",
        f"Weekly reviews: {data['reviews']['count']}"
        + (f" ({data['reviews']['first']} .. {data['reviews']['last']})" if data["reviews"]["count"] else ""),
        f"Decisions: {data['decisions']}   Drills: {data['drills']}",
    ]
    if data.get("knowledge"):  # the latest `inhouse scan`
        k = data["knowledge"]
        lines.append(
            f"Code knowledge: truck factor {k['truck_factor']}; {pct(k['orphaned_share'])} of files "
            f"orphaned if the partner left; internal share {pct(k['internal_share'])} in "
            f"{k['period']} vs plan {pct(k['plan_internal_share'])}"
        )
    history = []
    for change in data.get("phases", []):
        until = f" until {change['ended_on']}" if change.get("ended_on") else " (current)"
        reason = f": {escape(change['reason'])}" if change["reason"] else ""
        history.append(f"  {change['phase']} from {change['started_on']}{until}{reason}")
    lines[2:2] = history
    console.print(Panel("\n".join(lines), title="Engagement", expand=False))
    if data["analyses"]:
        table = Table("analysis", "subject", "summary", "when", title="Latest analyses")
        for item in data["analyses"]:
            table.add_row(item["kind"], item["subject"], item["summary"], item["created_at"] or "")
        console.print(table)
