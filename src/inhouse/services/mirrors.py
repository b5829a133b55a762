"""Each worker's mirrors of the repositories linked by URL: where they are (the ``mirrors_dir``
setting), and bringing one up to date before a scan (``analysis.git.remote``).

A mirror belongs to the worker's machine: each worker clones its own the first time it scans the
repository and fetches it before every later scan. Two workers of one machine sharing the folder
take turns on a mirror (a file lock beside it).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
from pathlib import Path

from sqlalchemy.engine import make_url

from inhouse.analysis.git.remote import Mirrored, mirror
from inhouse.bootstrap import Workspace
from inhouse.domain.repos import Repo, name_of

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def mirrors_dir(ws: Workspace) -> Path:
    """The folder of this worker's mirrors: the setting, else ``inhouse-mirrors`` beside a SQLite
    workspace's database file, else under the user's data folder (``$XDG_DATA_HOME/inhouse``)."""
    if ws.settings.mirrors_dir:
        return Path(ws.settings.mirrors_dir).expanduser().resolve()
    url = make_url(ws.settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().parent / "inhouse-mirrors"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "inhouse" / "mirrors"


def mirror_path(ws: Workspace, url: str) -> Path:
    """The mirror of ``url`` on this worker: a readable name and a digest of the URL."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    name = _UNSAFE.sub("-", name_of(url)).strip(".-")[:60] or "repo"
    return mirrors_dir(ws) / f"{name}-{digest}.git"


def refresh(ws: Workspace, repo: Repo) -> Mirrored:
    """Clone or fetch the mirror of the repository linked by URL ``repo`` on this worker."""
    assert repo.url is not None, "only a repository linked by URL has a mirror"
    target = mirror_path(ws, repo.url)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return mirror(
                repo.url,
                target,
                seconds=ws.settings.git_fetch_seconds,
                credential_helper=ws.settings.git_credential_helper,
            )
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
