"""Assessing what a partner sends and says: proposals, decks, call transcripts, email threads.

Every file is read and assessed before anything is stored; then, in one transaction, each
file is kept as a Document (its kind detected, its original bytes kept) with an analysis
result of kind ``proposal`` and the references it cites. One unreadable file stores nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from inhouse.analysis.documents import read_document
from inhouse.analysis.proposals import assess_text
from inhouse.bootstrap import Workspace
from inhouse.domain.documents import Document, DocumentKind
from inhouse.domain.organisations import Client, Partner
from inhouse.domain.partners import ProposalAssessment, ReferenceCheck
from inhouse.domain.results import AnalysisResult
from inhouse.errors import InvalidInput
from inhouse.services import lookup
from inhouse.services.files import read_user_file
from inhouse.store.uow import UnitOfWork

KIND = "proposal"


@dataclass
class _Read:
    path: str
    data: bytes
    text: str
    media_type: str


def assess(ws: Workspace, paths: list[str], partner: str | None = None, engagement: str | None = None) -> list[dict]:
    """Assess ``paths`` for ``partner`` (named, or recognised in the text) and store the results.

    Returns one dict per file: ``assessment`` (the ``--json`` object), ``partner``,
    ``document_id``, ``result_id``, ``speakers`` (who spoke, on which side, how much).
    """
    if not paths:
        raise InvalidInput("give at least one file to assess")
    ws.require_ready()
    files = [_read(path, ws.settings.max_document_bytes) for path in paths]
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        found_engagement = lookup.engagement(uow, engagement) if engagement else None
        named = lookup.partner(uow, partner, client) if partner else None
        done = []
        for item in files:
            target = named or _recognise(uow, client, item)
            assessment = assess_text(item.text, item.path, partner=target.name)
            done.append(
                _store(uow, client, target, found_engagement.id if found_engagement else None, item, assessment)
            )
        uow.commit()
    return done


def _read(path: str, max_bytes: int) -> _Read:
    file = Path(path).expanduser()
    data = read_user_file(path)
    extracted = read_document(data, file.name, max_bytes=max_bytes)
    if not extracted.text.strip():
        raise InvalidInput(f"{path}: no text to assess")
    return _Read(path, data, extracted.text, extracted.media_type)


def _recognise(uow: UnitOfWork, client: Client, item: _Read) -> Partner:
    """The one stored partner whose name or e-mail domain the document mentions."""
    lowered = item.text.lower()
    hits = []
    for candidate in uow.partners.list(client.id):
        name = re.escape(candidate.name.lower())
        if re.search(rf"(?<!\w){name}(?!\w)", lowered) or any(
            f"@{domain}" in lowered for domain in candidate.email_domains
        ):
            hits.append(candidate)
    if len(hits) == 1:
        return hits[0]
    which = "no stored partner" if not hits else "several partners (" + ", ".join(p.name for p in hits) + ")"
    raise InvalidInput(f"{item.path} mentions {which}: name the partner with --partner")


def _store(
    uow: UnitOfWork,
    client: Client,
    partner: Partner,
    engagement_id: int | None,
    item: _Read,
    assessment: ProposalAssessment,
) -> dict:
    document = uow.documents.add(
        Document(
            filename=Path(item.path).name,
            kind=DocumentKind(assessment.kind),
            content=item.data,
            media_type=item.media_type,
            engagement_id=engagement_id,
            partner_id=partner.id,
            title=_title(item.text),
        )
    )
    result = uow.results.add(
        AnalysisResult(
            kind=KIND,
            subject=item.path,
            payload=assessment.to_payload(),
            summary=assessment.summary,
            engagement_id=engagement_id,
            partner_id=partner.id,
            document_id=document.id,
        )
    )
    for finding in assessment.references:
        uow.references.add(
            ReferenceCheck.from_finding(partner.id, finding, document_id=document.id, engagement_id=engagement_id),
            client.id,
        )
    return {
        "assessment": assessment.to_dict(),
        "partner": partner.name,
        "document_id": document.id,
        "result_id": result.id,
        "speakers": [speaker.to_dict() for speaker in assessment.speakers],
    }


def _title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip(" #*\t")
        if line:
            return line[:200]
    return ""


def stored(uow: UnitOfWork, partner_id: int, engagement_id: int | None = None) -> list[ProposalAssessment]:
    """The stored assessments of a partner (for one engagement when given), oldest first."""
    results = uow.results.list(kind=KIND, partner_id=partner_id, engagement_id=engagement_id)
    return [ProposalAssessment.from_payload(r.payload) for r in results]


def assess_stored_proposals(ws: Workspace, partner_ids: list[int]) -> list[dict]:
    """Assess the proposal documents already stored for these partners that have no result yet."""
    done = []
    with ws.uow() as uow:
        client = lookup.the_client(uow)
        for partner_id in partner_ids:
            partner = uow.partners.get(partner_id)
            for listed in uow.documents.list(partner_id=partner_id, kind=DocumentKind.PROPOSAL):
                if uow.results.latest(KIND, document_id=listed.id) is not None:
                    continue
                document = uow.documents.get(listed.id)
                text = read_document(document.content, document.filename, max_bytes=ws.settings.max_document_bytes).text
                assessment = assess_text(text, document.filename, partner=partner.name, kind="proposal")
                uow.results.add(
                    AnalysisResult(
                        kind=KIND,
                        subject=document.filename,
                        payload=assessment.to_payload(),
                        summary=assessment.summary,
                        engagement_id=document.engagement_id,
                        partner_id=partner.id,
                        document_id=document.id,
                    )
                )
                for finding in assessment.references:
                    uow.references.add(
                        ReferenceCheck.from_finding(
                            partner.id, finding, document_id=document.id, engagement_id=document.engagement_id
                        ),
                        client.id,
                    )
                done.append({"partner": partner.name, "document_id": document.id, "summary": assessment.summary})
        uow.commit()
    return done


def demo_step(context) -> str:
    """The demo's partner choice: assess both candidates' proposals, then rank them
    (listed in ``services/demo/steps.py``)."""
    from inhouse.services.partners_compare import compare

    assess_stored_proposals(context.ws, sorted(context.partner_ids.values()))
    ranked = compare(context.ws)["candidates"]
    return (
        "; ".join(f"{c['rank']}. {c['partner']} {c['score']:.0f}/100" for c in ranked)
        + " (try `inhouse partner compare`)"
    )
