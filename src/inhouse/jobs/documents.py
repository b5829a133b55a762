"""Document jobs: an uploaded contract reviewed, a proposal assessed, a partner's contract reviewed,
each in the background (the request only checks what it names, keeps the upload and queues the work).

What the upload names (the engagement, the partner) is resolved before the job is queued, so a
wrong name is answered at once; the reading and the analysis, the slow and risky part, run in the
job, within the reader's limits and the job's time budget.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import ContractPayload, DocumentPayload, JobRecord, ProposalPayload
from inhouse.domain.shapes import Upload
from inhouse.services import engagement_documents, lookup
from inhouse.services import jobs as job_service
from inhouse.services.engagement_documents import DocumentIn, DocumentReceived
from inhouse.services.queue import JobQueue


def submit_contract(
    runner: JobQueue, ws: Workspace, engagement: str, upload: Upload, confirm_parties: bool = False
) -> JobRecord:
    """Queue the review of the contract ``upload`` for ``engagement`` (id or name): a new version of
    its contract. When its parties are not the engagement's client and partner the job fails saying
    so and stores nothing, unless ``confirm_parties`` (the upload is made again with it). The upload
    is kept with the job, stored with it in one transaction."""
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).stored_id
    payload = ContractPayload(engagement_id=engagement_id, file_name=upload.name, confirm_parties=confirm_parties)
    return runner.enqueue(
        ws, "contract", payload, subject=upload.name, engagement_id=engagement_id, upload=(upload.name, upload.content)
    )


def submit_proposal(runner: JobQueue, ws: Workspace, partner: str, upload: Upload) -> JobRecord:
    """Queue the assessment of ``upload`` (a proposal, deck, transcript or e-mail thread) for ``partner``."""
    with ws.uow() as uow:
        found = lookup.partner(uow, partner)
    assert found.id is not None, "a stored partner has an id"
    payload = ProposalPayload(partner_id=found.id, file_name=upload.name)
    return runner.enqueue(
        ws, "proposal", payload, subject=f"{upload.name} ({found.name})", upload=(upload.name, upload.content)
    )


def receive(
    runner: JobQueue, ws: Workspace, engagement: str, upload: Upload, what: DocumentIn
) -> tuple[DocumentReceived, JobRecord | None]:
    """Store a document handed over for ``engagement`` byte for byte and say so; a contract is
    stored as such and its review queued (the uploader is told what was received, not the review).
    A contract whose parties are not the engagement's stays stored but held: the job fails saying so,
    and the client confirms it on the document's page (``review_stored`` with ``confirm_parties``)."""
    if what.kind != "contract":
        return engagement_documents.receive(ws, engagement, upload, what), None
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).stored_id
    job_service.admit(ws)  # a full queue refuses the upload before anything is stored
    received = engagement_documents.receive(ws, str(engagement_id), upload, what)
    payload = DocumentPayload(engagement_id=engagement_id, document_id=received.id)
    job = runner.enqueue(ws, "document", payload, subject=upload.name, engagement_id=engagement_id)
    return received, job
