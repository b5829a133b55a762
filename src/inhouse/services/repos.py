"""Linking git repositories to an engagement: a folder on this machine, or a URL each worker mirrors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inhouse.analysis.git.gitcmd import locate
from inhouse.bootstrap import Workspace
from inhouse.domain.repos import Repo, RepoIn, RepoRecord, RepoUrlIn, name_of
from inhouse.domain.shapes import MAX_ID, as_id
from inhouse.errors import Conflict, InvalidInput, NotFound
from inhouse.services import lookup

if TYPE_CHECKING:
    from inhouse.domain.edits import RepoPatch


def git_dir_of(path: Path) -> Path:
    """The repository's top folder (or the bare repository itself); AnalyzerError when not a git repository
    (or one git cannot read), NotFound when there is no such folder. Git runs as every analysis runs it."""
    if not path.exists():
        raise NotFound(f"no such folder: {path}")
    return locate(path).top


def add(ws: Workspace, engagement: str | None, new: RepoIn) -> RepoRecord:
    """Link the repository at ``new.repository`` to the engagement named (the only one when empty)."""
    top = git_dir_of(Path(new.repository).expanduser())
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        assert found.id is not None, "a stored engagement has an id"
        if uow.repos.by_path(found.id, str(top)) is not None:
            raise Conflict(f"{top} is already linked to engagement {found.name!r}")
        repo = uow.repos.add(
            Repo(engagement_id=found.id, name=new.name or top.name, path=str(top), default_rev=new.rev)
        )
        uow.commit()
        return RepoRecord.of(repo)


def add_url(ws: Workspace, engagement: str | None, new: RepoUrlIn) -> RepoRecord:
    """Link the repository at ``new.url`` to the engagement named (the only one when empty): each
    worker mirrors it and fetches it before each scan, at ``new.branch`` (default: the remote's HEAD).
    Nothing is fetched now."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        assert found.id is not None, "a stored engagement has an id"
        if uow.repos.by_path(found.id, new.url) is not None:
            raise Conflict(f"{new.url} is already linked to engagement {found.name!r}")
        repo = uow.repos.add(
            Repo(
                engagement_id=found.id,
                name=new.name or name_of(new.url),
                path=new.url,
                default_rev=new.branch or "HEAD",
                url=new.url,
                branch=new.branch,
            )
        )
        uow.commit()
        return RepoRecord.of(repo)


def list_all(ws: Workspace, engagement: str | None = None) -> list[RepoRecord]:
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).id if engagement else None
        return [RepoRecord.of(r) for r in uow.repos.list(engagement_id)]


def of_engagement(ws: Workspace, engagement: str, repo: str | None = None) -> tuple[int, Repo]:
    """The engagement's id and its repository ``repo`` (id or name; its first one when empty)."""
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        assert found.id is not None, "a stored engagement has an id"
        linked = uow.repos.list(found.id)
    if not linked:
        raise InvalidInput(f"engagement {found.name!r} has no repository linked")
    if not repo:
        return found.id, linked[0]
    wanted = as_id(repo)
    for candidate in linked:
        if candidate.id == wanted or candidate.name.lower() == repo.strip().lower():
            return found.id, candidate
    raise NotFound(f"engagement {found.name!r} has no repository {repo!r}")


def edit(ws: Workspace, engagement: str | None, repo_id: int, changes: RepoPatch) -> RepoRecord:
    """Change a linked repository's display name, folder (a git repository, not linked yet to the
    engagement) or default revision."""
    given = changes.given()
    top = git_dir_of(Path(given["path"]).expanduser()) if "path" in given else None
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        stored = uow.repos.get(repo_id) if 1 <= repo_id <= MAX_ID else None
        if stored is None or stored.engagement_id != found.id:
            raise NotFound(f"engagement {found.name!r} has no repository {repo_id}")
        if top is not None and stored.url is not None:
            raise InvalidInput(
                f"repository {stored.name!r} is linked by URL: it has no folder on this machine to change"
            )
        if top is not None:
            other = uow.repos.by_path(stored.engagement_id, str(top))
            if other is not None and other.id != stored.id:
                raise Conflict(f"{top} is already linked to engagement {found.name!r}")
            stored.path = str(top)
        stored.name = given.get("name", stored.name)
        stored.default_rev = given.get("default_rev", stored.default_rev)
        uow.repos.update(stored)
        uow.commit()
        return RepoRecord.of(stored)
