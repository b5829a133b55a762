"""One shipped linear model: its weights file, its scores and the words that weighed most."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from inhouse.analysis.contracts.model import features, hashing
from inhouse.analysis.logistic import sigmoid

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"

#: decision -> what a positive sentence says
DECISIONS: dict[str, str] = {
    "auto_renewal": "the contract renews or extends itself, or at one party's option",
    "exclusivity": "a party deals exclusively with the other, or may not work with others",
    "minimum_commitment": "a party must buy or pay a minimum amount or volume",
    "termination_fee": "leaving early costs a fee, liquidated damages or the remaining fees",
    "termination_for_convenience": "a party may end the contract without cause, by notice",
    "vendor_retains_ip": "the vendor keeps the rights in what it delivers",
    "deliverable_ownership": "who owns or may use the deliverables and their rights",
    "knowledge_transfer": "the vendor trains or hands knowledge to the client's people",
    "source_access": "the client's access to the source code (repositories, escrow, delivery)",
    "maintenance": "the vendor maintains or supports what it delivered (warranty, fixes, fees)",
    "exit": "how the contract ends and what the client takes or gets on leaving",
}


@dataclass(frozen=True)
class LinearModel:
    decision: str
    intercept: float
    #: the margin a sentence must reach for the decision to hold
    threshold: float
    #: how the reviewer combines this model with its rules: "rules" | "model" | "rules_or_model"
    combine: str
    weights: dict[int, float] = field(repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        indices, values = data["indices"], data["weights"]
        if len(indices) != len(values):
            raise ValueError(f"{data.get('decision')}: {len(indices)} indices for {len(values)} weights")
        return cls(
            decision=str(data["decision"]),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            combine=str(data.get("combine", "rules")),
            weights={int(i): float(w) for i, w in zip(indices, values, strict=True)},
        )

    def to_json(self) -> dict[str, Any]:
        ordered = sorted(self.weights)
        return {
            "decision": self.decision,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "combine": self.combine,
            "features": {k: list(v) if isinstance(v, tuple) else v for k, v in features.SETTINGS.items()},
            "indices": ordered,
            "weights": [self.weights[i] for i in ordered],
        }

    @cached_property
    def _dense(self) -> Any:
        import numpy as np

        dense = np.zeros(features.N_FEATURES, dtype=np.float64)
        if self.weights:
            dense[np.fromiter(self.weights.keys(), dtype=np.int64)] = np.fromiter(
                self.weights.values(), dtype=np.float64
            )
        return dense

    def margin(self, sentence: str) -> float:
        """One sentence's margin, in plain Python (no scikit-learn, no numpy)."""
        return self.margin_of(hashing.vector(sentence))

    def margin_of(self, row: dict[int, float]) -> float:
        """The margin of a sentence's row (:func:`hashing.vector`)."""
        get = self.weights.get
        total = 0.0
        for col, value in row.items():
            weight = get(col)
            if weight is not None:
                total += weight * value
        return total + self.intercept

    def margins(self, sentences: list[str]) -> list[float]:
        """The margin (w . x + b) of each sentence; the sentence says X when it reaches the threshold."""
        return [self.margin(sentence) for sentence in sentences]

    def scores(self, sentences: list[str]) -> list[float]:
        """The probability-like score (0..1) of each sentence."""
        return [sigmoid(m) for m in self.margins(sentences)]

    def weighed_most(self, sentence: str, k: int = 5) -> list[str]:
        """The n-grams of ``sentence`` that pushed its score up the most: weight times count in the
        sentence, strongest first (ties by the n-gram); n-grams of function words alone are left out."""
        counts: dict[str, int] = {}
        for gram in hashing.ngrams(sentence):
            counts[gram] = counts.get(gram, 0) + 1
        weighted = [
            (self.weights.get(hashing.column(gram), 0.0) * count, gram)
            for gram, count in counts.items()
            if not set(gram.split()) <= FUNCTION_WORDS
        ]
        weighted.sort(key=lambda item: (-item[0], item[1]))
        return [gram for weight, gram in weighted[:k] if weight > 0]


#: words that say nothing alone ("the", "shall"): an n-gram of them only is never shown as a reason
FUNCTION_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself may
    me might more most must my myself neither no nor not of off on once only or other our ours ourselves
    out over own same shall she should so some such than that the their theirs them themselves then there
    these they this those through thus to too under until up upon us very was we were what when where
    whether which while who whom why will with within without would you your yours yourself""".split()
)


@cache
def load(decision: str, folder: Path = WEIGHTS_DIR) -> LinearModel:
    """The shipped model of ``decision`` (cached: loaded once per process)."""
    if decision not in DECISIONS:
        raise KeyError(f"no model for {decision!r}")
    path = folder / f"{decision}.json"
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
