"""Per-signal agreement of `inhouse partner assess` with hand labels.

Usage: python benchmarks/proposal_signals.py [DIR ...] [--all] [--verbose]

Each DIR holds ``labels.json`` (one object per document: file, kind, signals, red_flags,
references) and the documents in its ``docs/`` folder. Several folders can be given at once;
``--all`` takes ``benchmarks/proposals`` and every labelled subfolder under it. Each document
is assessed through the same library call the CLI uses; the script prints agreement per
signal per folder and in total (target: >= 85% each), kind accuracy, red-flag precision /
recall and reference-answer accuracy. Exits non-zero when a signal is under target in total.
(``--dir DIR`` is still accepted for one folder.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from inhouse.analysis.proposals import assess_document
from inhouse.domain.partners import SIGNALS

TARGET = 0.85
ROOT = Path(__file__).parent / "proposals"


@dataclass
class Tally:
    """Agreement counts for one folder (or the total)."""

    documents: int = 0
    agree: dict[str, int] = field(default_factory=lambda: {name: 0 for name in SIGNALS})
    kinds_right: int = 0
    flag_tp: int = 0
    flag_fp: int = 0
    flag_fn: int = 0
    ref_right: int = 0
    ref_total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.documents += other.documents
        for name in SIGNALS:
            self.agree[name] += other.agree[name]
        for key in ("kinds_right", "flag_tp", "flag_fp", "flag_fn", "ref_right", "ref_total"):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.misses += other.misses

    def share(self, name: str) -> float:
        return self.agree[name] / self.documents if self.documents else 0.0


def folders(paths: list[Path], every: bool) -> list[Path]:
    """The labelled folders to run: those given, or the root and each subfolder with labels."""
    if every:
        paths = [ROOT, *sorted(p for p in ROOT.iterdir() if p.is_dir() and (p / "labels.json").exists())]
    return paths or [ROOT]


def run_folder(folder: Path, verbose: bool) -> Tally:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    tally = Tally(documents=len(labels))
    for label in labels:
        path = folder / "docs" / label["file"]
        result = assess_document(path.read_bytes(), path.name)
        tally.kinds_right += result.kind == label["kind"]
        for name in SIGNALS:
            got, want = result.signals[name].value, label["signals"][name]
            tally.agree[name] += got == want
            if got != want:
                tally.misses.append(_miss(folder, label["file"], name, want, result.signals[name]))
        got_flags = {flag.kind for flag in result.red_flags}
        want_flags = set(label.get("red_flags", []))
        tally.flag_tp += len(got_flags & want_flags)
        tally.flag_fp += len(got_flags - want_flags)
        tally.flag_fn += len(want_flags - got_flags)
        if got_flags != want_flags and verbose:
            tally.misses.append(f"{folder.name}/{label['file']}: red flags {sorted(got_flags)} != {sorted(want_flags)}")
        for number, (want_ref, got_ref) in enumerate(zip(label.get("references", []), result.references, strict=False)):
            for key in ("similar_scale", "still_running", "client_contact_offered"):
                tally.ref_total += 1
                got = getattr(got_ref, key).value
                tally.ref_right += got == want_ref[key]
                if verbose and got != want_ref[key]:
                    tally.misses.append(
                        f"{folder.name}/{label['file']}: reference {number + 1} ({got_ref.client or '?'}) "
                        f"{key} labelled {want_ref[key]}, got {got}"
                    )
        missing = len(label.get("references", [])) - len(result.references)
        tally.ref_total += 3 * max(0, missing)
        if verbose and len(result.references) != len(label.get("references", [])):
            tally.misses.append(
                f"{folder.name}/{label['file']}: {len(result.references)} references found, "
                f"{len(label.get('references', []))} labelled"
            )
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="labelled folders (default: benchmarks/proposals)")
    parser.add_argument("--dir", type=Path, action="append", default=[], help="a labelled folder (repeatable)")
    parser.add_argument("--all", action="store_true", help="benchmarks/proposals and all its labelled subfolders")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every disagreement with its quotes")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    runs = [(folder, run_folder(folder, args.verbose)) for folder in folders([*args.dirs, *args.dir], args.all)]
    total = Tally()
    for _, tally in runs:
        total.add(tally)
    elapsed = time.perf_counter() - started

    print(f"{total.documents} documents from {len(runs)} folder(s) assessed in {elapsed:.2f}s")
    width = max(len(_name(folder)) for folder, _ in runs + [(Path("total"), total)])
    print(f"{'folder':<{width}}  {'n':>4}  " + "  ".join(f"{name:>15}" for name in SIGNALS) + f"  {'kind':>6}")
    rows = runs + ([(Path("total"), total)] if len(runs) > 1 else [])
    for folder, tally in rows:
        cells = "  ".join(f"{tally.agree[name]:>4}/{tally.documents:<4}{tally.share(name):>6.0%}" for name in SIGNALS)
        kind = tally.kinds_right / tally.documents if tally.documents else 0.0
        print(f"{_name(folder):<{width}}  {tally.documents:>4}  {cells}  {kind:>6.0%}")
    ok = True
    for name in SIGNALS:
        ok &= total.share(name) >= TARGET
        status = "ok" if total.share(name) >= TARGET else "UNDER TARGET"
        print(f"{name:<16}{total.share(name):>5.0%} (target {TARGET:.0%})  {status}")
    precision = total.flag_tp / (total.flag_tp + total.flag_fp) if total.flag_tp + total.flag_fp else 1.0
    recall = total.flag_tp / (total.flag_tp + total.flag_fn) if total.flag_tp + total.flag_fn else 1.0
    print(
        f"red flags       precision {precision:.0%}, recall {recall:.0%} "
        f"({total.flag_tp} found, {total.flag_fp} extra, {total.flag_fn} missed)"
    )
    if total.ref_total:
        print(
            f"references      {total.ref_right}/{total.ref_total} answers right "
            f"({total.ref_right / total.ref_total:.0%})"
        )
    if args.verbose and total.misses:
        print("\ndisagreements:")
        for miss in total.misses:
            print(miss)
    return 0 if ok else 1


def _name(folder: Path) -> str:
    return "docs" if folder.resolve() == ROOT.resolve() else folder.name


def _miss(folder: Path, file: str, name: str, want: bool, got) -> str:
    lines = [f"{_name(folder)}/{file}: {name} labelled {want}, got {got.value} ({got.confidence:.2f})"]
    lines += [f"    + {quote}" for quote in got.evidence]
    lines += [f"    - {quote}" for quote in got.counter_evidence]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
