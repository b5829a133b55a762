"""A scanned repository is untrusted: nothing its configuration names is ever run.

A repository handed over as an archive carries its own ``.git/config``, hooks and
``.gitattributes``. Each trap below names a script that leaves a marker file when run;
scanning (with blame, then incrementally) through the service and the CLI leaves none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from inhouse.analysis.git import ScanOptions, scan_repository
from inhouse.analysis.git.gitcmd import GitRepo, git_env, safe_options
from inhouse.domain.knowledge import ScanIn
from inhouse.domain.repos import RepoIn
from inhouse.services import knowledge, repos
from tests import records
from tests.gitrepo import GitRepoBuilder, lines

ANN = "Ann Archer <ann@acme.com>"
PAT = "Pat Partner <pat@partner.io>"

HOOKS = (
    "pre-commit",
    "post-commit",
    "post-checkout",
    "post-merge",
    "post-rewrite",
    "pre-push",
    "reference-transaction",
    "pre-auto-gc",
    "fsmonitor-watchman",
)

_SCRIPT = """#!/bin/sh
name=$1
shift
touch "{marks}/$name"
case "$name" in
  textconv|include) cat "$1" ;;
  clean|smudge) cat ;;
  ssh|uploadpack|askpass|credential) exit 1 ;;
esac
exit 0
"""


class Traps:
    """A repository whose configuration tries to run ``trap.sh`` in every way git allows."""

    def __init__(self, root: Path) -> None:
        self.marks = root / "marks"
        self.marks.mkdir()
        self.script = root / "trap.sh"
        self.script.write_text(_SCRIPT.format(marks=self.marks))
        self.script.chmod(0o755)
        self.repo = GitRepoBuilder(root / "trapped")
        self.repo.commit(PAT, "2023-01-02", {"src/a.py": lines(10), "notes.md": lines(4, "n")})
        self.repo.commit(ANN, "2023-01-03", {"src/a.py": lines(10) + lines(5, "ann"), "src/b.py": lines(3, "b")})
        self.install(root)

    def run(self, name: str) -> str:
        return f"{self.script} {name}"

    def install(self, root: Path) -> None:
        git = self.repo.git
        included = root / "included.cfg"
        included.write_text(f'[diff "inc"]\n\ttextconv = {self.run("include")}\n')
        settings = {
            "diff.trap.textconv": self.run("textconv"),
            "diff.trap.command": self.run("diffcommand"),
            "diff.external": self.run("external"),
            "core.fsmonitor": self.run("fsmonitor"),
            "core.pager": self.run("pager"),
            "pager.log": self.run("pager-log"),
            "pager.blame": self.run("pager-blame"),
            "core.sshCommand": self.run("ssh"),
            "core.askPass": self.run("askpass"),
            "credential.helper": f"!{self.run('credential')}",
            "filter.trap.smudge": self.run("smudge"),
            "filter.trap.clean": self.run("clean"),
            "gpg.program": self.run("gpg"),
            "log.showSignature": "true",
            "core.editor": self.run("editor"),
            "include.path": str(included),
        }
        hooks = root / "hooks"
        hooks.mkdir()
        for folder in (hooks, self.repo.path / ".git" / "hooks"):
            folder.mkdir(exist_ok=True)
            for hook in HOOKS:
                target = folder / hook
                target.write_text(f"#!/bin/sh\n{self.run('hook-' + hook)}\n")
                target.chmod(0o755)
        settings["core.hooksPath"] = str(hooks)
        for key, value in settings.items():
            git("config", key, value)
        # every file goes through the trap's textconv, diff command and filter; Markdown
        # through the driver an included file configures
        (self.repo.path / ".gitattributes").write_text("* diff=trap filter=trap\n*.md diff=inc\n")
        self.clear()

    def commit_more(self) -> None:
        """New work for the incremental rescan (committing may fire the hooks: not our doing)."""
        self.repo.commit(PAT, "2023-01-04", {"src/c.py": lines(6, "c"), ".gitattributes": "* diff=trap\n"})
        self.clear()

    def clear(self) -> None:
        for mark in self.marks.iterdir():
            mark.unlink()

    def fired(self) -> list[str]:
        return sorted(p.name for p in self.marks.iterdir())


@pytest.fixture
def traps(tmp_path) -> Traps:
    return Traps(tmp_path)


def test_the_traps_are_armed(traps):
    """Plain git, on the trapped repository, runs the traps (so the test below can fail)."""
    env = {**traps.repo.env}
    subprocess.run(
        ["git", "-C", str(traps.repo.path), "blame", "HEAD", "--", "src/a.py"], env=env, capture_output=True, check=True
    )
    subprocess.run(
        ["git", "-C", str(traps.repo.path), "log", "-p", "-1", "--", "notes.md"], env=env, capture_output=True
    )
    assert {"textconv", "include"} <= set(traps.fired())


def test_analyzer_runs_no_trap(traps):
    first = scan_repository(traps.repo.path, ScanOptions(blame=True, jobs=2))
    assert first.report.commits == 2 and first.report.ownership
    assert traps.fired() == []
    traps.commit_more()
    again = scan_repository(traps.repo.path, ScanOptions(blame=True, jobs=2), previous=first.state)
    assert again.report.incremental and again.report.commits == 3
    assert traps.fired() == []


def test_service_runs_no_trap(traps, ws):
    first = knowledge.scan(ws, None, ScanIn(repository=str(traps.repo.path), blame=True))
    assert first.commits == 2 and first.ownership
    assert traps.fired() == []
    traps.commit_more()
    again = knowledge.scan(ws, None, ScanIn(repository=str(traps.repo.path), blame=True))
    assert again.incremental and again.commits == 3
    assert traps.fired() == []


def test_cli_runs_no_trap(traps, cli):
    data = cli.ok("scan", str(traps.repo.path), "--blame", "--json").json
    assert data["commits"] == 2 and data["ownership"]
    assert traps.fired() == []
    traps.commit_more()
    data = cli.ok("scan", str(traps.repo.path), "--blame", "--json").json
    assert data["incremental"] and data["commits"] == 3
    assert traps.fired() == []


def test_signed_commits_run_no_verifier(tmp_path):
    """``log.showSignature`` in the repository would run ``gpg.program`` on every signed commit."""
    traps = Traps(tmp_path)
    signer = tmp_path / "signer.sh"
    signer.write_text(
        "#!/bin/sh\ncat >/dev/null\necho '[GNUPG:] SIG_CREATED ' >&2\n"
        "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nAAAA\\n-----END PGP SIGNATURE-----\\n'\n"
    )
    signer.chmod(0o755)
    traps.repo.git(
        "-c",
        f"gpg.program={signer}",
        "-c",
        "core.hooksPath=/dev/null",
        "commit",
        "-q",
        "-S",
        "--allow-empty",
        "-m",
        "signed",
        env=GitRepoBuilder._who_env(ANN, "2023-01-05"),
    )
    assert "gpgsig" in traps.repo.git("cat-file", "commit", "HEAD")
    traps.clear()
    report = scan_repository(traps.repo.path, ScanOptions(blame=True)).report
    assert report.commits == 3
    assert traps.fired() == []


def test_lazy_fetch_runs_no_transport(tmp_path):
    """A partial clone whose promisor remote runs a command (an ``uploadpack`` on a local path,
    an ``ssh`` command) fetches nothing: the missing blobs stay missing, no command runs."""
    traps = Traps(tmp_path)
    source = traps.repo
    source.git("config", "uploadpack.allowFilter", "true")
    partial = tmp_path / "partial"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-checkout", f"file://{source.path}", str(partial)],
        env={**source.env, "GIT_CONFIG_NOSYSTEM": "1"},
        capture_output=True,
        check=True,
    )
    for key, value in {
        "remote.origin.uploadpack": traps.run("uploadpack"),
        "remote.origin.url": str(source.path),
        "core.sshCommand": traps.run("ssh"),
        "remote.other.url": "ssh://example.invalid/repo.git",
        "remote.other.promisor": "true",
        "core.fsmonitor": traps.run("fsmonitor"),
    }.items():
        subprocess.run(["git", "-C", str(partial), "config", key, value], env=source.env, check=True)
    traps.clear()
    report = scan_repository(partial, ScanOptions(blame=True)).report
    assert report.mode == "exact" and report.commits == 2
    assert traps.fired() == []


def test_environment_of_the_caller_is_not_inherited(traps, monkeypatch, tmp_path):
    """Git variables of the process that runs inhouse (a config, an external diff, a pager) are dropped."""
    config = tmp_path / "global.cfg"
    config.write_text(f'[diff "trap"]\n\ttextconv = {traps.run("global")}\n[core]\n\tpager = {traps.run("gpager")}\n')
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "diff.trap.textconv")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", traps.run("envconfig"))
    monkeypatch.setenv("GIT_EXTERNAL_DIFF", traps.run("envdiff"))
    monkeypatch.setenv("GIT_PAGER", traps.run("envpager"))
    monkeypatch.setenv("GIT_SSH_COMMAND", traps.run("ssh"))
    scan_repository(traps.repo.path, ScanOptions(blame=True))
    assert traps.fired() == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a folder's owner needs root")
def test_repository_of_another_owner_is_read_when_registered(tmp_path, ws):
    """git refuses a repository another user owns ("dubious ownership"); the operator who
    registers one reads it, and that path only (``safe.directory`` is never ``*``)."""
    source = GitRepoBuilder(tmp_path / "theirs")
    source.commit(PAT, "2023-01-02", {"a.py": lines(4)})
    nested = tmp_path / "theirs" / "sub"
    nested.mkdir()
    shutil.chown(tmp_path / "theirs", user=65534, group=65534)
    for folder, _dirs, files in os.walk(tmp_path / "theirs"):
        for name in [*_dirs, *files]:
            os.lchown(os.path.join(folder, name), 65534, 65534)
    plain = subprocess.run(
        ["git", "-C", str(source.path), "rev-parse", "HEAD"],
        env={k: v for k, v in source.env.items() if not k.startswith("GIT_")} | {"GIT_CONFIG_NOSYSTEM": "1"},
        capture_output=True,
        text=True,
    )
    assert plain.returncode != 0 and "dubious ownership" in plain.stderr
    records.add_partner(ws, "Partner")
    records.add_engagement(ws, "Work", "Partner", "2023-01-01")
    repos.add(ws, None, RepoIn(repository=str(source.path)))
    stored = knowledge.scan(ws, None, ScanIn(repository=str(source.path), blame=True))
    assert stored.commits == 1
    assert GitRepo.open(source.path).has_commits()


def test_files_the_repository_names_are_not_read(traps):
    """Settings that make git read a file (an endless device, a FIFO that never opens) are not the
    repository's to make: blame and mailmap sources, a FIFO ``.mailmap`` in the working tree."""
    for key in ("blame.ignoreRevsFile", "mailmap.file"):
        traps.repo.git("config", key, "/dev/zero")
    os.mkfifo(traps.repo.path / ".mailmap")
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(scan_repository(traps.repo.path, ScanOptions(blame=True)).report), daemon=True
    )
    worker.start()
    worker.join(60)
    assert done, "the scan did not finish"
    assert traps.fired() == []


def test_only_read_commands_run_and_safe_directory_is_never_everything(traps):
    with pytest.raises(ValueError, match="not a read-only command"):
        GitRepo.open(traps.repo.path).run(["commit", "-m", "x"])
    with pytest.raises(ValueError):
        GitRepo.open(traps.repo.path).run(["-c", "a.b=c", "fetch"])
    options = " ".join(safe_options(safe_directories=[str(traps.repo.path)]))
    assert f"safe.directory={traps.repo.path}" in options and "safe.directory=*" not in options
    assert "protocol.allow=never" in options and "protocol.https.allow" not in options
    env = git_env()
    assert env["GIT_CONFIG_NOSYSTEM"] == "1" and env["GIT_CONFIG_GLOBAL"] == os.devnull
    assert not os.listdir(env["HOME"])
    assert git_env(("https", "ssh"))["GIT_ALLOW_PROTOCOL"] == "https:ssh"
