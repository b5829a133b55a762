"""Generate a synthetic git history quickly with ``git fast-import``.

Several authors on two sides (the internal share growing over time), realistic churn
(a few lines changed in one to four files per commit, new files, deletions),
renames, merged side branches and an occasional bot. Deterministic for a seed.

    python benchmarks/synth_repo.py /tmp/synth --commits 50000
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

INTERNAL = [
    ("Ana Ortiz", "ana@acme.com"),
    ("Ben Cho", "ben@acme.com"),
    ("Chen Wei", "chen@acme.com"),
    ("Dana Ruiz", "dana@acme.com"),
]
PARTNER = [
    ("Pia Novak", "pia@partner.io"),
    ("Raj Patel", "raj@partner.io"),
    ("Sam Lee", "sam@partner.io"),
    ("Tom Berg", "tom@partner.io"),
    ("Uma Sato", "uma@partner.io"),
]
BOT = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")
DIRS = [
    "model",
    "model/layers",
    "data",
    "data/loaders",
    "train",
    "serve",
    "serve/api",
    "eval",
    "utils",
    "notebooks",
    "infra",
    "docs",
]
START = 1609459200  # 2021-01-01


class Generator:
    def __init__(
        self, commits: int, seed: int = 7, start_mark: int = 1, start_time: int = START, span_days: int = 3 * 365
    ) -> None:
        self.rng = random.Random(seed)
        self.commits = commits
        self.mark = start_mark
        self.time: float = start_time
        self.step = span_days * 86400 / max(commits, 1)
        self.files: dict[str, list[str]] = {}
        self.counter = 0
        self.out: list[bytes] = []

    # -- content ------------------------------------------------------------------
    def _line(self) -> str:
        self.counter += 1
        return f"value_{self.counter} = compute({self.rng.randint(0, 10**6)})  # step {self.counter}\n"

    def _new_path(self) -> str:
        self.counter += 1
        ext = self.rng.choice([".py"] * 6 + [".ipynb", ".md", ".yaml", ".sql"])
        return f"{self.rng.choice(DIRS)}/mod_{self.counter}{ext}"

    def _author(self, progress: float) -> tuple[str, str]:
        if self.rng.random() < 0.01:
            return BOT
        internal_share = 0.15 + 0.6 * progress
        side = INTERNAL if self.rng.random() < internal_share else PARTNER
        return side[min(int(self.rng.paretovariate(1.2)) - 1, len(side) - 1)]

    def _edit(self, path: str, ops: list[str], files: dict[str, list[str]]) -> None:
        body = list(files[path])
        for _ in range(self.rng.randint(1, 6)):
            where = self.rng.randrange(len(body) + 1)
            roll = self.rng.random()
            if roll < 0.5 or len(body) < 5:
                body.insert(where, self._line())
            elif roll < 0.8:
                body[min(where, len(body) - 1)] = self._line()
            else:
                del body[min(where, len(body) - 1)]
        files[path] = body
        ops.append(self._modify(path, body))

    @staticmethod
    def _modify(path: str, body: list[str]) -> str:
        data = "".join(body).encode()
        return f"M 100644 inline {path}\ndata {len(data)}\n" + data.decode() + "\n"

    # -- commits ------------------------------------------------------------------
    def _commit(
        self,
        ref: str,
        who: tuple[str, str],
        ops: list[str],
        parent: int | None,
        merge: int | None = None,
        message: str = "work",
    ) -> int:
        mark = self.mark
        self.mark += 1
        self.time += self.step
        stamp = f"{int(self.time)} +0000"
        msg = f"{message} {mark}\n".encode()
        head = [
            f"commit {ref}",
            f"mark :{mark}",
            f"author {who[0]} <{who[1]}> {stamp}",
            f"committer {who[0]} <{who[1]}> {stamp}",
            f"data {len(msg)}",
        ]
        text = "\n".join(head) + "\n" + msg.decode()
        if parent is not None:
            text += f"from :{parent}\n"
        if merge is not None:
            text += f"merge :{merge}\n"
        self.out.append((text + "".join(ops) + "\n").encode())
        return mark

    def _changes(self, files: dict[str, list[str]], avoid: set[str]) -> list[str]:
        ops: list[str] = []
        roll = self.rng.random()
        paths = [p for p in files if p not in avoid] if avoid else list(files)
        if roll < 0.08 or len(paths) < 20:
            path = self._new_path()
            files[path] = [self._line() for _ in range(self.rng.randint(10, 60))]
            ops.append(self._modify(path, files[path]))
        elif roll < 0.09:
            old = self.rng.choice(paths)
            new = f"{self.rng.choice(DIRS)}/{old.rsplit('/', 1)[1]}"
            if new not in files:
                files[new] = files.pop(old)
                ops.append(f"R {old} {new}\n")
                if self.rng.random() < 0.5:
                    self._edit(new, ops, files)
        elif roll < 0.095 and len(paths) > 50:
            old = self.rng.choice(paths)
            del files[old]
            ops.append(f"D {old}\n")
        else:
            for path in self.rng.sample(paths, min(len(paths), self.rng.choice([1, 1, 1, 2, 2, 3, 4]))):
                self._edit(path, ops, files)
        return ops

    def generate(self, parent: int | None = None) -> int | None:
        """Emit ``commits`` commits on refs/heads/main after ``parent``; return the last mark."""
        made = 0
        while made < self.commits:
            progress = made / self.commits
            if parent is not None and self.rng.random() < 0.02 and self.commits - made > 6:
                parent = self._side_branch(parent, progress)
                made += 4
                continue
            parent = self._commit("refs/heads/main", self._author(progress), self._changes(self.files, set()), parent)
            made += 1
        return parent

    def _side_branch(self, base: int, progress: float) -> int:
        """Two commits on a branch, one on main meanwhile, then a merge commit: 4 commits."""
        branch_files = dict(self.files)
        touched: set[str] = set()
        tip = base
        for _ in range(2):
            before = {p: id(v) for p, v in branch_files.items()}
            ops = self._changes(branch_files, set())
            touched |= {p for p, v in branch_files.items() if before.get(p) != id(v)}
            touched |= set(self.files) - set(branch_files)
            tip = self._commit("refs/heads/side", self._author(progress), ops, tip)
        main = self._commit(
            "refs/heads/main",
            self._author(progress),
            self._changes(self.files, touched | set(branch_files) ^ set(self.files)),
            base,
        )
        ops = []
        for path in sorted(touched):
            if path in branch_files:
                self.files[path] = branch_files[path]
                ops.append(self._modify(path, branch_files[path]))
            elif path in self.files:
                del self.files[path]
                ops.append(f"D {path}\n")
        return self._commit(
            "refs/heads/main", self._author(progress), ops, main, merge=tip, message="Merge branch side"
        )

    def flush(self) -> bytes:
        data = b"".join(self.out)
        self.out = []
        return data


def create(path: Path, commits: int, seed: int = 7) -> Generator:
    """Create a repository at ``path`` holding ``commits`` generated commits."""
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    gen = Generator(commits, seed)
    feed(path, gen, None)
    return gen


def feed(path: Path, gen: Generator, parent: int | None) -> int:
    """Run the generator into ``git fast-import`` in batches; return the last commit mark."""
    proc = subprocess.Popen(
        ["git", "-C", str(path), "fast-import", "--quiet", "--force", f"--export-marks={path / '.git' / 'synth-marks'}"]
        + ([f"--import-marks={path / '.git' / 'synth-marks'}"] if parent else []),
        stdin=subprocess.PIPE,
    )
    assert proc.stdin is not None
    total, gen.commits = gen.commits, 0
    batch = 2000
    last = parent
    while total > 0:
        gen.commits = min(batch, total)
        last = gen.generate(last)
        proc.stdin.write(gen.flush())
        total -= gen.commits
    proc.stdin.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    return last or 0


def extend(path: Path, gen: Generator, last: int, commits: int) -> int:
    """Add ``commits`` more commits on main after mark ``last``."""
    gen.commits = commits
    return feed(path, gen, last)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--commits", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    create(args.path, args.commits, args.seed)
    count = subprocess.run(
        ["git", "-C", str(args.path), "rev-list", "--count", "main"], capture_output=True, text=True, check=True
    ).stdout.strip()
    print(f"{args.path}: {count} commits", file=sys.stderr)


if __name__ == "__main__":
    main()
