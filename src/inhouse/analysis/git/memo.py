"""What one analysis of the mined facts keeps for the next: the parts that new commits change
only a little, reused on a rescan and brought up to date from the files the new commits touched.

Each entry of ``History.memo`` keeps the key of what it was computed from (the bot patterns, the
file filter, the identities); an entry whose key differs is computed again from all the facts.
The facts' own incremental fold (``History.before``: every file the new commits changed, as it was
before) says which parts to bring up to date, so a rescan costs in proportion to what changed,
and gives what a full analysis of the same facts gives (``tests/unit/test_git_memo.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from inhouse.analysis.git import tail_risk as tail_risk_mod
from inhouse.analysis.git.filters import FileFilter
from inhouse.analysis.git.history import FileRecord, History
from inhouse.analysis.git.identities import kinds_key, person_kinds
from inhouse.analysis.git.recency import Authors, Recency, candidates, knowers, knowers_later
from inhouse.domain.common import Side
from inhouse.domain.knowledge import TailRisk

KINDS = "kinds"
COUNTS = "counts"
SUMS = "sums"


def kinds(history: History, bots: re.Pattern[str] | None) -> str:
    """Each author's kind (:func:`~inhouse.analysis.git.identities.person_kinds`): the authors
    checked by an earlier analysis under the same patterns are not checked again."""
    key = kinds_key(bots)
    kept = history.memo.get(KINDS)
    known = kept.get("kinds") if isinstance(kept, dict) and kept.get("key") == key else ""
    found = person_kinds(history.people, bots, known if isinstance(known, str) else "")
    history.memo[KINDS] = {"key": key, "kinds": found}
    return found


def _kept(history: History, name: str, key: str) -> dict[str, Any] | None:
    """The memo entry ``name`` when it was made under ``key`` (a fresh history has no memo; a
    rescan's has the one its stored facts were analysed with, ``before`` saying what changed)."""
    kept = history.memo.get(name)
    return kept if isinstance(kept, dict) and kept.get("key") == key else None


def seed_counts(history: History, files: FileFilter) -> None:
    """Give ``files`` the decisions an earlier analysis made under the same filter, for the files
    the new commits left alone (a decision depends on the path and the filter only)."""
    kept = _kept(history, COUNTS, repr(files))
    if kept is None or not isinstance(kept.get("counts"), str):
        return
    decided: str = kept["counts"]
    before = history.before
    for index, record in enumerate(history.files[: len(decided)]):
        if index not in before:
            files.prime(record.path, decided[index] == "1")


def keep_counts(history: History, files: FileFilter) -> None:
    """Keep the filter's decision on every file of the history for the next analysis."""
    counts = files.counts
    decided = "".join("1" if counts(record.path) else "0" for record in history.files)
    history.memo[COUNTS] = {"key": repr(files), "counts": decided}


def person_sums(history: History, files: FileFilter) -> tuple[list[int], list[int]]:
    """Lines added and deleted by each raw author in the files ``files`` counts: the earlier
    analysis's sums, with each file the new commits changed taken out as it was and put in as
    it is."""
    key, counts = repr(files), files.counts
    people = len(history.people)
    kept = _kept(history, SUMS, key)
    if kept is not None and isinstance(kept.get("people"), int) and kept["people"] <= people:
        added = list(kept["added"]) + [0] * (people - kept["people"])
        deleted = list(kept["deleted"]) + [0] * (people - kept["people"])
        for index, old in history.before.items():
            if old is not None and counts(old.path):
                _add(old, added, deleted, -1)
            record = history.files[index]
            if counts(record.path):
                _add(record, added, deleted, 1)
    else:
        added, deleted = [0] * people, [0] * people
        for record in history.files:
            if counts(record.path):
                _add(record, added, deleted, 1)
    history.memo[SUMS] = {"key": key, "people": people, "added": added, "deleted": deleted}
    return added, deleted


def _add(record: FileRecord, added: list[int], deleted: list[int], sign: int) -> None:
    changes = record.changes
    for person, a, d in zip(changes[0::4], changes[2::4], changes[3::4], strict=False):
        added[person] += sign * a
        deleted[person] += sign * d
    drops = record.drops
    for i in range(0, len(drops), 3):
        deleted[drops[i]] += sign * drops[i + 2]


def by_identity(values: Sequence[int], owner: Sequence[int], identities: int) -> list[int]:
    """Per-author values summed per identity."""
    out = [0] * identities
    for person, value in enumerate(values):
        out[owner[person]] += value
    return out


AUTHORS = "authors"


def _owners_key(owner: Sequence[int], ignored: Collection[int], people: int) -> str:
    """The first ``people`` authors' identities, and which are ignored (bots), as a digest."""
    text = ",".join(f"{owner[p]}{'*' if owner[p] in ignored else ''}" for p in range(people))
    return hashlib.sha256(text.encode()).hexdigest()


def file_authors(
    history: History, owner: Sequence[int], ignored: Collection[int], model: str, compute: Authors
) -> Callable[[int], frozenset[int]]:
    """Each file's authors by its record's index, through ``compute`` for the files the new commits
    changed and the earlier analysis's answer for the others, when that analysis had the same
    knowledge model and the same identities for the authors it knew. Under ``recency`` (whose
    answer moves with the day of the scanned commit) what is kept is each file's candidates and
    their knowledge at the day it was computed, faded to the new head's day
    (:func:`~inhouse.analysis.git.recency.knowers_later`)."""
    if isinstance(compute, Recency):
        return _recency_authors(history, owner, ignored, compute)
    known: list[list[int] | None] = _kept_authors(history, owner, ignored, model=model)
    found: list[list[int] | None] = [None] * len(history.files)
    before = history.before

    def authors(index: int) -> frozenset[int]:
        old = known[index] if index < len(known) and index not in before else None
        value = frozenset(old) if old is not None else compute(history.files[index], owner, ignored)
        found[index] = sorted(value)
        return value

    _keep_authors(history, owner, ignored, found, model=model)
    return authors


def _kept_authors(history: History, owner: Sequence[int], ignored: Collection[int], **made: object) -> list[Any]:
    """The earlier analysis's answers per file, when it was ``made`` under the same settings and
    had the same identities for the authors it knew; else none."""
    kept = history.memo.get(AUTHORS)
    if (
        isinstance(kept, dict)
        and all(kept.get(name) == value for name, value in made.items())
        and isinstance(kept.get("people"), int)
        and kept["people"] <= len(history.people)
        and kept.get("key") == _owners_key(owner, ignored, kept["people"])
        and isinstance(kept.get("authors"), list)
    ):
        return list(kept["authors"])
    return []


def _keep_authors(
    history: History, owner: Sequence[int], ignored: Collection[int], found: list[Any], **made: object
) -> None:
    people = len(history.people)
    history.memo[AUTHORS] = {**made, "people": people, "key": _owners_key(owner, ignored, people), "authors": found}


def _recency_authors(
    history: History, owner: Sequence[int], ignored: Collection[int], model: Recency
) -> Callable[[int], frozenset[int]]:
    """:func:`file_authors` under ``recency``. A file's entry is ``[reviews, day, identity,
    knowledge, ...]``: the hash of its imported reviews (integers: the same in every process),
    the head's day it was computed at, and its candidates; None for a file with a contribution
    after that day (its weights do not all fade alike) or a score near a threshold."""
    made = {"model": "recency", "half_life": model.half_life_days}
    known: list[list[Any] | None] = _kept_authors(history, owner, ignored, **made)
    found: list[list[Any] | None] = [None] * len(history.files)
    before = history.before

    def authors(index: int) -> frozenset[int]:
        record = history.files[index]
        reviews = hash(tuple(model.reviews.get(record.path, ())))
        old = known[index] if index < len(known) and index not in before else None
        if isinstance(old, list) and len(old) >= 2 and old[0] == reviews and old[1] <= model.head_day:
            pairs = list(zip(old[2::2], old[3::2], strict=True))
            value = knowers_later(pairs, model.head_day - old[1], model.half_life_days)
            if value is not None:
                found[index] = old
                return value
        scores = model.scores(record, owner, ignored)
        pairs_now = candidates(scores) if model.settled(record) else None
        if pairs_now is not None:
            found[index] = [reviews, model.head_day, *(x for pair in pairs_now for x in pair)]
        return knowers(scores)

    _keep_authors(history, owner, ignored, found, **made)
    return authors


TAIL_RISK = "tail_risk"


def tail_risk(history: History, authors_by_path: Mapping[str, Collection[int]], sides: Sequence[Side]) -> TailRisk:
    """:func:`~inhouse.analysis.git.tail_risk.tail_risk`, or the earlier analysis's when the files
    at stake are grouped by the same partner authors (the distribution depends on nothing else)."""
    groups = tail_risk_mod.stake(authors_by_path, sides)
    key = hashlib.sha256(repr((len(authors_by_path), sorted((sorted(g), n) for g, n in groups.items()))).encode())
    digest = key.hexdigest()
    kept = history.memo.get(TAIL_RISK)
    if isinstance(kept, dict) and kept.get("key") == digest:
        try:
            return TailRisk.model_validate(kept["result"])
        except (KeyError, ValueError):
            pass
    result = tail_risk_mod.tail_risk(authors_by_path, sides, groups=groups)
    history.memo[TAIL_RISK] = {"key": digest, "result": result.model_dump(mode="json")}
    return result
