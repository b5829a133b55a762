"""The reviewer's verdicts through the learned models: plain-Python scoring equal to the
vectorizer's, the combination modes, the words that weighed most, determinism and a light import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from inhouse.analysis.contracts import review_contract
from inhouse.analysis.contracts.learned import COMBINE_MODES, holds
from inhouse.analysis.contracts.model import features, hashing, load

SENTENCES = [
    "automatically renew",
    "The Supplier hereby assigns to the Client all right, title and interest in the Deliverables.",
    "Ünïcödé Straße 12 — a a a a, résumé naïve",
    "",
    "x" * 37,
    "Licence licence LICENCE granted granted",
]
OWNED = """SERVICES AGREEMENT

This Agreement is made between Harbour Foods Ltd ("Client") and Quillstone Analytics Ltd ("Supplier").

1. Services. The Supplier shall build a forecasting tool for the Client.
2. Intellectual property. All deliverables, including source code and documentation, shall vest in the Client upon creation, and the Supplier hereby assigns all right, title and interest in them to the Client.
3. Fees. The Client shall pay the fees within thirty days of invoice.
"""


@pytest.mark.parametrize("text", SENTENCES)
def test_the_plain_python_row_is_the_vectorizers(text):
    matrix = features.vectorizer().transform([text])
    expected = {int(i): float(v) for i, v in zip(matrix.indices, matrix.data, strict=True)}
    row = hashing.vector(text)
    assert set(row) == set(expected)
    assert all(abs(row[k] - expected[k]) < 1e-12 for k in expected)
    assert hashing.ngrams(text) == features.ngrams(text)


def test_murmurhash_is_scikit_learns():
    from sklearn.utils import murmurhash3_32

    for data in ("", "a", "ab", "abc", "abcd", "abcde", "right title", "straße", "x" * 101):
        assert hashing.murmurhash3_32(data.encode("utf-8")) == murmurhash3_32(data.encode("utf-8"), 0)


def test_the_plain_margin_is_the_matrix_margin():
    model = load("deliverable_ownership")
    matrix = features.vectorizer().transform(SENTENCES)
    expected = (matrix @ model._dense + model.intercept).tolist()
    assert model.margins(SENTENCES) == pytest.approx(expected, abs=1e-9)


def test_the_combination_modes():
    assert COMBINE_MODES == ("rules", "model", "rules_or_model", "model_gated")
    cases = {  # (rules, strong, support, model) -> holds in each mode
        (False, False, False, False): (False, False, False, False),
        (True, False, True, False): (True, False, True, False),
        (True, True, True, False): (True, False, True, True),
        (False, False, False, True): (False, True, True, False),
        (False, False, True, True): (False, True, True, True),
    }
    for (rules, strong, support, model), expected in cases.items():
        got = tuple(holds(m, rules=rules, strong=strong, support=support, model=model) for m in COMBINE_MODES)
        assert got == expected, (rules, strong, support, model)


def test_a_model_backed_ownership_verdict_names_the_words_that_weighed_most():
    mode = load("deliverable_ownership").combine
    review = review_contract(OWNED, "owned.txt")
    finding = review.clauses.deliverable_ownership
    assert finding.status == "client"
    assert finding.evidence and all(OWNED[e.start : e.end] == e.text for e in finding.evidence)
    if mode == "rules":
        assert finding.weighed_most == []
    else:
        grams = {g for e in finding.evidence for g in hashing.ngrams(e.text)}
        assert finding.weighed_most and set(finding.weighed_most) <= grams
        assert "the" not in finding.weighed_most
    rules_only = review_contract(OWNED, "owned.txt", learned=False).clauses.deliverable_ownership
    assert rules_only.status == "client" and rules_only.weighed_most == []


def test_a_contract_silent_on_ownership_stays_not_mentioned():
    text = OWNED.replace(OWNED.split("\n")[5], "2. Meetings. The parties shall meet monthly at the Client's offices.")
    review = review_contract(text, "silent.txt")
    assert review.clauses.deliverable_ownership.status == "absent"
    assert review.flag("vendor_retains_ip") is None


def test_the_same_text_gives_the_same_review_in_another_process():
    here = review_contract(OWNED, "owned.txt").model_dump_json()
    assert review_contract(OWNED, "owned.txt").model_dump_json() == here
    code = (
        "import sys, json; from inhouse.analysis.contracts import review_contract; "
        "print(review_contract(sys.stdin.read(), 'owned.txt').model_dump_json()); "
        "print(json.dumps(['sklearn' in sys.modules, 'numpy' in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], input=OWNED, capture_output=True, text=True, check=True)
    review, imported = out.stdout.splitlines()
    assert review == here
    assert json.loads(imported) == [False, False]  # checking a contract imports neither


def test_ownership_the_rules_cannot_read_is_unclear_with_the_model_s_evidence():
    head = OWNED.split("2. Intellectual property.")[0]
    text = (
        head + "2. Intellectual property. Ownership of all intellectual property rights in the work product is "
        "governed by the Intellectual Property Schedule.\n"
    )
    assert review_contract(text, "c.txt", learned=False).clauses.deliverable_ownership.status == "absent"
    review = review_contract(text, "c.txt")
    finding = review.clauses.deliverable_ownership
    if load("deliverable_ownership").combine == "rules":
        pytest.skip("the shipped ownership model is not used")
    assert finding.status == "unclear"
    assert finding.evidence and all(text[e.start : e.end] == e.text for e in finding.evidence)
    assert "Ownership of all intellectual property" in finding.evidence[0].text
    assert finding.weighed_most and set(finding.weighed_most) <= set(hashing.ngrams(finding.evidence[0].text))
    position = review.positions[0]
    assert (position.clause, position.verdict, position.position) == (
        "deliverable_ownership",
        "not_mentioned",
        "walk_away",
    )
    assert any(
        r.clause == "deliverable_ownership" and "does not say clearly" in r.problem for r in review.recommendations
    )
