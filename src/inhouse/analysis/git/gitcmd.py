"""A thin, safe runner for the ``git`` executable on one repository.

Every command runs with the network shut: a partial clone or a mirror whose blobs
are missing must never fetch from its promisor remote during an analysis
(``GIT_NO_LAZY_FETCH`` for git >= 2.44, ``GIT_ALLOW_PROTOCOL`` set to a protocol
that does not exist for older versions, so a lazy fetch fails at once instead).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from inhouse.errors import AnalyzerError, InvalidInput, NotFound

_NO_NETWORK_ENV = {
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_ALLOW_PROTOCOL": "inhouse-no-network",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
    "LC_ALL": "C",
}

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(_NO_NETWORK_ENV)
    return env


@dataclass
class GitRepo:
    """One repository (work tree or bare) opened for reading."""

    path: Path
    git_dir: Path
    bare: bool
    shallow: bool
    partial: bool
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> GitRepo:
        """Open ``path`` or raise NotFound (no such folder) / AnalyzerError (not git)."""
        where = Path(path).expanduser()
        if not where.exists():
            raise NotFound(f"repository path {str(where)!r} does not exist")
        if not where.is_dir():
            raise AnalyzerError(f"{str(where)!r} is not a git repository (it is a file)")
        try:
            out = subprocess.run(
                [
                    "git",
                    "-C",
                    str(where),
                    "rev-parse",
                    "--absolute-git-dir",
                    "--is-bare-repository",
                    "--is-shallow-repository",
                ],
                capture_output=True,
                env=git_env(),
                check=False,
            )
        except FileNotFoundError:
            raise AnalyzerError("the git executable was not found on PATH") from None
        if out.returncode != 0:
            raise AnalyzerError(f"{str(where)!r} is not a git repository")
        git_dir, bare, shallow = out.stdout.decode("utf-8", "surrogateescape").split("\n")[:3]
        repo = cls(
            path=where.resolve(), git_dir=Path(git_dir), bare=bare == "true", shallow=shallow == "true", partial=False
        )
        repo.partial = repo._is_partial()
        return repo

    def _is_partial(self) -> bool:
        if self.config("extensions.partialclone"):
            return True
        packs = self.git_dir / "objects" / "pack"
        return packs.is_dir() and any(p.suffix == ".promisor" for p in packs.iterdir())

    # -- running -------------------------------------------------------------------
    def _argv(self, args: Sequence[str]) -> list[str]:
        return ["git", "-C", str(self.path), "-c", "core.quotepath=off", *args]

    def run(self, args: Sequence[str], *, check: bool = True, input: bytes | None = None) -> bytes:
        """Run git and return its stdout; raise AnalyzerError with git's message on failure."""
        out = subprocess.run(self._argv(args), capture_output=True, env=git_env(), input=input, check=False)
        if check and out.returncode != 0:
            raise AnalyzerError(_failure(args, out.stderr))
        return out.stdout

    def ok(self, args: Sequence[str]) -> bool:
        out = subprocess.run(self._argv(args), capture_output=True, env=git_env(), check=False)
        return out.returncode == 0

    def spawn(self, args: Sequence[str], stdout: IO[bytes]) -> subprocess.Popen[bytes]:
        """Start git writing to ``stdout`` (a file); the caller waits for it."""
        return subprocess.Popen(self._argv(args), stdout=stdout, stderr=subprocess.PIPE, env=git_env())

    def stream(self, args: Sequence[str], chunk: int = 1 << 20) -> GitStream:
        return GitStream(self._argv(args), chunk)

    def config(self, key: str) -> str | None:
        out = subprocess.run(self._argv(["config", "--get", key]), capture_output=True, env=git_env(), check=False)
        value = out.stdout.decode("utf-8", "replace").strip()
        return value or None

    # -- revisions -----------------------------------------------------------------
    def has_commits(self) -> bool:
        return self.ok(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])

    def resolve(self, rev: str) -> str:
        """Full commit id for ``rev``; NotFound when it names nothing, InvalidInput when odd."""
        if not rev or rev.startswith("-") or "\0" in rev:
            raise InvalidInput(f"invalid revision {rev!r}")
        out = subprocess.run(
            self._argv(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"]),
            capture_output=True,
            env=git_env(),
            check=False,
        )
        if out.returncode != 0:
            raise NotFound(f"revision {rev!r} does not exist in {str(self.path)!r}")
        return out.stdout.decode().strip()

    def is_ancestor(self, old: str, new: str) -> bool:
        if not self.ok(["cat-file", "-e", f"{old}^{{commit}}"]):
            return False
        return self.ok(["merge-base", "--is-ancestor", old, new])

    def count_commits(self, rev: str, exclude: str | None = None) -> int:
        args = ["rev-list", "--count", "--no-merges", rev]
        if exclude:
            args.append(f"^{exclude}")
        return int(self.run(args).strip() or 0)

    def shallow_boundaries(self) -> set[str]:
        shallow = self.git_dir / "shallow"
        if not shallow.exists():
            return set()
        return {line.strip() for line in shallow.read_text().splitlines() if line.strip()}

    def show_file(self, rev: str, path: str) -> bytes | None:
        out = subprocess.run(
            self._argv(["cat-file", "blob", f"{rev}:{path}"]), capture_output=True, env=git_env(), check=False
        )
        return out.stdout if out.returncode == 0 else None

    def tree_files(self, rev: str) -> dict[str, tuple[str, str]]:
        """``path -> (blob id, mode)`` for every file at ``rev`` (submodules left out)."""
        files: dict[str, tuple[str, str]] = {}
        for entry in self.run(["ls-tree", "-r", "-z", "--full-tree", rev]).split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, oid = meta.split(b" ")
            if kind == b"blob":
                files[name.decode("utf-8", "surrogateescape")] = (oid.decode(), mode.decode())
        return files

    def blobs(self, oids: Sequence[str], batch: int = 2000) -> Iterator[tuple[str, bytes | None]]:
        """``(blob id, content)`` for each distinct id, read with ``cat-file --batch`` in bounded
        batches; the content is None for a blob missing from a partial clone."""
        wanted = list(dict.fromkeys(oids))
        for start in range(0, len(wanted), batch):
            chunk = wanted[start : start + batch]
            out = self.run(["cat-file", "--batch"], input="".join(f"{o}\n" for o in chunk).encode())
            pos = 0
            for oid in chunk:
                end = out.index(b"\n", pos)
                header = out[pos:end].split(b" ")
                pos = end + 1
                if len(header) < 3 or header[1] != b"blob":
                    yield oid, None
                    continue
                size = int(header[2])
                yield oid, out[pos : pos + size]
                pos += size + 1

    def count_lines(self, oids: Sequence[str]) -> dict[str, int | None]:
        """Lines in each blob (binary: 0; missing from a partial clone: None)."""
        counts: dict[str, int | None] = {}
        for oid, data in self.blobs(oids):
            if data is None:
                counts[oid] = None
            elif b"\0" in data[:8000]:
                counts[oid] = 0
            else:
                counts[oid] = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
        return counts


class GitStream:
    """Iterate over git's stdout in chunks; errors become AnalyzerError at the end."""

    def __init__(self, argv: list[str], chunk: int) -> None:
        self.argv = argv
        self.chunk = chunk
        self.stderr = b""

    def __iter__(self) -> Iterator[bytes]:
        proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=git_env())
        assert proc.stdout is not None and proc.stderr is not None
        import threading

        errors: list[bytes] = []
        stderr = proc.stderr
        reader = threading.Thread(target=lambda: errors.append(stderr.read()), daemon=True)
        reader.start()
        try:
            while True:
                data = proc.stdout.read(self.chunk)
                if not data:
                    break
                yield data
        finally:
            proc.stdout.close()
            code = proc.wait()
            reader.join()
            self.stderr = b"".join(errors)
        if code != 0:
            raise AnalyzerError(_failure(self.argv[5:], self.stderr))


def _failure(args: Sequence[str], stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    reason = lines[-1].strip() if lines else "no message"
    verb = args[0] if args else "git"
    return f"git {verb} failed: {reason}"
