"""Git repositories linked to an engagement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from inhouse.domain.knowledge import LocalPath
from inhouse.domain.shapes import Input, RecordId, Shape, Title


@dataclass
class Repo:
    engagement_id: int
    name: str
    path: str
    default_rev: str = "HEAD"
    id: int | None = None
    created_at: datetime | None = None


class RepoRecord(Shape):
    """A linked repository (``inhouse repo add/list --json``)."""

    id: RecordId
    engagement_id: RecordId
    name: str
    path: str
    default_rev: str

    @classmethod
    def of(cls, repo: Repo) -> RepoRecord:
        assert repo.id is not None, "a stored repository has an id"
        return cls(
            id=repo.id, engagement_id=repo.engagement_id, name=repo.name, path=repo.path, default_rev=repo.default_rev
        )


class RepoIn(Input):
    """A repository to link: its folder on disk, a display name (default: the folder's) and the
    revision scanned by default."""

    repository: LocalPath
    name: Title | None = None
    rev: Title = "HEAD"
