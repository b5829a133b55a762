"""The feature space of :mod:`features` in plain Python: the same tokens, n-grams, hashed columns
and l2-normalised counts as the hashing vectorizer, without importing scikit-learn or numpy.

The reviewer scores sentences with it at check time (importing scikit-learn costs more than a
whole contract's check); training keeps the vectorizer. A test holds the two to the same columns
and values.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from inhouse.analysis.contracts.model.features import N_FEATURES, SETTINGS

_TOKEN = re.compile(SETTINGS["token_pattern"])
_MASK = 0xFFFFFFFF


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 (x86, 32 bits) of ``data``, as a signed integer (scikit-learn's ``murmurhash3_32``)."""
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & _MASK
    length = len(data)
    tail = length & ~3
    for i in range(0, tail, 4):
        k = data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24
        k = (k * c1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * c2) & _MASK
        h ^= k
        h = ((h << 13) | (h >> 19)) & _MASK
        h = (h * 5 + 0xE6546B64) & _MASK
    rest = length & 3
    if rest:
        k = 0
        if rest == 3:
            k ^= data[tail + 2] << 16
        if rest >= 2:
            k ^= data[tail + 1] << 8
        k ^= data[tail]
        k = (k * c1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * c2) & _MASK
        h ^= k
    h ^= length
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


@lru_cache(maxsize=200_000)
def column(gram: str) -> int:
    """The hashed column of one n-gram (the vectorizer's, sign dropped)."""
    h = murmurhash3_32(gram.encode("utf-8"))
    if h == -(2**31):
        return (2147483647 - (N_FEATURES - 1)) % N_FEATURES
    return abs(h) % N_FEATURES


def ngrams(text: str) -> list[str]:
    """The word uni- and bigrams of ``text``, lowercased, in the vectorizer's order."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def vector(text: str) -> dict[int, float]:
    """The sentence's row: hashed column -> l2-normalised count."""
    counts: dict[int, float] = {}
    for gram in ngrams(text):
        col = column(gram)
        counts[col] = counts.get(col, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {col: v / norm for col, v in counts.items()} if norm else {}
