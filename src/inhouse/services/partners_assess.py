"""Assessing what a partner sends and says: proposals, decks, call transcripts, email threads.

Every document is read and assessed before anything is stored; then, in one transaction, each
is kept as a Document (its kind detected, its original bytes kept) with an analysis result of
kind ``proposal`` and the references it cites, with who uploaded it (the acting account). One
unreadable document stores nothing. A proposal never replaces an earlier one: it is a new version of
the partner's proposal for its engagement, and the newest assessed version is the one the scorecard
reads (``services/proposal_versions.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inhouse.analysis.documents import read_document
from inhouse.analysis.proposals import assess_text
from inhouse.bootstrap import Workspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.limits import DocumentLimits
from inhouse.domain.organisations import Partner
from inhouse.domain.partners import (
    AssessedDocument,
    ProposalAnalysis,
    ReferenceCheck,
    StoredAssessment,
)
from inhouse.domain.results import AnalysisResult
from inhouse.domain.shapes import Upload
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.store.uow import UnitOfWork

if TYPE_CHECKING:
    from inhouse.services.demo import DemoContext

KIND = "proposal"


class PartnerNotRecognised(InvalidInput):
    """A document names no stored partner, or several: the user must say whose it is."""


@dataclass
class _Read:
    upload: Upload
    text: str
    media_type: str


def assess(
    ws: Workspace, documents: list[Upload], partner: str | None = None, engagement: str | None = None
) -> list[AssessedDocument]:
    """Assess ``documents`` for ``partner`` (id or name; else the one stored partner each
    document mentions) and store them with their assessments, all or nothing."""
    if not documents:
        raise InvalidInput("documents must list at least one file to assess")
    ws.require_ready()
    limits = DocumentLimits.of(ws.settings)
    read = [_read(upload, limits) for upload in documents]
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        found = lookup.engagement(uow, engagement) if engagement else None
        named = lookup.partner(uow, partner, client) if partner else None
        done = []
        for item in read:
            target = named or _recognise(uow, client.id, item)
            analysis = assess_text(item.text, item.upload.name, partner=target.name)
            done.append(_store(uow, client.id, target, found.id if found else None, item, analysis))
        uow.commit()
    return done


def _read(upload: Upload, limits: DocumentLimits) -> _Read:
    extracted = read_document(upload.content, upload.name, limits=limits)
    if not extracted.text.strip():
        raise InvalidInput(f"{upload.name}: no text to assess")
    return _Read(upload, extracted.text, extracted.media_type)


def _recognise(uow: UnitOfWork, client_id: int, item: _Read) -> Partner:
    """The one stored partner whose name or e-mail domain the document mentions."""
    lowered = item.text.lower()
    hits = []
    for candidate in uow.partners.list(client_id):
        name = re.escape(candidate.name.lower())
        if re.search(rf"(?<!\w){name}(?!\w)", lowered) or any(
            f"@{domain}" in lowered for domain in candidate.email_domains
        ):
            hits.append(candidate)
    if len(hits) == 1:
        return hits[0]
    which = "no stored partner" if not hits else "several partners (" + ", ".join(p.name for p in hits) + ")"
    raise PartnerNotRecognised(f"{item.upload.name} mentions {which}: name the partner")


def _store(
    uow: UnitOfWork,
    client_id: int,
    partner: Partner,
    engagement_id: int | None,
    item: _Read,
    analysis: ProposalAnalysis,
) -> AssessedDocument:
    assert partner.id is not None, "a stored partner has an id"
    document = uow.documents.add(
        Document(
            filename=item.upload.name,
            kind=DocumentKind(analysis.kind),
            content=item.upload.content,
            media_type=item.media_type,
            engagement_id=engagement_id,
            partner_id=partner.id,
            title=_title(item.text),
        )
    )
    assert document.id is not None, "a stored document has an id"
    result_id = _keep(uow, client_id, partner.id, document.id, engagement_id, analysis)
    return AssessedDocument(
        assessment=analysis.public(),
        partner=partner.name,
        document_id=document.id,
        result_id=result_id,
        speakers=analysis.speakers,
    )


def _keep(
    uow: UnitOfWork,
    client_id: int,
    partner_id: int,
    document_id: int,
    engagement_id: int | None,
    analysis: ProposalAnalysis,
) -> int:
    """Store the analysis result and the references it found; the result's id."""
    result = uow.results.add(
        AnalysisResult(
            kind=KIND,
            subject=analysis.file,
            payload=analysis.model_dump(mode="json"),
            summary=analysis.summary,
            engagement_id=engagement_id,
            partner_id=partner_id,
            document_id=document_id,
        )
    )
    for finding in analysis.references:
        uow.references.add(
            ReferenceCheck.from_finding(partner_id, finding, document_id=document_id, engagement_id=engagement_id),
            client_id,
        )
    assert result.id is not None, "a stored result has an id"
    return result.id


def _title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip(" #*\t")
        if line:
            return line[:200]
    return ""


def assess_stored_proposals(ws: Workspace, partner_ids: list[int]) -> list[StoredAssessment]:
    """Assess the proposal documents already stored for these partners that have no result yet."""
    done = []
    limits = DocumentLimits.of(ws.settings)
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        assert client.id is not None, "a stored client has an id"
        for partner_id in partner_ids:
            partner = uow.partners.get(partner_id)
            if partner is None:
                continue
            for listed in uow.documents.list(partner_id=partner_id, kind=DocumentKind.PROPOSAL):
                assert listed.id is not None, "a stored document has an id"
                if uow.results.latest(KIND, document_id=listed.id) is not None:
                    continue
                document = uow.documents.get(listed.id)
                assert document is not None, "a listed document exists"
                text = read_document(document.content, document.filename, limits=limits).text
                analysis = assess_text(text, document.filename, partner=partner.name, kind="proposal")
                _keep(uow, client.id, partner_id, listed.id, document.engagement_id, analysis)
                done.append(StoredAssessment(partner=partner.name, document_id=listed.id, summary=analysis.summary))
        uow.commit()
    return done


def demo_step(context: DemoContext) -> str:
    """The demo's partner choice: assess both candidates' proposals, then rank them
    (listed in ``services/demo/steps.py``)."""
    from inhouse.services.partners_compare import compare

    assess_stored_proposals(context.ws, sorted(context.partner_ids.values()))
    ranked = compare(context.ws).candidates
    return "; ".join(f"{c.rank}. {c.partner} {c.score:.0f}/100" for c in ranked) + " (try `inhouse partner compare`)"
