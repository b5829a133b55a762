"""Fit the reference-opener model and write its weights (``make models``).

    python -m inhouse.analysis.proposals.model.train_references [--out DIR]

The labels give only each reference's answers, so the spans are derived: on every labelled
document (``benchmarks/proposals`` and its labelled folders, plus the short documents of
``tests/unit/test_proposal_reference_batches.py``) where the shipped rules find the labelled
number of references, a unit is a positive when the rules open a reference there. Logistic
regression (liblinear, C = 1, balanced classes), the :data:`KEEP` strongest weights kept, at the
fixed :data:`reference_model.THRESHOLD`.
``benchmarks/proposal_references_model.py`` uses these same functions leave-one-batch-out.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from inhouse.analysis.proposals import reference_model as rm
from inhouse.analysis.proposals.model.data import ROOT, folders

REPO = ROOT.parent.parent
CASES_FILE = REPO / "tests" / "unit" / "test_proposal_reference_batches.py"
C = 1.0
KEEP = 20000  # weights kept (the strongest by magnitude)
DIGITS = 6
NAME = "reference_openers.json"

#: a document as training reads it: the model's view plus "openers", the rules' opening units
#: (its unit features are kept in it, under "_features", once computed)
Documents = Mapping[str, dict[str, Any]]


def _features(document: dict[str, Any], index: int) -> dict[str, float]:
    store: dict[int, dict[str, float]] = document.setdefault("_features", {})
    if index not in store:
        store[index] = rm.unit_features(document, index)
    return store[index]


def batch_of(name: str) -> str:
    return name.split("/")[0]


def training_names(documents: Documents, labels: Mapping[str, Sequence[Any]], held: str = "") -> list[str]:
    """Every document outside ``held`` (cases included) where the rules' count matches the labels."""
    return [n for n, d in documents.items() if batch_of(n) != held and len(d["openers"]) == len(labels[n])]


def fit(documents: Documents, names: Sequence[str], threshold: float = 0.5) -> rm.OpenerModel:
    """A logistic regression over every unit of these documents: does the rules' reference open here?"""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    rows: list[dict[str, float]] = []
    targets: list[int] = []
    for name in names:
        document = documents[name]
        opened = set(document["openers"])
        for index in range(len(document["units"])):
            rows.append(_features(document, index))
            targets.append(int(index in opened))
    vocabulary = {k: i for i, k in enumerate(sorted({k for row in rows for k in row}))}
    indptr, indices, values = [0], [], []
    for row in rows:
        for key in sorted(row, key=vocabulary.__getitem__):
            indices.append(vocabulary[key])
            values.append(row[key])
        indptr.append(len(indices))
    matrix = sp.csr_matrix((values, indices, indptr), shape=(len(rows), len(vocabulary)), dtype=np.float64)
    classifier = LogisticRegression(solver="liblinear", C=C, class_weight="balanced")
    classifier.fit(matrix, targets)
    coef = classifier.coef_[0]
    names_by_column = sorted(vocabulary, key=vocabulary.__getitem__)
    keep = np.argsort(-np.abs(coef), kind="stable")[:KEEP]
    weights = {names_by_column[i]: _round(float(coef[i])) for i in sorted(keep) if coef[i] != 0}
    return rm.OpenerModel(_round(float(classifier.intercept_[0])), threshold, weights)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def labelled(root: Path = ROOT) -> tuple[dict[str, dict[str, Any]], dict[str, list[Any]]]:
    """Every labelled document as training reads it (the current parse and rules), and its labels."""
    from inhouse.analysis.documents import read_document
    from inhouse.analysis.proposals.document import parse_document
    from inhouse.analysis.proposals.kinds import detect_kind
    from inhouse.analysis.proposals.references import opening_units

    documents: dict[str, dict[str, Any]] = {}
    labels: dict[str, list[Any]] = {}

    def add(name: str, parsed: Any, wanted: list[Any]) -> None:
        documents[name] = {**rm.document_view(parsed), "openers": opening_units(parsed)}
        labels[name] = wanted

    for folder in folders(root):
        batch = "docs" if folder == root else folder.name
        for label in json.loads((folder / "labels.json").read_text(encoding="utf-8")):
            file = folder / "docs" / label["file"]
            text = read_document(file.read_bytes(), file.name).text
            add(f"{batch}/{label['file']}", parse_document(text, detect_kind(text), None), label.get("references", []))
    if CASES_FILE.exists():
        spec = importlib.util.spec_from_file_location("reference_cases", CASES_FILE)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for number, (text, kind, partner, expected) in enumerate(module.CASES):
            add(f"cases/{number:02d}", parse_document(text, kind or detect_kind(text), partner), list(expected))
    return documents, labels


def inputs(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for folder in folders(root):
        digest.update((folder / "labels.json").read_bytes())
    if CASES_FILE.exists():
        digest.update(CASES_FILE.read_bytes())
    return digest.hexdigest()


def build(out: Path, root: Path = ROOT) -> dict[str, Any]:
    """Fit on every labelled document, write the weights at the fixed threshold; returns their summary."""
    import sklearn

    documents, labels = labelled(root)
    names = training_names(documents, labels)
    threshold = rm.THRESHOLD
    model = fit(documents, names, threshold)
    extra = {
        "c": C,
        "keep": KEEP,
        "documents": len(names),
        "inputs": inputs(root),
        "scikit_learn": sklearn.__version__,
    }
    data = json.dumps(model.to_json(extra), sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
    out.mkdir(parents=True, exist_ok=True)
    (out / NAME).write_bytes(data)
    return {**extra, "threshold": threshold, "sha256": hashlib.sha256(data).hexdigest()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=rm.WEIGHTS.parent, help="where to write the weights")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.out), indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
