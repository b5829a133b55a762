"""The learned reference finder: consulted only where the rules find no reference (the fallback)."""

from __future__ import annotations

import hashlib
import json
import math
import os

import pytest

from inhouse.analysis.proposals import assess_text, parse_document
from inhouse.analysis.proposals import reference_model as rm
from inhouse.analysis.proposals.references import find_references
from inhouse.domain.partners import Answer

SHIPPED = json.loads(rm.WEIGHTS.read_text(encoding="utf-8"))

#: a reference the rules do not read (a bare list line, no verb of past work); the model does
LIST_LINE = (
    "We plan routes for school transport.\n\n"
    "Brackley District Council - about 700 pupils - live since 2022 - happy to put you in touch with their transport lead\n"
)
NO_REFERENCE = (
    "Proposal\n\nWe will build a booking tool for your clinics in three phases.\n\n"
    "Phase one maps your current process. Price: 20,000 EUR, fixed.\n"
)


def test_the_shipped_weights_load_and_are_plain_json():
    model = rm.load()
    assert model is not None and model.threshold == rm.THRESHOLD
    assert len(model.weights) == len(SHIPPED["features"]) == len(SHIPPED["weights"]) > 1000
    assert all(isinstance(w, float) for w in SHIPPED["weights"])


def test_a_mismatched_weights_file_is_refused():
    with pytest.raises(ValueError):
        rm.OpenerModel.from_json({**SHIPPED, "weights": SHIPPED["weights"][:-1]})
    with pytest.raises(ValueError):
        rm.OpenerModel.from_json({**SHIPPED, "threshold": 0.0})


def test_features_are_deterministic_and_each_part_is_unit_length():
    view = rm.document_view(parse_document(LIST_LINE, "proposal"))
    first, again = rm.unit_features(view, 1), rm.unit_features(view, 1)
    assert first == again
    for prefix in ("t ", "c "):
        assert math.isclose(math.sqrt(sum(v * v for k, v in first.items() if k.startswith(prefix))), 1.0)
    assert "c liv" in first and "t w:council" in first
    assert rm.char_grams("Live") == [" li", "liv", "ive", "ve ", " liv", "live", "ive ", " live", "live "]


def test_where_the_rules_find_none_the_model_opens_a_reference_answered_by_the_rules_patterns():
    document = parse_document(LIST_LINE, "proposal")
    assert find_references(document) == ()
    found = assess_text(LIST_LINE, "one-pager.md", kind="proposal").references
    assert len(found) == 1
    reference = found[0]
    assert reference.client == "Brackley District Council"
    assert reference.still_running is Answer.YES
    assert reference.client_contact_offered is Answer.YES
    assert reference.similar_scale is Answer.UNKNOWN
    assert all(quote in LIST_LINE for quote in reference.evidence)
    assert assess_text(LIST_LINE, "one-pager.md", kind="proposal").references == found  # deterministic


def test_where_the_rules_find_references_the_model_adds_nothing():
    text = (
        "We did something similar for Harbour Health, a regional hospital group, in 2022. "
        "It is still live and they are happy to take a call.\n\n"
        "Brackley District Council - about 700 pupils - live since 2022 - happy to put you in touch\n"
    )
    document = parse_document(text, "proposal")
    rules = find_references(document)
    assert rules
    assert rm.with_model(document, rules) == rules


def test_a_document_without_references_stays_without():
    assert assess_text(NO_REFERENCE, "plan.md", kind="proposal").references == ()


def test_a_span_stops_at_the_paragraph_the_turn_and_the_next_opener():
    view = {
        "kind": "proposal",
        "units": [
            {"text": t, "partner": True, "question": False, "heading": "", "turn": 0, "block": b, "line": ""}
            for t, b in [("a", 0), ("b", 0), ("c", 0), ("d", 1)]
        ],
    }
    assert rm.span_of(view, 0, {0}) == [0, 1, 2]
    assert rm.span_of(view, 0, {0, 2}) == [0, 1]
    assert rm.span_of(view, 2, {2}) == [2]


def test_a_hand_set_model_opens_where_its_weights_say():
    model = rm.OpenerModel(-10.0, 0.9, {"t w:brackley": 500.0})
    document = parse_document(LIST_LINE, "proposal")
    assert rm.openers(model, rm.document_view(document)) == [1]
    assert len(rm.model_references(document, model)) == 1
    assert rm.model_references(parse_document(NO_REFERENCE, "proposal"), model) == ()


@pytest.mark.skipif(not os.environ.get("INHOUSE_MODELS_CHECK"), reason="retrains: run `make models-check`")
def test_a_rebuild_gives_the_shipped_weights(tmp_path):
    import sklearn

    from inhouse.analysis.proposals.model.train_references import NAME, build

    summary = build(tmp_path)
    assert summary["inputs"] == SHIPPED["inputs"], "the labelled proposals changed: run `make models`"
    assert summary["threshold"] == SHIPPED["threshold"]
    if sklearn.__version__ == SHIPPED["scikit_learn"]:
        rebuilt = (tmp_path / NAME).read_bytes()
        assert hashlib.sha256(rebuilt).hexdigest() == hashlib.sha256(rm.WEIGHTS.read_bytes()).hexdigest(), (
            "the rules, the features or the training changed: run `make models`"
        )
