"""What per-folder risk, the knowledge map and tail risk add to a scan, measured in this run.

    python benchmarks/folder_risk.py                       # synthetic 50k-commit history
    python benchmarks/folder_risk.py --commits 20000 /path/to/repo [--quick]

Per repository: one whole scan (no state: mining and analysis), the time spent inside
``folder_risk`` during it, and its ratio to the rest of the scan (target: at most +20%); the
same for ``knowledge_map`` (which counts the lines of every counted file on a first scan,
kept in the state after) and ``tail_risk``. The folder step is then timed again alone, three
times over the same authors, and the best is reported with the folders and files it covered.
Repositories are only read (``scan_repository`` writes nothing).
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repos", nargs="*", type=Path)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--quick", action="store_true", help="scan --quick (no line counts: the worst ratio)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        synth = Path(tmp) / "synth"
        synth_repo.create(synth, args.commits)
        for path in [synth, *args.repos]:
            label = f"synthetic {args.commits} commits" if path == synth else str(path)
            print(label, measure(path, args.quick), flush=True)


if __name__ == "__main__":
    main()
