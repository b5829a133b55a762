"""Partner comparison: every partner with its assessed documents and references."""

from __future__ import annotations

import hashlib
import logging
from datetime import date

from inhouse.bootstrap import Workspace
from inhouse.domain.documents import DocumentKind
from inhouse.errors import InhouseError
from inhouse.services import partners as partner_service
from inhouse.services import partners_compare, partners_references
from inhouse.store import dashboard as views
from inhouse.store.dashboard import iso

log = logging.getLogger(__name__)

NOT_ASSESSED = "not measured yet: no proposal assessment stored for this partner"


def _assessment(result) -> dict:
    payload = result.payload or {}
    return {
        "id": result.id,
        "document_id": result.document_id,
        "summary": result.summary,
        "created_at": iso(result.created_at),
        "signals": payload.get("signals") or {},
        "red_flags": payload.get("red_flags") or [],
        "references": payload.get("references") or [],
        "file": payload.get("file"),
    }


def _ranking(ws: Workspace) -> dict:
    """The scorecard ranking (``measured`` False, with the reason, when it cannot be ranked)."""
    try:
        return {"measured": True, **partners_compare.compare(ws)}
    except InhouseError as exc:
        return {"measured": False, "why": exc.message}


def _references(ws: Workspace) -> dict[int, list[dict]]:
    try:
        rows = partners_references.list_all(ws)
    except InhouseError as exc:
        log.warning("references: %s", exc.message)
        return {}
    out: dict[int, list[dict]] = {}
    for row in rows:
        out.setdefault(row.get("partner_id"), []).append(row)
    return out


def partners_tag(ws: Workspace) -> str | None:
    """A tag that changes whenever the partner comparison would (None: no counter to tell)."""
    with ws.uow() as uow:
        version = uow.status_rows.data_version("partners")
    if version is None:
        return None
    return hashlib.blake2b(repr((version, date.today().isoformat())).encode(), digest_size=12).hexdigest()


def partner_comparison(ws: Workspace) -> dict:
    partners = partner_service.list_all(ws)
    references = _references(ws)
    shown = [kind.value for kind in (DocumentKind.PROPOSAL, DocumentKind.TRANSCRIPT, DocumentKind.EMAIL)]
    with ws.uow() as uow:  # two queries for every partner at once, without document bytes
        results: dict[int, list] = {}
        for result in uow.results.list(kind="proposal"):
            results.setdefault(result.partner_id, []).append(result)
        documents = views.partner_documents(uow.session, shown)
    for partner in partners:
        partner["assessments"] = [_assessment(r) for r in reversed(results.get(partner["id"], []))]
        partner["documents"] = documents.get(partner["id"], [])
        partner["references"] = references.get(partner["id"], [])
        partner["measured"] = bool(partner["assessments"])
    return {"partners": partners, "ranking": _ranking(ws), "not_assessed": NOT_ASSESSED}
