"""The audit log: reading it, and noting the events that have no audited row of their own.

Every write is logged by the unit of work itself (``store/audit.py``), in the write's own
transaction; this module only reads the log and adds the entries of signing in and out. Nothing
here, nor anywhere else, edits or removes an entry.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.accounts import Actor
from inhouse.domain.audit import AuditPage, AuditQuery, NoteAction
from inhouse.domain.shapes import as_id
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork


def note(
    uow: UnitOfWork,
    action: NoteAction,
    summary: str,
    *,
    record_id: int | None = None,
    actor: Actor | None = None,
) -> None:
    """Log ``action`` (``sign_in``, ``sign_out``) of an account in ``uow``'s transaction: it is
    stored when ``uow`` commits, and not at all when it rolls back. ``record_id`` is the account's
    id; ``actor`` who acted (default: the unit of work's, e.g. the user whose session ends)."""
    uow.audit.note(action, summary, record_type="users", record_id=record_id, actor=actor)


def list(ws: Workspace, query: AuditQuery) -> AuditPage:
    """Entries newest first, filtered by ``query``; ``next_before_id`` asks for the next, older page.

    An engagement named by its id matches entries of an engagement since removed, too."""
    with ws.uow() as uow:
        engagement_id = None
        if query.engagement is not None:
            engagement_id = as_id(query.engagement) or lookup.engagement(uow, query.engagement).stored_id
        return uow.audit.page(
            since=query.since,
            user=query.user,
            engagement_id=engagement_id,
            record_type=query.record_type,
            action=query.action,
            limit=query.limit,
            before_id=query.before_id,
        )
