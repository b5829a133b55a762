"""What per-folder risk, the knowledge map and tail risk add to a scan, measured in this run.

    python benchmarks/folder_risk.py                       # synthetic 50k-commit history
    python benchmarks/folder_risk.py --commits 20000 /path/to/repo [--quick]

Per repository: one whole scan (no state: mining and analysis), the time spent inside
``folder_risk`` during it, and its ratio to the rest of the scan (target: at most +20%); the
same for ``knowledge_map`` (which counts the lines of every counted file on a first scan,
kept in the state after) and ``tail_risk``. The folder step is then timed again alone, three
times over the same authors, and the best is reported with the folders and files it covered.
Repositories are only read (``scan_repository`` writes nothing).

``--processes N``: also whole processes, N rounds alternating a fresh Python process that scans
(interpreter start, imports, mining, analysis) with one whose ``folder_risk`` returns no rows;
the best of each and their ratio are printed (``with_folders / without``, target at most 1.20),
in wall time and in CPU time (steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_repo
from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git import scanner as scanner_mod

RULES = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))


STEPS = ("folder_risk", "knowledge_map", "tail_risk")


def measure(path: Path, quick: bool) -> dict[str, float]:
    originals = {name: getattr(scanner_mod, name) for name in STEPS}
    calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    spent = dict.fromkeys(STEPS, 0.0)

    def wrap(name: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            calls[name] = (args, kwargs)
            start = time.perf_counter()
            try:
                return originals[name](*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return timed

    for name in STEPS:
        setattr(scanner_mod, name, wrap(name))
    try:
        start = time.perf_counter()
        report = scan_repository(path, ScanOptions(rules=RULES, quick=quick)).report
        whole = time.perf_counter() - start
    finally:
        for name in STEPS:
            setattr(scanner_mod, name, originals[name])
    args, kwargs = calls["folder_risk"]
    best = min(_once(originals["folder_risk"], args, kwargs) for _ in range(3))
    rest = whole - sum(spent.values())
    return {
        "scan_s": round(whole, 3),
        **{f"{name}_s": round(spent[name], 4) for name in STEPS},
        **{f"{name}_extra": round(spent[name] / rest, 4) for name in STEPS},
        "folders_alone_best_s": round(best, 4),
        "folders": len(report.folders),
        "files": report.offboarding.files,
        "commits": report.commits,
        "partner_people": report.tail_risk.partner_people if report.tail_risk else 0,
    }


def _once(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


CHILD = """
import sys
from inhouse.analysis.git import ScanOptions, SideRules, scan_repository
from inhouse.analysis.git import scanner
if sys.argv[3] == "without":
    scanner.folder_risk = lambda *args, **kwargs: []
rules = SideRules(internal_domains=("acme.com",), partner_domains=("partner.io",))
scan_repository(sys.argv[1], ScanOptions(rules=rules, quick=sys.argv[2] == "quick"))
"""


def processes(path: Path, quick: bool, rounds: int) -> dict[str, float]:
    """Whole scan processes with and without the per-folder figures, alternated; best of each,
    in wall time and in CPU time (user + system of the process and its git children: on a
    shared machine the wall time moves with the others' load, the CPU time much less)."""
    wall = {"with": float("inf"), "without": float("inf")}
    cpu = dict(wall)
    for _ in range(rounds):
        for kind in ("with", "without"):
            argv = [sys.executable, "-c", CHILD, str(path), "quick" if quick else "full", kind]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, check=True)
            wall[kind] = min(wall[kind], time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            cpu[kind] = min(cpu[kind], used)
    return {
        "process_with_folders_s": round(wall["with"], 3),
        "process_without_s": round(wall["without"], 3),
        "process_ratio": round(wall["with"] / wall["without"], 4),
        "process_cpu_with_s": round(cpu["with"], 3),
        "process_cpu_without_s": round(cpu["without"], 3),
        "process_cpu_ratio": round(cpu["with"] / cpu["without"], 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repos", nargs="*", type=Path)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="scan --quick (no line counts: the worst ratio)")
    parser.add_argument("--processes", type=int, default=0, help="also N rounds of whole scan processes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        synth = Path(tmp) / "synth"
        synth_repo.create(synth, args.commits)
        for path in [synth, *args.repos]:
            label = f"synthetic {args.commits} commits" if path == synth else str(path)
            figures = measure(path, args.quick)
            if args.processes:
                figures.update(processes(path, args.quick, args.processes))
            print(label, figures, flush=True)


if __name__ == "__main__":
    main()
