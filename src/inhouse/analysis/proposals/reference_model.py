"""A learned reference finder, consulted only where the rules find no reference (the fallback).

The rules (:mod:`references`) stay as they are wherever they find a reference. In a document where
they find none, a logistic regression over each unit's own words (word uni- and bigrams, word
shapes, character 3-5-grams, the words of its heading and of the unit before it, who said it,
question or not, the line it opens, the document's kind; no rule cue) scores every unit as the
opening of a reference. A unit scoring at least the shipped threshold opens one: it and the next
sentences of its paragraph and turn (at most five, up to the next opening), answered by the rules'
sentence patterns (:func:`reference_answers.answer`), ``unknown`` where they say nothing. As for
the rules, a reference opens only at a partner's statement (no question, no "we signed / tried ...").

The threshold, :data:`THRESHOLD`, was chosen on a leave-one-batch-out sweep of the labelled batches
(``benchmarks/proposal_references_model.py --sweep``): the lowest of those tried at which the held-out
fallback opened at most three references in the ~200 reference-free held-out documents. (The previous
rule, at most one in an inner leave-one-batch-out, gave 0.85 and opened too few.) ``make models``
trains the weights, see :mod:`inhouse.analysis.proposals.model.train_references`. Scoring is plain Python: the weights are
JSON (``model/weights/reference_openers.json``), keyed by the feature strings themselves.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from inhouse.analysis.logistic import sigmoid
from inhouse.analysis.proposals import reference_answers as answers
from inhouse.analysis.proposals.document import ParsedDocument
from inhouse.analysis.proposals.reference_clients import (
    NOT_PAST_WORK,
    OFFER,
    PAST_MARK,
    described_work,
    entry_client,
    listed_client,
)
from inhouse.analysis.proposals.references import CLIENT_HISTORY, GENERIC_CLAIM
from inhouse.domain.partners import Answer, ReferenceFinding

WEIGHTS = Path(__file__).resolve().parent / "model" / "weights" / "reference_openers.json"
QUESTIONS = ("similar_scale", "still_running", "client_contact_offered")
PATTERNS = {
    "similar_scale": (answers.SCALE_YES, answers.SCALE_NO),
    "still_running": (answers.RUNNING_YES, answers.RUNNING_NO),
    "client_contact_offered": (answers.CONTACT_YES, answers.CONTACT_NO),
}
MAX_SPAN = 5
CHAR_NGRAMS = (3, 5)
#: the opener threshold (see the module's docstring for how it was chosen)
THRESHOLD = 0.65
SETTINGS = {
    "tokens": "words, bigrams, shapes, heading, previous unit, position",
    "chars": list(CHAR_NGRAMS),
    "norm": "l2 per part",
    "max_span": MAX_SPAN,
}

_WORD = re.compile(r"[a-z]+|\d+", re.I)
_LINE_START = re.compile(r"[ >]*(\d{1,2}[.)]|[-*+•]|\|)?[ ]*")
_BULLET = re.compile(r"(\d{1,2}[.)]|[-*+•])[ ]*$")
#: a header field of a memo or letter ("For:", "From:", "Prepared by:")
_FIELD_LABEL = re.compile(r"(?:^|\s|\*)(?:[A-Z][a-z]+)(?: [a-z]+)?:\**(?=\s)")
_LOWER_WORD = re.compile(r"(?<![\w@./-])[a-z]{2,}(?![\w@./-])")
#: a claim counted over clients nobody names ("more than 60 sites", "200+ projects")
_COUNTED = re.compile(r"\b(?:more than|over|upwards of|some)\s+\d[\d,.]*\+?\s|\b\d[\d,]*\+\s", re.I)

#: a document as the model reads it: {"kind": str, "units": [{"text", "partner", "question",
#: "heading", "turn", "block", "line"}, ...]} (the benchmark's dumps have this form too)
View = Mapping[str, Any]


def document_view(document: ParsedDocument) -> dict[str, Any]:
    """What the model reads of a parsed document."""
    text = document.text
    units = []
    for unit in document.units:
        line = text[text.rfind("\n", 0, unit.start) + 1 : unit.start]
        units.append(
            {
                "text": unit.text,
                "partner": unit.by_partner,
                "question": unit.is_question,
                "heading": unit.heading,
                "turn": unit.turn,
                "block": unit.block,
                "line": line[-12:],
            }
        )
    return {"kind": document.kind, "units": units}


def _shape(word: str) -> str:
    if word.isdigit():
        return "D" * min(len(word), 4)
    return "X" if word[0].isupper() else "x"


def unit_tokens(document: View, index: int) -> list[str]:
    """The tokens of one unit: its words, shapes, heading, the unit before it, where it stands."""
    units = document["units"]
    unit = units[index]
    words = _WORD.findall(unit["text"])
    lowered = [w.lower() for w in words]
    tokens = [f"w:{w}" for w in lowered]
    tokens += [f"b:{a}_{b}" for a, b in zip(lowered, lowered[1:], strict=False)]
    shapes = [_shape(w) for w in words]
    tokens += [f"s:{a}{b}{c}" for a, b, c in zip(shapes, shapes[1:], shapes[2:], strict=False)]
    tokens += [f"h:{w.lower()}" for w in _WORD.findall(unit["heading"])]
    if index:
        before = units[index - 1]
        tokens += [f"p:{w.lower()}" for w in _WORD.findall(before["text"])]
        tokens.append(f"prev_side:{before['partner']}:{before['question']}")
        tokens.append(f"same_block:{before['block'] == unit['block']}")
        tokens.append(f"same_turn:{before['turn'] == unit['turn']}")
    else:
        tokens.append("first_unit")
    tokens += [
        f"kind:{document['kind']}",
        f"partner:{unit['partner']}",
        f"question:{unit['question']}",
        f"opens_line:{unit['line'].strip() == '' or bool(_LINE_START.fullmatch(unit['line']))}",
        f"bullet:{bool(_BULLET.search(unit['line']))}",
        f"length:{min(len(words) // 8, 5)}",
    ]
    return tokens


def char_grams(text: str) -> list[str]:
    """Lower-cased character 3-5-grams of each whitespace-separated word, padded with a space."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    return grams


def _normalised(counts: Counter[str], prefix: str) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {prefix + k: v / norm for k, v in counts.items()} if norm else {}


def unit_features(document: View, index: int) -> dict[str, float]:
    """One unit's features: counted tokens and character n-grams, each part L2-normalised."""
    tokens = _normalised(Counter(unit_tokens(document, index)), "t ")
    chars = _normalised(Counter(char_grams(document["units"][index]["text"])), "c ")
    return {**tokens, **chars}


@dataclass(frozen=True)
class OpenerModel:
    intercept: float
    threshold: float
    weights: dict[str, float] = field(repr=False)

    def probability(self, features: Mapping[str, float]) -> float:
        weights = self.weights
        return sigmoid(self.intercept + sum(weights.get(k, 0.0) * v for k, v in features.items()))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OpenerModel:
        names, values = data["features"], data["weights"]
        if len(names) != len(values):
            raise ValueError(f"reference openers: {len(names)} features for {len(values)} weights")
        threshold = float(data["threshold"])
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"reference openers: threshold {threshold} outside (0, 1]")
        return cls(float(data["intercept"]), threshold, {str(k): float(v) for k, v in zip(names, values, strict=True)})

    def to_json(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        ordered = sorted(self.weights)
        return {
            "intercept": self.intercept,
            "threshold": self.threshold,
            "settings": SETTINGS,
            "features": ordered,
            "weights": [self.weights[k] for k in ordered],
            **(extra or {}),
        }


@cache
def load(path: Path = WEIGHTS) -> OpenerModel | None:
    """The shipped opener, or None when none is shipped (the rules alone decide)."""
    if not path.exists():
        return None
    return OpenerModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def may_open(unit: Mapping[str, Any]) -> bool:
    """Where a reference can open at all, as for the rules: a statement by the partner, not the
    partner's account of what their own side bought or tried ("we signed with a vendor ..."), not a
    line that is no sentence (a title, letterhead, signature, list of names or header fields), not a career, a
    subcontractor, a wish, a bid or an award, not an offer with nothing past in it ("we will run a pilot with your team"),
    and not a claim over clients nobody names ("more than 60 sites", "helped 200+ companies")."""
    text = unit["text"]
    if not unit["partner"] or unit["question"] or CLIENT_HISTORY.search(text):
        return False
    if len(_LOWER_WORD.findall(text)) < 4:
        return False  # a title, letterhead, signature, address or list of names: no sentence
    if OFFER.search(text) and not PAST_MARK.search(text):
        return False
    if NOT_PAST_WORK.search(text) or len(_FIELD_LABEL.findall(text)) >= 2:
        return False  # a career, a subcontractor, a wish, a bid, an award; a line of header fields
    return not ((GENERIC_CLAIM.search(text) or _COUNTED.search(text)) and not described_work(text, [], []))


def openers(model: OpenerModel, document: View, threshold: float | None = None) -> list[int]:
    """The units the model opens a reference at (allowed there, probability at least the threshold)."""
    cut = model.threshold if threshold is None else threshold
    units = document["units"]
    return [i for i in range(len(units)) if may_open(units[i]) and model.probability(unit_features(document, i)) >= cut]


def span_of(document: View, opener: int, starts: set[int]) -> list[int]:
    """The opener and the next sentences of its paragraph and turn, up to the next opener."""
    units = document["units"]
    span = [opener]
    for index in range(opener + 1, min(len(units), opener + MAX_SPAN)):
        if index in starts or units[index]["block"] != units[opener]["block"]:
            break
        if units[index]["turn"] != units[opener]["turn"]:
            break
        span.append(index)
    return span


def spans(model: OpenerModel, document: View) -> list[list[int]]:
    starts = openers(model, document)
    return [span_of(document, opener, set(starts)) for opener in starts]


def model_references(document: ParsedDocument, model: OpenerModel | None = None) -> tuple[ReferenceFinding, ...]:
    """The model's references in a document (each answered by the rules' sentence patterns)."""
    model = model or load()
    if model is None:
        return ()
    view = document_view(document)
    found = []
    for span in spans(model, view):
        units = [document.units[i] for i in span]
        texts = [u.text for u in units]
        evidence = {0}
        said: dict[str, Answer] = {}
        for question in QUESTIONS:
            said[question], where = answers.span_answer(texts, *PATTERNS[question])
            evidence.update(where)
        opener = texts[0]
        partners, clients = document.partner_names, document.client_names
        client = (
            described_work(opener, partners, clients)
            or listed_client(opener, partners, clients)
            or entry_client(opener, partners, clients)
            or ""
        )
        speaker = units[0].speaker or ""
        found.append(
            ReferenceFinding(
                client=client,
                said_by=speaker,
                similar_scale=said["similar_scale"],
                still_running=said["still_running"],
                client_contact_offered=said["client_contact_offered"],
                evidence=tuple(dict.fromkeys(texts[i] for i in sorted(evidence))),
            )
        )
    return tuple(found)


def with_model(document: ParsedDocument, found: tuple[ReferenceFinding, ...]) -> tuple[ReferenceFinding, ...]:
    """The rules' references; only where the rules find none, the model's."""
    return found or model_references(document)
