"""Successors: for a file that would lose its authors, the people best placed to take it over.

Rigby, Zhu, Donadelli and Mockus ("Quantifying and Mitigating Turnover-Induced Knowledge
Loss", ICSE 2016) recommend successors for abandoned files from the knowledge nearest to
them. Here a candidate's score for file f adds up, with the weights below:

* ``TOUCH``: each commit of theirs that changed f (without making them a DOA author);
* ``FOLDER``: the share of f's folder's files they author (DOA, Avelino et al., ICPC 2016);
* ``COCHANGE``: the share of the files changed together with f that they author. Commits are
  not kept in the mined facts, so "together" is a proxy: changed by the same person on the
  same UTC day as f was. A day on which that person changed more than ``COCHANGE_LIMIT`` files
  (a sweeping change: a reformat, a rename, a licence header) says nothing about f's
  neighbours and is skipped, as co-change mining leaves out large transactions (Zimmermann,
  Weissgerber, Diehl and Zeller, ICSE 2004, ignore those of more than 30 files);
* ``REVIEW``: each review of a change of f (``reviews``, path -> identity -> count: the
  ``Reviewed-by`` trailers of f's commits, :func:`trailer_reviews`; imported pull-request reviews
  are not counted here yet).

The folder and co-change terms are shares (0 to 1), not counts: as counts they grew with the
size of the folder or of the changes around f, so whoever authored most of a large project
ranked first for nearly every file (measured: angular.js top-1 1% with counts, 42% with
shares; docs/truck-factor.md). Ranked by score, ties by identity id; candidates scoring 0
are left out. Checked against who really took over abandoned files in real histories:
``benchmarks/successors.py``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from inhouse.analysis.git.history import FileRecord
from inhouse.analysis.git.trailers import REVIEWER
from inhouse.domain.knowledge import FileSuccessors, Successor, printable

TOUCH = 2.0
FOLDER = 1.0
COCHANGE = 1.0
REVIEW = 1.0
COCHANGE_LIMIT = 30  # files one person changed on one day, above which the day is skipped

Day = tuple[int, int]  # (identity, UTC day)


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


class Neighbourhood:
    """What the ranking reads, built once for a set of files: who authors what, per folder,
    and which files changed on each (identity, day)."""

    def __init__(self, authors_by_path: Mapping[str, Collection[int]], days_by_path: Mapping[str, Collection[Day]]):
        self.authors = authors_by_path
        self.days = days_by_path
        self.by_folder: dict[str, dict[int, int]] = {}
        self.folder_files: dict[str, int] = {}
        for path, authors in authors_by_path.items():
            folder = posixpath.dirname(path)
            self.folder_files[folder] = self.folder_files.get(folder, 0) + 1
            counts = self.by_folder.setdefault(folder, {})
            for a in authors:
                counts[a] = counts.get(a, 0) + 1
        self.on_day: dict[Day, list[str]] = {}
        for path, days in days_by_path.items():
            for d in days:
                self.on_day.setdefault(d, []).append(path)

    def scores(
        self,
        path: str,
        candidates: Collection[int],
        touches: Mapping[int, int] | None = None,
        reviews: Mapping[int, int] | None = None,
    ) -> dict[int, float]:
        allowed = set(candidates)
        known = set(self.authors.get(path, ()))
        score: dict[int, float] = {}

        def add(ident: int, value: float) -> None:
            if ident in allowed and ident not in known and value:
                score[ident] = score.get(ident, 0.0) + value

        for ident, n in (touches or {}).items():
            add(ident, TOUCH * n)
        folder = posixpath.dirname(path)
        size = self.folder_files.get(folder, 0)
        for ident, n in self.by_folder.get(folder, {}).items():
            add(ident, FOLDER * n / size)
        together: set[str] = set()
        for d in self.days.get(path, ()):
            same = self.on_day.get(d, ())
            if len(same) <= COCHANGE_LIMIT:
                together.update(same)
        together.discard(path)
        authored: dict[int, int] = {}
        for other in together:
            for ident in self.authors.get(other, ()):
                authored[ident] = authored.get(ident, 0) + 1
        for ident, n in authored.items():
            add(ident, COCHANGE * n / len(together))
        for ident, n in (reviews or {}).items():
            add(ident, REVIEW * n)
        return score


def rank(scores: Mapping[int, float], order_key: Callable[[int], Any], top: int = 3) -> list[tuple[int, float]]:
    """The ``top`` candidates by score (ties by ``order_key``)."""
    return sorted(((i, s) for i, s in scores.items() if s > 0), key=lambda r: (-r[1], order_key(r[0])))[:top]


SUCCESSOR_LIMIT = 500  # orphaned files given successors in a scan, by path


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
) -> list[FileSuccessors]:
    """The ``top`` successors among ``candidates`` of the first ``limit`` ``orphaned`` files;
    ``records``: the counted files' histories; ``ids[i]``: identity i's id."""
    facts = {path: file_facts(record, owner, ignored) for path, record in records.items()}
    hood = Neighbourhood(authors_by_path, {path: days for path, (days, _) in facts.items()})
    out = []
    for path in sorted(orphaned)[:limit]:
        touches = facts[path][1] if path in facts else None
        scores = hood.scores(path, candidates, touches, (reviews or {}).get(path))
        ranked = rank(scores, lambda i: ids[i], top)
        out.append(
            FileSuccessors(
                path=printable(path),
                successors=tuple(Successor(identity=ids[i], score=round(s, 4)) for i, s in ranked),
            )
        )
    return out
