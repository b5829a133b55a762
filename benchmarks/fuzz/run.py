"""Fuzz every reader and importer in process: mutate the seed corpus for a bounded time.

    python benchmarks/fuzz/run.py [--seconds 600] [--seed 12] [--inputs N] [--readers document,adr]
                                  [--budget 20] [--memory-mb 3072] [--save tests/fuzz/regressions | --no-save]

Inputs go round-robin over the readers (``targets.TARGETS``); input ``i`` is a mutation of one of
the reader's seeds drawn with ``random.Random(seed * 1_000_003 + i)``, so a seed and an input count
replay exactly. Each input runs under a wall-clock guard (``--budget``, the per-document budget of
the settings by default: SIGALRM, which interrupts Python code; a C loop is interrupted when it
returns) and an address-space limit (``--memory-mb``; 0 turns it off). The documented errors for
bad input, AnalyzerError and InvalidInput, are expected; anything else (another exception, the
budget running out, MemoryError) is a crash: the input is saved as ``<reader>-<sha1>.<ext>`` (the
first three of each distinct crash site) and the traceback's last line is printed. At the end:
inputs per reader, crashes, the slowest input and the peak memory (``ru_maxrss``). Exit 1 when
anything crashed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import resource
import signal
import sys
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from types import FrameType

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT / "src"), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from benchmarks.fuzz.corpus import seeds  # noqa: E402
from benchmarks.fuzz.mutate import mutate  # noqa: E402
from benchmarks.fuzz.targets import EXPECTED, TARGETS, Target  # noqa: E402

REGRESSIONS = ROOT / "tests" / "fuzz" / "regressions"
SAVED_PER_SITE = 3
SLOWEST = 5


class InputTimeout(BaseException):  # a BaseException, so a reader's `except Exception` cannot swallow it
    """The per-input wall-clock guard ran out."""


@dataclass
class Crash:
    reader: str
    seed: str
    index: int
    kind: str  # the exception type
    line: str  # the traceback's last line
    site: str  # innermost frame: file:line in function
    seconds: float
    saved: str = ""


@dataclass
class Report:
    seed: int
    seconds: float = 0.0
    tried: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    crashes: list[Crash] = field(default_factory=list)
    slowest: list[dict[str, object]] = field(default_factory=list)  # the five slowest, slowest first
    peak_mb: float = 0.0
    budget: float = 0.0
    slow: list[dict[str, object]] = field(default_factory=list)  # read in time, but over the slow threshold
    peak_input: dict[str, object] = field(default_factory=dict)  # the input during which the peak grew most

    @property
    def inputs(self) -> int:
        return sum(self.tried.values())

    def sites(self) -> Counter[str]:
        return Counter(f"{crash.kind} at {crash.site}" for crash in self.crashes)


def peak_mb() -> float:
    """The process's peak resident memory so far (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def guard(seconds: float) -> Iterator[None]:
    """Raise InputTimeout in the running code after ``seconds`` of wall-clock time."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise InputTimeout(f"over the {seconds:g} s budget")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory(megabytes: int) -> None:
    """Cap the address space, so a memory bomb ends as MemoryError (a crash) rather than swapping."""
    if megabytes <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def regression_name(reader: str, data: bytes, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix or "." + filename.lstrip(".")
    return f"{reader}-{hashlib.sha1(data).hexdigest()}{suffix.lower()}"


def reader_of(path: Path) -> Target:
    """The target a regression file belongs to, from its name."""
    return TARGETS[path.name.split("-", 1)[0]]


def _site(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    ours = [f for f in frames if "/inhouse/" in f.filename] or frames
    frame = frames[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
    if ours[-1] is not frame:
        where += f" (from {Path(ours[-1].filename).name}:{ours[-1].lineno})"
    return where


def run_one(target: Target, data: bytes, filename: str, budget: float) -> tuple[str, BaseException | None]:
    """Feed one input: ``("read", None)``, ``("expected", error)`` or ``("crash", exception)``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with guard(budget):
                target.feed(data, filename)
    except EXPECTED as exc:
        return "expected", exc
    except (Exception, InputTimeout, RecursionError, MemoryError) as exc:  # that is the finding
        return "crash", exc
    return "read", None


def inputs(seed: int, readers: list[Target], corpus: dict[str, bytes]) -> Iterator[tuple[int, Target, str, bytes]]:
    """``(index, reader, seed file, mutated bytes)``, forever, deterministically."""
    picks = {target.name: target.seeds(corpus) for target in readers}
    index = 0
    while True:
        target = readers[index % len(readers)]
        rng = random.Random(seed * 1_000_003 + index)
        names = picks[target.name]
        name = rng.choice(names)
        others = [corpus[n] for n in names]
        yield index, target, name, mutate(rng, corpus[name], others)
        index += 1


def fuzz(
    *,
    seconds: float,
    seed: int,
    max_inputs: int = 0,
    readers: list[str] | None = None,
    budget: float = 20.0,
    slow: float = 0.0,
    save: Path | None = REGRESSIONS,
    echo: bool = True,
) -> Report:
    chosen = [TARGETS[name] for name in readers] if readers else list(TARGETS.values())
    corpus = seeds()
    report = Report(seed=seed, budget=budget)
    report.tried = {target.name: 0 for target in chosen}
    report.expected = {target.name: 0 for target in chosen}
    saved: Counter[str] = Counter()
    started = time.monotonic()
    for index, target, name, data in inputs(seed, chosen, corpus):
        if (max_inputs and index >= max_inputs) or time.monotonic() - started >= seconds:
            break
        before = peak_mb()
        began = time.perf_counter()
        outcome, exc = run_one(target, data, name, budget)
        took = time.perf_counter() - began
        grew = peak_mb() - before
        if grew > float(report.peak_input.get("grew_mb", 0.0)):  # type: ignore[arg-type]
            report.peak_input = {
                "reader": target.name,
                "seed": name,
                "index": index,
                "bytes": len(data),
                "grew_mb": grew,
            }
        report.tried[target.name] += 1
        report.expected[target.name] += outcome == "expected"
        if len(report.slowest) < SLOWEST or took > float(report.slowest[-1]["seconds"]):  # type: ignore[arg-type]
            entry = {"reader": target.name, "seed": name, "index": index, "bytes": len(data), "seconds": took}
            report.slowest = sorted([*report.slowest, entry], key=lambda e: -float(e["seconds"]))[:SLOWEST]  # type: ignore[arg-type]
        if outcome != "crash" and slow and took >= slow:
            entry = {"reader": target.name, "seed": name, "index": index, "bytes": len(data), "seconds": took}
            if save is not None and sum(1 for e in report.slow if e["reader"] == target.name) < SAVED_PER_SITE:
                (save / "slow").mkdir(parents=True, exist_ok=True)
                path = save / "slow" / regression_name(target.name, data, name)
                path.write_bytes(data)
                entry["saved"] = str(path)
            report.slow.append(entry)
            if echo:
                print(f"slow: {target.name} (input {index}, from {name}, {len(data)} bytes) took {took:.2f} s")
        if outcome != "crash" or exc is None:
            continue
        line = traceback.format_exception_only(type(exc), exc)[-1].strip()[:300]
        crash = Crash(target.name, name, index, type(exc).__name__, line, _site(exc), took)
        site = f"{crash.kind} at {crash.site}"
        if save is not None and saved[site] < SAVED_PER_SITE:
            saved[site] += 1
            save.mkdir(parents=True, exist_ok=True)
            path = save / regression_name(target.name, data, name)
            path.write_bytes(data)
            crash.saved = str(path)
        report.crashes.append(crash)
        if echo:
            print(f"crash #{len(report.crashes)} {target.name} (input {index}, from {name}): {line}  [{crash.site}]")
            sys.stdout.flush()
    report.seconds = time.monotonic() - started
    report.peak_mb = peak_mb()
    return report


def summary(report: Report) -> str:
    rows = [f"fuzz: seed {report.seed}, {report.seconds:.0f} s, {report.inputs} inputs, budget {report.budget:g} s"]
    for name, count in report.tried.items():
        crashed = sum(1 for crash in report.crashes if crash.reader == name)
        rows.append(f"  {name:<9} {count:>7} inputs  {report.expected[name]:>7} expected errors  {crashed:>4} crashes")
    rows.append(f"crashes: {len(report.crashes)} at {len(report.sites())} sites")
    for site, count in report.sites().most_common():
        example = next(c for c in report.crashes if f"{c.kind} at {c.site}" == site)
        rows.append(f"  {count:>5} x {site}: {example.line}")
    saved = sorted({Path(c.saved).name for c in report.crashes if c.saved})
    if saved:
        rows.append(f"saved {len(saved)} inputs: " + ", ".join(saved))
    for rank, s in enumerate(report.slowest):
        rows.append(
            f"{'slowest' if rank == 0 else '   then'}: {float(s['seconds']):.2f} s, {s['reader']} input {s['index']} "  # type: ignore[arg-type]
            f"(from {s['seed']}, {s['bytes']} bytes)"
        )
    if report.slow:
        rows.append(f"slow (read in time but over the slow threshold): {len(report.slow)} inputs")
    rows.append(f"peak memory: {report.peak_mb:.0f} MiB (ru_maxrss)")
    if report.peak_input:
        p = report.peak_input
        rows.append(
            f"  grown most by {p['reader']} input {p['index']} (from {p['seed']}, {p['bytes']} bytes): "
            f"+{float(p['grew_mb']):.0f} MiB"  # type: ignore[arg-type]
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    from inhouse.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="how long to run (default 600)")
    parser.add_argument("--seed", type=int, default=12, help="the run's seed (default 12)")
    parser.add_argument("--inputs", type=int, default=0, help="stop after this many inputs (default: no limit)")
    parser.add_argument("--readers", default="", help=f"comma-separated, of: {', '.join(TARGETS)} (default all)")
    parser.add_argument("--budget", type=float, default=0.0, help="seconds per input (default: document_seconds)")
    parser.add_argument("--slow", type=float, default=0.0, help="save inputs slower than this (default budget/4)")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address-space limit in MiB (0: none)")
    parser.add_argument("--save", type=Path, default=REGRESSIONS, help="where crashing inputs go")
    parser.add_argument("--no-save", action="store_true", help="do not save crashing inputs")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = parser.parse_args(argv)
    readers = [name.strip() for name in args.readers.split(",") if name.strip()]
    unknown = [name for name in readers if name not in TARGETS]
    if unknown:
        parser.error(f"unknown reader {unknown[0]!r}: expected one of {', '.join(TARGETS)}")
    budget = args.budget or Settings(_env_file=None).document_seconds  # type: ignore[call-arg]
    limit_memory(args.memory_mb)
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its notes on damaged files are noise here
    report = fuzz(
        seconds=args.seconds,
        seed=args.seed,
        max_inputs=args.inputs,
        readers=readers or None,
        budget=budget,
        slow=args.slow or budget / 4,
        save=None if args.no_save else args.save,
    )
    print(summary(report))
    if args.json:
        data = asdict(report) | {"inputs": report.inputs, "sites": dict(report.sites())}
        args.json.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return 1 if report.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
