"""One streaming pass over ``git log``: commits with their file changes.

We read git's own plumbing output (``-z --raw [--numstat]``) rather than walking the
object database from Python: git computes the tree diffs and rename detection in C
and we parse a byte stream as it arrives. (pygit2 was considered; its per-commit
diff objects cost more Python work than parsing this stream, see docs/performance.md.)

Modes:

* ``full``   -- ``--raw --numstat -M``: statuses, renames and added/deleted lines;
* ``quick``  -- ``--raw -M``: statuses and renames only (enough for authorship);
* ``exact``  -- ``--raw --no-renames``: for partial clones whose blobs are missing:
  nothing reads a blob, renames are paired by identical blob id (exact renames).

Merge commits are listed (to be counted) but carry no changes: every change of a
merged branch was already counted in the branch's own commits, so it counts once.

Each commit also carries its credit trailers (``Co-authored-by:``, ``Reviewed-by:``;
see ``trailers.py``), one more field of the format, read by git and bounded here.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.analysis.git.trailers import FORMAT as TRAILERS_FORMAT
from inhouse.analysis.git.trailers import parse_trailers
from inhouse.errors import AnalyzerError, InvalidInput

MODES = ("full", "quick", "exact")
_FORMAT = "--format=%x01%H%x00%P%x00%an%x00%ae%x00%at%x00" + TRAILERS_FORMAT


@dataclass(slots=True)
class FileChange:
    status: str  # A, M, D or R (type changes count as M, copies as A)
    path: str
    old_path: str | None = None
    added: int = 0
    deleted: int = 0
    binary: bool = False
    oid: str | None = None  # blob id of an addition/deletion (pairs exact renames)


@dataclass(slots=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    timestamp: int
    changes: list[FileChange] = field(default_factory=list)
    # (kind, name, email) from the message's trailers: trailers.CO_AUTHOR or trailers.REVIEWER
    credits: tuple[tuple[int, str, str], ...] = ()

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


def log_args(mode: str, rev: str, exclude: str | None = None) -> list[str]:
    if mode not in MODES:
        raise InvalidInput(f"unknown mining mode {mode!r}: expected one of {', '.join(MODES)}")
    args = [
        "-c",
        "log.showroot=true",
        "-c",
        "diff.renamelimit=2000",
        "log",
        "-z",
        "--no-color",
        "--no-mailmap",
        "--no-show-signature",
        "--no-ext-diff",
        "--no-textconv",
        "--no-relative",
        "--topo-order",
        "--reverse",
        "--raw",
        "--no-abbrev",
        _FORMAT,
    ]
    if mode == "full":
        args += ["--numstat", "-M"]
    elif mode == "quick":
        args += ["-M"]
    else:
        args += ["--no-renames"]
    args.append(rev)
    if exclude:
        args.append(f"^{exclude}")
    args.append("--")
    return args


def iter_commits(repo: GitRepo, rev: str, *, mode: str = "full", exclude: str | None = None) -> Iterator[Commit]:
    """Yield the commits reachable from ``rev`` (and not from ``exclude``), parents first."""
    stream = repo.stream(log_args(mode, rev, exclude))
    yield from parse_log(stream, exact_renames=mode == "exact")
    _note_rename_warnings(repo, stream.stderr)


def _note_rename_warnings(repo: GitRepo, stderr: bytes) -> None:
    """git's warnings that it gave up on rename detection, kept once each in ``repo.warnings``."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        if "rename detection" in line and line.strip() not in repo.warnings:
            repo.warnings.append(line.strip())


def _written_log(repo: GitRepo, proc: subprocess.Popen[bytes], out: IO[bytes], mode: str) -> Iterator[Commit]:
    """The commits a spawned ``git log`` (:func:`log_args`) wrote to the file ``out``, once it ended."""
    _, error = proc.communicate()
    out.close()
    if proc.returncode != 0:
        raise AnalyzerError(repo.failure(["log"], error))
    _note_rename_warnings(repo, error)
    with open(out.name, "rb") as data:
        yield from parse_log(iter(lambda: data.read(1 << 20), b""), exact_renames=mode == "exact")


def _counted(commits: Iterable[Commit], total: int, progress: Callable[[int, int], None]) -> Iterator[Commit]:
    """``commits``, with ``progress(done, total)`` every 500 and at the end (``done`` never past ``total``)."""
    done = 0
    for commit in commits:
        yield commit
        done += 1
        if done % 500 == 0:
            progress(done, max(total, done))
    progress(done, max(total, done))


def mine(
    repo: GitRepo,
    rev: str,
    *,
    mode: str = "full",
    exclude: str | None = None,
    workers: int | None = None,
    split_above: int = 20_000,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Commit]:
    """Like :func:`iter_commits`, but a long history is cut into consecutive ranges
    along the first-parent chain (``C1``, ``C2 ^C1``, ... ``REV ^Ck``) mined by
    concurrent git processes. The ranges are disjoint, cover the history and each is
    yielded whole, parents first, before the next: folding them in turn is exactly
    an incremental scan from ``C1`` to ``REV``, which equals a full scan.

    ``progress(done, total)`` hears every 500 commits and at the end; ``total`` counts every
    commit yielded (merges too), so ``done`` never passes it.
    """
    workers = min(workers or os.cpu_count() or 1, 4)
    cuts: list[str] = []
    total = 0
    if workers > 1 and exclude is None:
        if progress is None:  # no total wanted: the first-parent chain alone is a cheaper pass
            chain = repo.run(["rev-list", "--first-parent", rev, "--"]).decode().split()
        else:
            chain, total = first_parents(repo, rev)
        if len(chain) > split_above:
            step = len(chain) // workers
            cuts = [chain[len(chain) - 1 - step * i] for i in range(1, workers)]
    elif progress is not None:
        total = repo.count_commits(rev, exclude)
    commits = _mine_ranges(repo, rev, mode, exclude, cuts)
    yield from commits if progress is None else _counted(commits, total, progress)


#: A full commit id (SHA-1 or SHA-256).
FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


class EarlyLog:
    """The commits of ``rev`` that ``base`` does not reach, asked of git before they are wanted.

    A rescan starts git on the new commits (and on whether ``base``, the stored head, is still an
    ancestor) as soon as it knows the stored head, and reads the stored facts while git walks:
    the log is written to a temporary file, so git never waits on a full pipe. The caller takes
    :meth:`commits` when the facts say ``base`` is where they end, or leaves them; :meth:`close`
    stops what still runs and removes the file. ``base`` must be a full commit id (it comes from
    the store, and is never passed to git as anything else)."""

    def __init__(self, repo: GitRepo, mode: str, rev: str, base: str) -> None:
        if not FULL_ID.fullmatch(base) or not FULL_ID.fullmatch(rev):
            raise InvalidInput("an early log needs full commit ids")
        self.repo, self.mode, self.rev, self.base = repo, mode, rev, base
        self._folder = tempfile.TemporaryDirectory(prefix="inhouse-early-")
        self._out = open(os.path.join(self._folder.name, "log"), "wb")
        self._check = repo.spawn(["merge-base", "--is-ancestor", base, rev], subprocess.DEVNULL)
        self._log = repo.spawn(log_args(mode, rev, base), self._out)
        self._ancestor: bool | None = None

    def is_ancestor(self) -> bool:
        """Whether ``base`` is still an ancestor of ``rev`` (False when it is not in the repository)."""
        if self._ancestor is None:
            self._check.communicate()
            self._ancestor = self._check.returncode == 0
            if not self._ancestor:  # the history was rewritten: the log is of no use
                self._stop(self._log)
        return self._ancestor

    def commits(self, progress: Callable[[int, int], None] | None = None) -> Iterator[Commit]:
        """The new commits, parents first, as :func:`mine` with ``exclude=base`` yields them."""
        commits = _written_log(self.repo, self._log, self._out, self.mode)
        if progress is None:
            yield from commits
        else:
            yield from _counted(commits, self.repo.count_commits(self.rev, self.base), progress)

    def close(self) -> None:
        for proc in (self._check, self._log):
            self._stop(proc)
        self._out.close()
        self._folder.cleanup()

    def __enter__(self) -> EarlyLog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @staticmethod
    def _stop(proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def first_parents(repo: GitRepo, rev: str) -> tuple[list[str], int]:
    """The first-parent chain from ``rev`` (newest first) and the number of commits ``rev``
    reaches, from one ``rev-list --parents`` pass."""
    tip = repo.run(["rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}"]).strip()
    first: dict[bytes, bytes] = {}
    lines = repo.run(["rev-list", "--parents", rev, "--"]).split(b"\n")
    total = 0
    for line in lines:
        if line:
            total += 1
            sha, _, parents = line.partition(b" ")
            first[sha] = parents.partition(b" ")[0]
    chain: list[str] = []
    cursor: bytes | None = tip
    while cursor:
        chain.append(cursor.decode())
        cursor = first.get(cursor)
    return chain, total


def _mine_ranges(repo: GitRepo, rev: str, mode: str, exclude: str | None, cuts: list[str]) -> Iterator[Commit]:
    if not cuts:
        yield from iter_commits(repo, rev, mode=mode, exclude=exclude)
        return
    bounds = [(cuts[0], None)] + list(zip(cuts[1:] + [rev], cuts, strict=False))
    with tempfile.TemporaryDirectory(prefix="inhouse-mine-") as tmp:
        procs = []
        try:
            for index, (tip, base) in enumerate(bounds[1:], 1):
                out = open(os.path.join(tmp, f"part{index}"), "wb")
                procs.append((repo.spawn(log_args(mode, tip, base), out), out))
            yield from iter_commits(repo, bounds[0][0], mode=mode)
            for proc, out in procs:
                yield from _written_log(repo, proc, out, mode)
        finally:  # stopped early (an error, a closed generator): leave no git behind
            for proc, out in procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                out.close()


def parse_log(chunks: Iterable[bytes], *, exact_renames: bool = False) -> Iterator[Commit]:
    """Parse the NUL-separated output of :func:`log_args` into :class:`Commit` records.

    A state machine over NUL-terminated tokens, so an entry split between two chunks
    is handled, and paths or names with any bytes (non-UTF-8 included) survive. The
    common tokens (a raw entry and its path) take a few operations each: paths and
    names are decoded once per distinct value, and a change's blob ids are split out
    only for additions and deletions.
    """
    names: dict[bytes, str] = {}
    paths: dict[bytes, str] = {}
    commit: Commit | None = None
    add_change: Callable[[FileChange], None] = list.append  # type: ignore[assignment]
    header: list[bytes] = []
    header_left = 0
    # path tokens still wanted: 1 the path of a one-path raw entry, 2 and 3 the source and
    # target of a rename or copy, 4 and 5 the two paths of a numstat line of a rename
    pending = 0
    status = b""  # the raw entry's status letter
    meta = b""  # the raw entry (or the numstat counts) the pending paths belong to
    source = b""
    stat_index = 0
    rest = b""
    for chunk in chunks:
        tokens = (rest + chunk).split(b"\0") if rest else chunk.split(b"\0")
        rest = tokens.pop()
        for tok in tokens:
            if pending == 1:
                pending = 0
                name = paths.get(tok)
                if name is None:
                    name = paths[tok] = tok.decode("utf-8", "surrogateescape")
                if status == b"A":
                    add_change(FileChange("A", name, oid=meta.split(b" ")[3].decode()))
                elif status == b"D":
                    add_change(FileChange("D", name, oid=meta.split(b" ")[2].decode()))
                else:  # M, a type change (T) and anything else count as a change
                    add_change(FileChange("M", name))
                continue
            if pending:
                if pending == 2:
                    source, pending = tok, 3
                    continue
                if pending == 3:
                    pending = 0
                    name = paths.get(tok)
                    if name is None:
                        name = paths[tok] = tok.decode("utf-8", "surrogateescape")
                    if status == b"R":
                        old = paths.get(source)
                        if old is None:
                            old = paths[source] = source.decode("utf-8", "surrogateescape")
                        add_change(FileChange("R", name, old))
                    else:  # a copy counts as an addition
                        add_change(FileChange("A", name))
                    continue
                if pending == 4:
                    pending = 5
                    continue
                pending = 0
                _add_stat(commit, stat_index, meta)  # type: ignore[arg-type]
                stat_index += 1
                continue
            if header_left:
                header.append(tok)
                header_left -= 1
                if not header_left:
                    sha, parents, raw_name, raw_email, when, trailers = header
                    name = names.get(raw_name)
                    if name is None:
                        name = names[raw_name] = raw_name.decode("utf-8", "replace")
                    email = names.get(raw_email)
                    if email is None:
                        email = names[raw_email] = raw_email.decode("utf-8", "replace")
                    commit = Commit(sha.decode(), tuple(parents.decode().split()), name, email, int(when or 0))
                    add_change = commit.changes.append
                    if trailers:
                        commit.credits = parse_trailers(trailers, (name, email))
                    stat_index = 0
                continue
            if not tok:
                continue
            first = tok[0]
            if first == 10:  # b"\n": the line break between a commit's header and its entries
                tok = tok.lstrip(b"\n")
                if not tok:
                    continue
                first = tok[0]
            if first == 58:  # ':' raw entry, its path(s) follow
                at = tok.rfind(b" ") + 1
                meta, status = tok, tok[at : at + 1]
                pending = 2 if status == b"R" or status == b"C" else 1
            elif first == 1:  # \x01: a new commit
                if commit is not None:
                    yield _finish(commit, exact_renames)
                header = [tok[1:]]
                header_left = 5
            else:  # numstat "added\tdeleted\tpath" or "added\tdeleted\t" + two paths
                added, deleted, name_raw = tok.split(b"\t", 2)
                meta = added + b"\t" + deleted
                if name_raw:
                    _add_stat(commit, stat_index, meta)  # type: ignore[arg-type]
                    stat_index += 1
                else:
                    pending = 4
    if commit is not None:
        yield _finish(commit, exact_renames)


def _add_stat(commit: Commit, index: int, meta: bytes) -> None:
    if index >= len(commit.changes):  # defensive: numstat without a raw line
        return
    change = commit.changes[index]
    added, deleted = meta.split(b"\t")
    if added == b"-":
        change.binary = True
    else:
        change.added = int(added)
        change.deleted = int(deleted)


def _finish(commit: Commit, exact_renames: bool) -> Commit:
    if exact_renames:
        _pair_exact_renames(commit)
    return commit


def _pair_exact_renames(commit: Commit) -> None:
    """Turn a deletion and an addition of the same blob in one commit into a rename."""
    deleted: dict[str, list[FileChange]] = {}
    for change in commit.changes:
        if change.status == "D" and change.oid:
            deleted.setdefault(change.oid, []).append(change)
    if not deleted:
        return
    paired: list[FileChange] = []
    used: set[int] = set()
    for change in commit.changes:
        sources = deleted.get(change.oid) if change.status == "A" and change.oid else None
        if sources:
            source = sources.pop(0)
            used.add(id(source))
            paired.append(FileChange("R", change.path, source.path))
        else:
            paired.append(change)
    commit.changes = [c for c in paired if id(c) not in used]
