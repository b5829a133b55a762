"""Fit the contract models and write the shipped weights (``make models``).

    python -m inhouse.analysis.contracts.model.train [--shared PATH] [--out DIR]

For each decision: a logistic regression (stochastic gradient descent, fixed seed, one pass
order) over the hashed n-grams of the labelled sentences (:mod:`data`), pruned to its
:data:`KEEP` strongest weights; its document threshold, and whether the reviewer should use
rules, the model or rules-or-model, are chosen on document-grouped cross-validation folds of the
same (non-frozen) documents. Writes ``<decision>.json`` and ``manifest.json`` (inputs' SHA-256,
library versions, seed, each weights file's SHA-256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inhouse.analysis.contracts.learned import COMBINE_MODES, holds, ownership_view, retains_view
from inhouse.analysis.contracts.model import features
from inhouse.analysis.contracts.model.data import CUAD_CATEGORIES, Document, documents, input_checksums, shared_dir
from inhouse.analysis.contracts.model.linear import WEIGHTS_DIR, LinearModel

SEED = 15
KEEP = 6000  # weights kept per decision (the strongest by magnitude)
ALPHA = 1e-5
EPOCHS = 15
FOLDS = 5
DIGITS = 6  # significant digits of a written weight
MODES = COMBINE_MODES
KEEPING = ("rules_or_model", "model_gated")  # the model modes that keep the rules' explicit verdicts
MARGIN = 0.02  # F1 a model mode must gain over the rules to be chosen
RULES_CACHE = Path(__file__).resolve().parents[5] / "build" / "contract-model-rules.json"

Rules = dict[str, dict[str, bool]]  # document name -> decision -> the rules' verdict


def matrices(docs: Sequence[Document]) -> dict[str, Any]:
    """Each document's sentence matrix (hashed n-grams)."""
    vectorizer = features.vectorizer()
    return {d.name: vectorizer.transform(d.sentences or [""]) for d in docs}


def fit(decision: str, docs: Sequence[Document], X: dict[str, Any], threshold: float = 0.0) -> LinearModel:
    """The model of ``decision`` trained on the labelled sentences of ``docs``."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import SGDClassifier

    used = [d for d in docs if decision in d.positives and d.sentences]
    if not used:
        return LinearModel(decision, -10.0, threshold, "rules", {})
    matrix = sp.vstack([X[d.name] for d in used]).tocsr()
    target = np.concatenate([np.isin(np.arange(len(d.sentences)), sorted(d.positives[decision])) for d in used])
    if target.all() or not target.any():
        return LinearModel(decision, -10.0 if not target.any() else 10.0, threshold, "rules", {})
    classifier = SGDClassifier(
        loss="log_loss",
        alpha=ALPHA,
        class_weight="balanced",
        max_iter=EPOCHS,
        tol=None,
        shuffle=True,
        random_state=SEED,
        average=True,
    )
    classifier.fit(matrix, target)
    coef = classifier.coef_[0]
    order = np.argsort(-np.abs(coef), kind="stable")[:KEEP]
    weights = {int(i): _round(float(coef[i])) for i in sorted(order) if coef[i] != 0}
    return LinearModel(decision, _round(float(classifier.intercept_[0])), threshold, "rules", weights)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def document_score(model: LinearModel, matrix: Any) -> float:
    """The highest sentence margin of a document."""
    return float((matrix @ model._dense + model.intercept).max()) if matrix.shape[0] else -50.0


def folds(docs: Sequence[Document], k: int = FOLDS) -> list[int]:
    """The fold of each document: groups (parts of one exhibit) stay together, assigned by the
    SHA-256 of the group name, balanced greedily by size."""
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault(d.group, []).append(i)
    ordered = sorted(groups, key=lambda g: hashlib.sha256(g.encode("utf-8")).hexdigest())
    sizes = [0] * k
    out = [0] * len(docs)
    for group in ordered:
        fold = min(range(k), key=lambda f: (sizes[f], f))
        for i in groups[group]:
            out[i] = fold
        sizes[fold] += len(groups[group])
    return out


def f1(pairs: Sequence[tuple[bool, bool]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of (predicted, gold) pairs."""
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


#: a (score, rules, strong, support, gold) row of one document: the model's best margin, the rules'
#: verdict, whether it rests on an explicit statement, whether the rules saw anything to read the
#: terms from (see :mod:`inhouse.analysis.contracts.learned`), and the gold
Row = tuple[float, bool, bool, bool, bool, bool]  # score, rules, strong, support, gold, against


def predict(mode: str, row: Row, threshold: float) -> bool:
    score, rule, strong, support, _, against = row
    return holds(mode, rules=rule, strong=strong, support=support, model=score >= threshold, against=against)


def best_threshold(scored: Sequence[Row], mode: str) -> float:
    """The document threshold with the best F1 of ``mode`` on the rows. Ties go to the higher threshold."""
    never = round(max((row[0] for row in scored), default=0.0) + 1.0, 6)
    candidates = sorted({round(row[0], 6) for row in scored} | {never})
    best, best_f1 = never, -1.0
    for t in candidates:
        score = f1([(predict(mode, row, t), row[4]) for row in scored])[2]
        if score >= best_f1:
            best, best_f1 = t, score
    return best


@dataclass
class Chosen:
    #: mode -> its threshold, chosen on the out-of-fold documents
    thresholds: dict[str, float]
    #: the F1 of each mode on those documents, at its threshold
    modes: dict[str, float]

    @property
    def mode(self) -> str:
        """The mode the reviewer should use: the best, a model mode only when it gains :data:`MARGIN`
        F1 over the rules, and the model alone (which overrules even an explicit statement the rules
        read) only when it gains :data:`MARGIN` over the modes that keep the rules' explicit verdicts."""
        best = max(MODES, key=lambda m: (round(self.modes[m], 6), -MODES.index(m)))
        if best == "model":
            keeping = max(KEEPING, key=lambda m: (round(self.modes[m], 6), -MODES.index(m)))
            if self.modes[keeping] > self.modes["model"] - MARGIN:
                best = keeping
        return best if self.modes[best] >= self.modes["rules"] + MARGIN else "rules"

    @property
    def threshold(self) -> float:
        return self.thresholds[self.mode if self.mode != "rules" else "model"]


def out_of_fold(decision: str, docs: Sequence[Document], X: dict[str, Any], k: int = FOLDS) -> list[tuple[str, float]]:
    """(document, score) of each document that has the decision's gold, from a model that did not
    see its group."""
    assignment = folds(docs, k)
    out = []
    for fold in range(k):
        train = [d for d, f in zip(docs, assignment, strict=True) if f != fold]
        test = [d for d, f in zip(docs, assignment, strict=True) if f == fold and decision in d.gold]
        if not test:
            continue
        model = fit(decision, train, X)
        out += [(d.name, document_score(model, X[d.name])) for d in test]
    return out


def row(decision: str, score: float, verdicts: dict[str, bool], gold: bool) -> Row:
    """One document's row; a decision without a strong/support reading uses the rules' verdict for both."""
    rule = verdicts[decision]
    return (
        score,
        rule,
        verdicts.get(f"{decision}:strong", rule),
        verdicts.get(f"{decision}:support", rule),
        gold,
        verdicts.get(f"{decision}:against", False),
    )


def choose(decision: str, docs: Sequence[Document], X: dict[str, Any], rules: Rules, k: int = FOLDS) -> Chosen:
    """Each mode's threshold and F1, chosen on ``k`` grouped folds of ``docs``."""
    by_name = {d.name: d for d in docs}
    scored = [row(decision, s, rules[n], by_name[n].gold[decision]) for n, s in out_of_fold(decision, docs, X, k)]
    thresholds = {m: best_threshold(scored, m) for m in MODES if m != "rules"}
    thresholds["rules"] = thresholds["model"]
    modes = {m: f1([(predict(m, r, thresholds[m]), r[4]) for r in scored])[2] for m in MODES}
    return Chosen(thresholds, modes)


#: runs of separator characters ("-----" under a signature line) are shortened before the rules
#: read a text: a pattern of the ownership detector backtracks for minutes over a long run of them
_SEPARATOR_RUN = re.compile(r"([-_=*])\1{3,}")


def rules_version() -> str:
    """A digest of the reviewer's rule code (the contract analyzers less the models)."""
    base = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(base.rglob("*.py")):
        if "model" not in path.relative_to(base).parts:
            digest.update(str(path.relative_to(base)).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def rules_verdicts(
    docs: Sequence[Document], progress: Callable[[str], None] | None = None, cache: Path | None = RULES_CACHE
) -> Rules:
    """The current reviewer's verdict on each decision of each document (kept in ``cache``, keyed by
    the rule code's digest and each text's SHA-256)."""
    from inhouse.analysis.contracts.context import Context
    from inhouse.analysis.contracts.detectors.flags import no_termination_for_convenience
    from inhouse.analysis.contracts.detectors.ownership import DeliverableOwnership
    from inhouse.analysis.contracts.review import review_contract

    version = rules_version()
    stored: dict[str, dict[str, bool]] = {}
    if cache and cache.exists():
        kept = json.loads(cache.read_text(encoding="utf-8"))
        stored = kept.get("verdicts", {}) if kept.get("version") == version else {}
    out: Rules = {}
    for number, d in enumerate(docs):
        key = hashlib.sha256(d.text.encode("utf-8")).hexdigest()
        if key not in stored:
            text = _SEPARATOR_RUN.sub(r"\1\1\1", d.text)
            review = review_contract(text, d.name, learned=False)
            kinds = {flag.kind for flag in review.red_flags}
            verdicts = {kind: kind in kinds for kind in CUAD_CATEGORIES}
            context = Context.build(text)
            verdicts["termination_for_convenience"] = bool(no_termination_for_convenience(context)[1])
            for clause in ("deliverable_ownership", "knowledge_transfer", "source_access", "maintenance", "exit"):
                verdicts[clause] = getattr(review.clauses, clause).status != "absent"
            reading = DeliverableOwnership().read(context)
            views = {
                "deliverable_ownership": ownership_view(reading, review.clauses.deliverable_ownership.status),
                "vendor_retains_ip": retains_view(
                    reading, verdicts["vendor_retains_ip"], review.clauses.deliverable_ownership.status
                ),
            }
            for decision, view in views.items():
                verdicts[f"{decision}:strong"], verdicts[f"{decision}:support"] = view.strong, view.support
                verdicts[f"{decision}:against"] = view.against
            stored[key] = verdicts
        out[d.name] = stored[key]
        if progress and number % 50 == 49:
            progress(f"  rules: {number + 1} of {len(docs)} documents")
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"version": version, "verdicts": stored}, sort_keys=True), encoding="utf-8")
    return out


def build(shared: Path | None, out: Path, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Train every decision on the non-frozen documents and write the weights and the manifest."""
    import numpy
    import sklearn

    log = log or _say
    docs = documents(shared)
    log(f"{len(docs)} documents ({sum(d.source == 'cuad' for d in docs)} CUAD), frozen split excluded")
    X = matrices(docs)
    rules = rules_verdicts(docs, log)
    out.mkdir(parents=True, exist_ok=True)
    files = {}
    for decision in CUAD_CATEGORIES:
        chosen = choose(decision, docs, X, rules)
        modes = chosen.modes
        # the model is used only where it beats the rules on the folds by a clear margin
        mode, threshold = chosen.mode, chosen.threshold
        model = fit(decision, docs, X, threshold)
        model = LinearModel(decision, model.intercept, threshold, mode, model.weights)
        data = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        path = out / f"{decision}.json"
        path.write_bytes(data)
        files[path.name] = hashlib.sha256(data).hexdigest()
        log(
            f"  {decision:28s} {len(model.weights):5d} weights  mode {mode:15s} threshold {threshold:.3f}  "
            + "  ".join(f"{m} {v:.3f}" for m, v in modes.items())
        )
    manifest = {
        "seed": SEED,
        "keep": KEEP,
        "alpha": ALPHA,
        "epochs": EPOCHS,
        "folds": FOLDS,
        "scikit_learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "features": {k: list(v) if isinstance(v, tuple) else v for k, v in features.SETTINGS.items()},
        "documents": len(docs),
        "cuad": shared is not None,
        "inputs": input_checksums(shared),
        "weights": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def _say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", help="the shared folder (default: ../shared when present)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_DIR, help="where to write the weights")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if shared is None:
        print("no CUAD data (../shared/data/cuad-contracts): the shipped weights need it", file=sys.stderr)
        return 2
    build(shared, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
