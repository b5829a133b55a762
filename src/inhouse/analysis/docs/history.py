"""The git facts the documentation audit needs, read with plumbing at one revision.

``tree`` lists the files, ``read_blobs`` reads the documentation files in one
``cat-file --batch``, ``changes`` streams one ``git log --numstat`` pass (newest first,
merges left out, renames as delete + add), and ``ancestors`` tells which commits a
document's last change had already seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from inhouse.analysis.git.gitcmd import GitRepo

_MARK = "\x01"
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


@dataclass(frozen=True)
class Change:
    """One commit: when, and the lines each file gained and lost (None: not counted)."""

    sha: str
    when: int  # committer time, seconds since the epoch
    files: tuple[tuple[str, int | None], ...]


def iso(when: int) -> str:
    """A commit time (seconds since the epoch) as ISO date-time in UTC."""
    return datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def unquote(path: str) -> str:
    """Undo git's C-style quoting of an unusual path ("a\\tb", octal bytes)."""
    if len(path) < 2 or not (path.startswith('"') and path.endswith('"')):
        return path
    raw, out, i = path[1:-1], bytearray(), 0
    while i < len(raw):
        char = raw[i]
        if char == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if re.match(r"[0-7]{3}", raw[i + 1 : i + 4]):
                out.append(int(raw[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(char.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def tree(repo: GitRepo, rev: str) -> dict[str, tuple[str, int]]:
    """``path -> (blob id, size in bytes)`` for every file at ``rev``."""
    files: dict[str, tuple[str, int]] = {}
    for entry in repo.run(["ls-tree", "-r", "-z", "-l", "--full-tree", rev]).split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 4 and parts[1] == b"blob":
            size = int(parts[3]) if parts[3].isdigit() else 0
            files[name.decode("utf-8", "surrogateescape")] = (parts[2].decode(), size)
    return files


def read_blobs(repo: GitRepo, oids: Iterable[str]) -> dict[str, bytes | None]:
    """The content of each blob; None for a blob missing from a partial clone."""
    return dict(repo.blobs(list(oids), batch=500))


def _lines(chunks: Iterable[bytes]) -> Iterator[str]:
    rest = b""
    for chunk in chunks:
        rest += chunk
        *complete, rest = rest.split(b"\n")
        for line in complete:
            yield line.decode("utf-8", "surrogateescape")
    if rest:
        yield rest.decode("utf-8", "surrogateescape")


def changes(repo: GitRepo, head: str, count_lines: bool = True) -> Iterator[Change]:
    """Every non-merge commit reachable from ``head``, newest first, with its changed files."""
    detail = "--numstat" if count_lines else "--name-only"
    args = ["log", "--no-merges", "--no-renames", detail, f"--format={_MARK}%H %ct", head, "--"]
    sha: str | None = None
    when = 0
    files: list[tuple[str, int | None]] = []
    for line in _lines(repo.stream(args)):
        if line.startswith(_MARK):
            if sha is not None:
                yield Change(sha, when, tuple(files))
            sha, stamp = line[1:].split(" ")
            when, files = int(stamp), []
        elif line:
            if count_lines:
                added, deleted, path = line.split("\t", 2)
                lines = int(added) + int(deleted) if added.isdigit() and deleted.isdigit() else 0
                files.append((unquote(path), lines))
            else:
                files.append((unquote(line), None))
    if sha is not None:
        yield Change(sha, when, tuple(files))


def ancestors(repo: GitRepo, sha: str) -> set[str]:
    """Every commit reachable from ``sha`` (itself included)."""
    return set(repo.run(["rev-list", sha]).decode().split())
