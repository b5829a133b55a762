"""Learned sentence classifiers of the contract reviewer: one linear model per decision
("does this sentence say X?"), over hashed word n-grams (:mod:`features`), with the weights
shipped as JSON in ``weights/`` and rebuilt by ``make models`` (:mod:`train`).

A contract holds a decision when one of its sentences scores at or above the decision's
threshold. Inference is deterministic: the same text gives the same scores.
"""

from __future__ import annotations

from inhouse.analysis.contracts.model.linear import (
    DECISIONS,
    WEIGHTS_DIR,
    LinearModel,
    load,
)

__all__ = ["DECISIONS", "WEIGHTS_DIR", "LinearModel", "load"]
