"""Document jobs: an uploaded contract reviewed, a proposal assessed, a partner's contract reviewed,
each in the background (the request only checks what it names and queues the work).

What the upload names (the engagement, the partner) is resolved before the job is queued, so a
wrong name is answered at once; the reading and the analysis, the slow and risky part, run in the
job, within the reader's limits and the job's time budget.
"""

from __future__ import annotations

from inhouse.bootstrap import Workspace
from inhouse.domain.jobs import JobRecord, JobResult
from inhouse.domain.shapes import Upload
from inhouse.jobs.runner import JobRunner, Reporter
from inhouse.services import contracts, engagement_documents, lookup, partners_assess
from inhouse.services import jobs as job_service
from inhouse.services.engagement_documents import DocumentIn, DocumentReceived


def submit_contract(
    runner: JobRunner, ws: Workspace, engagement: str, upload: Upload, confirm_parties: bool = False
) -> JobRecord:
    """Queue the review of the contract ``upload`` for ``engagement`` (id or name): a new version of
    its contract. When its parties are not the engagement's client and partner the job fails saying
    so and stores nothing, unless ``confirm_parties`` (the upload is made again with it)."""
    with ws.uow() as uow:
        engagement_id = lookup.engagement(uow, engagement).stored_id

    def work(report: Reporter) -> JobResult:
        report(f"reading and reviewing {upload.name}")
        [checked] = contracts.check(ws, [upload], engagement=str(engagement_id), confirm_parties=confirm_parties)
        return JobResult(result_id=checked.result_id, document_id=checked.document_id, summary=checked.summary)

    return runner.submit("contract", work, subject=upload.name, engagement_id=engagement_id, ws=ws)


def submit_proposal(runner: JobRunner, ws: Workspace, partner: str, upload: Upload) -> JobRecord:
    """Queue the assessment of ``upload`` (a proposal, deck, transcript or e-mail thread) for ``partner``."""
    with ws.uow() as uow:
        found = lookup.partner(uow, partner)
    assert found.id is not None, "a stored partner has an id"
    partner_id, name = found.id, found.name

    def work(report: Reporter) -> JobResult:
        report(f"reading and assessing {upload.name}")
        [assessed] = partners_assess.assess(ws, [upload], partner=str(partner_id))
        return JobResult(
            result_id=assessed.result_id,
            document_id=assessed.document_id,
            partner_id=partner_id,
            partner=assessed.partner,
            summary=f"{assessed.assessment.kind} of {assessed.partner} assessed",
        )

    return runner.submit("proposal", work, subject=f"{upload.name} ({name})", ws=ws)


def receive(
    runner: JobRunner, ws: Workspace, engagement: str, upload: Upload, what: DocumentIn
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
    document_id = received.id

    def work(report: Reporter) -> JobResult:
        report(f"reading and reviewing {upload.name}")
        checked = contracts.review_stored(ws, document_id)
        return JobResult(result_id=checked.result_id, document_id=document_id, summary=checked.summary)

    job = runner.submit("document", work, subject=upload.name, engagement_id=engagement_id, ws=ws)
    return received, job
