"""What the signal models read: the detector's weighing (cue features) and hashed word n-grams.

Both are computed in plain Python, so training and scoring see the same columns and scoring
needs neither scikit-learn nor numpy. N-grams are lower-cased word uni- and bigrams of the
partner's own words, hashed with BLAKE2b into :data:`N_FEATURES` columns, counted and
L2-normalised.
"""

from __future__ import annotations

import hashlib
import math
import re

from inhouse.analysis.proposals.document import ParsedDocument
from inhouse.analysis.proposals.signals.base import Weighing

N_FEATURES = 2**18
NGRAMS = (1, 2)
SETTINGS = {"n_features": N_FEATURES, "ngram_range": list(NGRAMS), "hash": "blake2b-8", "norm": "l2"}
_TOKEN = re.compile(r"\b\w+\b")

#: the cue features, in a fixed order
CUES = (
    "rule",
    "for_weight",
    "against_weight",
    "margin",
    "support_count",
    "against_count",
    "max_support",
    "max_against",
    "veto",
    "conversational",
    "kind_proposal",
    "kind_transcript",
    "kind_email",
)


def cue_features(weighing: Weighing, rule: bool, document: ParsedDocument) -> dict[str, float]:
    """The detector's weighing of one document as numbers (its verdict among them)."""
    support = [w for w, _ in weighing.support]
    against = [w for w, _ in weighing.against]
    return {
        "rule": float(rule),
        "for_weight": weighing.for_weight,
        "against_weight": weighing.against_weight,
        "margin": weighing.for_weight - weighing.against_weight,
        "support_count": float(len(support)),
        "against_count": float(len(against)),
        "max_support": max(support, default=0.0),
        "max_against": max(against, default=0.0),
        "veto": float(weighing.veto),
        "conversational": float(document.conversational),
        "kind_proposal": float(document.kind == "proposal"),
        "kind_transcript": float(document.kind == "transcript"),
        "kind_email": float(document.kind == "email"),
    }


def partner_text(document: ParsedDocument) -> str:
    return " ".join(unit.text for unit in document.partner_units)


def column(gram: str) -> int:
    digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % N_FEATURES


def ngram_features(text: str) -> dict[int, float]:
    """Hashed, counted, L2-normalised word uni- and bigrams of ``text``."""
    tokens = _TOKEN.findall(text.lower())
    counts: dict[int, float] = {}
    for n in range(NGRAMS[0], NGRAMS[1] + 1):
        for i in range(len(tokens) - n + 1):
            col = column(" ".join(tokens[i : i + n]))
            counts[col] = counts.get(col, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {col: v / norm for col, v in counts.items()} if norm else {}
