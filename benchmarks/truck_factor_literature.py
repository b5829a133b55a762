"""Check the DOA and truck-factor implementation against published truck factors.

    python benchmarks/truck_factor_literature.py --mirror /work/.mirror
    python benchmarks/truck_factor_literature.py mitsuhiko/flask=/src/flask /src/backbone
    python benchmarks/truck_factor_literature.py --json out.json --date 2015-03-10 ...

The published values (``truck_factor_published.csv`` beside this file) are Avelino,
Passos, Hora and Valente's truck factors for 133 GitHub systems (ICPC 2016, the
authors' results list of April 2016). Each repository is scanned (``--quick``: the
truck factor needs no line counts) at the last commit before the analysis date on its
first-parent chain (``git rev-list --first-parent -1 --before=DATE``), on the branch
the CSV names or HEAD, and agreement means ``|ours - published| <= 1``. The issue's
target is agreement on nine systems out of ten.

Repositories are given as ``owner/name=PATH``, as a PATH whose folder is named after
the system (``flask``, ``mitsuhiko+flask``, ``mitsuhiko/flask`` ...), or found under
``--mirror DIR`` as ``DIR/owner+name/repo`` (the published or the current name). A
system whose repository is not present is skipped. Not part of the test suite: it
needs the real histories, which are not in this repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from inhouse.analysis.git import ScanOptions, scan_repository

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE / "truck_factor_published.csv"


@dataclass
class System:
    name: str
    published: int
    date: str
    current: str
    branch: str
    citation: str

    def names(self) -> list[str]:
        return [n for n in (self.name, self.current) if n]


@dataclass
class Row:
    system: str
    published: int
    ours: int | None
    agrees: bool | None
    rev: str | None
    commits: int | None
    files: int | None
    authors: list[str]
    seconds: float
    path: str
    note: str = ""


def load(csv_path: Path) -> list[System]:
    with open(csv_path, newline="", encoding="utf-8") as handle:
        return [
            System(
                r["system"],
                int(r["published_tf"]),
                r["analysis_date"],
                r.get("current_name") or "",
                r.get("branch") or "",
                r.get("citation") or "",
            )
            for r in csv.DictReader(handle)
        ]


def git_dir(path: Path) -> Path | None:
    for candidate in (path, path / "repo", path / ".git", path / "repo" / ".git"):
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def locate(systems: list[System], given: list[str], mirror: Path | None) -> dict[str, Path]:
    """System name -> repository path, from the arguments and the mirror folder."""
    by_key: dict[str, System] = {}
    for system in systems:
        for name in system.names():
            for key in (name.lower(), name.lower().replace("/", "+"), name.split("/")[1].lower()):
                by_key.setdefault(key, system)
    found: dict[str, Path] = {}
    for item in given:
        name, sep, where = item.partition("=")
        path = Path(where if sep else name).expanduser()
        key = name.lower() if sep else path.resolve().name.lower()
        if key in ("repo", ".git"):
            key = path.resolve().parent.name.lower()
        system = by_key.get(key) or by_key.get(key.removesuffix(".git"))
        if system is None:
            print(f"skipped {item}: not a system of the published list", file=sys.stderr)
            continue
        found[system.name] = path
    if mirror is not None:
        for system in systems:
            for name in system.names():
                candidate = mirror / name.replace("/", "+")
                if system.name not in found and git_dir(candidate) is not None:
                    found[system.name] = candidate
    return found


def revision(path: Path, system: System, date: str) -> str | None:
    out = subprocess.run(
        ["git", "-C", str(path), "rev-list", "--first-parent", "-1", f"--before={date}", system.branch or "HEAD", "--"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip() or None


def measure(system: System, path: Path, date: str | None) -> Row:
    repo = git_dir(path)
    if repo is None:
        return Row(
            system.name, system.published, None, None, None, None, None, [], 0.0, str(path), "not a git repository"
        )
    rev = revision(repo, system, date or system.date)
    if rev is None:
        return Row(
            system.name,
            system.published,
            None,
            None,
            None,
            None,
            None,
            [],
            0.0,
            str(repo),
            f"no commit before {date or system.date}",
        )
    start = time.perf_counter()
    report = scan_repository(repo, ScanOptions(rev=rev, quick=True)).report
    seconds = time.perf_counter() - start
    tf = report.truck_factor
    return Row(
        system.name,
        system.published,
        tf.value,
        abs(tf.value - system.published) <= 1,
        rev,
        report.commits,
        report.offboarding.files if report.offboarding else None,
        list(tf.authors),
        round(seconds, 2),
        str(repo),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repos", nargs="*", help="owner/name=PATH, or a PATH named after the system")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="published values")
    parser.add_argument("--mirror", type=Path, help="a folder of repositories named owner+name")
    parser.add_argument("--date", help="analyse at this date instead of the CSV's analysis date")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)

    systems = load(args.csv)
    paths = locate(systems, args.repos, args.mirror)
    rows: list[Row] = []
    print(f"{'system':34} {'published':>9} {'ours':>5} {'agree':>6} {'commits':>8} {'files':>6} {'secs':>6}  commit")
    for system in systems:
        if system.name not in paths:
            continue
        row = measure(system, paths[system.name], args.date)
        rows.append(row)
        if row.ours is None:
            print(f"{row.system:34} {row.published:>9} {'-':>5} {'-':>6}  skipped: {row.note}")
            continue
        print(
            f"{row.system:34} {row.published:>9} {row.ours:>5} {'yes' if row.agrees else 'NO':>6} "
            f"{row.commits:>8} {row.files:>6} {row.seconds:>6.1f}  {row.rev[:12]}",
            flush=True,
        )
    scanned = [r for r in rows if r.ours is not None]
    skipped = len(systems) - len(scanned)
    if not scanned:
        print(f"no repository present: {skipped} systems skipped")
        return 0
    agree = sum(1 for r in scanned if r.agrees)
    exact = sum(1 for r in scanned if r.ours == r.published)
    mean_error = sum(abs(r.ours - r.published) for r in scanned) / len(scanned)
    print(
        f"\nagreement (|ours - published| <= 1): {agree}/{len(scanned)} = {agree / len(scanned):.0%} "
        f"(target 90%); exact {exact}/{len(scanned)}; mean |difference| {mean_error:.2f}; "
        f"{skipped} systems not present"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "csv": str(args.csv),
                    "date": args.date,
                    "agree": agree,
                    "scanned": len(scanned),
                    "exact": exact,
                    "rows": [asdict(r) for r in rows],
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
