"""Degree of authorship (DOA) and the truck factor.

Both follow Avelino, Passos, Hora and Valente, "A Novel Approach for Estimating Truck
Factors" (ICPC 2016):

* ``DOA = 3.293 + 1.098*FA + 0.164*DL - 0.321*ln(1 + AC)`` where, for developer d and
  file f, FA is 1 when d created f, DL the number of commits in which d changed f after
  its creation (renames included; the commit that created it is not a delivery) and AC
  the number of such commits by other developers. Commits are counted, not lines;
  merge commits are not counted (their changes were counted in the merged branch);
* d *authors* f when d's DOA normalised by the highest DOA on f is above 0.75 and the
  absolute DOA is at least 3.293;
* the truck factor is found greedily: remove the developer who authors the most files,
  again and again, until more than half of the files have no author left; the number
  removed is the truck factor. Only the files present at the scanned revision count
  (``filters.py`` decides which kinds).

Details follow the authors' tool (aserg-ufmg/Truck-Factor), checked against their
published values in ``benchmarks/truck_factor_literature.py`` (docs/truck-factor.md):
a file keeps its history across renames (a rename is a delivery of whoever renamed it),
and a file added again at the same path (re-created after a deletion, or added on two
branches) keeps its history too, every developer who added it having FA = 1. Two
differences: the tool also counts a first author whose absolute DOA fell below 3.293
(the thresholds here are the paper's two), and it breaks ties between developers who
author equally many files in no particular order (here: by identity id).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from typing import Any

from inhouse.analysis.git.history import FileRecord

DOA_BASE = 3.293
FA_WEIGHT = 1.098
DL_WEIGHT = 0.164
AC_WEIGHT = 0.321
NORMALISED_THRESHOLD = 0.75
ABSOLUTE_THRESHOLD = 3.293


def doa(first_author: bool, deliveries: int, acceptances: int) -> float:
    """The absolute degree of authorship (Avelino et al., ICPC 2016)."""
    return (
        DOA_BASE
        + FA_WEIGHT * (1 if first_author else 0)
        + DL_WEIGHT * deliveries
        - AC_WEIGHT * math.log(1 + acceptances)
    )


def file_doa(
    record: FileRecord, owner: Sequence[int], ignored: Collection[int] = (), until: int | None = None
) -> dict[int, float]:
    """DOA of every identity that added or changed ``record`` (up to day ``until`` when given).

    As in Avelino et al.'s tool, the commits that *added* the file (its creation, and any
    re-creation after a deletion) give their authors first authorship (FA = 1) and are
    not deliveries; DL counts the commits that changed or renamed it, AC those of the
    other identities. ``owner`` maps a raw person index to its identity; ``ignored``
    identities (bots) are left out entirely, as if their commits had not happened.
    """
    deliveries: dict[int, int] = {}
    adders: set[int] = set()
    changes = record.changes
    additions = record.additions()  # entry numbers; almost always just {0}
    for entry, (person, day) in enumerate(zip(changes[0::4], changes[1::4], strict=False)):
        if until is not None and day > until:
            continue
        ident = owner[person]
        if ident in ignored:
            continue
        if entry in additions:
            adders.add(ident)
            deliveries.setdefault(ident, 0)
        else:
            deliveries[ident] = deliveries.get(ident, 0) + 1
    if not deliveries:
        return {}
    total = sum(deliveries.values())
    return {ident: doa(ident in adders, n, total - n) for ident, n in deliveries.items()}


def authors_from_doa(doas: dict[int, float]) -> frozenset[int]:
    """The identities whose DOA passes both thresholds."""
    if not doas:
        return frozenset()
    best = max(doas.values())
    if best <= 0:
        return frozenset()
    return frozenset(i for i, v in doas.items() if v >= ABSOLUTE_THRESHOLD and v / best > NORMALISED_THRESHOLD)


def file_authors(
    record: FileRecord, owner: Sequence[int], ignored: Collection[int] = (), until: int | None = None
) -> frozenset[int]:
    return authors_from_doa(file_doa(record, owner, ignored, until))


def _same(ident: int) -> int:
    return ident


def truck_factor(
    authors_per_file: Sequence[Collection[int]], order_key: Callable[[int], Any] = _same
) -> tuple[int, list[int]]:
    """Greedy truck factor over the files' author sets; returns (value, removed identities).

    Ties (two developers authoring as many files) are broken by ``order_key``, so the
    result is deterministic.
    """
    total = len(authors_per_file)
    if total == 0:
        return 0, []
    files_of: dict[int, list[int]] = {}
    remaining = [len(a) for a in authors_per_file]
    for f, authors in enumerate(authors_per_file):
        for ident in authors:
            files_of.setdefault(ident, []).append(f)
    covered = sum(1 for n in remaining if n)
    ranking = sorted(files_of, key=lambda i: (-len(files_of[i]), order_key(i)))
    removed: list[int] = []
    for ident in ranking:
        if covered * 2 < total:  # more than half of the files have no author left
            break
        removed.append(ident)
        for f in files_of[ident]:
            remaining[f] -= 1
            if remaining[f] == 0:
                covered -= 1
    return len(removed), removed
