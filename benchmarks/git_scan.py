"""Benchmark of ``inhouse scan`` (the git knowledge analyzer), every ratio measured in this run.

    python benchmarks/git_scan.py                 # synthetic 100k-commit history
    python benchmarks/git_scan.py /path/to/repo   # ... plus real repositories
    python benchmarks/git_scan.py --commits 50000 --peer-commits 2000 --no-peers
    python benchmarks/git_scan.py --only-whole --synthetic /tmp/synth100k --repeat 3   # history kept

Prints, per repository: full scan / ``git log --numstat`` (target <= 1.3),
``--quick`` scan / ``git log --name-status`` (target <= 1.5), and for the synthetic
history the incremental rescan after 100 new commits (target <= 1 s) and the peak
memory of a full scan (target <= 500 MB).

Then the same as whole ``inhouse`` processes (``--whole``, on by default; ``--no-whole``
skips it), each beside its baseline measured in the same run: ``inhouse --version`` against
``python -c pass`` and ``git --version`` (target <= 0.3 s), ``inhouse scan --quick`` against
``git log --name-status`` (target <= 1.5x), ``inhouse scan`` against ``git log --numstat``, and
the rescans after 100 new commits and with no new commit (targets <= 1.0 s), each in a workspace
of its own (``--reviews N``: with N imported pull requests, two reviews each, made from the last
commits; with ``INHOUSE_KNOWLEDGE_MODEL=recency`` the scan credits them). A partial (blobless) clone reads no blob, so its baselines are ``git log`` with
``--no-renames`` (rename detection would need the blobs), and ``--raw`` in place of
``--numstat`` (no line counts without blobs). Peers (PyDriller, git-fame, truckfactor)
run, when installed (``pip install -e '.[bench]'``), on a smaller synthetic history
because the slowest take minutes per thousand commits; the ratio is peer / inhouse on
the same repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_repo
from inhouse.analysis.git import ScanOptions, scan_repository


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def git_log(path: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(path), "log", *args], stdout=subprocess.DEVNULL, check=True)


def peak_memory_mb(path: Path, quick: bool = False) -> float:
    """Peak resident memory of a fresh Python process running one full scan."""
    code = (
        "import sys; from inhouse.analysis.git import scan_repository, ScanOptions; "
        f"scan_repository(sys.argv[1], ScanOptions(quick={quick}))"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)])
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def measure(path: Path, repeat: int) -> dict[str, float]:
    """Best of ``repeat`` for each timing, git and inhouse interleaved so that both see the
    same machine load."""
    row: dict[str, float] = {}
    row["commits"] = int(
        subprocess.run(
            ["git", "-C", str(path), "rev-list", "--count", "HEAD"], capture_output=True, text=True, check=True
        ).stdout
    )
    plain = ("--no-renames",) if is_partial(path) else ()  # a partial clone's rename detection needs blobs
    pairs = {
        ("git_numstat", "scan_full"): (
            lambda: git_log(path, *(("--raw", *plain) if plain else ("--numstat",))),
            lambda: scan_repository(path, ScanOptions()),
        ),
        ("git_name_status", "scan_quick"): (
            lambda: git_log(path, "--name-status", *plain),
            lambda: scan_repository(path, ScanOptions(quick=True)),
        ),
    }
    for (git_key, scan_key), (git_fn, scan_fn) in pairs.items():
        row[git_key] = row[scan_key] = float("inf")
        for _ in range(repeat):
            row[git_key] = min(row[git_key], timed(git_fn))
            row[scan_key] = min(row[scan_key], timed(scan_fn))
    row["ratio_full"] = row["scan_full"] / row["git_numstat"]
    row["ratio_quick"] = row["scan_quick"] / row["git_name_status"]
    return row


INHOUSE = str(Path(sys.executable).with_name("inhouse"))


def is_partial(path: Path) -> bool:
    from inhouse.analysis.git.gitcmd import GitRepo

    return GitRepo.open(path).partial


def run_quiet(argv: list[str]) -> None:
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


CPU: dict[str, float] = {}  # the CPU seconds of the best run of each command line


def best_of(command, repeat: int, before=None) -> float:
    """Best wall time of ``command`` (an argv, or a function making it after ``before``) as a whole
    process (``before`` runs untimed before each); the CPU seconds (user + system, its git
    processes included) of that run go to ``CPU``."""
    best = cpu = float("inf")
    argv: list[str] = []
    for _ in range(repeat):
        if before is not None:
            before()
        argv = command() if callable(command) else command
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise subprocess.CalledProcessError(proc.returncode, argv)
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu = wall, usage.ru_utime + usage.ru_stime
    CPU[" ".join(argv)] = cpu
    return best


def _cpu(argv: list[str]) -> float:
    return CPU.get(" ".join(argv), float("nan"))


def fresh_workspace(tmp: Path, repo: Path | None = None, bundle: Path | None = None) -> str:
    """A new, empty workspace database: every scan in it is a first scan. With a review
    ``bundle``: an engagement with ``repo`` linked and the bundle's reviews imported for it."""
    db = tmp / f"ws-{time.perf_counter_ns()}.db"
    url = f"sqlite:///{db}"
    run_quiet([INHOUSE, "--db", url, "init", "--client", "Bench"])
    if bundle is not None and repo is not None:
        run_quiet([INHOUSE, "--db", url, "partner", "add", "Partner"])
        run_quiet([INHOUSE, "--db", url, "engagement", "add", "Bench", "--partner", "Partner", "--start", "2020-01-01"])
        run_quiet([INHOUSE, "--db", url, "repo", "add", str(repo), "--engagement", "Bench"])
        run_quiet([INHOUSE, "--db", url, "review", "import-prs", str(bundle), "--repo", repo.name])
    return url


def review_bundle(path: Path, count: int, out: Path) -> Path:
    """A saved GitHub review bundle of ``count`` pull requests made from the last ``count`` commits
    that are not merges (author, date and files as the commit has them), each approved by two of
    those commits' authors (logins: the local parts of their emails), chosen by a fixed seed."""
    import random

    log = subprocess.run(
        ["git", "-C", str(path), "log", "-n", str(count), "--no-merges", "--format=%x01%ae%x09%aI", "--name-only"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    commits = []
    for block in log.split("\x01")[1:]:
        head, *files = [line for line in block.split("\n") if line.strip()]
        email, when = head.split("\t")
        commits.append((email.partition("@")[0], when, files[:20]))
    logins = sorted({login for login, _when, _files in commits})
    pick = random.Random(7)
    pulls = [
        {
            "number": n,
            "title": "bench",
            "state": "closed",
            "user": {"login": login},
            "created_at": when,
            "merged_at": when,
            "reviews": [
                {"user": {"login": r}, "state": "APPROVED", "submitted_at": when}
                for r in pick.sample(logins, min(2, len(logins)))
            ],
            "files": [{"filename": f} for f in files],
        }
        for n, (login, when, files) in enumerate(commits, 1)
    ]
    out.write_text(json.dumps({"host": "github", "pulls": pulls}))
    return out


def commits_back(path: Path, count: int) -> str:
    """The first-parent ancestor of HEAD with ``count`` commits (merges too) after it, or nearly."""
    git = ["git", "-C", str(path)]
    chain = subprocess.run(
        [*git, "rev-list", "--first-parent", "-n", str(count + 1), "HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    found = chain[-1]
    for sha in chain[1:]:
        after = int(
            subprocess.run(
                [*git, "rev-list", "--count", "HEAD", f"^{sha}"], capture_output=True, text=True, check=True
            ).stdout
        )
        found = sha
        if after >= count:
            break
    return found


def whole_process(path: Path, repeat: int, reviews: int = 0, scan_args: tuple[str, ...] = ()) -> dict[str, float]:
    """Whole ``inhouse`` processes, each beside its baseline in the same run (best of ``repeat``);
    ``reviews``: that many imported pull requests in each workspace (``review_bundle``);
    ``scan_args``: added to every scan."""
    row: dict[str, float] = {"reviews": reviews}
    partial = is_partial(path)
    plain = ["--no-renames"] if partial else []
    git = ["git", "-C", str(path), "log"]
    row["python_pass"] = best_of([sys.executable, "-c", "pass"], repeat * 3)
    row["git_version"] = best_of(["git", "--version"], repeat * 3)
    row["inhouse_version"] = best_of([INHOUSE, "--version"], repeat * 3)
    row["inhouse_version_cpu"] = _cpu([INHOUSE, "--version"])
    with tempfile.TemporaryDirectory(prefix="inhouse-bench-ws-") as tmp_name:
        tmp = Path(tmp_name)
        holder: dict[str, str] = {}
        bundles: dict[Path, Path] = {}

        def new_workspace(target: Path = path) -> None:
            if reviews and target not in bundles:
                bundles[target] = review_bundle(target, reviews, tmp / f"reviews-{len(bundles)}.json")
            holder["db"] = fresh_workspace(tmp, target, bundles.get(target))

        extra = scan_args
        for key, git_args, scan_args in (
            ("quick", ["--name-status", *plain], ["--quick"]),
            ("full", ["--raw", *plain] if partial else ["--numstat"], []),  # a partial clone has no line counts
        ):
            row[f"git_{key}"] = row[f"scan_{key}"] = float("inf")
            for _ in range(repeat):  # interleaved: both see the same machine load
                wall = best_of([*git, *git_args], 1)
                if wall < row[f"git_{key}"]:
                    row[f"git_{key}"], row[f"git_{key}_cpu"] = wall, _cpu([*git, *git_args])
                new_workspace()
                scan = [INHOUSE, "--db", holder["db"], "scan", str(path), *scan_args, *extra]
                wall = best_of(scan, 1)
                if wall < row[f"scan_{key}"]:
                    row[f"scan_{key}"], row[f"scan_{key}_cpu"] = wall, _cpu(scan)
            row[f"ratio_{key}"] = row[f"scan_{key}"] / row[f"git_{key}"]
        # rescans: a copy borrowing the objects, its branch moved back 100 commits, scanned, moved on
        copy = tmp / "copy.git"
        run_quiet(["git", "clone", "-q", "--bare", "--shared", str(path), str(copy)])
        head = subprocess.run(
            ["git", "-C", str(copy), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        branch = subprocess.run(
            ["git", "-C", str(copy), "symbolic-ref", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        old = commits_back(copy, 100)
        row["new_commits"] = int(
            subprocess.run(
                ["git", "-C", str(copy), "rev-list", "--count", head, f"^{old}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        rescan = lambda: [INHOUSE, "--db", holder["db"], "scan", str(copy), *extra]  # noqa: E731

        def scanned_at_old() -> None:
            new_workspace(copy)
            run_quiet(["git", "-C", str(copy), "update-ref", branch, old])
            run_quiet(rescan())
            run_quiet(["git", "-C", str(copy), "update-ref", branch, head])

        row["rescan_new"] = best_of(rescan, repeat, before=scanned_at_old)
        row["rescan_new_cpu"] = _cpu(rescan())
        row["rescan_same"] = best_of(rescan, repeat)
        row["rescan_same_cpu"] = _cpu(rescan())
    return row


def print_whole(name: str, row: dict[str, float]) -> None:
    model = os.environ.get("INHOUSE_KNOWLEDGE_MODEL", "avelino2016")
    reviews = f", {int(row['reviews'])} imported pull requests per workspace" if row.get("reviews") else ""
    print(f"\n{name}, whole processes (best of the runs; CPU seconds, git included, in brackets):")
    print(f"  knowledge model {model}{reviews}")
    print(
        f"  inhouse --version {row['inhouse_version']:6.2f} s ({row['inhouse_version_cpu']:.2f})  "
        f"python -c pass {row['python_pass']:5.2f} s  git --version {row['git_version']:5.2f} s  (target <= 0.3 s)"
    )
    for key, baseline, target in (
        ("quick", "git log --name-status", "<= 1.5"),
        ("full", "git log --numstat/--raw", ""),
    ):
        print(
            f"  inhouse scan{' --quick' if key == 'quick' else '        '} {row[f'scan_{key}']:6.2f} s "
            f"({row[f'scan_{key}_cpu']:.2f})  {baseline:22} {row[f'git_{key}']:6.2f} s ({row[f'git_{key}_cpu']:.2f})  "
            f"ratio {row[f'ratio_{key}']:.2f}, CPU {row[f'scan_{key}_cpu'] / row[f'git_{key}_cpu']:.2f}"
            + (f" (target {target})" if target else "")
        )
    print(
        f"  rescan after {row['new_commits']} new commits {row['rescan_new']:5.2f} s ({row['rescan_new_cpu']:.2f}); "
        f"with no new commit {row['rescan_same']:5.2f} s ({row['rescan_same_cpu']:.2f})  (targets <= 1.0 s)"
    )


def incremental(path: Path, gen: synth_repo.Generator, last: int) -> float:
    """A rescan after 100 new commits, reading and writing the state as the store does."""
    from inhouse.store.knowledge import pack, unpack

    first = scan_repository(path, ScanOptions()).state
    assert first is not None
    stored = pack(first)
    synth_repo.extend(path, gen, last, 100)
    holder: dict[str, Any] = {}

    def rescan() -> None:
        outcome = scan_repository(path, ScanOptions(), previous=unpack(stored))
        assert outcome.state is not None
        holder["report"], holder["blob"] = outcome.report, pack(outcome.state)

    seconds = timed(rescan)
    assert holder["report"].incremental and holder["report"].scanned_commits >= 100
    print(f"  (stored state: {len(stored) / 1e6:.1f} MB compressed)")
    return seconds


def peers(path: Path) -> dict[str, float | str]:
    """Seconds per peer on ``path`` (or why it was skipped)."""
    out: dict[str, float | str] = {"inhouse": timed(lambda: scan_repository(path, ScanOptions()))}
    out["inhouse --quick"] = timed(lambda: scan_repository(path, ScanOptions(quick=True)))
    if importlib.util.find_spec("pydriller"):

        def drill() -> None:
            from pydriller import Repository

            for commit in Repository(str(path)).traverse_commits():
                for change in commit.modified_files:
                    change.added_lines, change.deleted_lines  # noqa: B018  the numstat

        out["PyDriller"] = timed(drill)
    else:
        out["PyDriller"] = "not installed"
    if importlib.util.find_spec("gitfame"):
        out["git-fame"] = timed(
            lambda: subprocess.run(
                [sys.executable, "-m", "gitfame", "-s", "--format=json", str(path)],
                stdout=subprocess.DEVNULL,
                check=True,
            )
        )
    else:
        out["git-fame"] = "not installed"
    if importlib.util.find_spec("truckfactor"):
        out["truckfactor"] = timed(
            lambda: subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from truckfactor.compute import main; main(sys.argv[1], ouputkind='csv')",
                    str(path),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
        )
    else:
        out["truckfactor"] = "not installed"
    if importlib.util.find_spec("pygit2"):
        out["pygit2 walk (numstat)"] = timed(lambda: _pygit2_walk(path))
    return out


def _pygit2_walk(path: Path) -> None:
    """What mining with pygit2 would cost: every commit's diff with renames and line stats."""
    import pygit2

    repo = pygit2.Repository(str(path))
    for commit in repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL):
        if len(commit.parents) > 1:
            continue
        diff = repo.diff(commit.parents[0], commit) if commit.parents else commit.tree.diff_to_tree(swap=True)
        diff.find_similar()
        for patch in diff:
            patch.line_stats  # noqa: B018


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark inhouse's git scan against git and peers.")
    parser.add_argument("repos", nargs="*", type=Path, help="real repositories to measure too")
    parser.add_argument("--commits", type=int, default=100_000, help="synthetic history size")
    parser.add_argument("--peer-commits", type=int, default=2_000, help="history size for peers")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    parser.add_argument(
        "--whole",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure whole inhouse processes too (default: yes)",
    )
    parser.add_argument("--only-whole", action="store_true", help="measure whole processes only")
    parser.add_argument(
        "--reviews",
        type=int,
        default=0,
        metavar="N",
        help="whole processes: each workspace an engagement with the repository linked and N imported "
        "pull requests, two reviews each (run with INHOUSE_KNOWLEDGE_MODEL=recency to credit them)",
    )
    parser.add_argument("--partner-domain", action="append", default=[], help="whole processes: passed to every scan")
    parser.add_argument(
        "--synthetic",
        type=Path,
        help="with --only-whole: keep the synthetic history in this folder, generated there when it is missing",
    )
    args = parser.parse_args(argv)
    if args.synthetic and not args.only_whole:
        parser.error("--synthetic needs --only-whole (the other measurements add commits to the history)")
    results: dict[str, object] = {
        "cpus": os.cpu_count(),
        "git": subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip(),
    }
    with tempfile.TemporaryDirectory(prefix="inhouse-bench-") as tmp:
        synth = args.synthetic or Path(tmp) / "synth"
        if args.synthetic and (synth / ".git").is_dir():
            print(f"reusing the synthetic history in {synth}", flush=True)
        else:
            start = time.perf_counter()
            gen = synth_repo.create(synth, args.commits)
            last = gen.mark - 1
            print(f"generated {args.commits} commits in {time.perf_counter() - start:.1f} s", flush=True)
        names = {f"synthetic {args.commits // 1000}k": synth, **{str(repo): repo for repo in args.repos}}
        if args.whole or args.only_whole:
            scan_args = tuple(f"--partner-domain={d}" for d in args.partner_domain)
            whole = {name: whole_process(where, args.repeat, args.reviews, scan_args) for name, where in names.items()}
            for name, row in whole.items():
                print_whole(name, row)
            results["whole_process"] = whole
            if args.only_whole:
                if args.json:
                    print(json.dumps(results, indent=2))
                return 0
        rows = {name: measure(where, args.repeat) for name, where in names.items()}
        for name, row in rows.items():
            print(f"\n{name}: {row['commits']} commits")
            print(
                f"  full scan   {row['scan_full']:7.2f} s  git log --numstat     "
                f"{row['git_numstat']:7.2f} s  ratio {row['ratio_full']:.2f} (target <= 1.3)"
            )
            print(
                f"  quick scan  {row['scan_quick']:7.2f} s  git log --name-status "
                f"{row['git_name_status']:7.2f} s  ratio {row['ratio_quick']:.2f} (target <= 1.5)"
            )
        results["repos"] = rows
        memory = peak_memory_mb(synth)
        print(f"\npeak memory, full scan of {args.commits} commits: {memory:.0f} MB (target <= 500 MB)")
        seconds = incremental(synth, gen, last)
        print(f"incremental rescan after 100 new commits: {seconds:.2f} s (target <= 1 s)")
        results.update(peak_memory_mb=memory, incremental_s=seconds)
        if not args.no_peers:
            small = Path(tmp) / "small"
            synth_repo.create(small, args.peer_commits, seed=11)
            found = peers(small)
            base = found["inhouse"]
            assert isinstance(base, float)
            print(f"\npeers on a synthetic history of {args.peer_commits} commits:")
            for name, value in found.items():
                if isinstance(value, str):
                    print(f"  {name:24} {value}")
                else:
                    print(f"  {name:24} {value:8.2f} s  x{value / base:.1f} inhouse's full scan")
            results["peers"] = found
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
