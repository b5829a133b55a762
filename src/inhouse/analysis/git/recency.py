"""The ``recency`` knowledge model: knowledge fades with time, and reviews and co-authors count.

The default model, ``avelino2016`` (``authorship.py``), weighs every commit alike however old
it is: it reproduces the published truck factors, but someone who wrote a module five years ago
and never came back still "knows" it. Two later works weigh knowledge by recency:

* JetBrains' Bus Factor Explorer (Jabrayilzade et al., "Bus Factor Explorer", ASE 2023, tool
  demo) weights every contribution by ``exp(-days/90)`` and credits
  reviews and ``Co-authored-by``/``Reviewed-by`` trailers as well as commits;
* Cury et al. (Information and Software Technology, 2024) found recency of modification among
  the strongest predictors of who knows a file.

Here each contribution to a file is weighted by ``2 ** (-age / half_life)``, ``age`` being the
days from its author date to the day the scanned head was committed (the default half-life, 90
days, is the setting ``knowledge_half_life_days``; Bus Factor Explorer's ``exp(-days/90)`` is a
half-life of 62.4 days). See docs/knowledge-models.md for what is taken from where.
A contribution is a commit that added, changed or renamed the file (weight 1, as for its author,
and the same for each co-author the commit names) or a ``Reviewed-by`` trailer of such a commit
(weight :data:`REVIEW_WEIGHT`), or a review of an imported pull/merge request that changed the
file (``review_credit.py``; the same weight, dated by the review, none after the head's day).
A person *knows* a file when their knowledge is at least
:data:`NORMALISED_THRESHOLD` of the file's highest (Avelino et al.'s normalised rule) and at least
:data:`ABSOLUTE_THRESHOLD` (one commit one half-life old): a file nobody touched for long has
nobody left who knows it. The truck factor and the off-boarding are then computed from these
author sets exactly as under ``avelino2016``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from inhouse.analysis.git.authorship import file_authors
from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.history import DAY, FileRecord
from inhouse.analysis.git.trailers import CO_AUTHOR

KNOWLEDGE_MODELS = ("avelino2016", "recency")
DEFAULT_HALF_LIFE_DAYS = 90.0
AUTHOR_WEIGHT = 1.0  # the commit's author and each co-author
REVIEW_WEIGHT = 0.5  # a reviewer: read the change, did not write it
NORMALISED_THRESHOLD = 0.75
ABSOLUTE_THRESHOLD = 0.5

Authors = Callable[[FileRecord, Sequence[int], Collection[int]], frozenset[int]]


def decay(age_days: int, half_life_days: float) -> float:
    """The weight of a contribution ``age_days`` old (a contribution after the head counts as new)."""
    return math.pow(0.5, max(age_days, 0) / half_life_days)


_DECAYS: dict[tuple[int, float], tuple[float, ...]] = {}  # (head day, half-life) -> decay of each age from 0


def _faded(days: Sequence[int], head_day: int, half_life_days: float) -> list[float]:
    """:func:`decay` of each contribution dated ``days`` (UTC days since 1970), read from a table of
    the ages seen so far at this head (grown as older contributions come, kept for two heads)."""
    oldest = min(days, default=head_day)
    key = (head_day, half_life_days)
    table = _DECAYS.get(key, ())
    if len(table) <= head_day - oldest:
        top = head_day - max(oldest, 0)  # a day before 1970 is not a date: computed as it comes
        table += tuple(decay(age, half_life_days) for age in range(len(table), top + 1))
        if key not in _DECAYS and len(_DECAYS) >= 2:
            _DECAYS.clear()
        _DECAYS[key] = table  # a whole new tuple: a scan in another thread reads the old one or this
    return [table[head_day - day] if 0 <= day <= head_day else decay(head_day - day, half_life_days) for day in days]


def file_knowledge(
    record: FileRecord,
    owner: Sequence[int],
    ignored: Collection[int],
    head_day: int,
    half_life_days: float,
    reviews: Sequence[tuple[int, int]] = (),
) -> dict[int, float]:
    """Each identity's decayed knowledge of ``record`` (``owner`` maps raw people to identities;
    ``ignored`` identities, bots, count for nothing; ``reviews``: imported reviews of the file,
    (identity, day) each). An identity credited twice for one commit (its author and a
    co-author, two raw forms of one person) is credited once, at the higher weight."""
    changes = record.changes
    faded = _faded(changes[1::4], head_day, half_life_days)
    scores: dict[int, float] = {}
    authors = [owner[person] for person in changes[0::4]]
    for ident, weight in zip(authors, faded, strict=True):
        scores[ident] = scores.get(ident, 0.0) + AUTHOR_WEIGHT * weight
    credits = record.credits
    given: dict[tuple[int, int], float] = {}  # (entry, identity) -> the higher credit weight
    for i in range(0, len(credits), 3):
        entry, ident = credits[i], owner[credits[i + 1]]
        if ident != authors[entry]:  # the author's own credit is already the highest
            weight = AUTHOR_WEIGHT if credits[i + 2] == CO_AUTHOR else REVIEW_WEIGHT
            given[(entry, ident)] = max(given.get((entry, ident), 0.0), weight)
    for (entry, ident), weight in given.items():
        scores[ident] = scores.get(ident, 0.0) + weight * faded[entry]
    for ident, day in reviews:
        if day <= head_day:
            scores[ident] = scores.get(ident, 0.0) + REVIEW_WEIGHT * decay(head_day - day, half_life_days)
    for ident in [i for i in scores if i in ignored]:
        del scores[ident]
    return scores


def knowers(scores: dict[int, float]) -> frozenset[int]:
    """The identities whose knowledge passes both thresholds."""
    if not scores:
        return frozenset()
    best = max(scores.values())
    return frozenset(
        i for i, v in scores.items() if v >= ABSOLUTE_THRESHOLD and v >= NORMALISED_THRESHOLD * best - 1e-12
    )


@dataclass(frozen=True)
class Recency:
    """The ``recency`` model at one head: a file's author set (called as :data:`Authors`), and
    what an analysis keeps of it for the next (``memo.py``)."""

    head_day: int
    half_life_days: float
    reviews: Mapping[str, Sequence[tuple[int, int]]]

    def scores(self, record: FileRecord, owner: Sequence[int], ignored: Collection[int]) -> dict[int, float]:
        """:func:`file_knowledge` of ``record`` at this head, with its imported reviews."""
        reviews = self.reviews.get(record.path, ())
        return file_knowledge(record, owner, ignored, self.head_day, self.half_life_days, reviews)

    def __call__(self, record: FileRecord, owner: Sequence[int], ignored: Collection[int]) -> frozenset[int]:
        return knowers(self.scores(record, owner, ignored))

    def settled(self, record: FileRecord) -> bool:
        """Whether every contribution to ``record`` is dated on or before this head's day: then its
        scores at a later head are these scaled by one factor (:func:`knowers_later`)."""
        days = record.changes[1::4]
        return (not days or max(days) <= self.head_day) and all(
            day <= self.head_day for _ident, day in self.reviews.get(record.path, ())
        )


#: How close to a threshold a scaled score may come before it is computed again from the facts.
_MARGIN = 1e-9


def candidates(scores: Mapping[int, float]) -> list[tuple[int, float]] | None:
    """The identities :func:`knowers` could name at this head or a later one (knowledge within
    :data:`NORMALISED_THRESHOLD` of the best, which scaling keeps), best first, with their
    knowledge; None when one lies so near the normalised threshold that rounding could move it."""
    if not scores:
        return []
    best = max(scores.values())
    near = NORMALISED_THRESHOLD * best
    if any(abs(v - near) <= _MARGIN * best for v in scores.values()):
        return None
    return sorted(((i, v) for i, v in scores.items() if v > near), key=lambda iv: (-iv[1], iv[0]))


def knowers_later(kept: Sequence[tuple[int, float]], days: int, half_life_days: float) -> frozenset[int] | None:
    """:func:`knowers` ``days`` after the head whose :func:`candidates` are ``kept``, all its
    contributions dated on or before that head (every weight then fades by one factor); None
    when a scaled score lies too near the absolute threshold to trust the rounding."""
    factor = math.pow(0.5, days / half_life_days)
    out = []
    for ident, value in kept:
        scaled = value * factor
        if abs(scaled - ABSOLUTE_THRESHOLD) <= _MARGIN:
            return None
        if scaled >= ABSOLUTE_THRESHOLD:
            out.append(ident)
    return frozenset(out)


def authors_under(
    model: str,
    head_day: int,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    reviews: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Authors:
    """The function giving a file's author set under the knowledge ``model``; ``reviews``: the
    imported reviews by file (its latest path), credited by ``recency`` alone."""
    if model == "avelino2016":
        return lambda record, owner, ignored: file_authors(record, owner, ignored)
    return Recency(head_day, half_life_days, reviews or {})


def knowledge_authors(
    repo: GitRepo,
    head: str,
    model: str,
    half_life_days: float,
    reviews: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Authors:
    """:func:`authors_under` at the day ``head`` was committed (its committer date: the day of the
    snapshot, as Bus Factor Explorer takes it; contributions are dated by their author dates),
    read only when needed."""
    if model == "avelino2016":
        return authors_under(model, 0)
    stamp = repo.run(["log", "-1", "--no-show-signature", "--format=%ct", head, "--"]).strip()
    return authors_under(model, int(stamp or 0) // DAY, half_life_days, reviews)
