"""Per-signal agreement of `inhouse partner assess` with hand labels.

Usage: python benchmarks/proposal_signals.py [--dir benchmarks/proposals] [--verbose]

Reads ``labels.json`` in the directory (one object per document: file, kind, signals,
red_flags, references) and the documents in its ``docs/`` folder, assesses each one
through the same library call the CLI uses, and prints agreement per signal (target:
>= 85% each), kind accuracy, red-flag precision/recall and reference-answer accuracy.
Exits non-zero when a signal is under target.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from inhouse.analysis.proposals import assess_document
from inhouse.domain.partners import SIGNALS

TARGET = 0.85


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent / "proposals")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every disagreement with its quotes")
    args = parser.parse_args(argv)
    labels = json.loads((args.dir / "labels.json").read_text(encoding="utf-8"))

    agree = {name: 0 for name in SIGNALS}
    kinds_right = 0
    flag_tp = flag_fp = flag_fn = 0
    ref_right = ref_total = 0
    misses: list[str] = []
    started = time.perf_counter()
    for label in labels:
        path = args.dir / "docs" / label["file"]
        result = assess_document(path.read_bytes(), path.name)
        kinds_right += result.kind == label["kind"]
        for name in SIGNALS:
            got, want = result.signals[name].value, label["signals"][name]
            agree[name] += got == want
            if got != want:
                misses.append(_miss(label["file"], name, want, result.signals[name]))
        got_flags = {flag.kind for flag in result.red_flags}
        want_flags = set(label.get("red_flags", []))
        flag_tp += len(got_flags & want_flags)
        flag_fp += len(got_flags - want_flags)
        flag_fn += len(want_flags - got_flags)
        if got_flags != want_flags and args.verbose:
            misses.append(f"{label['file']}: red flags {sorted(got_flags)} != {sorted(want_flags)}")
        for want_ref, got_ref in zip(label.get("references", []), result.references):
            for key in ("similar_scale", "still_running", "client_contact_offered"):
                ref_total += 1
                ref_right += getattr(got_ref, key).value == want_ref[key]
        missing = len(label.get("references", [])) - len(result.references)
        ref_total += 3 * max(0, missing)
        if args.verbose and len(result.references) != len(label.get("references", [])):
            misses.append(f"{label['file']}: {len(result.references)} references found, "
                          f"{len(label.get('references', []))} labelled")
    elapsed = time.perf_counter() - started

    n = len(labels)
    print(f"{n} documents from {args.dir} assessed in {elapsed:.2f}s")
    print(f"{'signal':<16}{'agreement':>10}{'target':>8}")
    ok = True
    for name in SIGNALS:
        share = agree[name] / n
        ok &= share >= TARGET
        print(f"{name:<16}{agree[name]:>4}/{n:<3} {share:>5.0%}{TARGET:>7.0%}  {'ok' if share >= TARGET else 'UNDER TARGET'}")
    print(f"{'kind':<16}{kinds_right:>4}/{n:<3} {kinds_right / n:>5.0%}")
    precision = flag_tp / (flag_tp + flag_fp) if flag_tp + flag_fp else 1.0
    recall = flag_tp / (flag_tp + flag_fn) if flag_tp + flag_fn else 1.0
    print(f"red flags       precision {precision:.0%}, recall {recall:.0%} ({flag_tp} found, {flag_fp} extra, {flag_fn} missed)")
    if ref_total:
        print(f"references      {ref_right}/{ref_total} answers right ({ref_right / ref_total:.0%})")
    if args.verbose and misses:
        print("\ndisagreements:")
        for miss in misses:
            print(miss)
    return 0 if ok else 1


def _miss(file: str, name: str, want: bool, got) -> str:
    lines = [f"{file}: {name} labelled {want}, got {got.value} ({got.confidence:.2f})"]
    lines += [f"    + {quote}" for quote in got.evidence]
    lines += [f"    - {quote}" for quote in got.counter_evidence]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
