"""Line ownership at REV: surviving lines per author from ``git blame``, run in parallel.

Counting matches git-fame's defaults (``git fame --loc=surv``): the files at REV that
``git grep -I`` sees as text with at least one non-empty line, blamed one by one
without ``-w``/``-M``/``-C`` unless asked (:data:`FLAGS`: whitespace changes ignored, lines
moved within a file or copied from another credited to their first author), each line
credited to its commit's author.

Blame reports commits, not people: git blame would apply the working tree's (or a bare
repository's HEAD's) ``.mailmap``, whatever revision is blamed, so the authors are read
raw from the commits (``log --no-mailmap``, as mining reads them) and mapped with the
scanned revision's ``.mailmap`` by the caller. A line a merge brought in (a conflict
resolution) is credited to the merge commit's author, as git-fame credits it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from inhouse.analysis.git.gitcmd import GitRepo
from inhouse.errors import AnalyzerError

Author = tuple[str, str]  # (name, email) as the commit records them
#: The git blame options a scan may ask for.
FLAGS = ("-w", "-M", "-C")


def text_files(repo: GitRepo, commit: str) -> list[str]:
    """Paths at ``commit`` that are text with some content (git-fame's ``git grep -I .``)."""
    out = repo.run(["grep", "-I", "-z", "--name-only", "-e", ".", commit, "--"], check=False)
    prefix = f"{commit}:".encode()
    paths = []
    for item in out.split(b"\0"):
        if item.startswith(prefix):
            paths.append(item[len(prefix) :].decode("utf-8", "surrogateescape"))
    return paths


def blame_file(repo: GitRepo, commit: str, path: str, flags: tuple[str, ...] = ()) -> Counter[str]:
    """Surviving lines per commit in one file; ``flags`` among :data:`FLAGS`."""
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        raise AnalyzerError(f"unknown git blame option {unknown[0]!r}: expected one of {', '.join(FLAGS)}")
    out = repo.run(["blame", "--porcelain", *flags, commit, "--", path])
    lines_of: Counter[str] = Counter()
    expect_header = True
    for line in out.split(b"\n"):
        if expect_header:
            if not line:
                continue
            lines_of[line.split(b" ", 1)[0].decode("ascii", "replace")] += 1
            expect_header = False
        elif line.startswith(b"\t"):
            expect_header = True
    return lines_of


def authors(repo: GitRepo, commits: Iterable[str]) -> dict[str, Author]:
    """The raw author (no mailmap) of each commit."""
    wanted = list(dict.fromkeys(commits))
    if not wanted:
        return {}
    out = repo.run(
        ["log", "--no-walk=unsorted", "--stdin", "--no-mailmap", "-z", "--format=%H%x00%an%x00%ae"],
        input="".join(f"{c}\n" for c in wanted).encode(),
    )
    fields = out.split(b"\0")
    found: dict[str, Author] = {}
    for i in range(0, len(fields) - 2, 3):
        sha = fields[i].strip().decode("ascii", "replace")
        found[sha] = (fields[i + 1].decode("utf-8", "replace"), fields[i + 2].decode("utf-8", "replace"))
    return found


def blame_lines(
    repo: GitRepo,
    commit: str,
    paths: Iterable[str],
    *,
    flags: tuple[str, ...] = (),
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Counter[Author]:
    """Surviving lines per raw author over ``paths``, ``jobs`` blames at a time."""
    paths = list(paths)
    per_commit: Counter[str] = Counter()
    workers = max(1, jobs or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done, counts in enumerate(pool.map(lambda p: blame_file(repo, commit, p, flags), paths), 1):
            per_commit.update(counts)
            if progress:
                progress(done, len(paths))
    who = authors(repo, per_commit)
    total: Counter[Author] = Counter()
    for sha, count in per_commit.items():
        if sha not in who:
            raise AnalyzerError(f"cannot read the git repository {str(repo.path)!r}: blame names commit {sha}")
        total[who[sha]] += count
    return total
