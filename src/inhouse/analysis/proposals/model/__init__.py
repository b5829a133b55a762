"""Learned weights for the three proposal signals, shipped as JSON and scored without scikit-learn.

Each signal's file says how its verdict is reached: ``rules`` (the detector's hand-set
weighing decides), ``cues`` (a logistic regression over the weighing's cue features) or
``cues_ngrams`` (the same plus hashed word n-grams of the partner's words). Which one is the
outcome of document-grouped cross-validation on the labelled documents (:mod:`train`); the
quotes behind a verdict are always the detector's.
"""

from inhouse.analysis.proposals.model.linear import SignalModel, load

__all__ = ["SignalModel", "load"]
