"""The one place ``git`` runs: a safe environment and options around every command.

A scanned repository comes from the party being checked, so nothing it configures may
run, and no working-tree file may be opened:

* **Located with git, read through a clean copy of its metadata.** :func:`locate` asks
  git where the repository is (``rev-parse``: it reads the repository's configuration,
  and runs nothing). :meth:`GitRepo.open` then copies what reading needs -- the refs (as
  one ``packed-refs``), ``HEAD``, the shallow list -- into a private, bare folder with a
  configuration of our own, and every analysis command (``log``, ``rev-list``,
  ``blame``, ``cat-file``, ``ls-tree``, ``grep``, ``merge-base``) runs there with
  ``GIT_OBJECT_DIRECTORY`` at the repository's objects. So the repository's
  ``.git/config`` and whatever it includes (``include.path``), its hooks, its
  ``.gitattributes``, ``.mailmap``, grafts and replace refs, its promisor remote and
  its working tree cannot matter: none is read.
* **Every command, both kinds:** the system and global configurations off
  (``GIT_CONFIG_NOSYSTEM``, ``GIT_CONFIG_GLOBAL=/dev/null``, ``GIT_ATTR_NOSYSTEM``, a
  neutral empty ``HOME``), no inherited ``GIT_*`` variable, and on the command line
  (which wins over any file): ``core.fsmonitor=false``, ``core.hooksPath=/dev/null``,
  ``core.pager=cat``, ``core.sshCommand=false``, ``core.askPass=``, an empty
  ``credential.helper`` list, ``core.attributesFile``/``core.excludesFile`` at
  ``/dev/null``, ``log.showSignature=false`` and the signature programs off,
  ``blame.ignoreRevsFile`` and the mailmap sources off; ``--no-textconv --no-ext-diff``
  on every diff-producing command and ``--no-textconv`` on blame and grep (textconv,
  diff drivers and ``diff.external`` are named per driver and cannot be listed: the
  flags switch them off). Blame and grep always get a revision, so no working-tree
  file (or smudge filter) is read.
* **No network:** ``protocol.allow=never``, ``GIT_ALLOW_PROTOCOL`` set to a protocol
  that does not exist and ``GIT_NO_LAZY_FETCH`` (git >= 2.44), so a partial clone's
  missing blobs stay missing. :func:`git_env` and :func:`safe_options` take the
  protocols a caller allows explicitly (a clone: ``("https", "ssh")``).
* **Ownership:** git refuses a repository another user owns. The operator who names a
  repository reads that path only: ``safe.directory`` is set to it (never ``*``).

A repository git cannot read (a corrupt object, a truncated pack, a broken ``HEAD`` or
ref, an empty ``.git``) is an :class:`AnalyzerError` naming it and git's reason.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from inhouse.errors import AnalyzerError, InvalidInput, NotFound

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

#: The commands an analysis runs: all read-only.
READ_COMMANDS = frozenset(
    {
        "blame",
        "cat-file",
        "config",
        "diff-tree",
        "for-each-ref",
        "grep",
        "log",
        "ls-tree",
        "merge-base",
        "rev-list",
        "rev-parse",
        "show",
        "symbolic-ref",
    }
)
_NO_CONVERSION = {
    "log": ("--no-textconv", "--no-ext-diff"),
    "show": ("--no-textconv", "--no-ext-diff"),
    "diff-tree": ("--no-textconv", "--no-ext-diff"),
    "blame": ("--no-textconv",),
    "grep": ("--no-textconv",),
}
_NO_PROTOCOL = "inhouse-no-network"
#: Variables of the caller that would reach git's pagers, editors or askpass programs.
_DROPPED = frozenset({"SSH_ASKPASS", "XDG_CONFIG_HOME", "EDITOR", "VISUAL", "PAGER", "LESS", "LESSOPEN"})
#: ``-c`` options on every command: each key a repository could set to run code or read odd files.
_SAFE_CONFIG: tuple[tuple[str, str], ...] = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),
    ("core.pager", "cat"),
    ("core.askPass", ""),
    ("credential.helper", ""),
    ("core.attributesFile", os.devnull),
    ("core.excludesFile", os.devnull),
    ("core.quotepath", "off"),
    ("log.showSignature", "false"),
    ("gpg.program", "false"),
    ("gpg.ssh.program", "false"),
    ("gpg.x509.program", "false"),
    ("core.editor", "false"),
    ("sequence.editor", "false"),
    ("mailmap.file", ""),
    ("mailmap.blob", ""),
    ("i18n.logOutputEncoding", "UTF-8"),
    ("submodule.recurse", "false"),
    ("gc.auto", "0"),
    ("maintenance.auto", "false"),
)
_WHITESPACE = re.compile(r"\s+")


def _neutral_home() -> str:
    """An empty folder of our own for ``HOME``: no ``~/.gitconfig``, no ``~/.config/git``."""
    global _HOME
    if _HOME is None or not os.path.isdir(_HOME):
        _HOME = tempfile.mkdtemp(prefix="inhouse-git-home-")
        atexit.register(shutil.rmtree, _HOME, True)
    return _HOME


_HOME: str | None = None


def git_env(protocols: Sequence[str] = ()) -> dict[str, str]:
    """The environment of every git command: the caller's, without any ``GIT_*`` variable or
    pager/editor/askpass hint, with neutral configuration and no network unless allowed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k not in _DROPPED}
    home = _neutral_home()
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=home,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_ATTR_NOSYSTEM="1",
        GIT_NO_REPLACE_OBJECTS="1",
        GIT_ALLOW_PROTOCOL=":".join(protocols) or _NO_PROTOCOL,
        GIT_PROTOCOL_FROM_USER="0",
        GIT_TERMINAL_PROMPT="0",
        GIT_ASKPASS="",
        GIT_OPTIONAL_LOCKS="0",
        GIT_PAGER="cat",
        PAGER="cat",
        LC_ALL="C",
    )
    if not protocols:
        env["GIT_NO_LAZY_FETCH"] = "1"
    return env


def safe_options(protocols: Sequence[str] = (), safe_directories: Sequence[str] = ()) -> list[str]:
    """The ``-c`` options of every git command (see the module's notes)."""
    options = ["--no-pager"]
    pairs = [*_SAFE_CONFIG, ("protocol.allow", "never")]
    pairs += [(f"protocol.{p}.allow", "always") for p in protocols]
    pairs.append(("core.sshCommand", "ssh" if "ssh" in protocols else "false"))
    pairs += [("safe.directory", d) for d in safe_directories]
    for key, value in pairs:
        options += ["-c", f"{key}={value}"]
    return options


def _command(args: Sequence[str]) -> list[str]:
    """``args`` with the conversions of its command switched off; only read-only commands."""
    args = list(args)
    i = 0
    while i < len(args) and args[i] == "-c":
        i += 2
    verb = args[i] if i < len(args) else ""
    if verb not in READ_COMMANDS:
        raise ValueError(f"git {verb!r} is not a read-only command an analysis runs")
    return [*args[: i + 1], *_NO_CONVERSION.get(verb, ()), *args[i + 1 :]]


def _verb(args: Sequence[str]) -> str:
    i = 0
    while i < len(args) and args[i] == "-c":
        i += 2
    return args[i] if i < len(args) else "git"


def _reason(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return "no message"
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    reason = (fatal or lines)[-1]
    for prefix in ("fatal: ", "error: "):
        reason = reason.removeprefix(prefix)
    return _WHITESPACE.sub(" ", reason)[:400]


def _run_git(
    argv: list[str], env: dict[str, str], *, input: bytes | None = None, cwd: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(argv, capture_output=True, env=env, input=input, cwd=cwd, check=False)
    except FileNotFoundError:
        raise AnalyzerError("the git executable was not found on PATH") from None


@dataclass(frozen=True)
class Location:
    """Where git finds the repository named by a path."""

    top: Path  # the working tree's top folder, or the bare repository itself
    git_dir: Path
    common_dir: Path  # shared by linked worktrees: objects, refs, shallow
    bare: bool
    shallow: bool
    safe: tuple[str, ...]  # the paths given to ``safe.directory``


def locate(path: str | os.PathLike[str]) -> Location:
    """Ask git where the repository at ``path`` is; NotFound / AnalyzerError when it is none."""
    where = Path(path).expanduser()
    if not where.exists():
        raise NotFound(f"repository path {str(where)!r} does not exist")
    if not where.is_dir():
        raise AnalyzerError(f"not a git repository (not a folder): {where}")
    real = os.path.realpath(where)
    safe = (real,)
    argv = [
        "git",
        "-C",
        real,
        *safe_options(safe_directories=safe),
        "rev-parse",
        "--absolute-git-dir",
        "--git-common-dir",
        "--is-bare-repository",
        "--is-shallow-repository",
        "--is-inside-git-dir",
    ]
    out = _run_git(argv, git_env())
    damaged = _looks_like_git(where)
    if out.returncode != 0:
        reason = _reason(out.stderr)
        if "dubious ownership" in reason:
            raise AnalyzerError(
                f"{where}: git refuses a repository another user owns unless it is named by its top folder"
            )
        if not reason.startswith("not a git repository"):
            raise AnalyzerError(f"cannot read the git repository {str(where)!r}: {reason}")
        if damaged:
            raise AnalyzerError(f"cannot read the git repository {str(where)!r}: {damaged}")
        raise AnalyzerError(f"not a git repository: {where}")
    git_dir, common, bare, shallow, inside = out.stdout.decode("utf-8", "surrogateescape").split("\n")[:5]
    common_dir = Path(common if os.path.isabs(common) else os.path.join(real, common)).resolve()
    if bare == "true":
        top = Path(git_dir).resolve()
    elif inside == "true":
        raise AnalyzerError(f"not a git working tree or bare repository: {where}")
    else:
        shown = _run_git(
            ["git", "-C", real, *safe_options(safe_directories=safe), "rev-parse", "--show-toplevel"], git_env()
        )
        text = shown.stdout.decode("utf-8", "surrogateescape").strip()
        if shown.returncode != 0 or not text:
            raise AnalyzerError(f"not a git working tree or bare repository: {where}")
        top = Path(text).resolve()
    if damaged and top != Path(real) and Path(git_dir).resolve() != Path(real):
        # git skipped the folder's own (unreadable) repository and found an enclosing one
        raise AnalyzerError(f"cannot read the git repository {str(where)!r}: {damaged}")
    return Location(
        top=top,
        git_dir=Path(git_dir),
        common_dir=common_dir,
        bare=bare == "true",
        shallow=shallow == "true",
        safe=tuple(dict.fromkeys((*safe, str(top)))),
    )


def _looks_like_git(where: Path) -> str | None:
    """Why ``where`` holds a repository git does not accept (its ``.git``, or itself bare); None
    when it holds none."""
    dot = where / ".git"
    candidate = dot if dot.exists() or dot.is_symlink() else where
    if candidate is where and not ((where / "HEAD").exists() and (where / "objects").is_dir()):
        return None
    if candidate.is_file():
        return "its .git file does not name a readable repository"
    if not candidate.is_dir():
        return "its .git is neither a folder nor a file"
    if not any(candidate.iterdir()):
        return "its .git folder is empty"
    for needed in ("HEAD", "objects", "refs"):
        if not (candidate / needed).exists():
            return f"its git folder has no {needed}"
    return "its HEAD is not a valid reference"


def _object_dirs(objects: Path, depth: int = 5) -> Iterator[Path]:
    """``objects`` and the object folders it borrows from (``info/alternates``, a few levels deep)."""
    yield objects
    if depth <= 0:
        return
    try:
        listed = (objects / "info" / "alternates").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for line in listed.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield from _object_dirs((objects / line) if not os.path.isabs(line) else Path(line), depth - 1)


def _has_promisor_pack(objects: Path) -> bool:
    packs = objects / "pack"
    try:
        return packs.is_dir() and any(p.suffix == ".promisor" for p in packs.iterdir())
    except OSError:
        return False


@dataclass
class GitRepo:
    """One repository (work tree or bare) opened for reading (see the module's notes)."""

    path: Path
    git_dir: Path
    bare: bool
    shallow: bool
    partial: bool
    warnings: list[str] = field(default_factory=list)
    location: Location | None = field(default=None, repr=False)
    head_ref: str | None = None  # the branch HEAD names; None when HEAD is detached
    broken_refs: tuple[str, ...] = ()  # refs git ignores as unreadable
    _shadow: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)
    _env: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> GitRepo:
        """Open ``path`` or raise NotFound (no such folder) / AnalyzerError (not git, unreadable)."""
        found = locate(path)
        repo = cls(path=found.top, git_dir=found.git_dir, bare=found.bare, shallow=found.shallow, partial=False)
        repo.location = found
        repo.partial = repo._is_partial()
        repo._make_shadow()
        return repo

    # -- the repository itself (located, its refs read) ------------------------------
    def _real(self, args: Sequence[str], *, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        assert self.location is not None, "an opened repository has a location"
        argv = ["git", "-C", str(self.path), *safe_options(safe_directories=self.location.safe), *_command(args)]
        return _run_git(argv, git_env(), input=input)

    def config(self, key: str) -> str | None:
        """A value of the repository's configuration (git reads it; nothing runs)."""
        out = self._real(["config", "--get", key])
        value = out.stdout.decode("utf-8", "replace").strip()
        return value or None

    def _is_partial(self) -> bool:
        """A partial clone (its objects may lack blobs): a promisor remote in the configuration,
        or a promisor pack in its objects or in the objects it borrows (alternates)."""
        if self.config("extensions.partialclone"):
            return True
        promisors = self._real(["config", "--get-regexp", r"^remote\..*\.promisor$"]).stdout
        if any(
            line.rsplit(b" ", 1)[-1].strip().lower() in (b"true", b"yes", b"on", b"1")
            for line in promisors.splitlines()
        ):
            return True
        assert self.location is not None
        return any(_has_promisor_pack(objects) for objects in _object_dirs(self.location.common_dir / "objects"))

    def _make_shadow(self) -> None:
        """The private, bare folder every analysis command runs in: our configuration, the
        repository's refs, HEAD and shallow list, its objects by ``GIT_OBJECT_DIRECTORY``."""
        assert self.location is not None
        refs = self._real(["for-each-ref", "--format=%(objectname) %(refname)"])
        if refs.returncode != 0:
            raise AnalyzerError(self.failure(["for-each-ref"], refs.stderr))
        listed = refs.stdout.decode("utf-8", "surrogateescape")
        self.broken_refs = tuple(
            line.rsplit(" ", 1)[-1]
            for line in refs.stderr.decode("utf-8", "surrogateescape").splitlines()
            if "ignoring broken ref" in line
        )
        head = self._real(["symbolic-ref", "-q", "HEAD"])
        self.head_ref = head.stdout.decode("utf-8", "surrogateescape").strip() or None
        if self.head_ref is None:
            detached = self._real(["rev-parse", "--verify", "-q", "HEAD"])
            head_line = detached.stdout.decode().strip()
            if detached.returncode != 0 or not head_line:
                damaged = f" (damaged: {', '.join(self.broken_refs)})" if self.broken_refs else ""
                raise AnalyzerError(
                    f"cannot read the git repository {str(self.path)!r}: HEAD names no readable commit{damaged}"
                )
        else:
            head_line = f"ref: {self.head_ref}"
        objects = self.location.common_dir / "objects"
        if not objects.is_dir():
            raise AnalyzerError(f"cannot read the git repository {str(self.path)!r}: it has no objects folder")
        shadow = tempfile.TemporaryDirectory(prefix="inhouse-git-")
        root = Path(shadow.name)
        (root / "refs").mkdir()
        (root / "objects").mkdir()
        (root / "HEAD").write_text(head_line + "\n", encoding="utf-8", errors="surrogateescape")
        (root / "packed-refs").write_text(listed, encoding="utf-8", errors="surrogateescape")
        config = "[core]\n\trepositoryformatversion = 0\n\tbare = true\n"
        object_format = self.config("extensions.objectformat")
        if object_format and object_format != "sha1":
            config = f"[core]\n\trepositoryformatversion = 1\n\tbare = true\n[extensions]\n\tobjectformat = {object_format}\n"
        (root / "config").write_text(config)
        shallow_file = self.location.common_dir / "shallow"
        if self.shallow and shallow_file.is_file():
            shutil.copyfile(shallow_file, root / "shallow")
        self._shadow = shadow
        self._env = {**git_env(), "GIT_DIR": str(root), "GIT_OBJECT_DIRECTORY": str(objects)}

    # -- running -------------------------------------------------------------------
    def _argv(self, args: Sequence[str]) -> list[str]:
        assert self._shadow is not None, "GitRepo.open prepares the repository"
        return ["git", *safe_options(), *_command(args)]

    def _cwd(self) -> str:
        assert self._shadow is not None
        return self._shadow.name

    def failure(self, args: Sequence[str], stderr: bytes) -> str:
        """One line: the repository, the git command, git's reason."""
        return f"cannot read the git repository {str(self.path)!r}: git {_verb(args)}: {_reason(stderr)}"

    def _exec(self, args: Sequence[str], input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        return _run_git(self._argv(args), self._env, input=input, cwd=self._cwd())

    def run(self, args: Sequence[str], *, check: bool = True, input: bytes | None = None) -> bytes:
        """Run git and return its stdout; raise AnalyzerError with git's message on failure."""
        out = self._exec(args, input)
        if check and out.returncode != 0:
            raise AnalyzerError(self.failure(args, out.stderr))
        return out.stdout

    def ok(self, args: Sequence[str]) -> bool:
        return self._exec(args).returncode == 0

    def spawn(self, args: Sequence[str], stdout: IO[bytes] | int) -> subprocess.Popen[bytes]:
        """Start git writing to ``stdout`` (a file, or ``subprocess.DEVNULL``); the caller waits for it."""
        return subprocess.Popen(self._argv(args), stdout=stdout, stderr=subprocess.PIPE, env=self._env, cwd=self._cwd())

    def stream(self, args: Sequence[str], chunk: int = 1 << 20) -> GitStream:
        return GitStream(self, list(args), chunk)

    # -- revisions -----------------------------------------------------------------
    def has_commits(self) -> bool:
        """True when HEAD names a commit; False for an empty repository (HEAD on a branch not
        born yet); AnalyzerError when the repository is damaged (HEAD's commit unreadable)."""
        if self.ok(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]):
            return True
        if self.head_ref is not None and self.head_ref not in self.broken_refs:
            if not self.ok(["rev-parse", "--verify", "--quiet", self.head_ref]):
                return False  # unborn: the branch has no commit yet
        probe = self._exec(["rev-parse", "--verify", "HEAD^{commit}"])
        if self.head_ref in self.broken_refs:
            reason = f"the branch {self.head_ref} is damaged"
        else:
            reason = _reason(probe.stderr)
            if reason.startswith("Needed a single revision"):
                errors = [_reason(line) for line in probe.stderr.splitlines() if line.startswith(b"error:")]
                reason = "HEAD names a commit that cannot be read" + (f" ({errors[0]})" if errors else "")
        raise AnalyzerError(f"cannot read the git repository {str(self.path)!r}: {reason}")

    def resolve(self, rev: str) -> str:
        """Full commit id for ``rev``; NotFound when it names nothing, InvalidInput when odd,
        AnalyzerError when it names an object the repository cannot read."""
        if not rev or rev.startswith("-") or "\0" in rev:
            raise InvalidInput(f"invalid revision {rev!r}")
        out = self._exec(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"])
        if out.returncode == 0:
            return out.stdout.decode().strip()
        named = self._exec(["rev-parse", "--verify", "--quiet", "--end-of-options", rev])
        oid = named.stdout.decode().strip()
        if named.returncode == 0 and oid and not self.ok(["cat-file", "-e", oid]):
            raise AnalyzerError(
                f"cannot read the git repository {str(self.path)!r}: revision {rev!r} names an object it cannot read"
            )
        raise NotFound(f"revision {rev!r} does not exist in {str(self.path)!r}")

    def is_ancestor(self, old: str, new: str) -> bool:
        if not self.ok(["cat-file", "-e", f"{old}^{{commit}}"]):
            return False
        return self.ok(["merge-base", "--is-ancestor", old, new])

    def count_commits(self, rev: str, exclude: str | None = None, *, merges: bool = True) -> int:
        """The commits ``rev`` reaches (merges too, unless ``merges`` is False) and ``exclude`` does not."""
        args = ["rev-list", "--count", *([] if merges else ["--no-merges"]), rev]
        if exclude:
            args.append(f"^{exclude}")
        return int(self.run(args).strip() or 0)

    def shallow_boundaries(self) -> set[str]:
        assert self.location is not None
        shallow = self.location.common_dir / "shallow"
        if not self.shallow or not shallow.is_file():
            return set()
        return {line.strip() for line in shallow.read_text().splitlines() if line.strip()}

    def show_file(self, rev: str, path: str) -> bytes | None:
        out = self._exec(["cat-file", "blob", f"{rev}:{path}"])
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

    def __init__(self, repo: GitRepo, args: list[str], chunk: int) -> None:
        self.repo = repo
        self.args = args
        self.chunk = chunk
        self.stderr = b""

    def __iter__(self) -> Iterator[bytes]:
        repo = self.repo
        proc = subprocess.Popen(
            repo._argv(self.args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=repo._env, cwd=repo._cwd()
        )
        assert proc.stdout is not None and proc.stderr is not None
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
            raise AnalyzerError(repo.failure(self.args, self.stderr))


def run_remote(
    args: Sequence[str],
    *,
    protocols: Sequence[str],
    seconds: float,
    config: Sequence[tuple[str, str]] = (),
    cwd: str | None = None,
) -> bytes:
    """Run a git command that talks to a remote (``clone``, ``fetch``, ``ls-remote``) with the
    environment and options of every command, only ``protocols`` allowed and ``config`` on top; its
    stdout. Killed with its helpers (ssh, the https transport) after ``seconds``: TimeoutError;
    AnalyzerError with git's reason when it fails."""
    extra = [flag for key, value in config for flag in ("-c", f"{key}={value}")]
    argv = ["git", *safe_options(protocols), *extra, *args]
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=git_env(protocols),
            cwd=cwd,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise AnalyzerError("the git executable was not found on PATH") from None
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise TimeoutError(f"git {_verb(args)}: over its time budget of {seconds:g} s") from None
    if proc.returncode != 0:
        fatal = [line for line in err.splitlines() if line.startswith((b"fatal:", b"error:"))]
        raise AnalyzerError(f"git {_verb(args)}: {_reason(fatal[0] if fatal else err)}")  # the first says why
    return out
