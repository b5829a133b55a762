"""Importing a linked repository's pull/merge request reviews (GitHub, GitLab) and listing them.

The source is a saved review bundle (``analysis.git.code_reviews`` defines its shape) or the
repository's address on its host, read through the REST API with a token from the environment
(``analysis.git.code_reviews_fetch``). Re-importing is idempotent: a change request already
stored (same repository, host and number) is updated and its reviews replaced, never doubled.
"""

from __future__ import annotations

import json

from inhouse.analysis.git.code_reviews import read_bundle
from inhouse.bootstrap import Workspace
from inhouse.domain.code_reviews import ChangeRequest, ReviewImport, ReviewSharing
from inhouse.domain.repos import Repo
from inhouse.domain.shapes import Upload, as_id
from inhouse.errors import InvalidInput, NotFound
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def is_address(source: str) -> bool:
    """True when ``source`` names a repository on its host rather than a saved file."""
    return source.strip().lower().startswith(("https://", "http://"))


def _linked(uow: UnitOfWork, engagement: str | None, repo: str) -> tuple[int, Repo]:
    found = lookup.engagement(uow, engagement)
    assert found.id is not None, "a stored engagement has an id"
    wanted = as_id(repo)
    for candidate in uow.repos.list(found.id):
        if candidate.id == wanted or candidate.name.lower() == repo.strip().lower():
            assert candidate.id is not None, "a stored repository has an id"
            return found.id, candidate
    raise NotFound(f"engagement {found.name!r} has no repository {repo!r}")


def import_prs(
    ws: Workspace, repo: str, *, engagement: str | None = None, upload: Upload | None = None, url: str | None = None
) -> ReviewImport:
    """Import the change requests of ``upload`` (a saved bundle) or of the repository at ``url``
    into the engagement's repository ``repo`` (id or name)."""
    if (upload is None) == (url is None):
        raise InvalidInput("give a saved review bundle or a repository address, one of the two")
    with ws.uow() as uow:  # the repository is checked before anything is fetched
        _linked(uow, engagement, repo)
    if upload is not None:
        try:
            data = json.loads(upload.content)
        except (ValueError, RecursionError):
            raise InvalidInput(f"{upload.name}: not JSON") from None
        source = upload.name
    else:
        from inhouse.analysis.git.code_reviews_fetch import fetch_bundle

        assert url is not None
        where, data = fetch_bundle(url)
        source = where.shown
    host, changes, truncated = read_bundle(data, source)
    with ws.uow() as uow:
        engagement_id, linked = _linked(uow, engagement, repo)
        assert linked.id is not None
        added, updated = uow.change_requests.save(engagement_id, linked.id, host, changes)
        uow.commit()
    return ReviewImport(
        repo=linked.name,
        host=host,
        source=source,
        changes=len(changes),
        added=added,
        updated=updated,
        reviews=sum(len(c.reviews) for c in changes),
        truncated=truncated,
    )


def of_repo(ws: Workspace, repo: str, engagement: str | None = None) -> list[ChangeRequest]:
    """The change requests stored for the engagement's repository ``repo``, with their reviews."""
    with ws.uow() as uow:
        _, linked = _linked(uow, engagement, repo)
        assert linked.id is not None
        return uow.change_requests.of_repo(linked.id)


def sharing(ws: Workspace, engagement: str | None, period: str = "quarter") -> ReviewSharing:
    """Review sharing between the engagement's organisations over the change requests of all its
    linked repositories (``analysis.git.code_reviews_sharing``)."""
    from inhouse.analysis.git.code_reviews_sharing import login_sides
    from inhouse.analysis.git.code_reviews_sharing import sharing as compute

    if period not in ("month", "quarter"):
        raise InvalidInput(f"invalid period {period!r}: expected month or quarter")
    with ws.uow() as uow:
        found = lookup.engagement(uow, engagement)
        assert found.id is not None, "a stored engagement has an id"
        people = uow.people.for_engagement(found.client_id, found.partner_id)
        changes = [c for r in uow.repos.list(found.id) if r.id is not None for c in uow.change_requests.of_repo(r.id)]
    side_of = login_sides((p.name, p.side, p.emails) for p in people)
    periods, organisations, unmatched = compute(changes, side_of, period)
    return ReviewSharing(
        engagement=found.name,
        period=period,
        change_requests=len(changes),
        periods=periods,
        by_organisation=organisations,
        unmatched=unmatched,
    )
