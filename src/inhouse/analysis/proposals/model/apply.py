"""A signal's verdict from its shipped model, when cross-validation chose the model over the rules."""

from __future__ import annotations

from inhouse.analysis.proposals.document import ParsedDocument
from inhouse.analysis.proposals.model import features
from inhouse.analysis.proposals.model.linear import SignalModel, load
from inhouse.analysis.proposals.signals.base import SignalDetector
from inhouse.domain.partners import SignalResult


def detect(detector: SignalDetector, document: ParsedDocument, grams: dict[int, float] | None = None) -> SignalResult:
    """The detector's result, decided by its model when the shipped file says the model decides.
    The quotes are always the detector's: the sentences that weighed for and against."""
    weighing = detector.weigh(document)
    result = detector.result(weighing, document)
    model = load(detector.name)
    if model is None or not model.decides:
        return result
    return decided(model, result, features.cue_features(weighing, result.value, document), grams, document)


def decided(
    model: SignalModel,
    result: SignalResult,
    cues: dict[str, float],
    grams: dict[int, float] | None,
    document: ParsedDocument,
) -> SignalResult:
    if model.ngrams and grams is None:
        grams = features.ngram_features(features.partner_text(document))
    probability = model.probability(cues, grams if model.mode == "cues_ngrams" else None)
    value = probability >= 0.5
    sure = probability if value else 1.0 - probability
    return result.model_copy(update={"value": value, "confidence": round(min(0.97, sure), 2)})
