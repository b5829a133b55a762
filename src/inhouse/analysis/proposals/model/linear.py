"""One shipped signal model: its JSON weights and its score, in plain Python."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from inhouse.analysis.logistic import sigmoid
from inhouse.analysis.proposals.model import features

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
MODES = ("rules", "cues", "cues_ngrams")
SIGNALS = ("problem_first", "honest_limits", "starts_small")


@dataclass(frozen=True)
class SignalModel:
    signal: str
    #: "rules" (the detector decides), "cues" or "cues_ngrams" (this model decides)
    mode: str
    intercept: float
    #: cue name -> weight, over standardised cues ((x - mean) / scale)
    cues: dict[str, float]
    mean: dict[str, float]
    scale: dict[str, float]
    ngrams: dict[int, float] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignalModel:
        if data.get("mode") not in MODES:
            raise ValueError(f"{data.get('signal')}: unknown mode {data.get('mode')!r}")
        indices, values = data.get("ngram_indices", []), data.get("ngram_weights", [])
        if len(indices) != len(values):
            raise ValueError(f"{data.get('signal')}: {len(indices)} n-gram indices for {len(values)} weights")
        return cls(
            signal=str(data["signal"]),
            mode=str(data["mode"]),
            intercept=float(data["intercept"]),
            cues={str(k): float(v) for k, v in data["cues"].items()},
            mean={str(k): float(v) for k, v in data["mean"].items()},
            scale={str(k): float(v) for k, v in data["scale"].items()},
            ngrams={int(i): float(w) for i, w in zip(indices, values, strict=True)},
        )

    def to_json(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        ordered = sorted(self.ngrams)
        return {
            "signal": self.signal,
            "mode": self.mode,
            "intercept": self.intercept,
            "cues": self.cues,
            "mean": self.mean,
            "scale": self.scale,
            "features": {"cues": list(features.CUES), **features.SETTINGS},
            "ngram_indices": ordered,
            "ngram_weights": [self.ngrams[i] for i in ordered],
            **(extra or {}),
        }

    @property
    def decides(self) -> bool:
        return self.mode != "rules"

    def margin(self, cues: dict[str, float], grams: dict[int, float] | None = None) -> float:
        """w . x + b over the standardised cues (and the n-grams, when the model has them)."""
        total = self.intercept
        for name, weight in self.cues.items():
            total += weight * (cues.get(name, 0.0) - self.mean.get(name, 0.0)) / (self.scale.get(name) or 1.0)
        if grams and self.ngrams:
            total += sum(value * self.ngrams.get(col, 0.0) for col, value in grams.items())
        return total

    def probability(self, cues: dict[str, float], grams: dict[int, float] | None = None) -> float:
        return sigmoid(self.margin(cues, grams))


@cache
def load(signal: str, folder: Path = WEIGHTS_DIR) -> SignalModel | None:
    """The shipped model of ``signal``, or None when none is shipped (the rules decide)."""
    if signal not in SIGNALS:
        raise KeyError(f"no model for {signal!r}")
    path = folder / f"{signal}.json"
    if not path.exists():
        return None
    return SignalModel.from_json(json.loads(path.read_text(encoding="utf-8")))
