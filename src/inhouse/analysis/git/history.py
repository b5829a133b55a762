"""What a scan remembers of the history: the facts every metric is computed from.

The accumulator folds commits, parents first, into per-file change records keyed by
a *file key* that survives renames (a rename maps the new path to the old path's
key; the old path keeps pointing at it, so a change made to the old name on a
parallel branch still lands on the same file). Merge commits add no changes:
their content was counted in the merged branch's own commits.

Everything is stored with raw author names and emails and UTC day numbers, so
that identity merging, sides, bots, file filters and periods are all decided
*after* mining: changing them never needs a rescan, and folding new commits into
a stored history gives the same facts as a full scan (see ``incremental.py``).

Credit trailers (``Co-authored-by:``, ``Reviewed-by:``, see ``trailers.py``) are kept
beside each file's changes: the credited people join ``people`` (after the commit's
author, in trailer order, so a fold and a full scan number them alike) and each file a
commit added, changed or renamed records ``[entry, person, kind]`` in ``credits``, the
entry being that commit's entry in ``changes`` (its day, and whether it added the file).
The Avelino et al. model reads commits alone; the recency model also reads these.
"""

from __future__ import annotations

import base64
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from inhouse.analysis.git.mining import Commit

STATE_VERSION = 5  # 3: re-additions continue the record (``readds``); 4: credit trailers (``credits``);
# 5: every file's numbers in one packed array (read back quicker; a version-4 state still reads)
READABLE_VERSIONS = (4, STATE_VERSION)
DAY = 86400
_NOT_A_CHANGE = frozenset("DRA")  # deletions, renames, additions; any other status is a change


def _pack_ints(values: array[int]) -> bytes:
    data = values
    if sys.byteorder == "big":
        data = array("q", values)
        data.byteswap()
    return data.tobytes()


def _unpack_ints(packed: bytes | str) -> array[int]:
    """Little-endian int64s: bytes, or base64 text (version 4, and version 5 as first stored)."""
    values = array("q")
    values.frombytes(packed if isinstance(packed, bytes) else base64.b64decode(packed))
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _records(files: list[list[Any]], ints: array[int]) -> Iterator[FileRecord]:
    """The file records of a version-5 state: each file's numbers read from the packed array."""
    at = 0
    for path, creator, created, deleted, changes, drops, readds, credits in files:
        parts = []
        for size in (changes, drops, readds, credits):
            parts.append(ints[at : at + size])
            at += size
        yield FileRecord(path, creator, created, deleted, *parts)
    if at != len(ints):
        raise ValueError("the files' numbers do not match their counts")


@dataclass(slots=True)
class FileRecord:
    """One file across its renames."""

    path: str  # its latest path
    creator: int = -1  # person index of the author who added it, -1 unknown
    created: int = -1  # UTC day it was added, -1 unknown (shallow boundary)
    deleted: int = -1  # UTC day it was deleted, -1 while it exists
    # flat [person, day, added, deleted, ...]: every commit that added, changed or renamed it.
    # Entry 0 is the addition when ``creator`` is known; ``readds`` lists the entries
    # (by number) of later additions. Additions are first authorship, not deliveries.
    changes: array[int] = field(default_factory=lambda: array("q"))
    # flat [person, day, deleted lines, ...]: the commits that deleted it
    drops: array[int] = field(default_factory=lambda: array("q"))
    readds: array[int] = field(default_factory=lambda: array("q"))
    # flat [entry, person, kind, ...]: credit trailers of the commit of entry ``entry`` of ``changes``
    # (kind: trailers.CO_AUTHOR or trailers.REVIEWER)
    credits: array[int] = field(default_factory=lambda: array("q"))

    def deliveries(self) -> Iterator[tuple[int, int, int, int]]:
        c = self.changes
        for i in range(0, len(c), 4):
            yield c[i], c[i + 1], c[i + 2], c[i + 3]

    def additions(self) -> set[int]:
        """The numbers of the entries of ``changes`` that added the file."""
        adds = set(self.readds)
        if self.creator >= 0 and self.changes:
            adds.add(0)
        return adds


@dataclass
class History:
    """Facts gathered from the commits reachable from ``head``."""

    mode: str = "full"  # the mining mode the facts were gathered with
    head: str | None = None
    commits: int = 0  # non-merge commits
    merges: int = 0
    first_day: int | None = None
    last_day: int | None = None
    people: list[tuple[str, str]] = field(default_factory=list)  # raw (name, email)
    files: list[FileRecord] = field(default_factory=list)
    path_key: dict[str, int] = field(default_factory=dict)
    commit_days: dict[tuple[int, int], int] = field(default_factory=dict)  # (person, day) -> n
    credited_commits: list[int] = field(default_factory=lambda: [0, 0])  # non-merge commits with co-authors, reviewers
    boundaries: set[str] = field(default_factory=set)  # shallow-clone boundary commits
    line_counts: dict[str, int] = field(default_factory=dict)  # blob id -> lines (a cache)
    # the trajectory's sums over the files when these facts were last analysed (trajectory.py)
    trajectory: dict[str, Any] | None = None
    # what the analysis found before and reuses while what it depends on is unchanged, by name;
    # each entry keeps the key of what it was computed from (memo.py)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    # while folding new commits into stored facts: each changed file as it was before (None: new)
    tracking: bool = False
    before: dict[int, FileRecord | None] = field(default_factory=dict, repr=False)
    _person_index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    # -- folding commits ---------------------------------------------------------
    def person(self, name: str, email: str) -> int:
        key = (name, email)
        index = self._person_index.get(key)
        if index is None:
            index = self._person_index[key] = len(self.people)
            self.people.append(key)
        return index

    def add(self, commit: Commit) -> None:
        if commit.is_merge:
            self.merges += 1
            return
        day = commit.timestamp // DAY
        who = self.person(commit.author_name, commit.author_email)
        self.commits += 1
        self.first_day = day if self.first_day is None else min(self.first_day, day)
        self.last_day = day if self.last_day is None else max(self.last_day, day)
        self.commit_days[(who, day)] = self.commit_days.get((who, day), 0) + 1
        credits = [(self.person(name, email), kind) for kind, name, email in commit.credits]
        for kind in {kind for _, kind in credits}:
            self.credited_commits[kind] += 1
        if commit.sha in self.boundaries:
            # a shallow clone's cut: everything looks "added" here, but nobody knows by whom
            for change in commit.changes:
                self._key_for(change.path, -1, -1)
            return
        path_key, files = self.path_key, self.files
        touch = self._touch if self.tracking else None  # nothing to keep outside an incremental fold
        for change in commit.changes:
            status = change.status
            if status not in _NOT_A_CHANGE:  # M (and anything else): a change, also through an older name
                key = path_key.get(change.path)
                if key is None:
                    key = self._new_file(change.path, -1, -1)
                elif touch is not None:
                    touch(key)
                record = files[key]
            elif status == "D":
                key = path_key.get(change.path)
                if key is not None and files[key].path == change.path:
                    if touch is not None:
                        touch(key)
                    record = files[key]
                    record.deleted = day
                    record.drops.extend((who, day, change.deleted))
                continue
            elif status == "R":
                key = path_key.get(change.old_path or "")
                if key is None:
                    key = self._new_file(change.path, who, day)
                elif touch is not None:
                    touch(key)
                record = files[key]
                record.path = change.path
                record.deleted = -1
                path_key[change.path] = key
            else:  # "A"
                key = path_key.get(change.path)
                if key is not None and files[key].path == change.path:
                    if touch is not None:
                        touch(key)
                    record = files[key]  # added again: the same file, one more addition
                    record.deleted = -1
                    record.readds.append(len(record.changes) // 4)
                else:
                    key = self._new_file(change.path, who, day)
                    record = files[key]
            for person, kind in credits:
                record.credits.extend((len(record.changes) // 4, person, kind))
            record.changes.extend((who, day, change.added, change.deleted))

    def _key_for(self, path: str, who: int, day: int) -> int:
        """The live file at ``path``, or a new one created by ``who`` (-1: unknown)."""
        key = self.path_key.get(path)
        if key is not None:
            record = self.files[key]
            if record.path == path and record.deleted < 0:
                return key
        return self._new_file(path, who, day)

    def _new_file(self, path: str, who: int, day: int) -> int:
        key = len(self.files)
        self.files.append(FileRecord(path=path, creator=who, created=day))
        self.path_key[path] = key
        if self.tracking:
            self.before[key] = None
        return key

    def _touch(self, key: int) -> None:
        """Keep the file as it was before its first change of this run (when tracking)."""
        if self.tracking and key not in self.before:
            r = self.files[key]
            self.before[key] = FileRecord(
                r.path,
                r.creator,
                r.created,
                r.deleted,
                array("q", r.changes),
                array("q", r.drops),
                array("q", r.readds),
                array("q", r.credits),
            )

    # -- persistence --------------------------------------------------------------
    def to_state(self) -> dict[str, Any]:
        """A dict of JSON values and one ``bytes`` value (``ints``: every file's numbers, packed);
        :meth:`from_state` restores an equal History. The store keeps the bytes beside the JSON."""
        ints = array("q")
        files = []
        for f in self.files:  # the numbers of every file in one array, each file's counts beside it
            files.append(
                [f.path, f.creator, f.created, f.deleted, len(f.changes), len(f.drops), len(f.readds), len(f.credits)]
            )
            ints.extend(f.changes)
            ints.extend(f.drops)
            ints.extend(f.readds)
            ints.extend(f.credits)
        return {
            "version": STATE_VERSION,
            "mode": self.mode,
            "head": self.head,
            "commits": self.commits,
            "merges": self.merges,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "people": [list(p) for p in self.people],
            # numbers as little-endian int64: compact and quick to read back
            "files": files,
            "ints": _pack_ints(ints),
            "path_key": self.path_key,
            "commit_days": [[p, d, n] for (p, d), n in self.commit_days.items()],
            "credited_commits": list(self.credited_commits),
            "boundaries": sorted(self.boundaries),
            "line_counts": self.line_counts,
            **({"trajectory": self.trajectory} if self.trajectory is not None else {}),
            **({"memo": self.memo} if self.memo else {}),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> History | None:
        """Restore a stored history; None when it was written by a format version it cannot read."""
        if not isinstance(state, dict) or state.get("version") not in READABLE_VERSIONS:
            return None
        history = cls(
            mode=state["mode"],
            head=state["head"],
            commits=state["commits"],
            merges=state["merges"],
            first_day=state["first_day"],
            last_day=state["last_day"],
            boundaries=set(state.get("boundaries", [])),
        )
        for name, email in state["people"]:
            history.person(name, email)
        if state["version"] == STATE_VERSION:
            history.files = list(_records(state["files"], _unpack_ints(state["ints"])))
        else:  # version 4: each file's numbers apart, commit days as lists
            history.files = [
                FileRecord(
                    path,
                    creator,
                    created,
                    deleted,
                    _unpack_ints(changes),
                    _unpack_ints(drops),
                    _unpack_ints(rest[0]) if rest else array("q"),
                    _unpack_ints(rest[1]) if len(rest) > 1 else array("q"),
                )
                for path, creator, created, deleted, changes, drops, *rest in state["files"]
            ]
        history.commit_days = {(p, d): n for p, d, n in state["commit_days"]}
        history.path_key = dict(state["path_key"])
        credited = state.get("credited_commits")
        if isinstance(credited, list) and len(credited) == 2:
            history.credited_commits = [int(credited[0]), int(credited[1])]
        history.line_counts = dict(state.get("line_counts", {}))
        kept = state.get("trajectory")
        history.trajectory = kept if isinstance(kept, dict) else None
        memo = state.get("memo")
        history.memo = dict(memo) if isinstance(memo, dict) else {}  # entries are replaced, never changed
        return history
