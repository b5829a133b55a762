"""Git repositories linked to an engagement: a folder on this machine, or a URL that each worker
mirrors and fetches before each scan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from inhouse.domain.jobs import JobRecord
from inhouse.domain.knowledge import LocalPath
from inhouse.domain.shapes import Input, RecordId, Shape, Title, plain_text

SCHEMES = ("https", "ssh", "file")
"""The protocols a repository linked by URL may use (git is allowed no other)."""

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_TRANSPORT = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*::")  # git's ext::, fd:: remote helpers
_SCP = re.compile(r"^(?:(?P<user>[^@/\s]+)@)?(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\]):(?P<path>.+)$")
_BRANCH = re.compile(r"^(?!-)(?!/)(?!.*\.\.)(?!.*//)(?!.*@\{)[A-Za-z0-9._/+-]+(?<![/.])(?<!\.lock)$")


def is_url(text: str) -> bool:
    """Whether ``text`` names a remote repository (``scheme://...``, ``user@host:path``, ``x::...``)
    rather than a folder on this machine."""
    text = text.strip()
    return bool(_SCHEME.match(text) or _TRANSPORT.match(text) or _scp(text))


def _scp(text: str) -> re.Match[str] | None:
    """git's scp-like ssh form ``[user@]host:path`` (a one-letter host would be a drive letter)."""
    found = _SCP.match(text)
    if found is None or "/" in text.split(":", 1)[0] or len(found["host"]) < 2:
        return None
    return found


def _refuse(message: str) -> PydanticCustomError:
    return PydanticCustomError("repository_url", message)


def remote_url(value: str) -> str:
    """``value`` if it is an https, ssh or file URL (or ssh's ``user@host:path``) with no password in
    it; a user name alone is kept. Credentials come from a git credential helper or ssh keys, never
    from the database."""
    value = plain_text(value.strip())
    if not value or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
        raise _refuse("must be a repository URL without spaces or control characters")
    if value.startswith("-"):
        raise _refuse("must not start with '-'")
    if (scp := _scp(value)) is not None and not _SCHEME.match(value):
        if scp["user"] and ":" in scp["user"]:
            raise _refuse(_PASSWORD)
        return value
    scheme = _SCHEME.match(value)
    if scheme is None:
        if _TRANSPORT.match(value):
            raise _refuse(f"must be an {', '.join(SCHEMES[:-1])} or {SCHEMES[-1]} URL (no remote helper)")
        raise _refuse("must be an https://, ssh:// or file:// URL, or user@host:path")
    kind = scheme[1].lower()
    if kind == "http":
        raise _refuse("plain http is refused: use https://")
    if kind not in SCHEMES:
        raise _refuse(f"{kind}:// is refused: use https://, ssh:// or file://")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - a port that is no number raises here
    except ValueError:
        raise _refuse("is not a valid URL") from None
    if parts.password is not None:
        raise _refuse(_PASSWORD)
    if kind == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise _refuse("a file:// URL names an absolute folder on the worker (file:///srv/git/repo.git)")
    elif not parts.hostname or not parts.path.strip("/"):
        raise _refuse(f"a {kind}:// URL names a host and a repository on it")
    if parts.query or parts.fragment:
        raise _refuse("must not have a query or a fragment")
    return value


_PASSWORD = (
    "must not hold a password: give credentials through a git credential helper "
    "(INHOUSE_GIT_CREDENTIAL_HELPER) or ssh keys; a user name alone is fine"
)


def branch_name(value: str) -> str:
    """``value`` if git would take it as a branch name (no option, no ``..``, no odd characters)."""
    if not _BRANCH.match(value):
        raise PydanticCustomError("branch", "must be a branch name (letters, digits, '.', '_', '-', '/', '+')")
    return value


RemoteUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(remote_url)
]
"""A repository on another machine: https, ssh or file, with no password."""
Branch = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), AfterValidator(branch_name)
]
"""A branch of a remote repository."""


def name_of(url: str) -> str:
    """A display name for a repository URL: its last path part, without ``.git``."""
    tail = re.split(r"[/:]", url.rstrip("/"))[-1]
    return tail.removesuffix(".git") or url


@dataclass
class Repo:
    engagement_id: int
    name: str
    path: str  # the folder on this machine; for a repository linked by URL, the URL itself
    default_rev: str = "HEAD"
    id: int | None = None
    created_at: datetime | None = None
    url: str | None = None  # linked by URL: each worker mirrors it, and fetches it before each scan
    branch: str | None = None  # of a URL's: the branch scanned (None: the remote's HEAD)


class RepoRecord(Shape):
    """A linked repository (``inhouse repo add/list --json``)."""

    id: RecordId
    engagement_id: RecordId
    name: str
    path: str = Field(description="The folder on this machine; for a repository linked by URL, the URL")
    default_rev: str
    url: str | None = Field(None, description="Linked by URL: mirrored by each worker and fetched before each scan")
    branch: str | None = Field(None, description="The branch of the URL scanned (null: the remote's HEAD)")

    @classmethod
    def of(cls, repo: Repo) -> RepoRecord:
        assert repo.id is not None, "a stored repository has an id"
        return cls(
            id=repo.id,
            engagement_id=repo.engagement_id,
            name=repo.name,
            path=repo.path,
            default_rev=repo.default_rev,
            url=repo.url,
            branch=repo.branch,
        )


class RepoIn(Input):
    """A repository to link: its folder on disk, a display name (default: the folder's) and the
    revision scanned by default."""

    repository: LocalPath
    name: Title | None = None
    rev: Title = "HEAD"


class RepoUrlIn(Input):
    """A repository to link by URL (https, ssh or file; credentials never in it), a display name
    (default: the URL's last part) and the branch scanned (default: the remote's HEAD)."""

    url: RemoteUrl
    name: Title | None = None
    branch: Branch | None = None


class QueuedScan(Shape):
    """One repository of ``inhouse scan --all``: the scan job queued (or the one already waiting), or
    why none was."""

    repo_id: RecordId
    repo: str
    engagement_id: RecordId
    queued: bool = Field(description="A new scan job was queued (false: one was already waiting, or it was refused)")
    job: JobRecord | None = Field(None, description="The scan job: the new one, or the one already waiting")
    error: str = Field("", description="Why no job was queued (the queue full...)")


class QueuedScans(Shape):
    """What ``inhouse scan --all`` queued: one entry per repository, and the counts."""

    scans: list[QueuedScan]
    queued: int = Field(description="New scan jobs")
    waiting: int = Field(description="Repositories whose scan was already waiting")
    refused: int = Field(description="Repositories with no scan queued (see each one's error)")
