"""What the forms and the JSON API change, each through the service that owns it.

Services built in parallel (reviews, decisions, drills, contracts, proposals, references,
scans) are looked up when called: until one is installed, its form answers 501 with a
clear message instead of storing anything by another route.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from inhouse.bootstrap import Workspace
from inhouse.errors import NotFound
from inhouse.services import contracts, partners_assess, partners_references
from inhouse.services import partners as partner_service


def add_partner(ws: Workspace, name: str, status: str, website: str | None, domains: list[str], notes: str) -> dict:
    return partner_service.add(ws, name, status=status, website=website or None, domains=domains, notes=notes)


def add_reference(
    ws: Workspace,
    partner: str,
    name: str,
    similar_scale: str,
    still_running: str,
    client_contact_offered: str,
    notes: str,
) -> dict:
    return partners_references.add(
        ws,
        partner,
        name,
        similar_scale=similar_scale,
        still_running=still_running,
        client_contact_offered=client_contact_offered,
        notes=notes,
    )


def _with_file(filename: str, content: bytes, run):
    """Run ``run(path)`` on the upload written under its own name in a private temporary folder
    (the document services read files by path; they store nothing unless the whole file reads)."""
    with tempfile.TemporaryDirectory(prefix="inhouse-upload-") as folder:
        path = Path(folder) / filename
        path.write_bytes(content)
        return run(str(path))


def upload_contract(ws: Workspace, engagement: str, filename: str, content: bytes) -> dict:
    """Store the contract and its review in one unit of work (the contracts service's job)."""
    done = _with_file(filename, content, lambda path: contracts.check(ws, [path], engagement=engagement))
    return done[0] if done else {}


def review_document(ws: Workspace, document_id: int | str) -> dict:
    """Review a contract already stored (by the demo, say) against the five must-have clauses."""
    try:
        wanted = int(document_id)
    except (TypeError, ValueError):
        raise NotFound(f"no document {document_id!r}") from None
    return contracts.review_stored(ws, wanted)


def upload_proposal(ws: Workspace, partner: str, filename: str, content: bytes) -> dict:
    """Assess an uploaded proposal, deck, transcript or email thread (its kind is detected)."""
    done = _with_file(filename, content, lambda path: partners_assess.assess(ws, [path], partner=partner))
    return done[0] if done else {}
