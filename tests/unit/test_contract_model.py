"""The shipped contract models: they load, match their manifest, score deterministically, name the
words that weighed most, and keep the reviewer's import light. The rebuild check (minutes: it
trains every model) runs from ``make models-check`` (INHOUSE_MODELS_CHECK=1) when ../shared is there."""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inhouse.analysis.contracts.learned import COMBINE_MODES
from inhouse.analysis.contracts.model import DECISIONS, WEIGHTS_DIR, LinearModel, features, load
from inhouse.analysis.contracts.model.data import group_name, is_frozen, shared_dir

MANIFEST = json.loads((WEIGHTS_DIR / "manifest.json").read_text(encoding="utf-8"))
RENEWAL = "This Agreement shall automatically renew for successive one-year terms unless either party gives notice."
PLAIN = "The parties shall meet at the offices of the Customer."


def test_every_decision_has_weights_listed_in_the_manifest_with_their_checksum():
    assert set(MANIFEST["weights"]) == {f"{d}.json" for d in DECISIONS}
    for name, digest in MANIFEST["weights"].items():
        assert hashlib.sha256((WEIGHTS_DIR / name).read_bytes()).hexdigest() == digest, name
    assert MANIFEST["scikit_learn"] and MANIFEST["seed"] is not None and MANIFEST["inputs"]


def test_weights_are_plain_json_in_the_feature_space_of_the_vectorizer():
    for decision in DECISIONS:
        data = json.loads((WEIGHTS_DIR / f"{decision}.json").read_text(encoding="utf-8"))
        assert data["features"] == json.loads(json.dumps(features.SETTINGS, default=list))
        assert all(0 <= i < features.N_FEATURES for i in data["indices"])
        assert data["combine"] in COMBINE_MODES
        model = load(decision)
        assert isinstance(model, LinearModel) and math.isfinite(model.threshold)


def test_scores_are_deterministic_and_rank_a_renewal_clause_above_a_plain_one():
    model = load("auto_renewal")
    first = model.scores([RENEWAL, PLAIN])
    again = LinearModel.from_json(model.to_json()).scores([RENEWAL, PLAIN])
    assert first == again
    assert first[0] > first[1]
    assert model.scores([]) == []


def test_the_words_that_weighed_most_come_from_the_sentence():
    words = load("auto_renewal").weighed_most(RENEWAL, k=3)
    assert words and set(words) <= set(features.ngrams(RENEWAL))
    assert "the" not in words and "for" not in words
    assert any("renew" in w for w in words)


def test_the_hashed_column_of_an_ngram_is_the_vectorizers():
    grams = features.ngrams("automatically renew")
    assert grams == ["automatically", "renew", "automatically renew"]
    matrix = features.vectorizer().transform(["automatically renew"])
    assert set(features.columns(grams)) == set(matrix.indices.tolist())


def test_importing_the_reviewer_does_not_import_scikit_learn_or_numpy():
    code = (
        "import sys, inhouse.analysis.contracts.review, inhouse.analysis.contracts.model; "
        "print('sklearn' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_bad_weights_file_is_refused():
    with pytest.raises(ValueError):
        LinearModel.from_json({"decision": "x", "intercept": 0, "threshold": 0.5, "indices": [1, 2], "weights": [0.1]})
    with pytest.raises(KeyError):
        load("no_such_decision")


def test_the_frozen_split_rule_groups_parts_of_one_exhibit():
    assert group_name("ACME-EX-10.1-SERVICES AGREEMENT_Part2.txt") == "ACME-EX-10.1-SERVICES AGREEMENT"
    assert group_name("Acme_EX-10.3_Maintenance Agreement1.txt") == "Acme_EX-10.3_Maintenance Agreement"
    assert is_frozen("Acme_EX-10.3_Maintenance Agreement1.txt") == is_frozen("Acme_EX-10.3_Maintenance Agreement2.txt")
    labels = [
        json.loads(line)
        for p in sorted(Path("benchmarks/contracts/cuad").glob("labels_*.jsonl"))
        for line in p.read_text().splitlines()
        if line.strip()
    ]
    assert sum(is_frozen(label["file"]) for label in labels) == 16  # README: 16 of the first 68


@pytest.mark.skipif(not os.environ.get("INHOUSE_MODELS_CHECK"), reason="trains every model: run `make models-check`")
@pytest.mark.skipif(shared_dir() is None, reason="../shared (the CUAD texts) not present")
def test_a_rebuild_gives_the_shipped_weights(tmp_path):
    import sklearn

    from inhouse.analysis.contracts.model.train import build

    manifest = build(shared_dir(), tmp_path, log=lambda _line: None)
    assert manifest["inputs"] == MANIFEST["inputs"], "the training data changed: run `make models`"
    if sklearn.__version__ == MANIFEST["scikit_learn"]:
        # the weights also follow the sentence splitter and the rules (which choose each mode)
        assert manifest["weights"] == MANIFEST["weights"], "the splitter or the rules changed: run `make models`"
        return
    # another scikit-learn: the same mode, threshold (a margin) within 0.05, weights within 2% of the largest
    for decision in DECISIONS:
        new = LinearModel.from_json(json.loads((tmp_path / f"{decision}.json").read_text()))
        old = load(decision)
        assert new.combine == old.combine and abs(new.threshold - old.threshold) <= 0.05
        scale = max(abs(w) for w in old.weights.values())
        shared_keys = old.weights.keys() & new.weights.keys()
        assert len(shared_keys) >= 0.95 * len(old.weights)
        assert max(abs(old.weights[i] - new.weights[i]) for i in shared_keys) <= 0.02 * scale
