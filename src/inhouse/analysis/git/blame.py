"""Line ownership at REV: surviving lines per author from ``git blame``, run in parallel.

Counting matches git-fame's defaults (``git fame --loc=surv``): the files at REV that
``git grep -I`` sees as text with at least one non-empty line, blamed one by one
without ``-w``/``-M``/``-C``, each line credited to its commit's author as blame
reports it (the repository's mailmap applied by git).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from inhouse.analysis.git.gitcmd import GitRepo

Author = tuple[str, str]  # (name, email) as blame reports them


def text_files(repo: GitRepo, commit: str) -> list[str]:
    """Paths at ``commit`` that are text with some content (git-fame's ``git grep -I .``)."""
    out = repo.run(["grep", "-I", "-z", "--name-only", "-e", ".", commit, "--"], check=False)
    prefix = f"{commit}:".encode()
    paths = []
    for item in out.split(b"\0"):
        if item.startswith(prefix):
            paths.append(item[len(prefix) :].decode("utf-8", "surrogateescape"))
    return paths


def blame_file(repo: GitRepo, commit: str, path: str) -> Counter[Author]:
    """Surviving lines per author in one file."""
    out = repo.run(["blame", "--porcelain", commit, "--", path])
    lines_of: Counter[bytes] = Counter()
    author_of: dict[bytes, list[bytes]] = {}
    expect_header = True
    current = b""
    for line in out.split(b"\n"):
        if expect_header:
            if not line:
                continue
            current = line.split(b" ", 1)[0]
            lines_of[current] += 1
            expect_header = False
        elif line.startswith(b"\t"):
            expect_header = True
        elif line.startswith(b"author "):
            author_of.setdefault(current, [b"", b""])[0] = line[7:]
        elif line.startswith(b"author-mail "):
            author_of.setdefault(current, [b"", b""])[1] = line[12:].strip(b"<>")
    counts: Counter[Author] = Counter()
    for sha, n in lines_of.items():
        name, email = author_of.get(sha, [b"", b""])
        counts[(name.decode("utf-8", "replace"), email.decode("utf-8", "replace"))] += n
    return counts


def blame_lines(
    repo: GitRepo,
    commit: str,
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Counter[Author]:
    """Surviving lines per author over ``paths``, ``jobs`` blames at a time."""
    paths = list(paths)
    total: Counter[Author] = Counter()
    workers = max(1, jobs or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done, counts in enumerate(pool.map(lambda p: blame_file(repo, commit, p), paths), 1):
            total.update(counts)
            if progress:
                progress(done, len(paths))
    return total
