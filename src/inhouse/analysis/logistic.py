"""The logistic function the shipped linear models turn a margin into a probability with."""

from __future__ import annotations

import math


def sigmoid(margin: float) -> float:
    """``1 / (1 + e^-margin)``, computed without overflow for margins of either sign."""
    if margin >= 0:
        return 1.0 / (1.0 + math.exp(-margin))
    e = math.exp(margin)
    return e / (1.0 + e)
