"""Partner off-boarding simulation: "if the partner left today, nobody inside knows this".

Every identity of the leaving side is removed at once; a file is *orphaned* when none
of its remaining authors (DOA authors, Avelino et al., ICPC 2016) is internal.
Orphaned files are grouped by directory, worst first.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping, Sequence

from inhouse.domain.common import Side
from inhouse.domain.knowledge import DirectoryOrphans, Offboarding, printable, ratio


def simulate_offboarding(
    authors_by_path: Mapping[str, Collection[int]],
    sides: Sequence[Side],
    *,
    leaving: Side = Side.PARTNER,
    keeper: Side = Side.INTERNAL,
    line_counter: Callable[[list[str]], Mapping[str, int | None]] | None = None,
) -> Offboarding:
    """``authors_by_path``: the counted files at REV and their authors' identity indexes;
    ``sides[i]``: identity i's side; ``line_counter(paths)`` gives lines at REV."""
    orphaned = sorted(
        path
        for path, authors in authors_by_path.items()
        if not any(sides[a] is keeper for a in authors if sides[a] is not leaving)
    )
    lines = dict(line_counter(orphaned)) if (line_counter and orphaned) else {}
    known = all(lines.get(p) is not None for p in orphaned) if line_counter else False
    dirs: dict[str, list[int]] = {}
    for path in authors_by_path:
        dirs.setdefault(_directory(path), [0, 0])[0] += 1
    by_dir: dict[str, list[str]] = {}
    for path in orphaned:
        directory = _directory(path)
        dirs[directory][1] += 1
        by_dir.setdefault(directory, []).append(path)
    rows: list[tuple[str, int, int, int | None, list[str]]] = []
    for directory, (files, lost) in dirs.items():
        if not lost:
            continue
        paths = by_dir[directory]
        dir_lines = sum(lines.get(p) or 0 for p in paths) if known else None
        rows.append((directory, files, lost, dir_lines, paths))
    rows.sort(key=lambda r: (-r[2], -(r[2] / r[1]), r[0]))
    groups = tuple(
        DirectoryOrphans(
            path=printable(directory),
            files=files,
            orphaned_files=lost,
            orphaned_lines=dir_lines,
            orphaned=tuple(printable(p) for p in paths),
        )
        for directory, files, lost, dir_lines, paths in rows
    )
    total_lines = sum(lines.get(p) or 0 for p in orphaned) if (known or not orphaned) else None
    if line_counter is None:
        total_lines = None
    return Offboarding(
        side=leaving,
        files=len(authors_by_path),
        orphaned_files=len(orphaned),
        orphaned_share=ratio(len(orphaned), len(authors_by_path)) or 0.0,
        orphaned_lines=total_lines,
        by_directory=groups,
    )


def _directory(path: str) -> str:
    return posixpath.dirname(path) or "."
