"""Finding the records a user names: by id or by (case-insensitive) name.

The errors name the record kind (``record``), so an edge can add where to look (the CLI
prints ``see `inhouse engagement list```); the messages themselves speak of records only.
"""

from __future__ import annotations

from inhouse.domain.engagements import Engagement
from inhouse.domain.organisations import Client, Partner
from inhouse.domain.repos import Repo
from inhouse.domain.roster import Roster
from inhouse.domain.shapes import as_id
from inhouse.errors import InvalidInput, NotFound
from inhouse.store.uow import UnitOfWork


class Unknown(NotFound):
    """No ``record`` (``"client"``, ``"partner"``, ``"engagement"``) is named so."""

    def __init__(self, record: str, message: str) -> None:
        super().__init__(message)
        self.record = record


class Unclear(InvalidInput):
    """Several records of kind ``record`` fit: the user must name one."""

    def __init__(self, record: str, message: str) -> None:
        super().__init__(message)
        self.record = record


def _nameable(ref: str) -> bool:
    """Whether a record could be named ``ref``: no stored name holds a NUL character (and
    PostgreSQL refuses one in a query)."""
    return "\x00" not in ref


def the_client(uow: UnitOfWork, ref: str | None = None) -> Client:
    """The client named ``ref``, or the workspace's only client."""
    if ref:
        wanted = as_id(ref)
        client = uow.clients.get(wanted) if wanted is not None else None
        if client is None and _nameable(ref):
            client = uow.clients.by_name(ref)
        if client is None:
            raise Unknown("client", f"no client {ref!r}")
        return client
    clients = uow.clients.list()
    if not clients:
        raise Unknown("client", "the workspace has no client yet")
    if len(clients) > 1:
        names = ", ".join(c.name for c in clients)
        raise Unclear("client", f"the workspace has several clients ({names}): name one")
    return clients[0]


def partner(uow: UnitOfWork, ref: str, client: Client | None = None) -> Partner:
    ref = str(ref).strip()
    found: Partner | None = None
    if (wanted := as_id(ref)) is not None:
        found = uow.partners.get(wanted)
    if found is None and _nameable(ref):
        client = client or the_client(uow)
        assert client.id is not None, "a stored client has an id"
        found = uow.partners.by_name(client.id, ref)
    if found is None:
        raise Unknown("partner", f"no partner {ref!r}")
    return found


def engagement(uow: UnitOfWork, ref: str | None) -> Engagement:
    """The engagement named ``ref`` (id or name), or the only engagement when ``ref`` is empty."""
    if not ref:
        engagements = uow.engagements.list()
        if len(engagements) == 1:
            return engagements[0]
        if not engagements:
            raise Unknown("engagement", "the workspace has no engagement yet")
        raise Unclear("engagement", "several engagements exist: name one")
    ref = str(ref).strip()
    if (wanted := as_id(ref)) is not None:
        found = uow.engagements.get(wanted)
        if found is not None:
            return found
    matches = uow.engagements.by_name(ref) if _nameable(ref) else []
    if not matches:
        raise Unknown("engagement", f"no engagement {ref!r}")
    if len(matches) > 1:
        raise Unclear("engagement", f"several engagements are named {ref!r}: use the id instead")
    return matches[0]


def roster(uow: UnitOfWork, engagement: Engagement) -> Roster:
    """Who is who in ``engagement``: its people, the client's and the partner's names and domains."""
    partner = uow.partners.get(engagement.partner_id)
    client = uow.clients.get(engagement.client_id)
    people = uow.people.for_engagement(engagement.client_id, engagement.partner_id)
    return Roster(
        people, client.name if client else "", partner.name if partner else "", partner.email_domains if partner else ()
    )


def account_names(uow: UnitOfWork) -> dict[int, str]:
    """Every account's display name by id (who uploaded a document, in words)."""
    return {a.id: a.name or a.email for a in uow.users.list() if a.id is not None}


def repo_target(uow: UnitOfWork, repo_path: str, engagement: str | None) -> tuple[Engagement | None, Repo | None]:
    """The engagement a repository analysis belongs to, and the linked repository if any: the
    engagement named, else the one the repository is linked to; (None, None) when none knows it."""
    if engagement:
        found = _engagement(uow, engagement)
        assert found.id is not None, "a stored engagement has an id"
        return found, uow.repos.by_path(found.id, repo_path)
    linked = uow.repos.find_path(repo_path)
    if len(linked) > 1:
        raise Unclear("engagement", f"{repo_path} is linked to several engagements: name one")
    if linked:
        return uow.engagements.get(linked[0].engagement_id), linked[0]
    return None, None


_engagement = engagement  # the parameter above shadows the function
