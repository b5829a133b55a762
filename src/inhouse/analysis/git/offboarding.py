"""Partner off-boarding simulation: "if the partner left today, nobody inside knows this".

Every identity of the leaving side is removed at once; a file is *orphaned* when none
of its remaining authors (DOA authors, Avelino et al., ICPC 2016) is internal.
Orphaned files are grouped by directory, worst first, and split in two: those nobody who
stays authors (the knowledge is gone) and those only a third organisation (side ``other``)
authors (the knowledge is outside, but still somewhere: reported apart, not as lost).

Chosen leavers (CodeScene's off-boarding simulation): any set of identities instead of a
whole side (``people``), picked by :func:`choose_leavers` from ids, emails or names, and from
departures the history shows: partner people whose last commit is ``inactive_days`` or more
before the history's last commit day.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from inhouse.analysis.git.trajectory import date_to_day
from inhouse.domain.common import Side
from inhouse.domain.knowledge import DirectoryOrphans, Offboarding, printable, ratio


def simulate_offboarding(
    authors_by_path: Mapping[str, Collection[int]],
    sides: Sequence[Side],
    *,
    leaving: Side = Side.PARTNER,
    keeper: Side = Side.INTERNAL,
    line_counter: Callable[[list[str]], Mapping[str, int | None]] | None = None,
    people: Collection[int] | None = None,
    names: Sequence[str] = (),
    rule: str | None = None,
) -> Offboarding:
    """``authors_by_path``: the counted files at REV and their authors' identity indexes;
    ``sides[i]``: identity i's side; ``line_counter(paths)`` gives lines at REV. With
    ``people`` (identity indexes; ``names`` their ids, ``rule`` how they were chosen), those
    identities leave instead of the whole ``leaving`` side."""

    def gone(a: int) -> bool:
        return a in people if people is not None else sides[a] is leaving

    orphaned = sorted(
        path for path, authors in authors_by_path.items() if not any(sides[a] is keeper for a in authors if not gone(a))
    )
    other_only = sum(1 for path in orphaned if any(not gone(a) for a in authors_by_path[path]))
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
        unknown_files=len(orphaned) - other_only,
        other_only_files=other_only,
        people=tuple(names),
        rule=rule,
    )


def _directory(path: str) -> str:
    return posixpath.dirname(path) or "."


@dataclass(frozen=True)
class Person:
    """What :func:`choose_leavers` knows of an identity."""

    id: str
    names: Sequence[str]
    emails: Sequence[str]
    side: Side
    last_day: int | None  # the day of its last commit (days as the history counts them)


@dataclass(frozen=True)
class Leavers:
    people: list[int]  # identity indexes
    rule: str
    unknown: list[str]  # asked for but matching nobody


def choose_leavers(
    people: Sequence[Person],
    asked: Collection[str] = (),
    inactive_days: int | None = None,
    gone_after: date | None = None,
) -> Leavers | None:
    """The identities that leave: those ``asked`` for by id, email or name (case-insensitive),
    plus the partner people whose last commit is ``inactive_days`` or more before the last
    commit day of the whole history, plus the partner people with no commit after the day
    ``gone_after`` (the end of their contract, say). None when nothing is asked."""
    if not asked and inactive_days is None and gone_after is None:
        return None
    chosen: set[int] = set()
    unknown: list[str] = []
    for wanted in asked:
        key = wanted.strip().casefold()
        hits = [
            i
            for i, p in enumerate(people)
            if key == p.id.casefold()
            or key in (e.casefold() for e in p.emails)
            or key in (n.casefold() for n in p.names)
        ]
        chosen.update(hits)
        if not hits:
            unknown.append(wanted)
    rules = [f"chosen: {', '.join(asked)}"] if asked else []
    if inactive_days is not None:
        days = [p.last_day for p in people if p.last_day is not None]
        last = max(days) if days else 0
        chosen.update(
            i
            for i, p in enumerate(people)
            if p.side is Side.PARTNER and p.last_day is not None and last - p.last_day >= inactive_days
        )
        rules.append(f"partner people inactive for {inactive_days} days or more before the last commit")
    if gone_after is not None:
        end = date_to_day(gone_after)
        chosen.update(
            i for i, p in enumerate(people) if p.side is Side.PARTNER and p.last_day is not None and p.last_day <= end
        )
        rules.append(f"partner people with no commit after {gone_after.isoformat()}")
    return Leavers(people=sorted(chosen), rule="; ".join(rules), unknown=unknown)
