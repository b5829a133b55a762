"""Rescans in a warm process, as a worker runs them, beside the same rescans as whole CLI processes.

    python benchmarks/warm_rescan.py /path/to/repo [--back 100] [--repeat 3]

A worker (``inhouse worker``) imports the storage layer and the analyzers once and then runs
scan after scan; a CLI process pays the imports (SQLAlchemy and every record module, about 0.6 s
on this machine) for each one. This measures both on the same repository and workspace: a copy
of the repository borrowing its objects, its branch moved back ``--back`` commits and scanned
into a fresh SQLite workspace, then moved forward. Then, best of ``--repeat``, each from that
stored scan: the rescan after the new commits and the rescan with no new commit, through
``services.knowledge.scan`` in this process (warmed by one rescan first) and as
``inhouse scan`` processes. Prints seconds and the difference, which is start-up.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.domain.knowledge import ScanIn
from inhouse.services import knowledge
from inhouse.settings import load_settings

INHOUSE = str(Path(sys.executable).with_name("inhouse"))


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()


def best(fn, repeat: int, before=None) -> float:
    found = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        found = min(found, time.perf_counter() - start)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--back", type=int, default=100, help="commits the stored scan is behind (about)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inhouse-warm-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "copy.git"
        git("clone", "-q", "--bare", "--shared", str(args.repo), str(copy))
        head = git("-C", str(copy), "rev-parse", "HEAD")
        branch = git("-C", str(copy), "symbolic-ref", "HEAD")
        chain = git("-C", str(copy), "rev-list", "--first-parent", "-n", str(args.back + 1), "HEAD").split()
        old = chain[-1]
        for sha in chain:  # the nearest first-parent ancestor with at least --back commits after it
            if int(git("-C", str(copy), "rev-list", "--count", head, f"^{sha}")) >= args.back:
                old = sha
                break
        new_commits = int(git("-C", str(copy), "rev-list", "--count", head, f"^{old}"))
        base, db = tmp / "base.db", tmp / "ws.db"
        url = f"sqlite:///{db}"
        subprocess.run(
            [INHOUSE, "--db", f"sqlite:///{base}", "init", "--client", "Bench"], check=True, capture_output=True
        )
        git("-C", str(copy), "update-ref", branch, old)
        subprocess.run([INHOUSE, "--db", f"sqlite:///{base}", "scan", str(copy)], check=True, capture_output=True)
        git("-C", str(copy), "update-ref", branch, head)
        request = ScanIn(repository=str(copy))

        def restore() -> None:
            shutil.copyfile(base, db)

        def warm_scan() -> None:
            ws = Workspace(load_settings(database_url=url))
            try:
                knowledge.scan(ws, None, request)
            finally:
                ws.engine.dispose()

        def cli_scan() -> None:
            subprocess.run([INHOUSE, "--db", url, "scan", str(copy)], check=True, capture_output=True)

        restore()
        warm_scan()  # imports, first queries: what a worker has done before its next job
        rows = {
            "warm, after new commits": best(warm_scan, args.repeat, restore),
            "CLI, after new commits": best(cli_scan, args.repeat, restore),
        }
        rows["warm, no new commit"] = best(warm_scan, args.repeat)
        rows["CLI, no new commit"] = best(cli_scan, args.repeat)
    print(f"{args.repo}: rescans after {new_commits} new commits and with none (best of {args.repeat})")
    for name, seconds in rows.items():
        print(f"  {name:26} {seconds:6.2f} s")
    print(
        f"  start-up (CLI - warm): {rows['CLI, after new commits'] - rows['warm, after new commits']:.2f} s, "
        f"{rows['CLI, no new commit'] - rows['warm, no new commit']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
