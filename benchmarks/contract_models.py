"""The contract models against the rules: document-grouped 5-fold cross-validation.

For each red flag and clause kind, and each of rules only (the reviewer's verdicts, via
``review_contract(learned=False)``), model only, rules OR model, model-gated rules (the model says the
contract speaks about it, the rules must have seen something; explicit rules hold alone) and the
mode chosen inside each fold (as ``make models`` chooses it, on the fold's training documents only): precision, recall and F1 at document level (a
contract holds the decision when one sentence scores at or above the threshold), with bootstrap 95%
intervals (documents resampled). The groups are the frozen-split groups (parts of one exhibit
together); no sentence of a test contract is in training; each fold's thresholds are chosen by an
inner grouped 3-fold cross-validation of its training documents only.

``--final`` scores the frozen test split once, with the shipped weights and modes.

    python benchmarks/contract_models.py [--shared PATH] [--json OUT] [--final]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from inhouse.analysis.contracts.model import load  # noqa: E402
from inhouse.analysis.contracts.model.data import CUAD_CATEGORIES, FLAGS, documents, shared_dir  # noqa: E402
from inhouse.analysis.contracts.model.train import (  # noqa: E402
    FOLDS,
    choose,
    document_score,
    f1,
    fit,
    folds,
    matrices,
    predict,
    rules_verdicts,
)
from inhouse.analysis.contracts.model.train import row as make_row  # noqa: E402

MODES = ("rules", "model", "rules_or_model", "model_gated", "chosen")
RESAMPLES = 1000


def bootstrap(pairs: list[tuple[bool, bool]], seed: int = 15) -> dict:
    precision, recall, f = f1(pairs)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": []}
    for _ in range(RESAMPLES):
        drawn = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        p, r, x = f1(drawn)
        samples["precision"].append(p)
        samples["recall"].append(r)
        samples["f1"].append(x)
    out: dict = {
        "precision": precision,
        "recall": recall,
        "f1": f,
        "documents": len(pairs),
        "positives": sum(g for _, g in pairs),
    }
    for key, values in samples.items():
        values.sort()
        out[key + "_ci"] = [values[int(0.025 * RESAMPLES)], values[int(0.975 * RESAMPLES) - 1]]
    return out


def cross_validate(shared: Path | None) -> dict:
    docs = documents(shared)
    print(f"{len(docs)} documents ({sum(d.source == 'cuad' for d in docs)} CUAD dev, frozen split excluded)")
    X = matrices(docs)
    started = time.perf_counter()
    rules = rules_verdicts(docs, print)
    print(f"  rules read in {time.perf_counter() - started:.0f} s")
    assignment = folds(docs)
    predictions: dict[str, dict[str, list[tuple[bool, bool]]]] = {d: {m: [] for m in MODES} for d in CUAD_CATEGORIES}
    picked: dict[str, list[str]] = {d: [] for d in CUAD_CATEGORIES}
    for fold in range(FOLDS):
        train = [d for d, f in zip(docs, assignment, strict=True) if f != fold]
        test = [d for d, f in zip(docs, assignment, strict=True) if f == fold]
        for decision in CUAD_CATEGORIES:
            chosen = choose(decision, train, X, rules, k=3)
            picked[decision].append(chosen.mode)
            model = fit(decision, train, X)
            for d in test:
                if decision not in d.gold:
                    continue
                r = make_row(decision, document_score(model, X[d.name]), rules[d.name], d.gold[decision])
                for mode in MODES[:-1]:
                    predictions[decision][mode].append((predict(mode, r, chosen.thresholds[mode]), r[4]))
                predictions[decision]["chosen"].append((predict(chosen.mode, r, chosen.threshold), r[4]))
        print(f"  fold {fold + 1} of {FOLDS} done ({len(test)} test documents)")
    out: dict = {}
    for decision, by_mode in predictions.items():
        if by_mode["rules"]:
            out[decision] = {m: bootstrap(p) for m, p in by_mode.items()}
            out[decision]["chosen"]["mode"] = "/".join(picked[decision])
    return out


def final(shared: Path) -> dict:
    """The frozen test split, once: rules, the shipped model at its threshold, and the shipped
    choice (rules, model or rules OR model, as the reviewer uses it)."""
    docs = documents(shared, frozen=True)
    print(f"FINAL: the frozen test split, {len(docs)} CUAD contracts, shipped weights")
    X = matrices(docs)
    rules = rules_verdicts(docs)
    modes = ("rules", "model", "shipped")
    predictions: dict[str, dict[str, list[tuple[bool, bool]]]] = {d: {m: [] for m in modes} for d in CUAD_CATEGORIES}
    for decision in CUAD_CATEGORIES:
        model = load(decision)
        for d in docs:
            if decision not in d.gold:
                continue
            score, rule, gold = document_score(model, X[d.name]), rules[d.name][decision], d.gold[decision]
            hit = score >= model.threshold
            shipped = predict(model.combine, make_row(decision, score, rules[d.name], gold), model.threshold)
            predictions[decision]["rules"].append((rule, gold))
            predictions[decision]["model"].append((hit, gold))
            predictions[decision]["shipped"].append((shipped, gold))
    out: dict = {}
    for decision, by_mode in predictions.items():
        if by_mode["rules"]:
            out[decision] = {m: bootstrap(p) for m, p in by_mode.items()}
            out[decision]["shipped"]["mode"] = load(decision).combine
    return out


def table(figures: dict) -> None:
    print(
        f"{'decision':34s} {'mode':15s} {'docs':>4s} {'pos':>4s}  precision [95% CI]   recall [95% CI]      F1 [95% CI]"
    )
    for decision, by_mode in figures.items():
        kind = "flag" if decision in FLAGS else "clause"
        for number, (mode, row) in enumerate(by_mode.items()):
            cells = "  ".join(
                f"{row[k]:.2f} [{row[k + '_ci'][0]:.2f}-{row[k + '_ci'][1]:.2f}]" for k in ("precision", "recall", "f1")
            )
            label = f"{decision} ({kind})" if number == 0 else ""
            name = f"{mode} ({row['mode']})" if "mode" in row else mode
            print(f"{label:34s} {name:15s} {row['documents']:4d} {row['positives']:4d}  {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared when present)")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--final", action="store_true", help="score the frozen test split once (shipped weights)")
    args = parser.parse_args()
    shared = shared_dir(args.shared)
    if args.final:
        if shared is None:
            print("the frozen split is CUAD contracts: ../shared is needed")
            return 2
        figures = final(shared)
    else:
        if shared is None:
            print("shared data not found: cross-validating on the written contracts only")
        figures = cross_validate(shared)
    table(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
