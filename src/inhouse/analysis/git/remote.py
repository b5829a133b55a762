"""Mirrors of remote repositories: ``git clone --mirror`` the first time, ``git fetch --prune``
after, through the safe git runner (:func:`~inhouse.analysis.git.gitcmd.run_remote`).

The remote is the partner's: nothing it sends may run. Every command gets the options of every
git command (no hooks, no fsmonitor, no system or global configuration, no inherited ``GIT_*``
variable), only the https, ssh and file protocols, no terminal prompt (``GIT_TERMINAL_PROMPT=0``,
ssh in batch mode), no submodules, and a time budget after which git and its helpers are killed.
Credentials come from the credential helper the operator configures, or ssh's own keys and agent;
never from the URL.

A first clone is made in a folder of its own beside the mirror and renamed into place once
complete, so a clone cut short leaves no half mirror behind.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from inhouse.analysis.git.gitcmd import run_remote
from inhouse.errors import AnalyzerError

PROTOCOLS = ("https", "ssh", "file")


class FetchTimeout(AnalyzerError, TimeoutError):
    """A clone or fetch over its time budget (a timeout: the job may retry it)."""


class FetchUnavailable(AnalyzerError, ConnectionError):
    """The remote could not be reached or failed on its side (a network failure: the job may
    retry it), unlike a remote that answers that the repository is not there or not ours to read."""


#: What git and its transports say when the network or the host failed, not the request: a DNS
#: failure, a refused or reset connection, a server error (HTTP 5xx), a transfer cut short.
_UNAVAILABLE = re.compile(
    r"could not resolve (host|hostname|proxy)|temporary failure in name resolution|name or service not known"
    r"|failed to connect to|connection (refused|reset|timed out|closed by remote host)|network is unreachable"
    r"|no route to host|operation timed out|the requested url returned error: 5\d\d|rpc failed"
    r"|early eof|unexpected disconnect|remote end hung up unexpectedly|kex_exchange_identification"
    r"|gnutls_handshake\(\) failed|ssl_connect|tls connection was non-properly terminated",
    re.IGNORECASE,
)


def unavailable(message: str) -> bool:
    """Whether git's ``message`` says the remote was unreachable rather than that it refused."""
    return _UNAVAILABLE.search(message) is not None


@dataclass(frozen=True)
class Mirrored:
    path: Path  # the bare mirror
    cloned: bool  # made now (else fetched)
    head: str | None  # the branch the remote's HEAD names, when it says


def _config(credential_helper: str) -> list[tuple[str, str]]:
    pairs = [
        ("core.sshCommand", "ssh -o BatchMode=yes"),
        ("fetch.recurseSubmodules", "false"),
        ("submodule.recurse", "false"),
        ("http.followRedirects", "initial"),
    ]
    if credential_helper:
        pairs.append(("credential.helper", credential_helper))
    return pairs


def _run(args: list[str], url: str, seconds: float, credential_helper: str, cwd: str | None = None) -> bytes:
    try:
        return run_remote(args, protocols=PROTOCOLS, seconds=seconds, config=_config(credential_helper), cwd=cwd)
    except TimeoutError as exc:
        raise FetchTimeout(f"cannot fetch {url}: {exc}") from None
    except AnalyzerError as exc:
        kind = FetchUnavailable if unavailable(exc.message) else AnalyzerError
        raise kind(f"cannot fetch {url}: {exc.message}") from None


def mirror(url: str, target: Path, *, seconds: float, credential_helper: str = "") -> Mirrored:
    """Bring the mirror of ``url`` at ``target`` up to date (clone it when absent); AnalyzerError
    naming the URL and git's reason when the remote cannot be reached or read, FetchTimeout after
    ``seconds`` for each git command."""
    cloned = False
    if not (target / "HEAD").is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        for left in target.parent.glob(f".{target.name}-*"):  # a clone cut short (the caller holds the lock)
            shutil.rmtree(left, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        try:
            _run(
                ["clone", "--mirror", "--quiet", "--", url, str(staging / "repo.git")], url, seconds, credential_helper
            )
            if target.exists():
                shutil.rmtree(target)  # a folder left without its HEAD: no mirror
            (staging / "repo.git").rename(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        cloned = True
    else:
        _run(["-C", str(target), "fetch", "--prune", "--quiet", "origin"], url, seconds, credential_helper)
    head = _remote_head(url, target, seconds, credential_helper)
    return Mirrored(path=target, cloned=cloned, head=head)


def _remote_head(url: str, target: Path, seconds: float, credential_helper: str) -> str | None:
    """The branch the remote's HEAD names, and the mirror's HEAD set to it (it follows a remote
    whose default branch changed); None when the remote does not say."""
    listed = _run(["-C", str(target), "ls-remote", "--symref", "origin", "HEAD"], url, seconds, credential_helper)
    for line in listed.decode("utf-8", "replace").splitlines():
        if line.startswith("ref: ") and line.endswith("\tHEAD"):
            ref = line[5:].split("\t", 1)[0]
            if ref.startswith("refs/heads/") and (target / "refs").is_dir():
                _run(["-C", str(target), "symbolic-ref", "HEAD", ref], url, seconds, credential_helper)
                return ref.removeprefix("refs/heads/")
    return None
