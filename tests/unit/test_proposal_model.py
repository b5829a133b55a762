"""The proposal signal models: the shipped files load and match their manifest, scoring is
deterministic and needs no scikit-learn, training is deterministic, and the frozen split is the
SHA-256 rule. The rebuild check (retrains: about ten seconds) runs from ``make models-check``."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from inhouse.analysis.proposals import assess_text
from inhouse.analysis.proposals.model import features
from inhouse.analysis.proposals.model.data import Example, is_frozen
from inhouse.analysis.proposals.model.linear import MODES, SIGNALS, WEIGHTS_DIR, SignalModel, load

MANIFEST = json.loads((WEIGHTS_DIR / "manifest.json").read_text(encoding="utf-8"))

PROPOSAL = """# Proposal for Dunlin Veterinary Group

You told us your front desk loses about forty calls a day and that clients hang up after two minutes.

We have never worked with practice-management systems like yours, so the first week is us learning it.

We propose a three-week pilot in two clinics for a fixed fee; you can stop at the end with no further commitment.
"""


def test_every_signal_ships_a_file_that_matches_the_manifest():
    assert set(MANIFEST["weights"]) == {f"{s}.json" for s in SIGNALS}
    for name, digest in MANIFEST["weights"].items():
        assert hashlib.sha256((WEIGHTS_DIR / name).read_bytes()).hexdigest() == digest
    for signal in SIGNALS:
        model = load(signal)
        assert model is not None and model.mode in MODES
        assert set(model.cues) == set(features.CUES)
        assert MANIFEST["cross_validation"][signal]["mode"] == model.mode


def test_a_model_decides_only_where_cross_validation_says_it_beats_the_rules():
    for signal in SIGNALS:
        report = MANIFEST["cross_validation"][signal]
        rules = report["cv_accuracy"]["rules"][0]
        if report["mode"] != "rules":
            assert report["cv_accuracy"][report["mode"]][0] >= rules + MANIFEST["margin"]
        else:
            assert all(report["cv_accuracy"][m][0] < rules + MANIFEST["margin"] for m in MODES[1:])


def test_scoring_is_deterministic_and_round_trips_through_json():
    first = assess_text(PROPOSAL, "p.md").signals
    again = assess_text(PROPOSAL, "p.md").signals
    assert first == again
    for signal in SIGNALS:
        model = load(signal)
        assert model is not None
        copy = SignalModel.from_json(json.loads(json.dumps(model.to_json())))
        cues = dict.fromkeys(features.CUES, 1.0)
        grams = features.ngram_features("we propose a short pilot")
        assert copy.margin(cues, grams) == model.margin(cues, grams)


def test_ngram_columns_are_stable_across_processes():
    code = "from inhouse.analysis.proposals.model import features; print(features.column('small pilot'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == features.column("small pilot")
    grams = features.ngram_features("Small pilot, small pilot.")
    assert abs(sum(v * v for v in grams.values()) - 1.0) < 1e-9
    assert features.ngram_features("") == {}


def test_assessing_a_proposal_imports_neither_scikit_learn_nor_numpy():
    code = (
        "import sys\n"
        "from inhouse.analysis.proposals import assess_text\n"
        f"assess_text({PROPOSAL!r}, 'p.md')\n"
        "print(sorted(m for m in ('sklearn', 'numpy', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _examples(n: int) -> list[Example]:
    out = []
    for i in range(n):
        positive = i % 3 != 0
        cues = {name: 0.0 for name in features.CUES}
        cues.update(rule=float(positive if i % 7 else not positive), for_weight=3.0 * positive + (i % 4) * 0.5)
        cues.update(margin=cues["for_weight"] - 1.0, support_count=float(positive))
        grams = features.ngram_features("a short pilot" if positive else "a three-year licence")
        out.append(
            Example(
                group=f"synthetic/{i}",
                labels=dict.fromkeys(SIGNALS, positive),
                rules=dict.fromkeys(SIGNALS, bool(cues["rule"])),
                cues=dict.fromkeys(SIGNALS, cues),
                grams=grams,
            )
        )
    return out


def test_training_is_deterministic():
    pytest.importorskip("sklearn")
    from inhouse.analysis.proposals.model.train import fit, folds, interval, out_of_fold

    docs = _examples(40)
    for mode in ("cues", "cues_ngrams"):
        one, two = fit("starts_small", docs, mode), fit("starts_small", docs, mode)
        assert json.dumps(one.to_json(), sort_keys=True) == json.dumps(two.to_json(), sort_keys=True)
    assert folds(docs) == folds(list(docs))
    assert out_of_fold("starts_small", docs) == out_of_fold("starts_small", docs)
    accuracy, low, high = interval([True] * 30 + [False] * 10)
    assert accuracy == 0.75 and low < 0.75 < high


def test_the_frozen_split_is_the_sha256_rule():
    for group in ("docs/01-insurance-claims-proposal", "blind/b01-vet-clinics-transcript", "x/y"):
        assert is_frozen(group) == (hashlib.sha256(group.encode()).hexdigest()[0] in "012")
    assert MANIFEST["frozen"] > 0 and MANIFEST["documents"] + MANIFEST["frozen"] >= 200


@pytest.mark.skipif(not os.environ.get("INHOUSE_MODELS_CHECK"), reason="retrains: run `make models-check`")
def test_a_rebuild_gives_the_shipped_weights(tmp_path):
    import sklearn

    from inhouse.analysis.proposals.model.train import build

    manifest = build(tmp_path, log=lambda _line: None)
    assert manifest["inputs"] == MANIFEST["inputs"], "the labelled proposals changed: run `make models`"
    if sklearn.__version__ == MANIFEST["scikit_learn"]:
        assert manifest["weights"] == MANIFEST["weights"], "the detectors or the training changed: run `make models`"
    for signal in SIGNALS:
        assert manifest["cross_validation"][signal]["mode"] == MANIFEST["cross_validation"][signal]["mode"]


def test_a_deciding_model_sets_the_verdict_and_keeps_the_detectors_quotes():
    from inhouse.analysis.proposals import parse_document
    from inhouse.analysis.proposals.model.apply import decided
    from inhouse.analysis.proposals.signals import DETECTORS

    document = parse_document(PROPOSAL, "proposal")
    detector = next(d for d in DETECTORS if d.name == "starts_small")
    weighing = detector.weigh(document)
    rules = detector.result(weighing, document)
    cues = features.cue_features(weighing, rules.value, document)
    flat = dict.fromkeys(features.CUES, 0.0)
    ones = dict.fromkeys(features.CUES, 1.0)
    against = SignalModel("starts_small", "cues", -8.0, flat, flat, ones)
    for_it = SignalModel("starts_small", "cues", 8.0, flat, flat, ones)
    no = decided(against, rules, cues, None, document)
    yes = decided(for_it, rules, cues, None, document)
    assert (no.value, yes.value) == (False, True)
    assert no.confidence == yes.confidence == 0.97
    assert no.evidence == yes.evidence == rules.evidence and rules.evidence
