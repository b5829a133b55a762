"""`inhouse scan`: who knows the code, and what would leave with the partner."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, err_console, pct, table_output, workspace
from inhouse.cli.files import read_upload
from inhouse.cli.progress import optional_progress_bar
from inhouse.domain.common import parse_date
from inhouse.domain.knowledge import ScanIn, StoredScan
from inhouse.domain.shapes import validated
from inhouse.errors import InvalidInput
from inhouse.services import knowledge as service

PERIOD_HELP = "Periods of the trajectory: month, quarter, year or engagement-year (default)."


def scan(
    repo: str | None = typer.Argument(
        None,
        help="Path of a local git repository (working copy or bare), or the URL of one linked by URL; none with --all.",
    ),
    all_repos: bool = typer.Option(
        False,
        "--all",
        help="Queue a background scan of every linked repository (of --engagement when given) for the "
        "workers (`inhouse worker`, `inhouse serve`); a repository whose rescan is already waiting keeps it.",
    ),
    engagement: str | None = typer.Option(
        None, "--engagement", "-e", help="Engagement name or id (default: the one the repository is linked to)."
    ),
    rev: str | None = typer.Option(
        None, "--rev", help="Revision to scan (default: the linked repository's, else HEAD)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    quick: bool = typer.Option(
        False, "--quick", help="Skip line statistics: authorship, truck factor and commit shares only."
    ),
    blame: bool = typer.Option(False, "--blame", help="Also count surviving lines per person at REV (git blame)."),
    blame_ignore_whitespace: bool = typer.Option(
        False, "--blame-ignore-whitespace", help="With --blame: ignore whitespace changes (git blame -w)."
    ),
    blame_moves: bool = typer.Option(
        False, "--blame-moves", help="With --blame: lines moved within a file keep their author (git blame -M)."
    ),
    blame_copies: bool = typer.Option(
        False, "--blame-copies", help="With --blame: lines moved or copied from other files keep theirs (-C)."
    ),
    period: str = typer.Option("engagement-year", "--period", help=PERIOD_HELP),
    internal_domain: list[str] = typer.Option(
        [], "--internal-domain", help="Email domain of internal people (repeatable)."
    ),
    partner_domain: list[str] = typer.Option(
        [], "--partner-domain", help="Email domain of partner people (repeatable)."
    ),
    org_map: str | None = typer.Option(
        None, "--org-map", help="File of 'pattern,side' lines or JSON {side: [patterns]}."
    ),
    alias: list[str] = typer.Option([], "--alias", help="Emails or names of one person joined by '=' (repeatable)."),
    bot: list[str] | None = typer.Option(
        None, "--bot", help="Regex of bot accounts, replacing the defaults (repeatable)."
    ),
    include_bots: bool = typer.Option(False, "--include-bots", help="Count bot accounts as people."),
    jobs: int | None = typer.Option(None, "--jobs", min=1, help="Parallel git processes (default: CPU count)."),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="Glob of files not to count, added to the defaults (repeatable)."
    ),
    include: list[str] = typer.Option(
        [], "--include", help="Glob of files to count even if a default excludes them (repeatable)."
    ),
    count_docs: bool = typer.Option(False, "--count-docs", help="Count documentation files (excluded by default)."),
    count_vendored: bool = typer.Option(
        False, "--count-vendored", help="Count vendored third-party code (excluded by default)."
    ),
    count_generated: bool = typer.Option(
        False, "--count-generated", help="Count generated files (excluded by default)."
    ),
    leaves: list[str] = typer.Option(
        [],
        "--leaves",
        help="Simulate these people leaving: identity ids, emails or names, comma-separated (repeatable).",
    ),
    inactive_days: int | None = typer.Option(
        None,
        "--inactive-days",
        min=0,
        help="Simulate the partner people with no commit for N days before the last one leaving.",
    ),
    gone_after: str | None = typer.Option(
        None,
        "--gone-after",
        help="Simulate the partner people with no commit after this day (YYYY-MM-DD: their contract's end) leaving.",
    ),
) -> None:
    """Scan a git repository: who knows the code, truck factor, off-boarding risk, internal share."""
    if all_repos:
        options: list[object] = [rev, quick, blame, period != "engagement-year", internal_domain, partner_domain]
        options += [org_map, alias, bot, include_bots, jobs, exclude, include, count_docs, count_vendored]
        options += [count_generated, blame_ignore_whitespace, blame_moves, blame_copies, leaves, inactive_days]
        options += [gone_after]
        if repo is not None or any(o not in (None, False, []) for o in options):
            raise InvalidInput("scan --all takes no REPO and no scan option (only --engagement and --json)")
        queue_all(engagement, json_out)
        return
    if repo is None:
        raise InvalidInput("name the REPO to scan, or give --all")
    if (blame_ignore_whitespace or blame_moves or blame_copies) and not blame:
        raise InvalidInput("--blame-ignore-whitespace, --blame-moves and --blame-copies go with --blame")
    with optional_progress_bar({"mining": "mining commits"}, elapsed=True) as progress:
        ws = workspace()
        request = validated(
            ScanIn,
            repository=repo,
            rev=rev,
            quick=quick,
            blame=blame,
            blame_ignore_whitespace=blame_ignore_whitespace,
            blame_moves=blame_moves,
            blame_copies=blame_copies,
            period=period,
            internal_domains=internal_domain,
            partner_domains=partner_domain,
            org_map=read_upload(org_map, ws.settings.max_document_bytes, "org map file") if org_map else None,
            aliases=alias,
            bots=bot,
            include_bots=include_bots,
            exclude=exclude,
            include=include,
            count_docs=count_docs,
            count_vendored=count_vendored,
            count_generated=count_generated,
            jobs=jobs,
            leaves=[who.strip() for one in leaves for who in one.split(",") if who.strip()],
            inactive_days=inactive_days,
            gone_after=parse_date(gone_after, "--gone-after") if gone_after else None,
        )
        stored = service.scan(ws, engagement, request, progress=progress)
    if json_out:
        emit_json(stored)
    else:
        render(stored)


def queue_all(engagement: str | None, json_out: bool) -> None:
    """``scan --all``: a scan job queued for every linked repository, and what was queued."""
    from inhouse.jobs.scan import submit_all
    from inhouse.services.queue import JobQueue

    ws = workspace()
    done = submit_all(JobQueue(ws), ws, engagement)
    if json_out:
        emit_json(done)
        return
    table = Table("repo", "engagement", "job", "status", title="Scans queued")
    for one in done.scans:
        status = "queued" if one.queued else ("already waiting" if one.job else f"not queued: {one.error}")
        table.add_row(escape(one.repo), str(one.engagement_id), str(one.job.id) if one.job else "-", escape(status))
    console.print(table)
    console.print(f"{done.queued} queued, {done.waiting} already waiting, {done.refused} not queued.")


def render(scan: StoredScan) -> None:
    for warning in scan.warnings:
        err_console.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    where = f" for engagement [bold]{escape(scan.engagement)}[/]" if scan.engagement else ""
    head = (scan.head or "")[:12]
    console.print(
        f"[bold]{escape(scan.repo)}[/] at {escape(scan.rev)} ({head}): "
        f"{scan.commits} commits, {scan.merges} merges{where}"
    )
    people = Table("identity", "side", "commits", "+lines", "-lines", "files authored", title="Who knows the code")
    for ident in scan.identities[:15]:
        people.add_row(
            escape(ident.names[0] if ident.names else ident.id),
            ident.side.value,
            str(ident.commits),
            str(ident.lines_added),
            str(ident.lines_deleted),
            str(ident.files_authored),
        )
    if len(scan.identities) > 15:
        people.caption = f"{len(scan.identities) - 15} more with --json"
    console.print(people)
    truck = scan.truck_factor
    names = {i.id: (i.names or (i.id,))[0] for i in scan.identities}
    who = ", ".join(names.get(a, a) for a in truck.authors)
    console.print(f"Truck factor: [bold]{truck.value}[/] ({escape(who) or 'nobody'})")
    if scan.knowledge_model == "recency":
        console.print(
            f"Knowledge model: recency (half-life {scan.knowledge_half_life_days or 90:g} days; "
            "reviews and co-authors count)"
        )
    else:
        console.print("Knowledge model: avelino2016 (degree of authorship from commits)")
    agents = [b for b in scan.bots if b.kind == "agent"]
    if agents:
        made = ", ".join(f"{(a.names or (a.id,))[0]} ({a.commits} commits)" for a in agents)
        console.print(f"Written by AI agents, held by nobody: {escape(made)}")
    off = scan.offboarding
    lines = f", {off.orphaned_lines} lines" if off.orphaned_lines is not None else ""
    console.print(
        f"If the partner left today: [bold]{off.orphaned_files} of {off.files}[/] files "
        f"({pct(off.orphaned_share)}{lines}) have no internal author."
    )
    if off.other_only_files:
        console.print(
            f"  of them {off.other_only_files} known only by a third organisation, {off.unknown_files} by nobody."
        )
    if scan.leavers is not None:
        gone = scan.leavers
        console.print(
            f"If {escape(', '.join(gone.people) or 'nobody')} left ({escape(gone.rule or '')}): "
            f"[bold]{gone.unknown_files} of {gone.files}[/] files would be known by nobody who stays, "
            f"and {gone.orphaned_files} of {gone.files} would have no internal author."
        )
    if off.by_directory:
        dirs = Table("directory", "files", "orphaned", title="Nobody inside knows this (worst first)")
        for directory in off.by_directory[:10]:
            dirs.add_row(escape(directory.path), str(directory.files), str(directory.orphaned_files))
        console.print(dirs)
    trajectory = Table(
        "period",
        "commits",
        "internal commits",
        "internal lines",
        "files known inside",
        "changes",
        "plan",
        "gap",
        title=f"Internal share over time (plan {escape(scan.plan or '-')})",
    )
    for row in scan.trajectory:
        gap = row.gap
        style = "" if gap is None else ("green" if gap >= 0 else "red")
        trajectory.add_row(
            row.period,
            str(row.commits),
            pct(row.internal_commit_share),
            pct(row.internal_line_share),
            pct(row.internal_authorship_share),
            f"{row.changes} (low)" if row.low_activity else str(row.changes),
            pct(row.plan_internal_share),
            f"[{style}]{gap * 100:+.0f} pts[/]" if gap is not None else "-",
        )
    console.print(trajectory)
    forecast = scan.forecast
    if forecast:
        if forecast.already_reached:
            console.print(f"The plan's final {pct(forecast.final_share)} internal share is reached.")
        elif forecast.reached_on:
            console.print(
                f"At the current pace the internal share reaches {pct(forecast.final_share)} "
                f"around [bold]{forecast.reached_on.isoformat()}[/]"
                + (
                    f" (between {forecast.earliest_on} and {forecast.latest_on or 'never'})"
                    if forecast.earliest_on
                    else ""
                )
                + "."
            )
        else:
            console.print(f"At the current pace the internal share never reaches {pct(forecast.final_share)}.")
    if scan.ownership is not None:
        owners = Table("identity", "side", "lines at REV", title="Line ownership (git blame)")
        for owner in scan.ownership[:15]:
            owners.add_row(escape(names.get(owner.identity, owner.identity)), owner.side.value, str(owner.lines))
        console.print(owners)


ENGAGEMENT = typer.Argument(None, help="Engagement name or id (optional with one engagement).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")


def files_at_risk_(engagement: str | None = ENGAGEMENT, json_out: bool = JSON, csv_out: bool = CSV) -> None:
    """List the files at risk: per directory, the files with no internal author if the partner left (latest scan)."""
    from inhouse.services.dashboard.knowledge import DirectoryRisk, files_at_risk  # not needed by the scan

    output = table_output(json_out, csv_out)
    rows = files_at_risk(workspace(), engagement)
    if output == "csv":
        emit_csv(rows, DirectoryRisk)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("directory", "files", "orphaned", "share", "orphaned files", title="Files at risk (worst first)")
    for row in rows:
        shown = ", ".join(row.orphaned[:3]) + (f" and {len(row.orphaned) - 3} more" if len(row.orphaned) > 3 else "")
        table.add_row(
            escape(row.path or "(root)"),
            str(row.files),
            str(row.orphaned_files),
            pct(row.orphaned_share),
            escape(shown),
        )
    console.print(table)
    if not rows:
        console.print("No file at risk in the latest scan (or no scan stored yet: `inhouse scan REPO`).")


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
    app.command("files-at-risk")(files_at_risk_)
