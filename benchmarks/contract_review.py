"""Contract review benchmark: CUAD clause spans, CUAD whole contracts, our labelled
contracts, and speed. Reads ../shared (or $INHOUSE_SHARED) only when it is present.

The CUAD dev contracts (and their spans) are split deterministically into a development half
and a validation half (see ``split_halves``); every CUAD figure is printed for both halves and for all
contracts. Round 1 read errors on the development half only (its validation figures, kept in
docs/contracts.md, are the last honest held-out estimate); round 2 read both halves, so both are in-sample
now and only the hidden holdout measures unseen contracts.

It also scores the written contracts (``contracts/written``), the held-out ones of round 3
(``contracts/heldout``) and the blind batches of round 4 (``contracts/round4``), round 5
(``contracts/round5``), round 6 (``contracts/round6``) and round 7 (``contracts/round7``), each labelled before the reviewer was first run on it, against their GUIDELINES-format labels, with the shipped reviewer
(rules and models) and with the rules alone.

    python benchmarks/contract_review.py [--shared PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from inhouse.analysis.contracts import check_contract, review_contract  # noqa: E402
from inhouse.analysis.contracts.context import Context  # noqa: E402
from inhouse.analysis.contracts.detectors.flags import FLAG_DETECTORS, TerminationForConvenience  # noqa: E402
from inhouse.analysis.contracts.review import DETECTORS  # noqa: E402
from inhouse.analysis.documents import read_document  # noqa: E402
from inhouse.analysis.documents.pdf_writer import write_text_pdf  # noqa: E402

# Clause kind -> CUAD categories whose spans it should recognise (recall), after the
# mapping in cuad-clauses/README.md. Knowledge transfer has no CUAD category.
RECALL_CATEGORIES = {
    "deliverable_ownership": ["IP Ownership Assignment", "Joint IP Ownership", "License Grant"],
    "source_access": ["Source Code Escrow"],
    "maintenance": ["Warranty Duration"],
    "exit": ["Termination for Convenience", "Post-Termination Services"],
}
RELATED = {  # README "related" or overlapping categories: neither recall nor false positives
    "deliverable_ownership": [
        "Non-Transferable License",
        "Affiliate License-Licensor",
        "Affiliate License-Licensee",
        "Unlimited/All-You-Can-Eat-License",
        "Irrevocable or Perpetual License",
        "Covenant Not to Sue",
        "Exclusivity",
        "Source Code Escrow",
        "Post-Termination Services",
    ],
    "source_access": ["License Grant", "IP Ownership Assignment", "Post-Termination Services"],
    "maintenance": ["Post-Termination Services"],
    "exit": [
        "Change of Control",
        "Anti-Assignment",
        "Renewal Term",
        "Notice Period to Terminate Renewal",
        "Liquidated Damages",
        "Expiration Date",
    ],
}
# Clearly unrelated categories: the false-positive rate is measured on their spans.
UNRELATED = [
    "Governing Law",
    "Insurance",
    "Audit Rights",
    "Parties",
    "Agreement Date",
    "Effective Date",
    "Document Name",
    "Most Favored Nation",
    "No-Solicit of Employees",
    "Non-Disparagement",
    "Third Party Beneficiary",
    "Price Restrictions",
    "Volume Restriction",
    "Revenue/Profit Sharing",
    "Cap on Liability",
    "Uncapped Liability",
    "Minimum Commitment",
    "Rofr/Rofo/Rofn",
    "Competitive Restriction Exception",
    "No-Solicit of Customers",
    "Non-Compete",
]
DOC_FLAGS = {
    "exclusivity": "Exclusivity",
    "minimum_commitment": "Minimum Commitment",
    "auto_renewal": "Renewal Term",
    "termination_fee": "Liquidated Damages",
    "termination_for_convenience": "Termination for Convenience",
}
TERMS = ("hours", "free_months", "monthly_fee", "currency", "scope_defined", "ownership_conditions")


def shared_dir(cli: str | None) -> Path | None:
    for candidate in (cli, os.environ.get("INHOUSE_SHARED"), HERE.parent.parent / "shared"):
        if candidate and Path(candidate, "data").is_dir():
            return Path(candidate)
    return None


HALVES = ("development", "validation", "all")


def _group_key(contract: str) -> str:
    """Parts of one EDGAR filing (same company, date and form: "...Agreement1", "...Agreement2",
    amendments) share the part of the id before the exhibit number."""
    return re.split(r"[-_ ]EX-", contract, maxsplit=1)[0].strip().lower()


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + 8]).encode("utf-8"), digest_size=8).digest(), "big")
        for i in range(max(1, len(words) - 7))
    }


def split_halves(labels: list[dict], base: Path) -> dict[str, str]:
    """contract id -> "development" | "validation", deterministic: a group of related contracts
    (same filing, or near-duplicate texts: >= 60% of the smaller one's word 8-grams shared) takes
    the half of the SHA-256 of its first member's group key (even first hex digit: development).
    Round 1 read errors on the development half only; round 2 read both (see docs/contracts.md)."""
    parent = {label["contract"]: label["contract"] for label in labels}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_key: dict[str, str] = {}
    for label in labels:
        key = _group_key(label["contract"])
        union(label["contract"], by_key.setdefault(key, label["contract"]))
    shingles = {label["contract"]: _shingles((base / label["file"]).read_text(encoding="utf-8")) for label in labels}
    owners: dict[int, list[str]] = defaultdict(list)
    for contract, grams in shingles.items():
        for gram in grams:
            owners[gram].append(contract)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for members in owners.values():
        if 1 < len(members) < 6:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    shared[(a, b)] += 1
    for (a, b), count in shared.items():
        if count >= 0.6 * min(len(shingles[a]), len(shingles[b])):
            union(a, b)
    halves = {}
    for contract in parent:
        root = find(contract)
        digit = int(hashlib.sha256(_group_key(root).encode("utf-8")).hexdigest()[0], 16)
        halves[contract] = "development" if digit % 2 == 0 else "validation"
    return halves


def _in_half(half: str, contract: str, halves: dict[str, str]) -> bool:
    return half == "all" or halves.get(contract) == half


def cuad_clauses(shared: Path, halves: dict[str, str]) -> dict:
    records = [json.loads(line) for line in open(shared / "data/cuad-clauses/dev.jsonl", encoding="utf-8")]
    relevant = {kind: [DETECTORS[kind].is_relevant(r["text"]) for r in records] for kind in RECALL_CATEGORIES}
    return {
        half: _clause_rates(records, relevant, [_in_half(half, r["contract"], halves) for r in records])
        for half in HALVES
    }


def _clause_rates(records: list[dict], relevant: dict[str, list[bool]], keep: list[bool]) -> dict:
    out = {}
    for kind, categories in RECALL_CATEGORIES.items():
        hits = total = false = negatives = false_all = others = 0
        per_category = {}
        for category in categories:
            found = [relevant[kind][i] for i, r in enumerate(records) if keep[i] and r["category"] == category]
            per_category[category] = round(sum(found) / max(len(found), 1), 3)
            hits, total = hits + sum(found), total + len(found)
        for i, record in enumerate(records):
            if not keep[i]:
                continue
            if record["category"] in UNRELATED:
                negatives += 1
                false += relevant[kind][i]
            if record["category"] not in categories + RELATED[kind]:
                others += 1
                false_all += relevant[kind][i]
        out[kind] = {
            "recall": round(hits / max(total, 1), 3),
            "recall_by_category": per_category,
            "spans": total,
            "fpr_unrelated": round(false / max(negatives, 1), 3),
            "unrelated_spans": negatives,
            "fpr_all_other": round(false_all / max(others, 1), 3),
        }
    return out


def cuad_contracts(shared: Path, halves: dict[str, str]) -> dict:
    base = shared / "data/cuad-contracts"
    labels = [json.loads(line) for line in open(base / "dev_labels.jsonl", encoding="utf-8")]
    detectors = {d.kind: d for d in FLAG_DETECTORS}
    detectors["termination_for_convenience"] = TerminationForConvenience()
    counts = {half: {kind: [0, 0, 0] for kind in DOC_FLAGS} for half in HALVES}
    started = time.perf_counter()
    for label in labels:
        context = Context.build((base / label["file"]).read_text(encoding="utf-8"))
        for kind, category in DOC_FLAGS.items():
            predicted = detectors[kind].present(context)
            gold = category in label["categories"]
            for half in HALVES:
                if _in_half(half, label["contract"], halves):
                    counts[half][kind][0 if predicted and gold else 1 if predicted else 2] += predicted or gold
    elapsed = time.perf_counter() - started
    out: dict = {}
    for half in HALVES:
        out[half] = {}
        for kind, (tp, fp, fn) in counts[half].items():
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[half][kind] = {
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(f1, 3),
                "tp": tp,
                "fp": fp,
                "fn": fn,
            }
        out[half]["_contracts"] = sum(1 for label in labels if _in_half(half, label["contract"], halves))
    out["_seconds"] = round(elapsed, 2)
    return out


def _answers(review) -> dict:
    """The verdicts and terms of a review, by the labels' names."""
    c = review.clauses
    return {
        "engagement_model": review.engagement_model,
        "deliverable_ownership": c.deliverable_ownership.status,
        "knowledge_transfer": c.knowledge_transfer.status,
        "source_access": c.source_access.status,
        "maintenance": c.maintenance.status,
        "exit": c.exit.status,
        "hours": c.knowledge_transfer.hours,
        "free_months": c.maintenance.free_months,
        "monthly_fee": c.maintenance.monthly_fee,
        "currency": c.maintenance.currency,
        "scope_defined": c.maintenance.scope_defined,
        "ownership_conditions": bool(c.deliverable_ownership.conditions),
    }


def own_contracts() -> dict:
    labels = json.loads((HERE / "contracts/labels.json").read_text())
    verdicts = verdicts_ok = terms = terms_ok = 0
    flag_tp = flag_fp = flag_fn = 0
    mistakes = []
    for name, gold in sorted(labels.items()):
        _, review = check_contract((HERE / "contracts" / name).read_bytes(), name)
        got = _answers(review)
        for key in (
            "engagement_model",
            "deliverable_ownership",
            "knowledge_transfer",
            "source_access",
            "maintenance",
            "exit",
        ):
            verdicts += 1
            if got[key] == gold[key]:
                verdicts_ok += 1
            else:
                mistakes.append(f"{name}: {key} = {got[key]!r}, expected {gold[key]!r}")
        for key in TERMS:
            terms += 1
            if _same(got[key], gold[key]):
                terms_ok += 1
            else:
                mistakes.append(f"{name}: {key} = {got[key]!r}, expected {gold[key]!r}")
        flags = {flag.kind for flag in review.red_flags}
        expected = set(gold["red_flags"])
        flag_tp += len(flags & expected)
        flag_fp += len(flags - expected)
        flag_fn += len(expected - flags)
        mistakes += [f"{name}: unexpected flag {k}" for k in sorted(flags - expected)]
        mistakes += [f"{name}: missed flag {k}" for k in sorted(expected - flags)]
    return {
        "contracts": len(labels),
        "verdict_accuracy": round(verdicts_ok / verdicts, 3),
        "verdicts": verdicts,
        "term_accuracy": round(terms_ok / terms, 3),
        "terms": terms,
        "red_flag_precision": round(flag_tp / max(flag_tp + flag_fp, 1), 3),
        "red_flag_recall": round(flag_tp / max(flag_tp + flag_fn, 1), 3),
        "mistakes": mistakes,
    }


def labelled_folder(folder: Path, *, learned: bool = True) -> dict:
    """Verdicts, terms and red flags of a folder of contracts labelled as ``cuad/GUIDELINES.md`` says
    (``labels_*.jsonl``): the written, held-out, round-4 and round-5 contracts. ``learned=False``: the rules alone."""
    labels = [
        json.loads(line)
        for path in sorted(folder.glob("labels_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    verdicts = verdicts_ok = terms = terms_ok = 0
    flag_tp = flag_fp = flag_fn = binds_ok = 0
    mistakes = []
    for gold in labels:
        name = gold["file"]
        text = read_document((folder / name).read_bytes(), name).text
        review = review_contract(text, name, learned=learned)
        got = _answers(review)
        want = {"engagement_model": gold["engagement_model"]}
        for clause in ("deliverable_ownership", "knowledge_transfer", "source_access", "maintenance", "exit"):
            want[clause] = gold[clause]["verdict"]
        want["hours"] = gold["knowledge_transfer"]["hours"]
        for key in ("free_months", "monthly_fee", "currency", "scope_defined"):
            want[key] = gold["maintenance"][key]
        want["ownership_conditions"] = gold["deliverable_ownership"]["conditions"]
        for key, expected in want.items():
            is_term = key in TERMS
            ok = _same(got[key], expected)
            if is_term:
                terms, terms_ok = terms + 1, terms_ok + ok
            else:
                verdicts, verdicts_ok = verdicts + 1, verdicts_ok + ok
            if not ok:
                mistakes.append(f"{name}: {key} = {got[key]!r}, expected {expected!r}")
        flags = {flag.kind: flag.binds for flag in review.red_flags}
        expected_flags = {flag["kind"]: flag["binds"] for flag in gold["red_flags"]}
        flag_tp += len(flags.keys() & expected_flags.keys())
        flag_fp += len(flags.keys() - expected_flags.keys())
        flag_fn += len(expected_flags.keys() - flags.keys())
        binds_ok += sum(flags[k] == expected_flags[k] for k in flags.keys() & expected_flags.keys())
        mistakes += [f"{name}: unexpected flag {k}" for k in sorted(flags.keys() - expected_flags.keys())]
        mistakes += [f"{name}: missed flag {k}" for k in sorted(expected_flags.keys() - flags.keys())]
        mistakes += [
            f"{name}: flag {k} binds {flags[k]!r}, expected {expected_flags[k]!r}"
            for k in sorted(flags.keys() & expected_flags.keys())
            if flags[k] != expected_flags[k]
        ]
    return {
        "contracts": len(labels),
        "verdict_accuracy": round(verdicts_ok / max(verdicts, 1), 3),
        "verdicts": verdicts,
        "term_accuracy": round(terms_ok / max(terms, 1), 3),
        "terms": terms,
        "red_flag_precision": round(flag_tp / max(flag_tp + flag_fp, 1), 3),
        "red_flag_recall": round(flag_tp / max(flag_tp + flag_fn, 1), 3),
        "red_flag_binds_accuracy": round(binds_ok / max(flag_tp, 1), 3),
        "mistakes": mistakes,
    }


def _same(got, expected) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(got, (int, float)):
        return abs(got - expected) < 0.05 * max(1, abs(expected))
    return got == expected


def speed() -> dict:
    names = sorted(p for p in (HERE / "contracts").iterdir() if p.suffix in (".md", ".txt"))
    body = "\n\n".join(read_document(p.read_bytes(), p.name).text for p in names)
    text = body
    while len(text.split()) < 50 * 500:  # about 500 words a page
        text += "\n\n" + body
    text = " ".join(text.split(" ")[: 50 * 500])
    pages_words = len(text.split())
    runs, cpu = [], []
    for _ in range(3):
        started, started_cpu = time.perf_counter(), time.process_time()
        review_contract(text, "fifty-pages.txt")
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    pdf = write_text_pdf(text)
    started = time.perf_counter()
    extracted = read_document(pdf, "fifty-pages.pdf")
    pdf_seconds = time.perf_counter() - started
    return {
        "words": pages_words,
        "pages_at_500_words": round(pages_words / 500),
        "review_seconds_median": round(statistics.median(runs), 3),
        "review_cpu_seconds_median": round(statistics.median(cpu), 3),
        "pdf_pages": extracted.pages,
        "pdf_extraction_seconds": round(pdf_seconds, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="path to the shared folder (default: ../shared or $INHOUSE_SHARED)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    report: dict = {}
    shared = shared_dir(args.shared)
    if shared:
        labels = [json.loads(line) for line in open(shared / "data/cuad-contracts/dev_labels.jsonl", encoding="utf-8")]
        halves = split_halves(labels, shared / "data/cuad-contracts")
        report["split"] = {half: sum(1 for h in halves.values() if h == half) for half in HALVES[:2]}
        report["cuad_clauses"] = clauses = cuad_clauses(shared, halves)
        report["cuad_contracts"] = contracts = cuad_contracts(shared, halves)
        print(
            f"CUAD dev contracts split by SHA-256 of the contract group: development {report['split']['development']}"
            f", validation {report['split']['validation']} (errors were read on both halves in round 2: all figures are in-sample)"
        )
        print("CUAD clause spans - targets: recall >= 0.90, FPR <= 0.05")
        for kind in RECALL_CATEGORIES:
            for half in HALVES:
                row = clauses[half][kind]
                print(
                    f"  {kind:22s} {half:11s} recall {row['recall']:.3f} ({row['spans']:4d} spans)  FPR(unrelated) "
                    f"{row['fpr_unrelated']:.3f}  FPR(all other) {row['fpr_all_other']:.3f}  {row['recall_by_category']}"
                )
        print("  knowledge_transfer     no CUAD category (see README mapping)")
        print("CUAD whole contracts - target: F1 >= 0.85")
        for kind in DOC_FLAGS:
            for half in HALVES:
                row = contracts[half][kind]
                print(
                    f"  {kind:28s} {half:11s} ({contracts[half]['_contracts']:3d}) F1 {row['f1']:.3f}  "
                    f"P {row['precision']:.3f}  R {row['recall']:.3f}  (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})"
                )
    else:
        print("shared data not found: CUAD figures skipped")
    report["own_contracts"] = own = own_contracts()
    print(f"Our labelled contracts ({own['contracts']}) - targets: verdicts >= 0.90, terms >= 0.85")
    print(
        f"  verdict accuracy {own['verdict_accuracy']:.3f} ({own['verdicts']} verdicts)  "
        f"term accuracy {own['term_accuracy']:.3f} ({own['terms']} terms)  red flags P "
        f"{own['red_flag_precision']:.3f} R {own['red_flag_recall']:.3f}"
    )
    for mistake in own["mistakes"]:
        print("   -", mistake)
    for folder, title in (
        ("written", "written contracts (labels in GUIDELINES format)"),
        ("heldout", "held-out contracts (round 3)"),
        ("round4", "round-4 contracts (blind batch)"),
        ("round5", "round-5 contracts (blind batch)"),
        ("round6", "round-6 contracts (blind batch)"),
        ("round7", "round-7 contracts (blind batch, partly fixed)"),
    ):
        report[folder] = found = labelled_folder(HERE / "contracts" / folder)
        report[f"{folder}_rules"] = rules = labelled_folder(HERE / "contracts" / folder, learned=False)
        print(
            f"Our {title} ({found['contracts']}) - targets: verdicts >= 0.92, terms >= 0.90, red flags P and R >= 0.85"
        )
        for name, row in (("shipped", found), ("rules  ", rules)):
            print(
                f"  {name} verdict accuracy {row['verdict_accuracy']:.3f} ({row['verdicts']} verdicts)  "
                f"term accuracy {row['term_accuracy']:.3f} ({row['terms']} terms)  red flags P "
                f"{row['red_flag_precision']:.3f} R {row['red_flag_recall']:.3f}  binds {row['red_flag_binds_accuracy']:.3f}"
            )
        for mistake in found["mistakes"]:
            print("   -", mistake)
        for mistake in sorted(set(rules["mistakes"]) - set(found["mistakes"])):
            print("   - (rules only)", mistake)
    report["speed"] = fast = speed()
    print("Speed - target: a 50-page contract < 1 s (extraction excluded)")
    print(
        f"  {fast['words']} words (~{fast['pages_at_500_words']} pages): review {fast['review_seconds_median']:.3f} s"
        f" ({fast['review_cpu_seconds_median']:.3f} s of CPU);"
        f" PDF extraction of the same text ({fast['pdf_pages']} PDF pages): {fast['pdf_extraction_seconds']:.3f} s"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
