"""Successors: for a file that would lose its authors, the people best placed to take it over.

Rigby, Zhu, Donadelli and Mockus ("Quantifying and Mitigating Turnover-Induced Knowledge
Loss", ICSE 2016) recommend successors for abandoned files from the knowledge nearest to
them. Here a candidate's score for file f is a weighted sum of terms (:data:`TERMS`, weights
:class:`Weights`):

* ``touch``: each commit of theirs that changed f (without making them a DOA author);
* ``folder``: the share of f's folder's files they author (DOA, Avelino et al., ICPC 2016);
* ``cochange``: the share of the files changed together with f that they author. Commits are
  not kept in the mined facts, so "together" is a proxy: changed by the same person on the
  same UTC day as f was. A day on which that person changed more than ``COCHANGE_LIMIT`` files
  (a sweeping change: a reformat, a rename, a licence header) says nothing about f's
  neighbours and is skipped, as co-change mining leaves out large transactions (Zimmermann,
  Weissgerber, Diehl and Zeller, ICSE 2004, ignore those of more than 30 files);
* ``review``: each review of a change of f (``reviews``, path -> identity -> count: the
  ``Reviewed-by`` trailers of f's commits, :func:`trailer_reviews`, and the imported pull/merge
  request reviews, ``review_credit.py``);
* the recent terms, each change day weighted by ``2 ** (-age / half_life)``, its age counted to
  ``today`` (the abandonment day; in a scan, the last day of the history): ``recent_file``, their
  aged change days on f; ``recent_folder`` and ``recent_near``, their share of the aged change
  days on f's folder and on the files changed together with f; ``active``, their share of the
  aged commit days of the whole history (any file).

Shares (0 to 1) rather than counts, because as counts the folder and co-change terms grew with
the size of the folder or of the changes around f, so whoever authored most of a large project
ranked first for nearly every file (docs/truck-factor.md). Ranked by score, ties by identity id;
candidates scoring 0 are left out. The weights were chosen on jquery's history alone and checked
on angular.js's and rails's (``benchmarks/successors.py``): 2 x ``recent_near`` + ``active`` +
``review``; the other terms are measured there and weigh 0.
"""

from __future__ import annotations

import heapq
import posixpath
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inhouse.analysis.git.history import FileRecord
from inhouse.analysis.git.recency import decay
from inhouse.analysis.git.trailers import REVIEWER
from inhouse.domain.knowledge import FileSuccessors, Successor, printable

# Weights chosen on jquery's history alone (benchmarks/successors.py --fit-on jquery; angular.js
# and rails held out, docs/truck-factor.md): the terms at 0 are measured, not used.
TOUCH = 0.0
FOLDER = 0.0
COCHANGE = 0.0
REVIEW = 1.0  # not measured: the histories checked have no review data
RECENT_FILE = 0.0
RECENT_FOLDER = 0.0
RECENT_NEAR = 2.0
ACTIVE = 1.0
RECENT_HALF_LIFE_DAYS = 365.0
COCHANGE_LIMIT = 30  # files one person changed on one day, above which the day is skipped

Day = tuple[int, int]  # (identity, UTC day)

TERMS = ("touch", "folder", "cochange", "review", "recent_file", "recent_folder", "recent_near", "active")


@dataclass(frozen=True)
class Weights:
    """The weight of each term of the score (:data:`TERMS`) and the half-life of the recent ones."""

    touch: float = TOUCH
    folder: float = FOLDER
    cochange: float = COCHANGE
    review: float = REVIEW
    recent_file: float = RECENT_FILE
    recent_folder: float = RECENT_FOLDER
    recent_near: float = RECENT_NEAR
    active: float = ACTIVE
    half_life_days: float = RECENT_HALF_LIFE_DAYS


WEIGHTS = Weights()


def file_facts(
    record: FileRecord, owner: Sequence[int], ignored: Collection[int] = (), until: int | None = None
) -> tuple[set[Day], dict[int, int]]:
    """A file's (identity, day) change pairs and each identity's number of commits on it (its
    additions included), up to day ``until`` when given; ``ignored`` identities (bots) left out."""
    days: set[Day] = set()
    touches: dict[int, int] = {}
    changes = record.changes
    for person, day in zip(changes[0::4], changes[1::4], strict=False):
        if until is not None and day > until:
            continue
        ident = owner[person]
        if ident in ignored:
            continue
        days.add((ident, day))
        touches[ident] = touches.get(ident, 0) + 1
    return days, touches


def trailer_reviews(
    records: Mapping[str, FileRecord], owner: Sequence[int], ignored: Collection[int] = ()
) -> dict[str, dict[int, int]]:
    """Each file's reviewers from its commits' ``Reviewed-by`` trailers: path -> identity -> the
    commits of the file they reviewed (the ``reviews`` of :func:`successors_of`)."""
    found: dict[str, dict[int, int]] = {}
    for path, record in records.items():
        credits = record.credits
        for i in range(0, len(credits), 3):
            if credits[i + 2] != REVIEWER:
                continue
            ident = owner[credits[i + 1]]
            if ident not in ignored:
                per = found.setdefault(path, {})
                per[ident] = per.get(ident, 0) + 1
    return found


def merge_reviews(*sources: Mapping[str, Mapping[int, int]]) -> dict[str, dict[int, int]]:
    """Review counts of several sources added up, path by path and identity by identity."""
    out: dict[str, dict[int, int]] = {}
    for source in sources:
        for path, per in source.items():
            into = out.setdefault(path, {})
            for ident, n in per.items():
                into[ident] = into.get(ident, 0) + n
    return out


def _shares(counts: Mapping[int, float]) -> dict[int, float]:
    total = sum(counts.values())
    return {i: v / total for i, v in counts.items()} if total else {}


def _shares_of(total: float, values: Mapping[int, float]) -> dict[int, float]:
    """Each of ``values`` as a share of ``total`` (everyone's, of which ``values`` may be a part)."""
    return {i: v / total for i, v in values.items()} if total else {}


class Neighbourhood:
    """What the ranking reads, built once for a set of files: who authors what, per folder,
    and which files changed on each (identity, day). ``today``: the day the recent terms are
    aged to (none without it); ``activity``: each (identity, day)'s commits to any file."""

    def __init__(
        self,
        authors_by_path: Mapping[str, Collection[int]],
        days_by_path: Mapping[str, Collection[Day]],
        *,
        today: int | None = None,
        weights: Weights = WEIGHTS,
        activity: Mapping[Day, int] | None = None,
        focus: Collection[int] | None = None,
    ):
        self.authors = authors_by_path
        # the only identities the recent terms are read for (the candidates); their shares are
        # still of everyone's aged change days
        self.focus = None if focus is None else frozenset(focus)
        self.days = days_by_path
        self.today = today
        self.weights = weights
        self._by_folder: dict[str, tuple[int, dict[int, int]]] | None = None
        self.on_day: dict[Day, list[str]] = {}
        self.in_folder: dict[str, list[str]] = {}
        for path, days in days_by_path.items():
            self.in_folder.setdefault(posixpath.dirname(path), []).append(path)
            for d in days:
                self.on_day.setdefault(d, []).append(path)
        self._aged: dict[int, float] = {}
        self._per_file: dict[str, tuple[float, dict[int, float]]] = {}
        self._folder_recent: dict[str, dict[int, float]] = {}
        self.active: dict[int, float] = {}
        if today is not None:
            active: dict[int, float] = {}
            for (ident, day), n in (activity or {}).items():
                if day <= today:
                    active[ident] = active.get(ident, 0.0) + n * self._age(day)
            self.active = _shares(active)

    def by_folder(self) -> dict[str, tuple[int, dict[int, int]]]:
        """Each folder's number of files and the files each identity authors in it."""
        if self._by_folder is None:
            self._by_folder = {}
            for path, authors in self.authors.items():
                size, counts = self._by_folder.get(posixpath.dirname(path), (0, {}))
                for a in authors:
                    counts[a] = counts.get(a, 0) + 1
                self._by_folder[posixpath.dirname(path)] = (size + 1, counts)
        return self._by_folder

    def _age(self, day: int) -> float:
        found = self._aged.get(day)
        if found is None:
            assert self.today is not None
            found = self._aged[day] = decay(self.today - day, self.weights.half_life_days)
        return found

    def _recent_of(self, path: str) -> tuple[float, dict[int, float]]:
        """Everyone's aged change days on ``path`` in all, and each identity's (of :attr:`focus`,
        when set), kept per file."""
        found = self._per_file.get(path)
        if found is None:
            sums: dict[int, float] = {}
            for ident, day in self.days.get(path, ()):
                sums[ident] = sums.get(ident, 0.0) + self._age(day)
            total = sum(sums.values())
            if self.focus is not None:
                sums = {i: v for i, v in sums.items() if i in self.focus}
            found = self._per_file[path] = (total, sums)
        return found

    def _recent(self, paths: Iterable[str]) -> tuple[float, dict[int, float]]:
        """Everyone's change days on ``paths``, each weighted by its age, in all and by identity."""
        cache = self._per_file
        total = 0.0
        sums: dict[int, float] = {}
        for path in paths:
            part = cache.get(path)
            if part is None:
                part = self._recent_of(path)
            total += part[0]
            for ident, value in part[1].items():
                sums[ident] = sums.get(ident, 0.0) + value
        return total, {i: v for i, v in sums.items() if v}

    def together(self, path: str) -> set[str]:
        """The files changed with ``path``: by the same person on the same day, sweeping days left out."""
        found: set[str] = set()
        for d in self.days.get(path, ()):
            same = self.on_day.get(d, ())
            if len(same) <= COCHANGE_LIMIT:
                found.update(same)
        found.discard(path)
        return found

    def terms(
        self,
        path: str,
        touches: Mapping[int, int] | None = None,
        reviews: Mapping[int, int] | None = None,
        only: Collection[str] = TERMS,
    ) -> dict[str, dict[int, float]]:
        """Each term (:data:`TERMS`, those in ``only``) of each identity near ``path``, before weights."""
        folder = posixpath.dirname(path)
        together = self.together(path) if {"cochange", "recent_near"} & set(only) else set()
        out: dict[str, dict[int, float]] = {}
        if "touch" in only:
            out["touch"] = {i: float(n) for i, n in (touches or {}).items()}
        if "folder" in only:
            size, counts = self.by_folder().get(folder, (0, {}))
            out["folder"] = {i: n / size for i, n in counts.items()}
        if "cochange" in only:
            authored: dict[int, int] = {}
            for other in together:
                for ident in self.authors.get(other, ()):
                    authored[ident] = authored.get(ident, 0) + 1
            out["cochange"] = {i: n / len(together) for i, n in authored.items()}
        if "review" in only:
            out["review"] = {i: float(n) for i, n in (reviews or {}).items()}
        if self.today is None:
            return out
        if "recent_file" in only:
            out["recent_file"] = self._recent((path,))[1]
        if "recent_folder" in only:
            recent = self._folder_recent.get(folder)
            if recent is None:
                recent = self._folder_recent[folder] = _shares_of(*self._recent(self.in_folder.get(folder, ())))
            out["recent_folder"] = recent
        if "recent_near" in only:
            out["recent_near"] = _shares_of(*self._recent(together))
        if "active" in only:
            out["active"] = self.active
        return out

    def scores(
        self,
        path: str,
        candidates: Collection[int],
        touches: Mapping[int, int] | None = None,
        reviews: Mapping[int, int] | None = None,
        *,
        leaders: Sequence[int] | None = None,
        top: int = 3,
    ) -> dict[int, float]:
        """Each candidate's weighted sum of the terms (the file's own authors left out).
        ``leaders``: the candidates by ``active`` share, best first (:meth:`leaders`); when given,
        a candidate scoring by that term alone is left out unless among the first ``top`` of
        them not authoring the file (the others cannot rank in the top ``top``)."""
        weighted = [name for name in TERMS if getattr(self.weights, name)]
        known = self.authors.get(path, ())
        if leaders is None or "active" not in weighted:
            return combine(self.terms(path, touches, reviews, weighted), self.weights, candidates, known)
        terms = self.terms(path, touches, reviews, [name for name in weighted if name != "active"])
        score = combine(terms, self.weights, candidates, known)
        active = {i: self.active[i] for i in score if i in self.active}
        taken = 0
        for ident in leaders:
            if taken >= top:
                break
            if ident not in known and ident not in score:
                active[ident] = self.active[ident]
                taken += 1
        for ident, value in active.items():
            score[ident] = score.get(ident, 0.0) + self.weights.active * value
        return score

    def leaders(self, candidates: Collection[int], order_key: Callable[[int], Any]) -> list[int]:
        """The ``candidates`` with an ``active`` share, the highest first (ties by ``order_key``)."""
        return sorted((i for i in self.active if i in candidates), key=lambda i: (-self.active[i], order_key(i)))


def combine(
    terms: Mapping[str, Mapping[int, float]], weights: Weights, candidates: Collection[int], known: Collection[int] = ()
) -> dict[int, float]:
    """The weighted sum of ``terms`` for each of ``candidates`` not in ``known``, zeros left out."""
    allowed = candidates if isinstance(candidates, (set, frozenset)) else set(candidates)
    score: dict[int, float] = {}
    for name, values in terms.items():
        weight = getattr(weights, name)
        if not weight:
            continue
        for ident, value in values.items():
            if value and ident in allowed and ident not in known:
                score[ident] = score.get(ident, 0.0) + weight * value
    return score


def rank(scores: Mapping[int, float], order_key: Callable[[int], Any], top: int = 3) -> list[tuple[int, float]]:
    """The ``top`` candidates by score (ties by ``order_key``)."""
    if top <= 0:
        return []
    positive = [s for s in scores.values() if s > 0]
    cut = heapq.nlargest(top, positive)[-1] if len(positive) > top else 0.0  # below it, none can rank
    pool = [(i, s) for i, s in scores.items() if s > 0 and s >= cut]
    return sorted(pool, key=lambda r: (-r[1], order_key(r[0])))[:top]


SUCCESSOR_LIMIT = 500  # orphaned files given successors in a scan, by path


def neighbourhood_of(
    paths: Collection[str],
    authors_by_path: Mapping[str, Collection[int]],
    records: Mapping[str, FileRecord],
    owner: Sequence[int],
    ignored: Collection[int],
    *,
    today: int | None = None,
    weights: Weights = WEIGHTS,
    activity: Mapping[Day, int] | None = None,
    focus: Collection[int] | None = None,
) -> tuple[Neighbourhood, dict[str, dict[int, int]]]:
    """The neighbourhood of ``paths`` alone, and their touches: the change days of ``paths``, of
    the files changed on those days and (with ``today`` and a ``recent_folder`` weight) of the
    other files of their folders. It ranks ``paths`` as one built from every file would, without
    reading every file's changes."""
    facts = {p: file_facts(records[p], owner, ignored) for p in paths if p in records}
    wanted = {day for days, _ in facts.values() for _, day in days}
    folders = {posixpath.dirname(p) for p in paths} if today is not None and weights.recent_folder else set()
    days_by_path = {p: days for p, (days, _) in facts.items()}
    for path, record in records.items():
        if path in facts:
            continue
        if posixpath.dirname(path) in folders or not wanted.isdisjoint(record.changes[1::4]):
            days_by_path[path] = file_facts(record, owner, ignored)[0]
    hood = Neighbourhood(authors_by_path, days_by_path, today=today, weights=weights, activity=activity, focus=focus)
    return hood, {p: touches for p, (_, touches) in facts.items()}


def successors_of(
    orphaned: Sequence[str],
    authors_by_path: Mapping[str, Collection[int]],
    records: Mapping[str, FileRecord],
    owner: Sequence[int],
    ignored: Collection[int],
    candidates: Collection[int],
    ids: Sequence[str],
    *,
    top: int = 3,
    limit: int = SUCCESSOR_LIMIT,
    reviews: Mapping[str, Mapping[int, int]] | None = None,
    today: int | None = None,
    commit_days: Mapping[tuple[int, int], int] | None = None,
    weights: Weights = WEIGHTS,
) -> list[FileSuccessors]:
    """The ``top`` successors among ``candidates`` of the first ``limit`` ``orphaned`` files;
    ``records``: the counted files' histories; ``ids[i]``: identity i's id; ``today``: the day
    the recent terms are aged to (the last day of the history); ``commit_days``: each (raw
    person, day)'s commits to any file (``History.commit_days``)."""
    chosen = sorted(orphaned)[:limit]
    if not candidates:  # nobody inside to take over: nothing to rank
        return [FileSuccessors(path=printable(path), successors=()) for path in chosen]
    activity: dict[Day, int] = {}
    for (person, day), n in (commit_days or {}).items():
        ident = owner[person]
        if ident not in ignored:
            activity[(ident, day)] = activity.get((ident, day), 0) + n
    allowed = set(candidates)
    hood, touches = neighbourhood_of(
        chosen, authors_by_path, records, owner, ignored, today=today, weights=weights, activity=activity, focus=allowed
    )
    leaders = hood.leaders(allowed, lambda i: ids[i])
    out = []
    for path in chosen:
        scores = hood.scores(path, allowed, touches.get(path), (reviews or {}).get(path), leaders=leaders, top=top)
        ranked = rank(scores, lambda i: ids[i], top)
        out.append(
            FileSuccessors(
                path=printable(path),
                successors=tuple(Successor(identity=ids[i], score=round(s, 4)) for i, s in ranked),
            )
        )
    return out
