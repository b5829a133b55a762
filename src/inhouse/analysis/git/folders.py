"""Risk per folder: the truck factor and the partner-leaves orphaned share of every folder.

The truck factor of a folder is Avelino et al.'s greedy algorithm ("A Novel Approach for
Estimating Truck Factors", ICPC 2016; ``authorship.truck_factor``) run over that folder's
files alone (its whole subtree), as JetBrains' Bus Factor Explorer does for every node
(Jabrayilzade et al., "Bus Factor Explorer", ASE 2023). As for the whole repository, only
the counted files some commit added or changed take part in the truck factor; the
orphaned share counts every counted file of the folder whose authors, the partner gone,
include nobody internal (the rule of ``offboarding.simulate_offboarding``).

Bounded: a folder needs at least ``min_files`` counted files (a truck factor over two files
says little), and at most ``limit`` folders are reported, the largest first (most counted
files; ties by path), listed by path. The repository's root is the scan's own truck factor
and is not repeated.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from inhouse.analysis.git.authorship import truck_factor
from inhouse.domain.common import Side
from inhouse.domain.knowledge import FolderRisk, Holder, KnowledgeMap, printable, ratio

MIN_FILES = 5
FOLDER_LIMIT = 300
MAP_LIMIT = 3000  # files kept for the knowledge map, the largest first


def folders_of(path: str) -> list[str]:
    """Every folder above ``path``, outermost first (``a/b/c.py`` -> ``a``, ``a/b``)."""
    parent = posixpath.dirname(path)
    if not parent:
        return []
    parts = parent.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def orphaned_if_left(
    authors: Collection[int], sides: Sequence[Side], leaving: Side = Side.PARTNER, keeper: Side = Side.INTERNAL
) -> bool:
    """Nobody of ``keeper``'s side authors the file once ``leaving``'s side has gone."""
    return not any(sides[a] is keeper for a in authors if sides[a] is not leaving)


def folder_risk(
    authors_by_path: Mapping[str, Collection[int]],
    with_history: Collection[str],
    sides: Sequence[Side],
    ids: Sequence[str],
    *,
    order_key: Callable[[int], Any] | None = None,
    min_files: int = MIN_FILES,
    limit: int = FOLDER_LIMIT,
) -> list[FolderRisk]:
    """``authors_by_path``: the counted files and their authors' identity indexes;
    ``with_history``: the paths the truck factor counts; ``ids[i]``: identity i's id."""
    members: dict[str, list[str]] = {}
    for path in authors_by_path:
        for folder in folders_of(path):
            members.setdefault(folder, []).append(path)
    chosen = sorted((f for f, paths in members.items() if len(paths) >= min_files), key=lambda f: (-len(members[f]), f))
    key = order_key if order_key is not None else (lambda i: ids[i])
    rows: list[FolderRisk] = []
    for folder in sorted(chosen[:limit]):
        paths = members[folder]
        value, removed = truck_factor([authors_by_path[p] for p in paths if p in with_history], order_key=key)
        lost = sum(1 for p in paths if orphaned_if_left(authors_by_path[p], sides))
        rows.append(
            FolderRisk(
                path=printable(folder),
                files=len(paths),
                truck_factor=value,
                authors=tuple(ids[i] for i in removed),
                orphaned_files=lost,
                orphaned_share=ratio(lost, len(paths)) or 0.0,
            )
        )
    return rows


def holder(authors: Collection[int], sides: Sequence[Side]) -> Holder:
    """Who holds a file's knowledge, from its authors' sides."""
    held = {sides[a] for a in authors}
    if Side.INTERNAL in held:
        return "both" if Side.PARTNER in held else "internal"
    if Side.PARTNER in held:
        return "partner"
    return "other" if held else "nobody"


def knowledge_map(
    authors_by_path: Mapping[str, Collection[int]],
    sides: Sequence[Side],
    lines: Mapping[str, int | None] | Callable[[list[str]], Mapping[str, int | None]] | None = None,
    limit: int = MAP_LIMIT,
) -> KnowledgeMap:
    """The map's files: sized by ``lines`` (a file of 0 lines, binary say, still counts 1; a
    function of the paths: called once), or 1 each when lines are not known (quick and exact
    scans); the ``limit`` largest kept."""
    if callable(lines):
        lines = lines(list(authors_by_path))
    measure = "lines" if lines is not None and all(lines.get(p) is not None for p in authors_by_path) else "files"
    rows = [(max(lines.get(p) or 0, 1) if measure == "lines" and lines is not None else 1, p) for p in authors_by_path]
    rows.sort(key=lambda r: (-r[0], r[1]))
    kept, rest = rows[:limit], rows[limit:]
    return KnowledgeMap.model_validate(  # validated in one call: thousands of files
        {
            "measure": measure,
            "files": [{"path": printable(p), "size": n, "holder": holder(authors_by_path[p], sides)} for n, p in kept],
            "left_out": len(rest),
            "left_out_size": sum(n for n, _ in rest),
        }
    )
