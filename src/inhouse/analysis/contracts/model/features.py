"""The one feature space of the contract models: hashed word uni- and bigrams of a sentence.

Training and inference build the vectorizer from these settings alone (a hashing vectorizer
has no fitted state), so the shipped weights index the same columns the training saw.
scikit-learn is imported inside the functions: importing the reviewer stays cheap.
"""

from __future__ import annotations

from typing import Any

N_FEATURES = 2**18
SETTINGS: dict[str, Any] = {
    "n_features": N_FEATURES,
    "ngram_range": (1, 2),
    "alternate_sign": False,
    "norm": "l2",
    "lowercase": True,
    "token_pattern": r"(?u)\b\w+\b",
    "dtype": "float64",
}


def vectorizer() -> Any:
    """The hashing vectorizer of :data:`SETTINGS`."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    settings = dict(SETTINGS, dtype=np.float64)
    return HashingVectorizer(**settings)


def ngrams(text: str) -> list[str]:
    """The word n-grams the vectorizer sees in ``text`` (in order, repeats kept)."""
    analyze = vectorizer().build_analyzer()
    return list(analyze(text))


def columns(grams: list[str]) -> list[int]:
    """The hashed column of each n-gram, as the vectorizer computes it."""
    from sklearn.feature_extraction import FeatureHasher

    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    matrix = hasher.transform([[gram] for gram in grams])
    return [int(matrix.indices[matrix.indptr[i]]) for i in range(len(grams))]
