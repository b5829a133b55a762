"""Fit the proposal signal models and write the shipped weights (``make models``).

    python -m inhouse.analysis.proposals.model.train [--out DIR] [--frozen]

For each signal, three ways to decide are compared on document-grouped cross-validation
(:data:`FOLDS` folds, assigned by the SHA-256 of each document's name) over the labelled
documents outside the frozen split: ``rules`` (the detector's hand-set weights), ``cues``
(a logistic regression over the detector's cue features) and ``cues_ngrams`` (the same plus
hashed word n-grams). Each mode's out-of-fold accuracy comes with a bootstrap 95% interval
over documents. A model is shipped to decide only when it beats the rules by :data:`MARGIN`
on the folds; otherwise the file records ``mode: rules`` (with the fitted cue weights, unused).
The rules were written looking at these documents, so their figures here are in-sample.
``--frozen`` scores the frozen split once (rules and the shipped mode) and writes nothing.
Writes ``<signal>.json`` and ``manifest.json`` (inputs' SHA-256, library versions, seed, the
cross-validated figures, each weights file's SHA-256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inhouse.analysis.proposals.model import features
from inhouse.analysis.proposals.model.data import ROOT, Example, examples, input_checksums
from inhouse.analysis.proposals.model.linear import MODES, SIGNALS, WEIGHTS_DIR, SignalModel

SEED = 15
FOLDS = 5
C = 1.0  # inverse regularisation strength of the logistic regressions
MARGIN = 0.02  # accuracy a model must gain over the rules on the folds to decide
BOOTSTRAP = 2000
KEEP = 4000  # n-gram weights kept (the strongest by magnitude)
DIGITS = 6


def folds(docs: Sequence[Example], k: int = FOLDS) -> list[int]:
    """Each document's fold: ordered by the SHA-256 of its name, dealt round-robin."""
    order = sorted(range(len(docs)), key=lambda i: hashlib.sha256(docs[i].group.encode("utf-8")).hexdigest())
    out = [0] * len(docs)
    for position, i in enumerate(order):
        out[i] = position % k
    return out


def _matrix(docs: Sequence[Example], signal: str, mean: dict[str, float], scale: dict[str, float], grams: bool) -> Any:
    import numpy as np
    import scipy.sparse as sp

    dense = np.array(
        [[(d.cues[signal][name] - mean[name]) / scale[name] for name in features.CUES] for d in docs], dtype=np.float64
    )
    if not grams:
        return sp.csr_matrix(dense)
    rows, cols, vals = [], [], []
    for row, d in enumerate(docs):
        for col in sorted(d.grams):
            rows.append(row)
            cols.append(col)
            vals.append(d.grams[col])
    sparse = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), features.N_FEATURES), dtype=np.float64)
    return sp.hstack([sp.csr_matrix(dense), sparse]).tocsr()


def fit(signal: str, docs: Sequence[Example], mode: str) -> SignalModel:
    """A logistic regression for ``signal`` on ``docs`` (``mode`` "cues" or "cues_ngrams")."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mean = {n: _round(float(np.mean([d.cues[signal][n] for d in docs]))) for n in features.CUES}
    scale = {n: _round(float(np.std([d.cues[signal][n] for d in docs])) or 1.0) for n in features.CUES}
    target = np.array([d.labels[signal] for d in docs])
    if target.all() or not target.any():
        return SignalModel(signal, mode, 10.0 if target.all() else -10.0, {}, mean, scale)
    classifier = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
    classifier.fit(_matrix(docs, signal, mean, scale, mode == "cues_ngrams"), target)
    coef = classifier.coef_[0]
    cues = {n: _round(float(coef[i])) for i, n in enumerate(features.CUES)}
    grams: dict[int, float] = {}
    if mode == "cues_ngrams":
        tail = coef[len(features.CUES) :]
        order = np.argsort(-np.abs(tail), kind="stable")[:KEEP]
        grams = {int(i): _round(float(tail[i])) for i in sorted(order) if tail[i] != 0}
    return SignalModel(signal, mode, _round(float(classifier.intercept_[0])), cues, mean, scale, grams)


def predict(model: SignalModel, doc: Example) -> bool:
    grams = doc.grams if model.mode == "cues_ngrams" else None
    return model.probability(doc.cues[model.signal], grams) >= 0.5


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def out_of_fold(signal: str, docs: Sequence[Example], k: int = FOLDS) -> dict[str, list[bool]]:
    """Per mode, whether each document's out-of-fold verdict matches its label (docs' order)."""
    assignment = folds(docs, k)
    right: dict[str, list[bool]] = {m: [False] * len(docs) for m in MODES}
    for i, d in enumerate(docs):
        right["rules"][i] = d.rules[signal] == d.labels[signal]
    for fold in range(k):
        train = [d for d, f in zip(docs, assignment, strict=True) if f != fold]
        for mode in MODES[1:]:
            model = fit(signal, train, mode)
            for i, d in enumerate(docs):
                if assignment[i] == fold:
                    right[mode][i] = predict(model, d) == d.labels[signal]
    return right


def interval(right: Sequence[bool], seed: int = SEED) -> tuple[float, float, float]:
    """(accuracy, low, high): a percentile bootstrap 95% interval over documents."""
    import numpy as np

    values = np.array(right, dtype=np.float64)
    if not len(values):
        return 0.0, 0.0, 0.0
    rng = np.random.RandomState(seed)
    means = values[rng.randint(0, len(values), size=(BOOTSTRAP, len(values)))].mean(axis=1)
    return (
        round(float(values.mean()), 4),
        round(float(np.percentile(means, 2.5)), 4),
        round(float(np.percentile(means, 97.5)), 4),
    )


def paired(right: Sequence[bool], rules: Sequence[bool], seed: int = SEED) -> tuple[float, float, float]:
    """The model's accuracy minus the rules', with a bootstrap 95% interval over documents."""
    import numpy as np

    diff = np.array(right, dtype=np.float64) - np.array(rules, dtype=np.float64)
    rng = np.random.RandomState(seed)
    means = diff[rng.randint(0, len(diff), size=(BOOTSTRAP, len(diff)))].mean(axis=1)
    return (
        round(float(diff.mean()), 4),
        round(float(np.percentile(means, 2.5)), 4),
        round(float(np.percentile(means, 97.5)), 4),
    )


def choose(figures: dict[str, tuple[float, float, float]]) -> str:
    """The mode with the best out-of-fold accuracy, if it beats the rules by MARGIN; else the rules."""
    best = max(MODES, key=lambda m: (figures[m][0], -MODES.index(m)))
    return best if figures[best][0] >= figures["rules"][0] + MARGIN else "rules"


def build(out: Path, root: Path = ROOT, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Cross-validate, choose, fit on every non-frozen document and write the weights and manifest."""
    import numpy
    import scipy
    import sklearn

    log = log or _say
    every = examples(root)
    docs = [d for d in every if not d.frozen]
    log(
        f"{len(every)} labelled documents, {len(docs)} for training and cross-validation, {len(every) - len(docs)} frozen"
    )
    out.mkdir(parents=True, exist_ok=True)
    files, report = {}, {}
    for signal in SIGNALS:
        right = out_of_fold(signal, docs)
        figures = {m: interval(right[m]) for m in MODES}
        mode = choose(figures)
        model = fit(signal, docs, "cues" if mode == "rules" else mode)
        model = SignalModel(signal, mode, model.intercept, model.cues, model.mean, model.scale, model.ngrams)
        in_sample = sum(predict(model, d) == d.labels[signal] for d in docs) / len(docs)
        report[signal] = {
            "mode": mode,
            "cv_accuracy": {m: list(figures[m]) for m in MODES},
            "cv_gain_over_rules": {m: list(paired(right[m], right["rules"])) for m in MODES[1:]},
            "in_sample_accuracy_of_fitted_model": round(in_sample, 4),
        }
        data = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        path = out / f"{signal}.json"
        path.write_bytes(data)
        files[path.name] = hashlib.sha256(data).hexdigest()
        log(
            f"  {signal:14s} mode {mode:11s} "
            + "  ".join(f"{m} {a:.3f} [{lo:.3f}-{hi:.3f}]" for m, (a, lo, hi) in figures.items())
        )
    manifest = {
        "seed": SEED,
        "folds": FOLDS,
        "c": C,
        "margin": MARGIN,
        "bootstrap": BOOTSTRAP,
        "keep": KEEP,
        "scikit_learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "features": {"cues": list(features.CUES), **features.SETTINGS},
        "documents": len(docs),
        "frozen": len(every) - len(docs),
        "cross_validation": report,
        "inputs": input_checksums(root),
        "weights": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def score_frozen(folder: Path = WEIGHTS_DIR, root: Path = ROOT) -> dict[str, Any]:
    """The rules and the shipped files on the frozen split (run once, at the end)."""
    frozen = [d for d in examples(root) if d.frozen]
    out: dict[str, Any] = {"documents": len(frozen)}
    for signal in SIGNALS:
        model = SignalModel.from_json(json.loads((folder / f"{signal}.json").read_text(encoding="utf-8")))
        rules = [d.rules[signal] == d.labels[signal] for d in frozen]
        cues = [predict(SignalModel(**{**vars(model), "mode": "cues"}), d) == d.labels[signal] for d in frozen]
        shipped = rules if model.mode == "rules" else [predict(model, d) == d.labels[signal] for d in frozen]
        out[signal] = {
            "mode": model.mode,
            "rules": list(interval(rules)),
            "fitted_cues": list(interval(cues)),
            "shipped": list(interval(shipped)),
        }
    return out


def _say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=WEIGHTS_DIR, help="where to write the weights")
    parser.add_argument("--frozen", action="store_true", help="score the frozen split once; write nothing")
    args = parser.parse_args(argv)
    if args.frozen:
        print(json.dumps(score_frozen(args.out), indent=1))
        return 0
    build(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
