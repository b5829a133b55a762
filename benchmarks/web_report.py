"""The Markdown page of the web latency benchmark (docs/performance-web.md)."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

TARGET_MS = 150.0


def _verdicts(results: dict) -> list[str]:
    lines = []
    for label, figures in results.items():
        for row in figures["rows"]:
            if row[2] != "all pages":
                continue
            met = row[5] < TARGET_MS
            lines.append(
                f"- {label}, {row[1]}: p95 {row[5]:.0f} ms over all pages: **target {'met' if met else 'missed'}**."
            )
    return lines


def write(path: Path, results: dict, args, pages: dict) -> None:
    weights = ", ".join(f"{name} {weight}" for name, (weight, _) in pages.items())
    lines = [
        "# Web latency",
        "",
        f"Measured by `python benchmarks/web_latency.py --workers {args.workers}` on {time.strftime('%Y-%m-%d')}, "
        f"on one machine with {os.cpu_count()} cores ({platform.python_implementation()} "
        f"{platform.python_version()}) running the server, the database and the simulated users together.",
        "",
        "## What is measured",
        "",
        f"- **Workspace**: {args.engagements} engagements, each with a repository whose stored scan folds in "
        f"{args.commits:,} commits ({args.engagements * args.commits:,} in all, kept as the scan's mined history "
        "in `scan_states` and its report in `analysis_results`), a reviewed contract, 40 weekly reviews and a drill.",
        f"- **Server**: `inhouse serve --workers {args.workers}`: {args.workers} uvicorn process(es), sync endpoints on "
        "each process's thread pool, one SQLAlchemy engine (connection pool) per process.",
        "- **A user** is one browser tab with its own keep-alive connection, asking for one page after another "
        "(the HTML or JSON only: a browser keeps the static files in its cache). Pages are drawn with weights "
        f"({weights}); the portfolio shows 50 engagements a page and the page number is drawn too.",
        f"- **Closed loop**: {args.users} users, no pause: the next request leaves as soon as the previous answer "
        f"has arrived, so {args.users} requests are in flight at every moment. A stress test: the latency is then "
        f"about {args.users} × (CPU per request) / cores, whatever the code.",
        f"- **Think time**: {args.users} users who pause after each page (exponential, mean {args.think:g} s) — "
        "still far busier than people reading dashboards.",
        "- **Think time with writes**: the same, while 1 request in 20 is a POST that adds a drill to a random "
        "engagement (each makes that engagement's stored status and page, and the portfolio's tag, stale: the "
        "next views compute them again).",
        "- **Baseline**: the same users, paced the same way, on `/healthz` (returns a constant): what serving "
        "alone costs under that load. *ratio* = the page's p95 / the baseline's p95.",
        f"- {args.requests} page views per user and run; the latency is measured by the client from sending the "
        "request to reading the whole answer.",
        "",
        f"Target (issue 7): p95 < {TARGET_MS:.0f} ms.",
        "",
        *_verdicts(results),
        "",
        "## Under load",
        "",
        "| database | users | page | requests | median ms | p95 ms | ratio |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for figures in results.values():
        for label, model, page, count, med, high, ratio in figures["rows"]:
            lines.append(f"| {label} | {model} | {page} | {count} | {med:.1f} | {high:.1f} | {ratio:.1f} |")
    lines += [
        "",
        "Load average of the machine (1 min) as the load runs began: "
        + ", ".join(f"{label} {figures['load average']:.1f}" for label, figures in results.items())
        + f" (with {os.cpu_count()} cores, anything above about 1 is other work competing for them).",
        "",
        "Throughput (requests per second: pages, baseline):",
        "",
    ]
    for label, figures in results.items():
        for model, (pages_rate, base_rate, errors) in figures["throughput"].items():
            lines.append(
                f"- {label}, {model}: {pages_rate:.0f}/s, baseline {base_rate:.0f}/s"
                + (f", {errors} failed requests" if errors else "")
            )
    lines += [
        "",
        "## One user alone (median ms per page)",
        "",
        "| database | " + " | ".join(next(iter(results.values()))["alone"]) + " |",
        "|---|" + "---:|" * len(next(iter(results.values()))["alone"]),
    ]
    for label, figures in results.items():
        lines.append(f"| {label} | " + " | ".join(f"{v:.1f}" for v in figures["alone"].values()) + " |")
    lines += [
        "",
        "## Cold start",
        "",
        "Right after seeding no status is computed yet; then after a restart, with the stored read model.",
        "",
        "| database | first portfolio, nothing computed (ms) | the next one (ms) | every status computed (s) "
        "| every engagement page built (s) | first portfolio after a restart (ms) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, figures in results.items():
        c = figures["cold"]
        lines.append(
            f"| {label} | {c['first portfolio, nothing computed']:.0f} | {c['second portfolio']:.0f} "
            f"| {c['every status computed (s)']:.1f} | {c['every page built too (s)']:.1f} "
            f"| {c['first portfolio after a restart']:.0f} |"
        )
    notes = Path(__file__).with_name("web_notes.md")
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    path.write_text("\n".join(lines) + "\n")
