"""Linking local git repositories to an engagement."""

from __future__ import annotations

import subprocess
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.domain.repos import Repo
from inhouse.errors import AnalyzerError, Conflict, NotFound
from inhouse.services import lookup


def repo_dict(repo: Repo) -> dict:
    return {
        "id": repo.id,
        "engagement_id": repo.engagement_id,
        "name": repo.name,
        "path": repo.path,
        "default_rev": repo.default_rev,
    }


def git_dir_of(path: Path) -> Path:
    """The repository's top folder (or the bare repository itself); AnalyzerError when not a git repository."""
    if not path.exists():
        raise NotFound(f"no such folder: {path}")
    if not path.is_dir():
        raise AnalyzerError(f"not a git repository (not a folder): {path}")
    proc = subprocess.run(["git", "-C", str(path), "rev-parse", "--is-bare-repository"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise AnalyzerError(f"not a git repository: {path}")
    if proc.stdout.strip() == "true":
        return path.resolve()
    proc = subprocess.run(["git", "-C", str(path), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.strip():
        # inside a .git folder or another place without a work tree
        raise AnalyzerError(f"not a git working tree or bare repository: {path}")
    return Path(proc.stdout.strip()).resolve()


def add(ws: Workspace, path: str, engagement: str | None, name: str | None = None, rev: str = "HEAD") -> dict:
    top = git_dir_of(Path(path).expanduser())
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        if uow.repos.by_path(found.id, str(top)) is not None:
            raise Conflict(f"{top} is already linked to engagement {found.name!r}")
        repo = uow.repos.add(Repo(engagement_id=found.id, name=name or top.name, path=str(top), default_rev=rev))
        uow.commit()
        return repo_dict(repo)


def list_all(ws: Workspace, engagement: str | None = None) -> list[dict]:
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        return [repo_dict(r) for r in uow.repos.list(engagement_id)]
