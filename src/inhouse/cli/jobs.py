"""`inhouse job list|show|cancel|retry` and `inhouse worker`: the background jobs of a workspace,
and a worker that runs them on this machine (``inhouse jobs`` is `job list`'s older name)."""

from __future__ import annotations

import signal
import threading

import typer
from rich.markup import escape
from rich.table import Table

from inhouse.cli.context import CSV, console, emit_csv, emit_json, err_console, table_output, workspace
from inhouse.domain.jobs import JobRecord, JobStatus
from inhouse.errors import InvalidInput
from inhouse.services.queue import JobQueue

app = typer.Typer(help="Background jobs: list, show, cancel and retry them.", no_args_is_help=True)

ENGAGEMENT = typer.Argument(None, help="Engagement name or id (default: every engagement's jobs).")
JSON = typer.Option(False, "--json", help="Print the result as JSON.")
STATE = typer.Option(None, "--state", help="Only jobs in this state: queued, running, done, failed or cancelled.")
LIMIT = typer.Option(50, "--limit", min=1, max=10_000, help="Most jobs to list, newest first.")
JOB_ID = typer.Argument(..., help="The job's id.", min=1, max=2**63 - 1)


def _state(value: str | None) -> JobStatus | None:
    if value is None:
        return None
    try:
        return JobStatus(value.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in JobStatus)
        raise InvalidInput(f"state must be one of {known}, not {value!r}") from None


def _queue() -> JobQueue:
    return JobQueue(workspace())


def list_jobs(
    engagement: str | None = ENGAGEMENT,
    state: str | None = STATE,
    limit: int = LIMIT,
    json_out: bool = JSON,
    csv_out: bool = CSV,
) -> None:
    """List background jobs, newest first: scans, contract and proposal analyses, their state and result.

    Of one engagement when it is named; in one --state when given."""
    output = table_output(json_out, csv_out)
    rows = _queue().list(workspace(), state=_state(state), engagement=engagement, limit=limit)
    if output == "csv":
        emit_csv(rows, JobRecord)
        return
    if output == "json":
        emit_json(rows)
        return
    table = Table("id", "kind", "subject", "status", "submitted by", "created", "result", title="Background jobs")
    for row in rows:
        table.add_row(
            str(row.id),
            row.kind,
            escape(row.subject),
            row.status.value,
            escape(row.submitted_by),
            row.created_at.isoformat(timespec="seconds") if row.created_at else "",
            escape(row.error or (row.result.summary if row.result else "") or row.message),
        )
    console.print(table)


def _show(job: JobRecord) -> None:
    console.print(f"[bold]job {job.id}[/] {job.kind} {escape(job.subject)}: {job.status.value}")
    console.print(f"progress {job.progress:.0%} — {escape(job.message)}")
    console.print(
        f"queued by {escape(job.submitted_by)} at {job.created_at}; attempt {job.attempts} of {job.max_attempts}"
    )
    if job.worker:
        console.print(f"worker {escape(job.worker)} (last heard {job.heartbeat_at})")
    if job.cancel_requested and not job.finished:
        console.print("cancel asked: it stops at its next checkpoint")
    if job.error:
        console.print(f"[red]error:[/] {escape(job.error)}")
    if job.result:
        console.print(f"result: {escape(job.result.summary)}")


@app.command("show")
def show(job_id: int = JOB_ID, json_out: bool = JSON) -> None:
    """One job: its state, progress, attempts, worker and result or error."""
    job = _queue().get(workspace(), job_id)
    emit_json(job) if json_out else _show(job)


@app.command("cancel")
def cancel(job_id: int = JOB_ID, json_out: bool = JSON) -> None:
    """Cancel a job: a queued one at once, a running one at its next progress checkpoint."""
    job = _queue().cancel(workspace(), job_id)
    emit_json(job) if json_out else _show(job)


@app.command("retry")
def retry(job_id: int = JOB_ID, json_out: bool = JSON) -> None:
    """Queue a failed or cancelled job again."""
    job = _queue().retry(workspace(), job_id)
    emit_json(job) if json_out else _show(job)


def worker(
    concurrency: int = typer.Option(2, "--concurrency", "-c", min=1, max=64, help="Jobs this worker runs at once."),
    queue: list[str] = typer.Option(
        [], "--queue", "-q", help="Take jobs of this queue only (repeatable; default: all)."
    ),
) -> None:
    """Run a worker that takes the workspace's queued jobs until SIGINT or SIGTERM.

    Running jobs finish first; a worker killed outright has its jobs retried from their stale
    heartbeat. Workers may be started and stopped on any machine that reaches the database."""
    from inhouse.jobs.worker import LocalWorker, worker_name

    ws = workspace()
    ws.require_ready()
    engine = JobQueue(ws).engine
    name = worker_name()
    err_console.print(f"worker {name}: {engine} engine, {concurrency} at once, queues {', '.join(queue) or 'all'}")
    if engine == "procrastinate":
        from inhouse.jobs.engine import ProcrastinateWorker

        ProcrastinateWorker(ws, concurrency, queue, name=name, install_signal_handlers=True).run()
        return
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    running = LocalWorker(ws, concurrency, queue, name=name).start()
    stop.wait()
    err_console.print(f"worker {name}: stopping, letting its running jobs finish")
    running.stop(wait=True)


app.command("list")(list_jobs)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="job")
    root.command("jobs", help="List background jobs (the older name of `inhouse job list`).")(list_jobs)
    root.command("worker")(worker)
